// A target compared through several resolvers, each a real dnsmasq on loopback: answers that
// differ are one paths_diverged event naming both answers, answers alike again one paths_agree;
// a path expected to differ does not count, and a dead path counts as disagreement.
#include "clock.h"
#include "dnsserverfixture.h"
#include "probe/monitor.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestPathComparison : public QObject
{
    Q_OBJECT

private:
    static bool writeHosts(const QString &path, const QString &address)
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        file.write(QStringLiteral("%1 svc.test\n").arg(address).toLatin1());
        return true;
    }

    // Resolvers "left" and "right" (the two dnsmasq) and "dead" (a port nobody listens on);
    // TTL 0 answers and min_ttl_s 0, so every probe asks each server again.
    AppConfig config(const QString &targetFields) const
    {
        const QString json = QStringLiteral(R"({"cache": {"min_ttl_s": 0},
            "resolvers": [
              {"name": "left", "servers": ["%1"], "timeout_ms": 500, "attempts": 1},
              {"name": "right", "servers": ["%2"], "timeout_ms": 500, "attempts": 1},
              {"name": "dead", "servers": ["127.0.0.1:%3"], "timeout_ms": 500, "attempts": 1}],
            "targets": [{"name": "svc", "host": "svc.test", "resolver": "left", "record": "A",
                         "interval_s": 3600, %4}]})")
                                     .arg(m_left.server(), m_right.server())
                                     .arg(m_deadPort)
                                     .arg(targetFields);
        const ConfigLoadResult loaded = parseConfig(json.toUtf8(), QStringLiteral("test"));
        if (!loaded.config)
            qFatal("%s", qPrintable(loaded.errors.value(0).toString()));
        return *loaded.config;
    }

    // Probes svc once and gives its result.
    static ProbeResult probeOnce(Monitor &monitor)
    {
        QSignalSpy recorded(&monitor, &Monitor::resultRecorded);
        monitor.engine()->scheduler()->probeNow(QStringLiteral("svc"));
        [&] { QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 1, 10000); }();
        return recorded.isEmpty() ? ProbeResult() : recorded.first().first().value<ProbeResult>();
    }

    static QList<ResolverEvent> pathEvents(const QSignalSpy &events)
    {
        QList<ResolverEvent> found;
        for (const QList<QVariant> &arguments : events) {
            const auto event = arguments.first().value<ResolverEvent>();
            if (event.kind == ResolverEvent::Kind::PathsDiverged
                || event.kind == ResolverEvent::Kind::PathsAgree)
                found.append(event);
        }
        return found;
    }

    SystemClock m_clock;
    QTemporaryDir m_dir;
    DnsServerFixture m_left;
    DnsServerFixture m_right;
    quint16 m_deadPort = 0;

private Q_SLOTS:
    void init()
    {
        QVERIFY(writeHosts(m_dir.filePath(QStringLiteral("left")), QStringLiteral("10.0.0.1")));
        QVERIFY(writeHosts(m_dir.filePath(QStringLiteral("right")), QStringLiteral("10.0.0.2")));
        QString error;
        for (auto [server, name] : {std::pair{&m_left, "left"}, std::pair{&m_right, "right"}}) {
            QVERIFY2(server->startDnsmasq({QStringLiteral("--local-ttl=0"),
                                           QStringLiteral("--addn-hosts=%1")
                                                   .arg(m_dir.filePath(QLatin1String(name)))},
                                          &error),
                     qPrintable(error));
        }
        m_deadPort = DnsServerFixture::freePort();
    }
    void cleanup()
    {
        m_left.kill();
        m_right.kill();
    }

    void differentAnswersDivergeThenAgreeAgain()
    {
        Monitor monitor(config(QStringLiteral(R"("compare": ["right"])")), EnvFallback(),
                        MlflowCredentials(), &m_clock);
        QSignalSpy events(monitor.resolver(), &Resolver::eventOccurred);

        const ProbeResult diverged = probeOnce(monitor);
        QCOMPARE(diverged.resolution.addresses.value(0), QHostAddress(QStringLiteral("10.0.0.1")));
        QVERIFY(diverged.reachable); // the check uses the main path's answer
        QCOMPARE(diverged.paths.paths.size(), 2);
        QCOMPARE(diverged.paths.paths[0].result.resolver, QStringLiteral("left"));
        QCOMPARE(diverged.paths.paths[1].result.resolver, QStringLiteral("right"));
        QCOMPARE(diverged.paths.paths[1].result.addresses,
                 QList<QHostAddress>{QHostAddress(QStringLiteral("10.0.0.2"))});
        QCOMPARE(diverged.paths.paths[1].result.source, ResolutionSource::Fresh);
        QVERIFY(!diverged.paths.agree);
        QCOMPARE(diverged.paths.disagreeing(), QStringList{QStringLiteral("right")});

        QList<ResolverEvent> found = pathEvents(events);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found[0].kind, ResolverEvent::Kind::PathsDiverged);
        QCOMPARE(found[0].host, QStringLiteral("svc.test"));
        QCOMPARE(found[0].target, QStringLiteral("svc"));
        QVERIFY2(found[0].detail.contains(QLatin1String("left: 10.0.0.1"))
                         && found[0].detail.contains(QLatin1String("right: 10.0.0.2")),
                 qPrintable(found[0].detail));

        // Still different: no second event.
        QVERIFY(!probeOnce(monitor).paths.agree);
        QCOMPARE(pathEvents(events).size(), 1);

        // The right server now answers as the left one.
        QVERIFY(writeHosts(m_dir.filePath(QStringLiteral("right")), QStringLiteral("10.0.0.1")));
        m_right.reload();
        QTRY_VERIFY_WITH_TIMEOUT(probeOnce(monitor).paths.agree, 10000);
        found = pathEvents(events);
        QCOMPARE(found.size(), 2);
        QCOMPARE(found[1].kind, ResolverEvent::Kind::PathsAgree);
        QCOMPARE(monitor.resolver()->eventCount(ResolverEvent::Kind::PathsDiverged), 1u);
        QCOMPARE(monitor.resolver()->eventCount(ResolverEvent::Kind::PathsAgree), 1u);
    }

    void expectedDivergenceIsNoDisagreement()
    {
        Monitor monitor(
                config(QStringLiteral(R"("compare": ["right"], "expect_divergence": ["right"])")),
                EnvFallback(), MlflowCredentials(), &m_clock);
        QSignalSpy events(monitor.resolver(), &Resolver::eventOccurred);
        const ProbeResult result = probeOnce(monitor);
        QCOMPARE(result.paths.paths.size(), 2);
        QCOMPARE(result.paths.paths[1].expectation, PathAnswer::Expectation::MayDiffer);
        QCOMPARE(result.paths.paths[1].result.addresses,
                 QList<QHostAddress>{QHostAddress(QStringLiteral("10.0.0.2"))});
        QVERIFY(result.paths.agree);
        QVERIFY(pathEvents(events).isEmpty());
    }

    void deadPathIsDisagreement()
    {
        Monitor monitor(config(QStringLiteral(R"("compare": ["dead"])")), EnvFallback(),
                        MlflowCredentials(), &m_clock);
        QSignalSpy events(monitor.resolver(), &Resolver::eventOccurred);
        const ProbeResult result = probeOnce(monitor);
        QVERIFY(result.reachable);
        QCOMPARE(result.paths.paths.size(), 2);
        QVERIFY(!result.paths.paths[1].result.hasAddresses());
        QVERIFY(result.paths.paths[1].result.cause != FailureCause::None);
        QVERIFY(!result.paths.agree);
        const QList<ResolverEvent> found = pathEvents(events);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found[0].kind, ResolverEvent::Kind::PathsDiverged);
        QVERIFY2(found[0].detail.contains(QLatin1String("dead: ")), qPrintable(found[0].detail));
    }

    void uncomparedTargetHasNoPaths()
    {
        Monitor monitor(config(QStringLiteral(R"("critical": true)")), EnvFallback(),
                        MlflowCredentials(), &m_clock);
        QVERIFY(probeOnce(monitor).paths.isEmpty());
    }

    void configErrorsNameTheEntry_data()
    {
        QTest::addColumn<QString>("fields");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown resolver")
                << QStringLiteral(R"("compare": ["right", "corp"])")
                << QStringLiteral("$.targets[0].compare[1]")
                << QStringLiteral("unknown resolver \"corp\"; expected a resolver; defined: "
                                  "system, left, right, dead");
        QTest::newRow("listed twice") << QStringLiteral(R"("compare": ["right", "right"])")
                                      << QStringLiteral("$.targets[0].compare[1]")
                                      << QStringLiteral("duplicate resolver \"right\"; also "
                                                        "listed at $.targets[0].compare[0]");
        QTest::newRow("not a string")
                << QStringLiteral(R"("compare": [1])") << QStringLiteral("$.targets[0].compare[0]")
                << QStringLiteral("expected a string, found the number 1");
        QTest::newRow("not an array")
                << QStringLiteral(R"("compare": "right")") << QStringLiteral("$.targets[0].compare")
                << QStringLiteral("expected an array");
        QTest::newRow("divergence of an uncompared path")
                << QStringLiteral(R"("compare": ["right"], "expect_divergence": ["dead"])")
                << QStringLiteral("$.targets[0].expect_divergence[0]")
                << QStringLiteral("unknown resolver \"dead\"; expected one of the target's "
                                  "paths (its resolver and \"compare\"): left, right");
    }
    void configErrorsNameTheEntry()
    {
        QFETCH(QString, fields);
        QFETCH(QString, path);
        QFETCH(QString, message);
        const QString json = QStringLiteral(R"({"resolvers": [
              {"name": "left", "servers": ["127.0.0.1:1"]},
              {"name": "right", "servers": ["127.0.0.1:2"]},
              {"name": "dead", "servers": ["127.0.0.1:3"]}],
            "targets": [{"name": "svc", "host": "svc.test", "resolver": "left", %1}]})")
                                     .arg(fields);
        const ConfigLoadResult loaded = parseConfig(json.toUtf8(), QStringLiteral("test"));
        QVERIFY(!loaded.config);
        QCOMPARE(loaded.errors.size(), 1);
        QCOMPARE(loaded.errors[0].path, path);
        QVERIFY2(loaded.errors[0].message.startsWith(message), qPrintable(loaded.errors[0].message));
    }

    void ownResolverNeedNotBeListed()
    {
        const AppConfig loaded = config(QStringLiteral(R"("compare": ["left", "system"])"));
        QCOMPARE(loaded.targets[0].paths(),
                 QStringList({QStringLiteral("left"), QStringLiteral("system")}));
    }
};

QTEST_GUILESS_MAIN(TestPathComparison)
#include "tst_pathcomparison.moc"
