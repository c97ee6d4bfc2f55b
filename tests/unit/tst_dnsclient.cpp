// The direct DNS client against an in-process responder that misbehaves on purpose.
#include "clock.h"
#include "dns/dnsclient.h"
#include "dns/ednsoptions.h"
#include "fakednsresponder.h"

#include <QSet>
#include <QTest>

using Reply = FakeDnsResponder::Reply;
using Transport = FakeDnsResponder::Transport;

namespace {
constexpr quint16 TypeA = quint16(DnsWire::RecordType::A);

// An OPT record: its owner as wire bytes ("\0" is the root), then OPT, payload 1232, and options.
QByteArray optRecord(const QByteArray &options, const QByteArray &owner = QByteArray(1, '\0'))
{
    QByteArray record = owner;
    DnsWire::appendU16(&record, quint16(DnsWire::RecordType::OPT));
    DnsWire::appendU16(&record, 1232);
    DnsWire::appendU32(&record, 0);
    DnsWire::appendU16(&record, quint16(options.size()));
    return record + options;
}

// response with records appended to its last section: the additional one, or, when it has no
// records at all, counted as answers.
enum class Section { Answer, Additional };
QByteArray withRecords(QByteArray response, const QList<QByteArray> &records, Section section)
{
    const int countAt = section == Section::Answer ? 6 : 10;
    const quint16 count = quint16((quint8(response[countAt]) << 8) | quint8(response[countAt + 1]));
    response[countAt] = char((count + records.size()) >> 8);
    response[countAt + 1] = char((count + records.size()) & 0xFF);
    for (const QByteArray &record : records)
        response += record;
    return response;
}

QList<Reply> answerA(const DnsWire::Message &query,
                     const QString &address = QStringLiteral("10.0.0.1"))
{
    return {{FakeDnsResponder::response(
            query, 0, {FakeDnsResponder::a(query.questions.value(0).name, address, 60)})}};
}
} // namespace

class TestDnsClient : public QObject
{
    Q_OBJECT

private:
    struct Rig
    {
        // Real time, or a ManualClock the test moves: then a timeout happens exactly when the
        // test says, whatever the load of the machine.
        enum class Time { Real, Manual };

        explicit Rig(int servers = 1, const QHostAddress &address = QHostAddress::LocalHost,
                     Time time = Time::Real)
            : clock(time == Time::Manual ? std::unique_ptr<Clock>(std::make_unique<ManualClock>())
                                         : std::unique_ptr<Clock>(std::make_unique<SystemClock>()))
        {
            for (int i = 0; i < servers; ++i) {
                auto *responder = new FakeDnsResponder(&context);
                if (!responder->listen(address))
                    qFatal("cannot bind the fake responder");
                responders.append(responder);
                options.servers.append(*NameServer::parse(responder->serverString()));
            }
            options.timeoutMs = 200;
            options.attempts = 2;
        }
        DnsClient *client()
        {
            if (!m_client)
                m_client = std::make_unique<DnsClient>(options, clock.get());
            return m_client.get();
        }
        // Sends one query and waits (on the event loop) for its result.
        DnsExchange ask(const QString &name, quint16 type = TypeA)
        {
            std::optional<DnsExchange> result;
            client()->query(name, type, &context, [&](const DnsExchange &e) { result = e; });
            [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000); }();
            return result.value_or(DnsExchange());
        }

        ManualClock *manualClock() const { return qobject_cast<ManualClock *>(clock.get()); }
        // Moves the manual clock by ms in steps of 10 ms, letting the sockets deliver between.
        void advance(qint64 ms)
        {
            for (qint64 moved = 0; moved < ms; moved += 10) {
                QCoreApplication::processEvents();
                manualClock()->advance(qMin<qint64>(10, ms - moved));
            }
            QCoreApplication::processEvents();
        }

        std::unique_ptr<Clock> clock;
        QObject context;
        QList<FakeDnsResponder *> responders;
        DnsClientOptions options;
        std::unique_ptr<DnsClient> m_client;
    };

private Q_SLOTS:
    void answersAQuery()
    {
        Rig rig;
        rig.responders[0]->setScript([](const DnsWire::Message &q, const QByteArray &, Transport) {
            return answerA(q);
        });
        const DnsExchange exchange = rig.ask(QStringLiteral("a.test"));
        QCOMPARE(exchange.error, DnsExchange::Error::None);
        QCOMPARE(exchange.response.answers.size(), 1);
        QCOMPARE(exchange.response.answers[0].address, QHostAddress(QStringLiteral("10.0.0.1")));
        QCOMPARE(exchange.server, rig.options.servers[0]);
        QCOMPARE(exchange.tries, 1);
        QVERIFY(!exchange.overTcp);
        QVERIFY(exchange.latencyUs > 0);
    }

    void ipv6ServerAndFailoverAcrossFamilies()
    {
        Rig v6(1, QHostAddress::LocalHostIPv6);
        QVERIFY(v6.responders[0]->serverString().startsWith(QLatin1String("[::1]:")));
        v6.responders[0]->setScript([](const DnsWire::Message &q, const QByteArray &, Transport) {
            return answerA(q);
        });
        // A silent IPv4 server first: the client fails over to the IPv6 one.
        FakeDnsResponder silent;
        QVERIFY(silent.listen());
        v6.options.servers.prepend(*NameServer::parse(silent.serverString()));
        const DnsExchange exchange = v6.ask(QStringLiteral("a.test"));
        QCOMPARE(exchange.error, DnsExchange::Error::None);
        QCOMPARE(exchange.server.address, QHostAddress(QHostAddress::LocalHostIPv6));
        QCOMPARE(silent.udpQueries(), 1);
    }

    void lateAnswerToAnEarlierTryIsAccepted()
    {
        Rig rig;
        rig.options.timeoutMs = 400;
        rig.options.attempts = 3;
        rig.responders[0]->setScript([](const DnsWire::Message &q, const QByteArray &, Transport) {
            return QList<Reply>{{answerA(q)[0].bytes, 600}}; // every answer slower than a try
        });
        const DnsExchange exchange = rig.ask(QStringLiteral("slow.test"));
        // Without late answers every try would time out; the first try's answer (at 600 ms)
        // lands during the second try (400-800 ms) and ends the query.
        QCOMPARE(exchange.error, DnsExchange::Error::None);
        QVERIFY(exchange.tries >= 2);
        QCOMPARE(rig.client()->stats().mismatched, 0u);
    }

    void unsendableServerFailsLaterNotInsideQuery()
    {
        Rig rig;
        // A link-local address without a scope: the kernel refuses to send there.
        rig.options.servers = {*NameServer::parse(QStringLiteral("[fe80::1]:53"))};
        rig.options.attempts = 1;
        QList<DnsExchange> results;
        for (int i = 0; i < 300; ++i) // more than the window: a chain of failures, not a nest
            rig.client()->query(QStringLiteral("u%1.test").arg(i), TypeA, &rig.context,
                                [&](const DnsExchange &e) { results.append(e); });
        QVERIFY(results.isEmpty()); // never from inside query()
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 300, 5000);
        for (const DnsExchange &exchange : std::as_const(results))
            QCOMPARE(exchange.error, DnsExchange::Error::Network);
    }

    void socketsTakeTurns()
    {
        Rig rig;
        rig.options.socketsPerServer = 4;
        rig.responders[0]->setScript([](const DnsWire::Message &q, const QByteArray &, Transport) {
            return answerA(q);
        });
        int done = 0;
        for (int i = 0; i < 8; ++i)
            rig.client()->query(QStringLiteral("t%1.test").arg(i), TypeA, &rig.context,
                                [&](const DnsExchange &) { ++done; });
        QTRY_COMPARE(done, 8);
        QCOMPARE(rig.responders[0]->senderPorts().size(), 4); // not one port for all
    }

    void queriesCarryEdnsAndRandomIds()
    {
        Rig rig;
        QSet<quint16> ids;
        bool sawOpt = true;
        rig.responders[0]->setScript([&](const DnsWire::Message &q, const QByteArray &, Transport) {
            ids.insert(q.id);
            sawOpt = sawOpt && q.ednsUdpPayload.value_or(0) == 1232;
            return answerA(q);
        });
        int done = 0;
        for (int i = 0; i < 50; ++i)
            rig.client()->query(QStringLiteral("n%1.test").arg(i), TypeA, &rig.context,
                                [&](const DnsExchange &) { ++done; });
        QTRY_COMPARE(done, 50);
        QVERIFY(sawOpt);
        QVERIFY2(ids.size() >= 45, "IDs should be random, not sequential or repeated");
    }

    void mismatchedRepliesAreIgnoredAndCounted_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("wrong id") << QStringLiteral("id");
        QTest::newRow("wrong question") << QStringLiteral("question");
        QTest::newRow("not a response") << QStringLiteral("qr");
    }
    void mismatchedRepliesAreIgnoredAndCounted()
    {
        QFETCH(QString, kind);
        Rig rig;
        rig.responders[0]->setScript([kind](const DnsWire::Message &q, const QByteArray &raw,
                                            Transport) {
            DnsWire::Message wrong = q;
            QByteArray bad;
            if (kind == QLatin1String("id")) {
                wrong.id = quint16(q.id + 1);
                bad = FakeDnsResponder::response(
                        wrong, 0,
                        {FakeDnsResponder::a(q.questions[0].name, QStringLiteral("6.6.6.6"), 60)});
            } else if (kind == QLatin1String("question")) {
                wrong.questions[0].name = QStringLiteral("evil.test");
                bad = FakeDnsResponder::response(
                        wrong, 0,
                        {FakeDnsResponder::a(QStringLiteral("evil.test"), QStringLiteral("6.6.6.6"),
                                             60)});
            } else {
                bad = raw; // the query echoed back: QR bit clear
            }
            QList<Reply> replies{{bad}};
            replies.append({answerA(q)[0].bytes, 20});
            return replies;
        });
        const DnsExchange exchange = rig.ask(QStringLiteral("a.test"));
        QCOMPARE(exchange.error, DnsExchange::Error::None);
        QCOMPARE(exchange.response.answers[0].address, QHostAddress(QStringLiteral("10.0.0.1")));
        QCOMPARE(rig.client()->stats().mismatched, 1u);
    }

    void replyFromAnotherPortIsNeverAccepted()
    {
        Rig rig;
        rig.options.attempts = 1;
        rig.responders[0]->setScript([](const DnsWire::Message &q, const QByteArray &, Transport) {
            Reply spoof = answerA(q, QStringLiteral("6.6.6.6"))[0];
            spoof.fromOtherPort = true;
            return QList<Reply>{spoof};
        });
        const DnsExchange exchange = rig.ask(QStringLiteral("a.test"));
        QCOMPARE(exchange.error, DnsExchange::Error::Timeout);
        QVERIFY(exchange.response.answers.isEmpty());
    }

    void malformedAnswerIsReportedWhenNothingBetterComes()
    {
        Rig rig;
        rig.options.attempts = 1;
        rig.responders[0]->setScript([](const DnsWire::Message &q, const QByteArray &, Transport) {
            QByteArray broken = answerA(q)[0].bytes;
            broken.append("garbage"); // trailing bytes: right ID, does not parse
            return QList<Reply>{{broken}};
        });
        const DnsExchange exchange = rig.ask(QStringLiteral("a.test"));
        QCOMPARE(exchange.error, DnsExchange::Error::Malformed);
        QVERIFY2(exchange.detail.contains(QStringLiteral("trailing bytes")),
                 qPrintable(exchange.detail));
        QCOMPARE(rig.client()->stats().malformed, 1u);
    }

    void malformedOptIsReportedWithItsReason_data()
    {
        QTest::addColumn<QList<QByteArray>>("records");
        QTest::addColumn<int>("section");
        QTest::addColumn<QString>("reason");

        const QByteArray ede = QByteArray::fromHex("000f0002 0006");
        QTest::newRow("two OPT records")
                << QList<QByteArray>{optRecord(ede), optRecord({})} << int(Section::Additional)
                << QStringLiteral("more than one OPT record");
        QTest::newRow("OPT as an answer")
                << QList<QByteArray>{optRecord(ede)} << int(Section::Answer)
                << QStringLiteral("OPT record outside the additional section");
        QTest::newRow("OPT owned by a name")
                << QList<QByteArray>{optRecord(ede, QByteArray::fromHex("017800"))}
                << int(Section::Additional)
                << QStringLiteral("OPT record owned by a name other than the root");
        QTest::newRow("EDE past its record")
                << QList<QByteArray>{optRecord(QByteArray::fromHex("000f00ff 0006"))}
                << int(Section::Additional)
                << QStringLiteral("EDNS option runs past the end of its OPT record");
        QTest::newRow("option header cut")
                << QList<QByteArray>{optRecord(ede + QByteArray::fromHex("000f"))}
                << int(Section::Additional)
                << QStringLiteral("EDNS option runs past the end of its OPT record");
        QTest::newRow("EDE of 1 byte")
                << QList<QByteArray>{optRecord(QByteArray::fromHex("000f0001 06"))}
                << int(Section::Additional)
                << QStringLiteral("Extended DNS Error option shorter than its 2-byte info-code");
    }

    void malformedOptIsReportedWithItsReason()
    {
        QFETCH(QList<QByteArray>, records);
        QFETCH(int, section);
        QFETCH(QString, reason);
        Rig rig;
        rig.options.attempts = 1;
        rig.responders[0]->setScript([&](const DnsWire::Message &q, const QByteArray &, Transport) {
            // A SERVFAIL without records: the records go in whichever section the row says.
            const QByteArray base = FakeDnsResponder::response(q, 2, {});
            return QList<Reply>{{withRecords(base, records, Section(section))}};
        });
        const DnsExchange exchange = rig.ask(QStringLiteral("a.test"));
        QCOMPARE(exchange.error, DnsExchange::Error::Malformed);
        QVERIFY2(exchange.detail.contains(reason), qPrintable(exchange.detail));
        QCOMPARE(rig.client()->stats().malformed, 1u);
    }

    void extendedErrorsReachTheExchange()
    {
        Rig rig;
        rig.responders[0]->setScript([](const DnsWire::Message &q, const QByteArray &, Transport) {
            QByteArray options;
            DnsWire::appendExtendedErrorOption(&options, {6, QStringLiteral("bad\x1b[2Jsig")});
            DnsWire::appendExtendedErrorOption(&options, {22, QString()});
            return QList<Reply>{{withRecords(FakeDnsResponder::response(q, 2, {}),
                                             {optRecord(options)}, Section::Additional)}};
        });
        const DnsExchange exchange = rig.ask(QStringLiteral("a.test"));
        QCOMPARE(exchange.error, DnsExchange::Error::None);
        QCOMPARE(exchange.response.rcode, quint16(2));
        const QList<ExtendedDnsError> &errors = exchange.response.extendedErrors;
        QCOMPARE(errors.size(), 2);
        QCOMPARE(errors[0].infoCode, quint16(6));
        QCOMPARE(errors[0].extraText, QStringLiteral("bad\\x1b[2Jsig")); // never raw
        QCOMPARE(errors[1].infoCode, quint16(22));
        QCOMPARE(ExtendedDnsErrors::describe(errors),
                 QStringLiteral("DNSSEC Bogus (EDE 6): bad\\x1b[2Jsig; "
                                "No Reachable Authority (EDE 22)"));
    }

    void malformedThenGoodAnswerWins()
    {
        Rig rig;
        rig.responders[0]->setScript([](const DnsWire::Message &q, const QByteArray &, Transport) {
            return QList<Reply>{{answerA(q)[0].bytes.left(20)}, {answerA(q)[0].bytes, 20}};
        });
        const DnsExchange exchange = rig.ask(QStringLiteral("a.test"));
        QCOMPARE(exchange.error, DnsExchange::Error::None);
        QCOMPARE(exchange.tries, 1);
    }

    void truncatedAnswerIsRetriedOverTcp()
    {
        Rig rig;
        rig.responders[0]->setScript([](const DnsWire::Message &q, const QByteArray &,
                                        Transport transport) {
            if (transport == Transport::Udp)
                return QList<Reply>{{FakeDnsResponder::response(q, 0, {}, {}, /*truncated=*/true)}};
            QList<FakeDnsResponder::RecordSpec> many;
            for (int i = 1; i <= 100; ++i)
                many.append(FakeDnsResponder::a(q.questions[0].name,
                                                QStringLiteral("10.0.1.%1").arg(i), 60));
            return QList<Reply>{{FakeDnsResponder::response(q, 0, many)}};
        });
        const DnsExchange exchange = rig.ask(QStringLiteral("big.test"));
        QCOMPARE(exchange.error, DnsExchange::Error::None);
        QVERIFY(exchange.overTcp);
        QCOMPARE(exchange.response.answers.size(), 100);
        QCOMPARE(rig.responders[0]->tcpQueries(), 1);
        QCOMPARE(rig.client()->stats().tcpFallbacks, 1u);
    }

    void silentServerTimesOutAfterEveryAttempt()
    {
        Rig rig(1, QHostAddress::LocalHost, Rig::Time::Manual);
        rig.options.attempts = 3;
        std::optional<DnsExchange> exchange;
        rig.client()->query(QStringLiteral("a.test"), TypeA, &rig.context,
                            [&](const DnsExchange &e) { exchange = e; });
        for (int attempt = 1; attempt <= 3; ++attempt) {
            QTRY_COMPARE(rig.responders[0]->udpQueries(), attempt);
            rig.advance(199); // each try waits its whole timeout, no less
            QVERIFY(!exchange);
            QCOMPARE(rig.responders[0]->udpQueries(), attempt);
            rig.advance(1);
        }
        QTRY_VERIFY(exchange);
        QCOMPARE(exchange->error, DnsExchange::Error::Timeout);
        QCOMPARE(exchange->tries, 3);
        QCOMPARE(rig.responders[0]->udpQueries(), 3);
        QVERIFY2(exchange->detail.contains(QStringLiteral("within 200 ms")),
                 qPrintable(exchange->detail));
    }

    void failsOverToTheNextServer_data()
    {
        QTest::addColumn<int>("firstRcode"); // -1: silent
        QTest::newRow("silent") << -1;
        QTest::newRow("servfail") << 2;
        QTest::newRow("refused") << 5;
    }
    void failsOverToTheNextServer()
    {
        QFETCH(int, firstRcode);
        Rig rig(2);
        rig.responders[0]->setScript(
                [firstRcode](const DnsWire::Message &q, const QByteArray &, Transport) {
                    if (firstRcode < 0)
                        return QList<Reply>();
                    return QList<Reply>{{FakeDnsResponder::response(q, quint16(firstRcode), {})}};
                });
        rig.responders[1]->setScript([](const DnsWire::Message &q, const QByteArray &, Transport) {
            return answerA(q);
        });
        const DnsExchange exchange = rig.ask(QStringLiteral("a.test"));
        QCOMPARE(exchange.error, DnsExchange::Error::None);
        QCOMPARE(exchange.server, rig.options.servers[1]);
        QCOMPARE(exchange.tries, 2);
    }

    void rcodeFromTheOnlyServerIsItsAnswer()
    {
        Rig rig;
        rig.responders[0]->setScript([](const DnsWire::Message &q, const QByteArray &, Transport) {
            return QList<Reply>{{FakeDnsResponder::response(q, 5, {})}};
        });
        const DnsExchange exchange = rig.ask(QStringLiteral("a.test"));
        QCOMPARE(exchange.error, DnsExchange::Error::None);
        QCOMPARE(exchange.response.rcode, quint16(5));
        QCOMPARE(rig.responders[0]->udpQueries(), 1); // not asked again: it said no
    }

    void closedPortIsANetworkErrorAtOnce()
    {
        // The clock never moves: only the ICMP port-unreachable can end the try.
        Rig rig(1, QHostAddress::LocalHost, Rig::Time::Manual);
        const quint16 port = rig.responders[0]->port();
        delete rig.responders.takeFirst(); // nothing listens there any more
        rig.options.timeoutMs = 5000;
        rig.options.attempts = 1;
        rig.options.servers = {*NameServer::parse(QStringLiteral("127.0.0.1:%1").arg(port))};
        const DnsExchange exchange = rig.ask(QStringLiteral("a.test"));
        QCOMPARE(exchange.error, DnsExchange::Error::Network);
    }

    void closedPortFailsEveryQueryOnTheSocket()
    {
        Rig rig;
        const quint16 port = rig.responders[0]->port();
        delete rig.responders.takeFirst();
        rig.options.timeoutMs = 5000;
        rig.options.attempts = 1;
        rig.options.servers = {*NameServer::parse(QStringLiteral("127.0.0.1:%1").arg(port))};
        QList<DnsExchange> results;
        for (int i = 0; i < 4; ++i)
            rig.client()->query(QStringLiteral("c%1.test").arg(i), TypeA, &rig.context,
                                [&](const DnsExchange &e) { results.append(e); });
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 4, 4000); // long before the 5 s timeout
        for (const DnsExchange &exchange : std::as_const(results))
            QCOMPARE(exchange.error, DnsExchange::Error::Network);
    }

    void thousandsInFlightAllAnswered()
    {
        Rig rig;
        rig.options.queriesPerSocket = 64;
        rig.options.timeoutMs = 3000;
        rig.responders[0]->setScript([](const DnsWire::Message &q, const QByteArray &, Transport) {
            return answerA(q);
        });
        int answered = 0;
        int failed = 0;
        const int count = 3000;
        for (int i = 0; i < count; ++i) {
            rig.client()->query(QStringLiteral("n%1.bulk.test").arg(i), TypeA, &rig.context,
                                [&](const DnsExchange &e) {
                                    (e.error == DnsExchange::Error::None ? answered : failed) += 1;
                                });
        }
        QVERIFY(rig.client()->inFlight() == count);
        QTRY_COMPARE_WITH_TIMEOUT(answered + failed, count, 30000);
        QCOMPARE(failed, 0);
        QCOMPARE(rig.client()->stats().mismatched, 0u);
        QCOMPARE(rig.client()->inFlight(), 0);
    }

    void sourcePortsRotate()
    {
        Rig rig;
        rig.options.queriesPerSocket = 4;
        rig.options.socketsPerServer = 1;
        rig.responders[0]->setScript([](const DnsWire::Message &q, const QByteArray &, Transport) {
            return answerA(q);
        });
        int done = 0;
        for (int i = 0; i < 40; ++i)
            rig.client()->query(QStringLiteral("p%1.test").arg(i), TypeA, &rig.context,
                                [&](const DnsExchange &) { ++done; });
        QTRY_COMPARE(done, 40);
        QCOMPARE(rig.client()->stats().triesSent, 40u);
        // Four queries per socket: ten sockets, each on a port the kernel chose at random.
        QVERIFY2(rig.responders[0]->senderPorts().size() >= 10,
                 qPrintable(QString::number(rig.responders[0]->senderPorts().size())));
    }

    void queuedQueriesStillEndWithinTheirBudget()
    {
        // A silent server, 200 ms x 2 attempts, on a clock the test moves.
        Rig rig(1, QHostAddress::LocalHost, Rig::Time::Manual);
        rig.options.maxOutstanding = 10;
        const qint64 start = rig.clock->nowMs();
        int timeouts = 0;
        qint64 lastMs = 0;
        for (int i = 0; i < 100; ++i) {
            rig.client()->query(QStringLiteral("q%1.test").arg(i), TypeA, &rig.context,
                                [&](const DnsExchange &e) {
                                    timeouts += e.error == DnsExchange::Error::Timeout ? 1 : 0;
                                    lastMs = rig.clock->nowMs() - start;
                                });
        }
        // Only 10 on the wire at once, yet nobody waits past 2 x 200 ms and the 100 ms grace;
        // waiting for a turn would take the last one 100 / 10 x 400 ms = 4 s.
        rig.advance(2 * 200 + 100);
        QTRY_COMPARE(timeouts, 100);
        QVERIFY2(lastMs <= 2 * 200 + 100, qPrintable(QString::number(lastMs)));
        // Ten per 200 ms window: most queries were given up unsent rather than sent late.
        QVERIFY2(rig.responders[0]->udpQueries() <= 40,
                 qPrintable(QString::number(rig.responders[0]->udpQueries())));
    }

    void droppedContextSilencesCallback()
    {
        Rig rig;
        rig.responders[0]->setScript([](const DnsWire::Message &q, const QByteArray &, Transport) {
            return QList<Reply>{{answerA(q)[0].bytes, 50}};
        });
        bool called = false;
        auto *context = new QObject;
        rig.client()->query(QStringLiteral("a.test"), TypeA, context,
                            [&](const DnsExchange &) { called = true; });
        delete context;
        QTRY_COMPARE(rig.client()->inFlight(), 0);
        QVERIFY(!called);
    }

    void invalidNameFailsWithoutSending()
    {
        Rig rig;
        const DnsExchange exchange = rig.ask(QStringLiteral("a..test"));
        QCOMPARE(exchange.error, DnsExchange::Error::BadQuery);
        QVERIFY(exchange.detail.contains(QStringLiteral("empty label")));
        QCOMPARE(rig.responders[0]->udpQueries(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDnsClient)
#include "tst_dnsclient.moc"
