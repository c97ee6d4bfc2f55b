// The direct DNS backend against real servers on loopback: dnsmasq, and unbound forwarding to it.
// Answers and TTLs are compared with what dig says about the same server.
#include "clock.h"
#include "dnsserverfixture.h"
#include "resolver/directdnsbackend.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

// dig's view of name/type: "address ttl" pairs from the answer section.
QMap<QString, quint32> digAnswers(quint16 port, const QString &name, const QString &type,
                                  bool tcp = false)
{
    QProcess dig;
    QStringList args{QStringLiteral("@127.0.0.1"),
                     QStringLiteral("-p"),
                     QString::number(port),
                     name,
                     type,
                     QStringLiteral("+noall"),
                     QStringLiteral("+answer"),
                     QStringLiteral("+tries=1"),
                     QStringLiteral("+time=2")};
    if (tcp)
        args << QStringLiteral("+tcp");
    dig.start(DnsServerFixture::findTool(QStringLiteral("dig")), args);
    dig.waitForFinished(10000);
    QMap<QString, quint32> answers;
    for (const QByteArray &line : dig.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() == 5 && fields[3] == type.toLatin1())
            answers.insert(QString::fromLatin1(fields[4]), fields[1].toUInt());
    }
    return answers;
}

} // namespace

class TestDirectDnsServers : public QObject
{
    Q_OBJECT

private:
    BackendAnswer lookup(quint16 port, const QString &host, RecordKind kind, quint16 edns = 1232)
    {
        DnsClientOptions options;
        options.servers = {*NameServer::parse(QStringLiteral("127.0.0.1:%1").arg(port))};
        options.timeoutMs = 2000;
        options.attempts = 1;
        options.ednsUdpPayload = edns;
        DirectDnsBackend backend(QStringLiteral("lab"), options, &m_clock);
        std::optional<BackendAnswer> answer;
        backend.lookup(host, kind, this, [&](const BackendAnswer &a) { answer = a; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000); }();
        m_lastStats = backend.client()->stats();
        return answer.value_or(BackendAnswer());
    }

    QTemporaryDir m_tmp;
    SystemClock m_clock;
    DnsServerFixture m_dnsmasq;
    DnsServerFixture m_unbound;
    DnsClient::Stats m_lastStats;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QFile hosts(m_tmp.filePath(QStringLiteral("big-hosts")));
        QVERIFY(hosts.open(QIODevice::WriteOnly));
        for (int i = 1; i <= 60; ++i)
            hosts.write(QStringLiteral("10.2.0.%1 big.test\n").arg(i).toLatin1());
        hosts.close();
        QVERIFY2(
                m_dnsmasq.startDnsmasq({QStringLiteral("--local-ttl=60"),
                                        QStringLiteral("--host-record=a.test,10.0.0.1,fd00::1,300"),
                                        QStringLiteral("--host-record=v4only.test,10.0.0.4,200"),
                                        QStringLiteral("--cname=www.test,a.test,120"),
                                        QStringLiteral("--address=/nx.test/"),
                                        QStringLiteral("--addn-hosts=%1").arg(hosts.fileName())},
                                       &error),
                qPrintable(error));
        QVERIFY2(m_unbound.startUnbound(
                         {QStringLiteral("local-zone: \"example.test.\" static"),
                          QStringLiteral("local-data: \"example.test. 3600 IN SOA ns.example.test. "
                                         "admin.example.test. 1 3600 600 86400 60\""),
                          QStringLiteral("local-data: \"host1.example.test. 300 IN A 10.1.0.1\""),
                          QStringLiteral("local-zone: \"refuse.test.\" always_refuse")},
                         m_dnsmasq.port(), &error),
                 qPrintable(error));
    }

    void answersAndTtlsAgreeWithDig_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("type");
        QTest::newRow("A") << QStringLiteral("a.test") << QStringLiteral("A");
        QTest::newRow("AAAA") << QStringLiteral("a.test") << QStringLiteral("AAAA");
        QTest::newRow("CNAME then A") << QStringLiteral("www.test") << QStringLiteral("A");
        QTest::newRow("many A") << QStringLiteral("big.test") << QStringLiteral("A");
    }
    void answersAndTtlsAgreeWithDig()
    {
        QFETCH(QString, host);
        QFETCH(QString, type);
        const QMap<QString, quint32> dig = digAnswers(m_dnsmasq.port(), host, type,
                                                      host == QLatin1String("big.test"));
        QVERIFY2(!dig.isEmpty(), "dig saw no answer");
        const BackendAnswer answer = lookup(m_dnsmasq.port(), host,
                                            type == QLatin1String("A") ? RecordKind::A
                                                                       : RecordKind::AAAA);
        QCOMPARE(answer.cause, FailureCause::None);
        QStringList ours;
        for (const QHostAddress &address : answer.addresses)
            ours.append(address.toString());
        QStringList theirs = dig.keys();
        ours.sort();
        theirs.sort();
        QCOMPARE(ours, theirs);
        // The smallest TTL along the chain: for www.test the CNAME's 120 beats the A's 300.
        quint32 digMin = *std::min_element(dig.cbegin(), dig.cend());
        if (host == QLatin1String("www.test"))
            digMin = qMin<quint32>(digMin, 120);
        QCOMPARE(answer.ttlSeconds.value_or(0), digMin);
        QCOMPARE(answer.server, m_dnsmasq.server());
    }

    void bothFamiliesMerge()
    {
        const BackendAnswer answer = lookup(m_dnsmasq.port(), QStringLiteral("a.test"),
                                            RecordKind::Both);
        QCOMPARE(answer.addresses,
                 QList<QHostAddress>({QHostAddress(QStringLiteral("10.0.0.1")),
                                      QHostAddress(QStringLiteral("fd00::1"))}));
        const BackendAnswer v4only = lookup(m_dnsmasq.port(), QStringLiteral("v4only.test"),
                                            RecordKind::Both);
        QCOMPARE(v4only.addresses, QList<QHostAddress>({QHostAddress(QStringLiteral("10.0.0.4"))}));
    }

    void truncatedUdpAnswerIsRetriedOverTcp()
    {
        // Without EDNS the UDP limit is 512 bytes: 60 A records do not fit.
        const BackendAnswer answer = lookup(m_dnsmasq.port(), QStringLiteral("big.test"),
                                            RecordKind::A, /*edns=*/0);
        QCOMPARE(answer.cause, FailureCause::None);
        QCOMPARE(answer.addresses.size(), 60);
        QCOMPARE(m_lastStats.tcpFallbacks, 1u);
    }

    void failuresAreClassified_data()
    {
        QTest::addColumn<bool>("viaUnbound");
        QTest::addColumn<QString>("host");
        QTest::addColumn<RecordKind>("kind");
        QTest::addColumn<FailureCause>("cause");
        QTest::newRow("dnsmasq nxdomain")
                << false << QStringLiteral("x.nx.test") << RecordKind::A << FailureCause::NxDomain;
        QTest::newRow("dnsmasq refused") << false << QStringLiteral("unknown.elsewhere")
                                         << RecordKind::A << FailureCause::Refused;
        QTest::newRow("unbound nodata") << true << QStringLiteral("host1.example.test")
                                        << RecordKind::AAAA << FailureCause::NoData;
        QTest::newRow("unbound nxdomain") << true << QStringLiteral("missing.example.test")
                                          << RecordKind::A << FailureCause::NxDomain;
        QTest::newRow("unbound refused") << true << QStringLiteral("x.refuse.test") << RecordKind::A
                                         << FailureCause::Refused;
        QTest::newRow("unbound servfail") << true << QStringLiteral("unknown.elsewhere")
                                          << RecordKind::A << FailureCause::ServFail;
    }
    void failuresAreClassified()
    {
        QFETCH(bool, viaUnbound);
        QFETCH(QString, host);
        QFETCH(RecordKind, kind);
        QFETCH(FailureCause, cause);
        const BackendAnswer answer = lookup(viaUnbound ? m_unbound.port() : m_dnsmasq.port(), host,
                                            kind);
        QVERIFY2(answer.cause == cause,
                 qPrintable(causeName(answer.cause) + QStringLiteral(": ") + answer.detail));
        QVERIFY(answer.addresses.isEmpty());
    }

    void negativeTtlComesFromTheSoa()
    {
        const BackendAnswer answer = lookup(m_unbound.port(),
                                            QStringLiteral("missing.example.test"), RecordKind::A);
        QCOMPARE(answer.cause, FailureCause::NxDomain);
        QCOMPARE(answer.negativeTtlSeconds.value_or(0), 60u); // min(SOA TTL 3600, MINIMUM 60)
    }

    void unboundForwardsToDnsmasq()
    {
        const BackendAnswer answer = lookup(m_unbound.port(), QStringLiteral("a.test"),
                                            RecordKind::A);
        QCOMPARE(answer.addresses, QList<QHostAddress>({QHostAddress(QStringLiteral("10.0.0.1"))}));
        const BackendAnswer local = lookup(m_unbound.port(), QStringLiteral("host1.example.test"),
                                           RecordKind::A);
        QCOMPARE(local.addresses, QList<QHostAddress>({QHostAddress(QStringLiteral("10.1.0.1"))}));
    }
};

QTEST_GUILESS_MAIN(TestDirectDnsServers)
#include "tst_directdns_servers.moc"
