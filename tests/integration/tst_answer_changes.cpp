// Answer changes, expect_addresses and alert_on_change against the real `dnswatch` over a real
// dnsmasq whose hosts file the test rewrites (SIGHUP reloads it): a change is kept with its
// resolver and TTL, served by GET /api/v1/events (with the alert of a target that asks for one),
// counted in /metrics and listed in a report; an answer outside expect_addresses leaves the
// target degraded on its stale answer with the cause unexpected_answer, and --once names it.
#include "agentprocess.h"
#include "binaryrun.h"
#include "dnsserverfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

// The dnsmasq --local-ttl the answers carry; the cache's min_ttl_s is 1, so it is kept as is.
constexpr int AnswerTtlS = 2;

QJsonObject firstOfKind(const QJsonArray &events, const QString &kind)
{
    for (const QJsonValue &event : events) {
        if (event.toObject().value(QStringLiteral("kind")).toString() == kind)
            return event.toObject();
    }
    return {};
}

QStringList texts(const QJsonValue &array)
{
    QStringList list;
    for (const QJsonValue &value : array.toArray())
        list.append(value.toString());
    return list;
}

} // namespace

class TestAnswerChanges : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    DnsServerFixture m_dns;
    QNetworkAccessManager m_network;

    QString hostsPath() const { return m_dir.filePath(QStringLiteral("hosts")); }
    QString configPath() const { return m_dir.filePath(QStringLiteral("dnswatch.json")); }
    QString dbPath() const { return m_dir.filePath(QStringLiteral("history.db")); }

    void writeFile(const QString &path, const QByteArray &content)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(content), content.size());
    }

    void writeHosts(const QByteArray &address) { writeFile(hostsPath(), address + " svc.test\n"); }

    // From now on svc.test answers address: dnsmasq reads its hosts file again (SIGHUP).
    void answer(const QByteArray &address)
    {
        writeHosts(address);
        m_dns.reload();
    }

    // One target on the dnsmasq, watching for changes and expecting 10.0.0.0/8.
    void writeConfig()
    {
        writeFile(configPath(),
                  "{\"resolvers\":[{\"name\":\"lab\",\"servers\":[\"" + m_dns.server().toLatin1()
                          + "\"],\"timeout_ms\":500,\"attempts\":1}],"
                            "\"cache\":{\"min_ttl_s\":1},"
                            "\"targets\":[{\"name\":\"svc\",\"host\":\"svc.test\","
                            "\"resolver\":\"lab\",\"record\":\"A\",\"interval_s\":1,"
                            "\"expect_addresses\":[\"10.0.0.0/8\",\"2001:db8::/32\"],"
                            "\"alert_on_change\":true}]}");
    }

    QByteArray get(quint16 port, const QString &path)
    {
        QNetworkReply *reply = m_network.get(
                QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path))));
        [[maybe_unused]] const bool finished = QTest::qWaitFor([&] { return reply->isFinished(); },
                                                               10000);
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        return body;
    }

    QJsonArray events(quint16 port)
    {
        return QJsonDocument::fromJson(get(port, QStringLiteral("/api/v1/events?after=0")))
                .object()
                .value(QStringLiteral("events"))
                .toArray();
    }

    QJsonObject target(quint16 port)
    {
        const QJsonArray targets = QJsonDocument::fromJson(
                                           get(port, QStringLiteral("/api/v1/status")))
                                           .object()
                                           .value(QStringLiteral("targets"))
                                           .toArray();
        return targets.isEmpty() ? QJsonObject() : targets.first().toObject();
    }

    double metric(quint16 port, const QString &family)
    {
        const QRegularExpression sample(
                QStringLiteral("\n%1\\{target=\"svc\"[^}]*\\} (\\S+)\n").arg(family));
        const QRegularExpressionMatch match = sample.match(
                QString::fromUtf8(get(port, QStringLiteral("/metrics"))));
        return match.hasMatch() ? match.captured(1).toDouble() : -1;
    }

    void startServer()
    {
        writeHosts("10.0.0.1");
        QString error;
        if (!m_dns.startDnsmasq({QStringLiteral("--addn-hosts=%1").arg(hostsPath()),
                                 QStringLiteral("--local-ttl=%1").arg(AnswerTtlS)},
                                &error))
            QFAIL(qPrintable(error));
        writeConfig();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void init()
    {
        QFile::remove(dbPath());
        startServer();
    }

    void cleanup() { m_dns.kill(); }

    void changeIsKeptWithResolverAndTtlAndAlerted()
    {
        AgentProcess agent(QStringLiteral(DNSWATCH_BINARY), configPath());
        QString error;
        QVERIFY2(agent.start({QStringLiteral("--db"), dbPath()}, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(target(agent.port()).value(QStringLiteral("status")).toString(),
                                  QStringLiteral("healthy"), 20000);
        QCOMPARE(metric(agent.port(), QStringLiteral("dnswatch_answer_changes_total")), 0.0);
        QCOMPARE(metric(agent.port(), QStringLiteral("dnswatch_target_alert_on_change")), 1.0);

        answer("10.0.0.2");
        QJsonArray seen;
        QTRY_VERIFY_WITH_TIMEOUT(
                !firstOfKind(seen = events(agent.port()), QStringLiteral("answer_changed_alert"))
                         .isEmpty(),
                20000);
        const QJsonObject change = firstOfKind(seen, QStringLiteral("addresses_changed"));
        QCOMPARE(change.value(QStringLiteral("resolver")).toString(), QStringLiteral("lab"));
        QCOMPARE(change.value(QStringLiteral("host")).toString(), QStringLiteral("svc.test"));
        QCOMPARE(change.value(QStringLiteral("target")).toString(), QStringLiteral("svc"));
        QCOMPARE(texts(change.value(QStringLiteral("before"))),
                 QStringList{QStringLiteral("10.0.0.1")});
        QCOMPARE(texts(change.value(QStringLiteral("after"))),
                 QStringList{QStringLiteral("10.0.0.2")});
        QCOMPARE(change.value(QStringLiteral("ttl_s")).toInt(-1), AnswerTtlS);
        const QJsonObject alert = firstOfKind(seen, QStringLiteral("answer_changed_alert"));
        QCOMPARE(alert.value(QStringLiteral("target")).toString(), QStringLiteral("svc"));
        QCOMPARE(alert.value(QStringLiteral("resolver")).toString(), QStringLiteral("lab"));
        QCOMPARE(texts(alert.value(QStringLiteral("after"))),
                 QStringList{QStringLiteral("10.0.0.2")});
        QCOMPARE(alert.value(QStringLiteral("ttl_s")).toInt(-1), AnswerTtlS);
        QCOMPARE(metric(agent.port(), QStringLiteral("dnswatch_answer_changes_total")), 1.0);
        QVERIFY(agent.stop());

        // The history kept it: the report lists the change with its resolver and TTL. A report
        // covers whole minutes up to the current one, so the change's minute must be over.
        const QDateTime changedAt = QDateTime::fromString(
                change.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
        QVERIFY(changedAt.isValid());
        const QDateTime minuteOver = QDateTime::fromMSecsSinceEpoch(
                (changedAt.toMSecsSinceEpoch() / 60'000 + 1) * 60'000, Qt::UTC);
        QVERIFY(QTest::qWaitFor([&] { return QDateTime::currentDateTimeUtc() >= minuteOver; },
                                70'000));
        const QString json = m_dir.filePath(QStringLiteral("report.json"));
        BinaryRun run = runBinary(QStringLiteral(DNSWATCH_BINARY),
                                  {QStringLiteral("--report"), json, QStringLiteral("--db"),
                                   dbPath(), QStringLiteral("--config"), configPath(),
                                   QStringLiteral("--format"), QStringLiteral("json"),
                                   QStringLiteral("--last"), QStringLiteral("1h")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.output()));
        QFile report(json);
        QVERIFY(report.open(QIODevice::ReadOnly));
        const QJsonArray targets = QJsonDocument::fromJson(report.readAll())
                                           .object()
                                           .value(QStringLiteral("targets"))
                                           .toArray();
        QCOMPARE(targets.size(), 1);
        const QJsonArray changes =
                targets.first().toObject().value(QStringLiteral("address_changes")).toArray();
        QCOMPARE(changes.size(), 1);
        const QJsonObject reported = changes.first().toObject();
        QCOMPARE(reported.value(QStringLiteral("resolver")).toString(), QStringLiteral("lab"));
        QCOMPARE(reported.value(QStringLiteral("ttl_s")).toInt(-1), AnswerTtlS);
        QCOMPARE(texts(reported.value(QStringLiteral("before"))),
                 QStringList{QStringLiteral("10.0.0.1")});

        const QString csv = m_dir.filePath(QStringLiteral("report.csv"));
        run = runBinary(QStringLiteral(DNSWATCH_BINARY),
                        {QStringLiteral("--report"), csv, QStringLiteral("--db"), dbPath(),
                         QStringLiteral("--format"), QStringLiteral("csv"),
                         QStringLiteral("--last"), QStringLiteral("1h")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.output()));
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csvFile.readAll()).split(QStringLiteral("\r\n"));
        QVERIFY(lines.first().endsWith(QStringLiteral(",event_detail,ttl_s,validated,ede")));
        const auto changed = std::find_if(lines.cbegin(), lines.cend(), [](const QString &line) {
            return line.contains(QStringLiteral(",addresses_changed,"));
        });
        QVERIFY(changed != lines.cend());
        QVERIFY2(changed->contains(QStringLiteral(",lab,")), qPrintable(*changed));
        // The TTL, then no DNSSEC verdict (not asked) and no Extended DNS Errors.
        QVERIFY2(changed->endsWith(QStringLiteral(",%1,,").arg(AnswerTtlS)), qPrintable(*changed));
    }

    void unexpectedAnswerIsNotServed()
    {
        AgentProcess agent(QStringLiteral(DNSWATCH_BINARY), configPath());
        QString error;
        QVERIFY2(agent.start({}, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(target(agent.port()).value(QStringLiteral("status")).toString(),
                                  QStringLiteral("healthy"), 20000);

        answer("0.0.0.0"); // outside 10.0.0.0/8, as a resolver that blocks a name answers
        QTRY_COMPARE_WITH_TIMEOUT(target(agent.port()).value(QStringLiteral("error")).toString(),
                                  QStringLiteral("unexpected_answer"), 20000);
        const QJsonObject svc = target(agent.port());
        QCOMPARE(svc.value(QStringLiteral("status")).toString(), QStringLiteral("degraded"));
        // The answer outside the ranges was never cached: the last good one serves, stale.
        QCOMPARE(svc.value(QStringLiteral("source")).toString(), QStringLiteral("stale"));
        QCOMPARE(texts(svc.value(QStringLiteral("addresses"))),
                 QStringList{QStringLiteral("10.0.0.1")});
        QVERIFY2(svc.value(QStringLiteral("detail"))
                         .toString()
                         .contains(QStringLiteral("unexpected address 0.0.0.0")),
                 qPrintable(svc.value(QStringLiteral("detail")).toString()));
        QVERIFY(metric(agent.port(), QStringLiteral("dnswatch_unexpected_answers_total")) >= 1);
        const QJsonObject entered = firstOfKind(events(agent.port()),
                                                QStringLiteral("fallback_entered"));
        QCOMPARE(entered.value(QStringLiteral("cause")).toString(),
                 QStringLiteral("unexpected_answer"));
        QCOMPARE(entered.value(QStringLiteral("tier")).toString(), QStringLiteral("stale"));
        // No change was recorded: the unexpected answer is not the target's answer.
        QVERIFY(firstOfKind(events(agent.port()), QStringLiteral("addresses_changed")).isEmpty());
        QVERIFY(agent.stop());

        // One round has no stale answer to fall back on: down, and the cause is named.
        const BinaryRun once = runBinary(QStringLiteral(DNSWATCH_BINARY),
                                         {QStringLiteral("--once"), QStringLiteral("--config"),
                                          configPath(), QStringLiteral("--format"),
                                          QStringLiteral("json")});
        QCOMPARE(once.exitCode, 1);
        const QJsonObject outcome = QJsonDocument::fromJson(once.out)
                                            .object()
                                            .value(QStringLiteral("targets"))
                                            .toArray()
                                            .first()
                                            .toObject();
        QCOMPARE(outcome.value(QStringLiteral("error")).toString(),
                 QStringLiteral("unexpected_answer"));
        QVERIFY(outcome.value(QStringLiteral("addresses")).toArray().isEmpty());
    }

    void badRangesAreConfigErrors()
    {
        writeFile(configPath(),
                  "{\"targets\":[{\"name\":\"svc\",\"host\":\"svc.test\","
                  "\"expect_addresses\":[\"10.0.0.0/8\",\"10.0.0.0/33\",\"10.1.2.3/8\"]}]}");
        const BinaryRun run = runBinary(
                QStringLiteral(DNSWATCH_BINARY),
                {QStringLiteral("--once"), QStringLiteral("--config"), configPath()});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.output().contains(QStringLiteral("$.targets[0].expect_addresses[1]")),
                 qPrintable(run.output()));
        QVERIFY2(run.output().contains(QStringLiteral("$.targets[0].expect_addresses[2]")),
                 qPrintable(run.output()));
        QVERIFY2(run.output().contains(QStringLiteral("10.0.0.0/8")), qPrintable(run.output()));
    }
};

QTEST_GUILESS_MAIN(TestAnswerChanges)
#include "tst_answer_changes.moc"
