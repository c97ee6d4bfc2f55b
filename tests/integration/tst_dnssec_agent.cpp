// The zones' DNSSEC signatures watched by the real `dnswatch --headless` over the lab of
// SignedZoneLab (signed to expire in 20 days): signed.test through "validating" warns under 30
// days, through "plain" it is fine under the default 7. The agent says so in /api/v1/status
// ("zones", the `--once` shape), in /metrics (promtool-clean: the expiry, warn_days, the check's
// success, the events counted) and in its events (one zone_signatures_expiring, none for the
// zone that is fine).
#include "agentprocess.h"
#include "promtoolcheck.h"
#include "rawhttp.h"
#include "signedzonelab.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

class TestDnssecAgent : public QObject
{
    Q_OBJECT

private:
    static QByteArray get(quint16 port, const QByteArray &path)
    {
        std::unique_ptr<QTcpSocket> client = connectedClient(port);
        if (!client)
            return QByteArray();
        client->write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        return readRawAnswer(client.get()).body;
    }

    static QJsonArray zonesOf(quint16 port)
    {
        return QJsonDocument::fromJson(get(port, "/api/v1/status"))
                .object()
                .value(QStringLiteral("zones"))
                .toArray();
    }

    // The value of the sample line that starts with `series` + " ", or "" when there is none.
    static QByteArray sample(const QByteArray &metrics, const QByteArray &series)
    {
        for (const QByteArray &line : metrics.split('\n')) {
            if (line.startsWith(QByteArray(series + ' ')))
                return line.mid(series.size() + 1);
        }
        return QByteArray();
    }

    SignedZoneLab m_lab;
    QDateTime m_expiration;
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void initTestCase()
    {
        m_expiration = SignedZoneLab::twentyDaysAhead();
        QString error;
        QVERIFY2(m_lab.start(m_expiration, &error), qPrintable(error));
    }

    void agentWatchesTheZones()
    {
        const QString path = m_tmp.filePath(QStringLiteral("dnssec.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(labConfig(m_lab));
        file.close();
        AgentProcess agent(QStringLiteral(DNSWATCH_BINARY), path);
        QString error;
        QVERIFY2(agent.start({}, &error), qPrintable(error));

        // Asked at start: both zones known within the resolvers' timeout.
        QJsonArray zones;
        QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    zones = zonesOf(agent.port());
                    return zones.size() == 2
                            && zones.at(0)[QStringLiteral("status")] != QStringLiteral("unknown")
                            && zones.at(1)[QStringLiteral("status")] != QStringLiteral("unknown");
                }(),
                20000);
        const QJsonObject warned = zones.at(0).toObject();
        QCOMPARE(warned.value(QStringLiteral("zone")).toString(), QStringLiteral("signed.test"));
        QCOMPARE(warned.value(QStringLiteral("resolver")).toString(), QStringLiteral("validating"));
        QCOMPARE(warned.value(QStringLiteral("status")).toString(), QStringLiteral("warning"));
        QCOMPARE(warned.value(QStringLiteral("expires")).toString(),
                 m_expiration.toString(Qt::ISODate));
        QCOMPARE(warned.value(QStringLiteral("expires_in_days")).toInt(), 20);
        QCOMPARE(warned.value(QStringLiteral("warn_days")).toInt(), 30);
        QCOMPARE(warned.value(QStringLiteral("validated")), QJsonValue(true));
        const QJsonObject fine = zones.at(1).toObject();
        QCOMPARE(fine.value(QStringLiteral("resolver")).toString(), QStringLiteral("plain"));
        QCOMPARE(fine.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(fine.value(QStringLiteral("validated")), QJsonValue(false));

        const QByteArray metrics = get(agent.port(), "/metrics");
        QCOMPARE(promtoolCheck(metrics), QByteArray());
        const QByteArray expiry = QByteArray::number(m_expiration.toSecsSinceEpoch());
        QCOMPARE(sample(metrics,
                        R"(dnswatch_zone_signatures_expiry_timestamp_seconds{zone="signed.test",)"
                        R"(resolver="validating"})"),
                 expiry);
        QCOMPARE(sample(metrics,
                        R"(dnswatch_zone_signatures_expiry_timestamp_seconds{zone="signed.test",)"
                        R"(resolver="plain"})"),
                 expiry);
        QCOMPARE(sample(metrics,
                        R"(dnswatch_zone_signatures_warn_seconds{zone="signed.test",)"
                        R"(resolver="validating"})"),
                 QByteArray("2592000"));
        QCOMPARE(
                sample(metrics,
                       R"(dnswatch_zone_signatures_warn_seconds{zone="signed.test",resolver="plain"})"),
                QByteArray("604800"));
        QCOMPARE(sample(metrics,
                        R"(dnswatch_zone_signatures_check_success{zone="signed.test",)"
                        R"(resolver="validating"})"),
                 QByteArray("1"));
        QCOMPARE(sample(metrics,
                        R"(dnswatch_resolver_events_total{kind="zone_signatures_expiring"})"),
                 QByteArray("1"));
        QCOMPARE(sample(metrics,
                        R"(dnswatch_resolver_events_total{kind="zone_signatures_expired"})"),
                 QByteArray("0"));
        QCOMPARE(sample(metrics, R"(dnswatch_resolver_events_total{kind="zone_signatures_ok"})"),
                 QByteArray("0"));

        // The crossing into warning is one event in the feed, naming the zone and its resolver.
        const QJsonArray events = QJsonDocument::fromJson(
                                          get(agent.port(), "/api/v1/events?after=0"))
                                          .object()
                                          .value(QStringLiteral("events"))
                                          .toArray();
        QList<QJsonObject> zoneEvents;
        for (const QJsonValue &event : events) {
            if (event[QStringLiteral("kind")].toString().startsWith(QLatin1String("zone_")))
                zoneEvents.append(event.toObject());
        }
        QCOMPARE(zoneEvents.size(), 1);
        QCOMPARE(zoneEvents[0].value(QStringLiteral("kind")).toString(),
                 QStringLiteral("zone_signatures_expiring"));
        QCOMPARE(zoneEvents[0].value(QStringLiteral("host")).toString(),
                 QStringLiteral("signed.test"));
        QCOMPARE(zoneEvents[0].value(QStringLiteral("resolver")).toString(),
                 QStringLiteral("validating"));
        QVERIFY2(zoneEvents[0]
                         .value(QStringLiteral("detail"))
                         .toString()
                         .contains(QLatin1String("WARNING: under 30 days")),
                 qPrintable(zoneEvents[0].value(QStringLiteral("detail")).toString()));
        QVERIFY(agent.stop());
    }
};

QTEST_GUILESS_MAIN(TestDnssecAgent)
#include "tst_dnssec_agent.moc"
