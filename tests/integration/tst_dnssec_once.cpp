// DNSSEC through the real `dnswatch --once` against the lab of SignedZoneLab: "validated" and
// "require_validated" in the JSON, the zones' signatures in the JSON and the table, and
// "require_validated" refused for the system resolver.
#include "binaryrun.h"
#include "signedzonelab.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestDnssecOnce : public QObject
{
    Q_OBJECT

private:
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

    void onceShowsValidationAndZoneSignatures()
    {
        const QByteArray config = labConfig(m_lab);
        QFile file(m_tmp.filePath(QStringLiteral("dnssec.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(config);
        file.close();
        const BinaryRun run = runBinary(QStringLiteral(DNSWATCH_BINARY),
                                        {QStringLiteral("--once"), QStringLiteral("--config"),
                                         file.fileName(), QStringLiteral("--format=json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.output())); // degraded is still ready
        const QJsonArray targets =
                QJsonDocument::fromJson(run.out).object().value(QStringLiteral("targets")).toArray();
        QCOMPARE(targets.size(), 3);
        const QJsonObject good = targets.at(0).toObject();
        QCOMPARE(good.value(QStringLiteral("status")).toString(), QStringLiteral("healthy"));
        QCOMPARE(good.value(QStringLiteral("validated")), QJsonValue(true));
        const QJsonObject unvalidated = targets.at(1).toObject();
        QCOMPARE(unvalidated.value(QStringLiteral("status")).toString(), QStringLiteral("degraded"));
        QCOMPARE(unvalidated.value(QStringLiteral("error")).toString(),
                 QStringLiteral("not_validated"));
        QCOMPARE(unvalidated.value(QStringLiteral("validated")), QJsonValue(false));
        QCOMPARE(unvalidated.value(QStringLiteral("addresses")).toArray().size(), 1);
        const QJsonObject bogus = targets.at(2).toObject();
        QCOMPARE(bogus.value(QStringLiteral("status")).toString(), QStringLiteral("down"));
        QCOMPARE(bogus.value(QStringLiteral("error")).toString(), QStringLiteral("servfail"));

        // Signed to expire in 20 days and 6 hours: under 30 days warns, the default 7 does not.
        const QJsonArray zones = QJsonDocument::fromJson(run.out)
                                         .object()
                                         .value(QStringLiteral("dnssec_zones"))
                                         .toArray();
        QCOMPARE(zones.size(), 2);
        const QJsonObject warned = zones.at(0).toObject();
        QCOMPARE(warned.value(QStringLiteral("status")).toString(), QStringLiteral("warning"));
        QCOMPARE(warned.value(QStringLiteral("expires_in_days")).toInt(), 20);
        QCOMPARE(warned.value(QStringLiteral("expires")).toString(),
                 m_expiration.toString(Qt::ISODate));
        QCOMPARE(warned.value(QStringLiteral("validated")), QJsonValue(true));
        const QJsonObject fine = zones.at(1).toObject();
        QCOMPARE(fine.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(fine.value(QStringLiteral("expires_in_days")).toInt(), 20);
        QCOMPARE(fine.value(QStringLiteral("warn_days")).toInt(), 7);
        QCOMPARE(fine.value(QStringLiteral("validated")), QJsonValue(false));

        // The table says it in words.
        const BinaryRun table = runBinary(
                QStringLiteral(DNSWATCH_BINARY),
                {QStringLiteral("--once"), QStringLiteral("--config"), file.fileName()});
        QVERIFY2(table.output().contains(QStringLiteral(
                         "signed.test via validating: signatures expire in 20 days")),
                 qPrintable(table.output()));
        QVERIFY2(table.output().contains(QStringLiteral("WARNING: under 30 days")),
                 qPrintable(table.output()));
    }

    void requireValidatedIsRefusedForTheSystemResolver()
    {
        QFile file(m_tmp.filePath(QStringLiteral("system.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"targets": [{"name": "t", "host": "good.signed.test",
                                     "require_validated": true}]})");
        file.close();
        const BinaryRun run = runBinary(
                QStringLiteral(DNSWATCH_BINARY),
                {QStringLiteral("--once"), QStringLiteral("--config"), file.fileName()});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.output().contains(QStringLiteral("$.targets[0].require_validated")),
                 qPrintable(run.output()));
        QVERIFY2(run.output().contains(QStringLiteral("cannot show DNSSEC validation")),
                 qPrintable(run.output()));
    }
};

QTEST_GUILESS_MAIN(TestDnssecOnce)
#include "tst_dnssec_once.moc"
