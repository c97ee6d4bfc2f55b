// Config reloads through the Monitor: what changes at once and what waits for a restart.
#include "clock.h"
#include "probe/monitor.h"

#include <QTest>

class TestMonitor : public QObject
{
    Q_OBJECT

private:
    static AppConfig config(const QString &targetsJson, const QString &extra = QString())
    {
        const ConfigLoadResult loaded = parseConfig(
                QStringLiteral("{%1\"targets\": [%2]}").arg(extra, targetsJson).toUtf8(),
                QStringLiteral("test"));
        if (!loaded.config)
            qFatal("%s", qPrintable(loaded.errors.value(0).toString()));
        return *loaded.config;
    }

private Q_SLOTS:
    void reloadAppliesTargetsAndTheirFallbackAddresses()
    {
        ManualClock clock;
        Monitor monitor(config(QStringLiteral(R"({"name": "a", "host": "a.test"})")), EnvFallback(),
                        MlflowCredentials(), &clock);
        QVERIFY(!monitor.resolver()->pin(QStringLiteral("b.test")));
        const QStringList notApplied = monitor.applyConfig(config(QStringLiteral(
                R"({"name": "a", "host": "a.test"}, {"name": "b", "host": "b.test", "fallback_ips": ["10.0.0.9"]})")));
        QVERIFY2(notApplied.isEmpty(), qPrintable(notApplied.join(QLatin1String(", "))));
        QCOMPARE(monitor.config().targets.size(), 2);
        QCOMPARE(monitor.engine()->scheduler()->targets().size(), 2);
        QCOMPARE(monitor.resolver()->pin(QStringLiteral("b.test"))->addresses,
                 QList<QHostAddress>{QHostAddress(QStringLiteral("10.0.0.9"))});
        // Removing the target removes its config pin too.
        monitor.applyConfig(config(QStringLiteral(R"({"name": "a", "host": "a.test"})")));
        QVERIFY(!monitor.resolver()->pin(QStringLiteral("b.test")));
    }

    void reloadSaysWhatNeedsARestart()
    {
        ManualClock clock;
        Monitor monitor(config(QStringLiteral(R"({"name": "a", "host": "a.test"})")), EnvFallback(),
                        MlflowCredentials(), &clock);
        const QStringList notApplied = monitor.applyConfig(config(
                QStringLiteral(
                        R"({"name": "a", "host": "a.test"}, {"name": "n", "host": "n.test", "resolver": "corp"})"),
                QStringLiteral(
                        R"("resolvers": [{"name": "corp", "servers": ["127.0.0.1:5353"]}], "cache": {"max_ttl_s": 60}, "probes": {"max_concurrent": 2}, "agent_watch": {"status_interval_ms": 1000}, "metrics": {"detailed": true},)")));
        QCOMPARE(notApplied,
                 QStringList({QStringLiteral("resolvers"), QStringLiteral("cache"),
                              QStringLiteral("probes"), QStringLiteral("agent_watch"),
                              QStringLiteral("target n (its resolver \"corp\" is new)")}));
        QCOMPARE(monitor.config().targets.size(), 1); // n waits for a restart
        QVERIFY(monitor.config().metrics.detailed); // the next scrape has the detailed set
    }
};

QTEST_GUILESS_MAIN(TestMonitor)
#include "tst_monitor.moc"
