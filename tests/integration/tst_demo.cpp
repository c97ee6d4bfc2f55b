// `dnswatch --demo`: the lab's script stepped through on a ManualClock, each phase checked with
// real queries (DnsClient, the Resolver, HTTP) against the lab's real sockets; then the real
// binary, as a new user starts it.
#include "binaryrun.h"
#include "config/resolverfactory.h"
#include "demolab.h"
#include "demotimings.h"
#include "dns/dnsclient.h"
#include "probe/pathcomparison.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

namespace {
constexpr quint16 TypeA = quint16(DnsWire::RecordType::A);
constexpr quint16 TypeAAAA = quint16(DnsWire::RecordType::AAAA);
const QString Mlflow = QStringLiteral("mlflow.demo.dnswatch.test");
} // namespace

class TestDemo : public QObject
{
    Q_OBJECT

private:
    struct HttpAnswer
    {
        int status = 0;
        QByteArray body;
    };

    // One query from a fresh client with one try, waited for on the event loop.
    DnsExchange ask(const QString &name, quint16 type = TypeA, int timeoutMs = 3000)
    {
        DnsClientOptions options;
        options.servers = {m_lab->dnsServer()->server()};
        options.timeoutMs = timeoutMs;
        options.attempts = 1;
        DnsClient client(options, &m_wireClock);
        std::optional<DnsExchange> result;
        client.query(name, type, this, [&](const DnsExchange &exchange) { result = exchange; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), timeoutMs + 2000); }();
        return result.value_or(DnsExchange());
    }

    HttpAnswer get(const QHostAddress &address, const QString &path)
    {
        QNetworkRequest request(QUrl(QStringLiteral("http://%1:%2%3")
                                             .arg(address.toString())
                                             .arg(m_lab->service()->port())
                                             .arg(path)));
        QNetworkReply *reply = m_network.get(request);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000); }();
        HttpAnswer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                          reply->readAll()};
        reply->deleteLater();
        return answer;
    }

    // When the first phase of that kind begins in round `cycle`, in ms since the script started.
    static qint64 phaseStartMs(const DemoScenario &scenario, DemoPhase::Kind kind, int cycle = 0)
    {
        int index = 0;
        while (scenario.timeline().at(index).kind != kind)
            ++index;
        return cycle * scenario.cycleMs() + scenario.phaseOffsetMs(index);
    }

    // Moves the script's time on to elapsedMs since it started (never backwards).
    static void advanceTo(ManualClock &clock, qint64 startMs, qint64 elapsedMs)
    {
        const qint64 now = clock.nowMs() - startMs;
        QVERIFY2(elapsedMs >= now, "the test steps through the script in order");
        clock.advance(elapsedMs - now);
    }

    void enterPhase(DemoPhase::Kind kind, int cycle = 0)
    {
        advanceTo(m_labClock, m_startMs, phaseStartMs(*m_lab->scenario(), kind, cycle));
        QCOMPARE(m_lab->scenario()->phase().kind, kind);
        QCOMPARE(m_lab->scenario()->position().cycle, cycle);
    }

    static qint64 latencyMs(const DnsExchange &exchange) { return exchange.latencyUs / 1000; }
    static QList<QHostAddress> addressesIn(const DnsExchange &exchange)
    {
        QList<QHostAddress> addresses;
        for (const DnsWire::Record &record : exchange.response.answers)
            addresses.append(record.address);
        return addresses;
    }

    static BinaryRun runDnswatch(const QStringList &arguments)
    {
        return runBinary(QStringLiteral(DNSWATCH_BINARY), arguments, 30000);
    }

    ManualClock m_labClock; // the script's time, stepped by the tests
    SystemClock m_wireClock; // the clients' timeouts: real time, as on the wire
    std::unique_ptr<DemoLab> m_lab;
    qint64 m_startMs = 0;
    QNetworkAccessManager m_network;

private Q_SLOTS:
    void initTestCase()
    {
        m_network.setProxy(QNetworkProxy::NoProxy);
        m_startMs = m_labClock.nowMs();
        m_lab = std::make_unique<DemoLab>(&m_labClock);
        QString error;
        QVERIFY2(m_lab->start(&error), qPrintable(error));
    }

    void builtInConfigWatchesTheLab()
    {
        const AppConfig &config = m_lab->config();
        QCOMPARE(config.source, QStringLiteral("(demo lab)"));
        const ResolverConfig *lab = config.resolver(QStringLiteral("lab"));
        QVERIFY(lab);
        QCOMPARE(lab->servers, QList<NameServer>{m_lab->dnsServer()->server()});
        QVERIFY(lab->servers.constFirst().address.isLoopback());

        QSet<CheckConfig::Type> checks;
        for (const TargetConfig &target : config.targets) {
            QCOMPARE(target.resolver, QStringLiteral("lab"));
            QVERIFY2(target.host.endsWith(QStringLiteral(".demo.dnswatch.test")),
                     qPrintable(target.host));
            checks.insert(target.check.type);
        }
        QCOMPARE(checks,
                 (QSet<CheckConfig::Type>{CheckConfig::Type::Dns, CheckConfig::Type::Tcp,
                                          CheckConfig::Type::Http, CheckConfig::Type::Mlflow}));
        // Every fallback tier has a target that shows it.
        QCOMPARE(configPins(config).value(Mlflow), QList<QHostAddress>{DemoLab::homeAddress()});
        QCOMPARE(m_lab->envFallback().addressesByHost.value(
                         QStringLiteral("api.demo.dnswatch.test")),
                 QList<QHostAddress>{DemoLab::homeAddress()});
        // Slow answers come after the client response timer, but within the lookup timeout.
        QVERIFY(config.cache.clientResponseTimerMs < DemoTimings::LateAnswerMs);
        QVERIFY(DemoTimings::LateAnswerMs < lab->timeoutMs);
        QCOMPARE(config.cache.maxStaleS, DemoTimings::MaxStaleS);
        // mlflow compares the lab's DNS with the lagging path, a second loopback server.
        const ResolverConfig *lagging = config.resolver(DemoLab::laggingResolver());
        QVERIFY(lagging);
        QCOMPARE(lagging->servers, QList<NameServer>{m_lab->laggingDnsServer()->server()});
        QVERIFY(lagging->servers.constFirst().address.isLoopback());
        QVERIFY(lagging->servers != lab->servers);
        for (const TargetConfig &target : config.targets)
            QCOMPARE(target.compare,
                     target.host == Mlflow ? QStringList{DemoLab::laggingResolver()}
                                           : QStringList());
        // The lag outlasts a probe and a TTL (a probe sees it), and ends within the phase.
        QVERIFY(DemoTimings::PathLagS > DemoTimings::ProbeIntervalS + DemoTimings::RecordTtlS);
        const QString banner = m_lab->banner(DemoLab::Run::Once);
        QVERIFY2(banner.contains(QStringLiteral("learns of each address change %1 s late")
                                         .arg(DemoTimings::PathLagS))
                         && banner.contains(QLatin1String("cannot be pointed at\nthis lab without "
                                                          "root")),
                 qPrintable(banner));
    }

    void scriptStartsSoonAndRepeats()
    {
        const DemoScenario &scenario = *m_lab->scenario();
        QVERIFY(scenario.isStarted());
        QCOMPARE(scenario.phase().kind, DemoPhase::Kind::Healthy);
        // The first thing to watch happens within 30 s; a round lasts 3 to 4 minutes.
        QVERIFY(scenario.phaseOffsetMs(1) <= 30000);
        QVERIFY(scenario.cycleMs() >= 180000 && scenario.cycleMs() <= 240000);
        QSet<DemoPhase::Kind> kinds;
        for (const DemoPhase &phase : scenario.timeline())
            kinds.insert(phase.kind);
        QCOMPARE(kinds.size(), 5);
        // Each address change moves the name the other way.
        const int change = int(scenario.timeline().size()) - 1;
        QCOMPARE(scenario.timeline().at(change).kind, DemoPhase::Kind::AddressChange);
        QVERIFY(!scenario.positionAt(scenario.phaseOffsetMs(change) - 1).moved);
        QVERIFY(scenario.positionAt(scenario.phaseOffsetMs(change)).moved);
        QVERIFY(scenario.positionAt(scenario.cycleMs()).moved); // stays moved into round 2
        const DemoScenario::Position back = scenario.positionAt(scenario.cycleMs()
                                                                + scenario.phaseOffsetMs(change));
        QCOMPARE(back.cycle, 1);
        QVERIFY(!back.moved);
    }

    void healthyAnswersAtOnce()
    {
        const DnsExchange answer = ask(Mlflow);
        QCOMPARE(answer.error, DnsExchange::Error::None);
        QCOMPARE(answer.response.rcode, quint16(DnsWire::ResponseCode::NoError));
        QVERIFY(answer.response.authoritative);
        QCOMPARE(addressesIn(answer), QList<QHostAddress>{DemoLab::homeAddress()});
        QCOMPARE(answer.response.answers.constFirst().ttl, quint32(DemoTimings::RecordTtlS));
        QVERIFY2(latencyMs(answer) < DemoTimings::ClientResponseTimerMs,
                 qPrintable(QString::number(latencyMs(answer))));

        // The zone is a real one: NODATA and NXDOMAIN carry its SOA; other zones are refused.
        const DnsExchange nodata = ask(Mlflow, TypeAAAA);
        QCOMPARE(nodata.response.rcode, quint16(DnsWire::ResponseCode::NoError));
        QVERIFY(nodata.response.answers.isEmpty());
        QCOMPARE(nodata.response.authorities.size(), 1);
        const DnsExchange missing = ask(QStringLiteral("nope.demo.dnswatch.test"));
        QCOMPARE(missing.response.rcode, quint16(DnsWire::ResponseCode::NxDomain));
        QVERIFY(missing.response.authorities.constFirst().soa.has_value());
        QCOMPARE(ask(QStringLiteral("example.org")).response.rcode,
                 quint16(DnsWire::ResponseCode::Refused));

        const HttpAnswer health = get(DemoLab::homeAddress(), QStringLiteral("/health"));
        QCOMPARE(health.status, 200);
        QCOMPARE(health.body, QByteArray("OK"));
        const HttpAnswer search = get(
                DemoLab::homeAddress(),
                QStringLiteral("/api/2.0/mlflow/experiments/search?max_results=1"));
        QCOMPARE(search.status, 200);
        QVERIFY(!QJsonDocument::fromJson(search.body)
                         .object()
                         .value(QStringLiteral("experiments"))
                         .toArray()
                         .isEmpty());
    }

    void servFailBurstAnswersServFail()
    {
        enterPhase(DemoPhase::Kind::ServFailBurst);
        const DnsExchange answer = ask(Mlflow);
        QCOMPARE(answer.error, DnsExchange::Error::None);
        QCOMPARE(answer.response.rcode, quint16(DnsWire::ResponseCode::ServFail));
        QVERIFY(answer.response.answers.isEmpty());
    }

    void slowAnswersAreLate()
    {
        QSignalSpy announced(m_lab.get(), &DemoLab::phaseAnnounced);
        enterPhase(DemoPhase::Kind::SlowAnswers);
        QVERIFY(!announced.isEmpty());
        QVERIFY2(announced.constLast().constFirst().toString().contains(
                         QStringLiteral("slow answers")),
                 qPrintable(announced.constLast().constFirst().toString()));

        const DnsExchange answer = ask(Mlflow);
        QCOMPARE(answer.error, DnsExchange::Error::None);
        QCOMPARE(addressesIn(answer), QList<QHostAddress>{DemoLab::homeAddress()});
        QVERIFY2(latencyMs(answer) >= DemoTimings::LateAnswerMs - 100,
                 qPrintable(QString::number(latencyMs(answer))));
    }

    void outageGivesNoAnswerWhileTheServiceStaysUp()
    {
        enterPhase(DemoPhase::Kind::Outage);
        QElapsedTimer waited;
        waited.start();
        const DnsExchange answer = ask(Mlflow, TypeA, 500);
        QCOMPARE(answer.error, DnsExchange::Error::Timeout);
        QVERIFY(waited.elapsed() >= 450);
        // What the fallback tiers rely on: the service itself still answers.
        QCOMPARE(get(DemoLab::homeAddress(), QStringLiteral("/health")).status, 200);
    }

    void addressChangeMovesTheNameWhereTheServiceAlsoListens()
    {
        QSignalSpy announced(m_lab.get(), &DemoLab::phaseAnnounced);
        enterPhase(DemoPhase::Kind::AddressChange);
        QVERIFY(!announced.isEmpty());
        QVERIFY2(announced.constLast().constFirst().toString().contains(
                         QStringLiteral("now answers 127.0.0.2 instead of 127.0.0.1")),
                 qPrintable(announced.constLast().constFirst().toString()));

        QCOMPARE(addressesIn(ask(Mlflow)), QList<QHostAddress>{DemoLab::movedAddress()});
        // The other names stay home.
        QCOMPARE(addressesIn(ask(QStringLiteral("api.demo.dnswatch.test"))),
                 QList<QHostAddress>{DemoLab::homeAddress()});
        const HttpAnswer health = get(DemoLab::movedAddress(), QStringLiteral("/health"));
        QCOMPARE(health.status, 200);
        QCOMPARE(health.body, QByteArray("OK"));
    }

    void nextRoundMovesTheNameBack()
    {
        enterPhase(DemoPhase::Kind::Healthy, 1);
        QCOMPARE(addressesIn(ask(Mlflow)), QList<QHostAddress>{DemoLab::movedAddress()});
        enterPhase(DemoPhase::Kind::AddressChange, 1);
        QCOMPARE(addressesIn(ask(Mlflow)), QList<QHostAddress>{DemoLab::homeAddress()});
    }

    // The resolver over the lab's config, on the lab's clock, through an outage: stale data
    // first, then each target's own tier (pinned, env, none), as the banner announces.
    void outageWalksDownTheFallbackTiers()
    {
        ManualClock clock;
        const qint64 start = clock.nowMs();
        DemoLab lab(&clock);
        QString error;
        QVERIFY2(lab.start(&error), qPrintable(error));
        const std::unique_ptr<Resolver> resolver(
                buildResolver(lab.config(), lab.envFallback(), &clock));
        const QStringList hosts{Mlflow, QStringLiteral("api.demo.dnswatch.test"),
                                QStringLiteral("db.demo.dnswatch.test")};
        // Resolves every host; when the lab is silent, moves the clock on so the client
        // response timer (or the lookup timeout) can answer.
        auto resolveAll = [&](qint64 advanceMs) {
            QHash<QString, LookupResult> results;
            for (const QString &host : hosts) {
                resolver->resolve({host, QStringLiteral("lab"), RecordKind::A}, this,
                                  [&results, host](const LookupResult &result) {
                                      results.insert(host, result);
                                  });
            }
            if (advanceMs)
                clock.advance(advanceMs);
            [&] { QTRY_COMPARE_WITH_TIMEOUT(results.size(), int(hosts.size()), 10000); }();
            return results;
        };

        // Fresh answers just before the outage; they expire 3 s later.
        const qint64 outage = phaseStartMs(*lab.scenario(), DemoPhase::Kind::Outage);
        advanceTo(clock, start, outage - 2000);
        for (const LookupResult &result : resolveAll(0))
            QCOMPARE(result.source, ResolutionSource::Fresh);

        // Early in the outage: stale data, served when the client response timer runs out.
        advanceTo(clock, start, outage + 5000);
        QCOMPARE(lab.scenario()->phase().kind, DemoPhase::Kind::Outage);
        for (const LookupResult &result : resolveAll(DemoTimings::ClientResponseTimerMs)) {
            QCOMPARE(result.source, ResolutionSource::Stale);
            QCOMPARE(result.cause, FailureCause::Timeout);
            QCOMPARE(result.addresses, QList<QHostAddress>{DemoLab::homeAddress()});
        }

        // After the stale window: mlflow on its pinned address, api on its env address, db down.
        advanceTo(clock, start, outage + (DemoTimings::MaxStaleS + 10) * 1000);
        QCOMPARE(lab.scenario()->phase().kind, DemoPhase::Kind::Outage);
        const QHash<QString, LookupResult> late = resolveAll(DemoTimings::LookupTimeoutMs + 500);
        QCOMPARE(late.value(Mlflow).source, ResolutionSource::Pinned);
        QCOMPARE(late.value(Mlflow).addresses, QList<QHostAddress>{DemoLab::homeAddress()});
        QCOMPARE(late.value(QStringLiteral("api.demo.dnswatch.test")).source, ResolutionSource::Env);
        QCOMPARE(late.value(QStringLiteral("db.demo.dnswatch.test")).source, ResolutionSource::None);
        QCOMPARE(late.value(QStringLiteral("db.demo.dnswatch.test")).cause, FailureCause::Timeout);
    }

    // The compared paths of mlflow through an address change, on the lab's clock, through the
    // resolver over the lab's config: alike before, different while the lagging path has not
    // learnt the new address, alike again after it.
    void laggingPathDiffersAtAnAddressChangeThenAgrees()
    {
        ManualClock clock;
        const qint64 start = clock.nowMs();
        DemoLab lab(&clock);
        QString error;
        QVERIFY2(lab.start(&error), qPrintable(error));
        const std::unique_ptr<Resolver> resolver(
                buildResolver(lab.config(), lab.envFallback(), &clock));
        const QStringList paths{QStringLiteral("lab"), DemoLab::laggingResolver()};
        auto compare = [&] {
            QList<LookupResult> results(paths.size());
            int answered = 0;
            for (qsizetype i = 0; i < paths.size(); ++i) {
                resolver->resolve({Mlflow, paths[i], RecordKind::A}, this,
                                  [&results, &answered, i](const LookupResult &result) {
                                      results[i] = result;
                                      ++answered;
                                  });
            }
            [&] { QTRY_COMPARE_WITH_TIMEOUT(answered, int(paths.size()), 10000); }();
            return PathComparison::of(results, {});
        };
        const auto addressesOf = [](const PathComparison &comparison, int path) {
            return comparison.paths.value(path).result.addresses;
        };
        const QList<QHostAddress> home{DemoLab::homeAddress()};
        const QList<QHostAddress> moved{DemoLab::movedAddress()};
        const qint64 change = phaseStartMs(*lab.scenario(), DemoPhase::Kind::AddressChange);

        advanceTo(clock, start, change - 2000);
        PathComparison before = compare();
        QVERIFY(before.agree);
        QCOMPARE(addressesOf(before, 1), home);

        // The lab's DNS has moved the name (its old answer expired); the lagging path has not.
        advanceTo(clock, start, change + (DemoTimings::RecordTtlS + 1) * 1000);
        QCOMPARE(lab.scenario()->phase().kind, DemoPhase::Kind::AddressChange);
        const PathComparison during = compare();
        QCOMPARE(addressesOf(during, 0), moved);
        QCOMPARE(addressesOf(during, 1), home);
        QCOMPARE(during.paths[1].result.source, ResolutionSource::Fresh);
        QVERIFY(!during.agree);
        QCOMPARE(during.disagreeing(), QStringList{DemoLab::laggingResolver()});

        // PathLagS later the lagging path has caught up, still within the phase.
        advanceTo(clock, start,
                  change + (DemoTimings::PathLagS + DemoTimings::RecordTtlS + 1) * 1000);
        QCOMPARE(lab.scenario()->phase().kind, DemoPhase::Kind::AddressChange);
        const PathComparison after = compare();
        QVERIFY(after.agree);
        QCOMPARE(addressesOf(after, 1), moved);
        QVERIFY2(lab.describe(lab.scenario()->phase(), lab.scenario()->position())
                         .contains(QLatin1String("paths_diverged for mlflow")),
                 "the script says what to expect");
    }

    void onceRoundReportsTheLabReady()
    {
        const BinaryRun run = runDnswatch({QStringLiteral("--demo"), QStringLiteral("--once")});
        QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
        QVERIFY2(run.out.contains("fake and local"), run.out.constData());
        QVERIFY2(run.out.contains("ready: yes (2 of 2 critical targets up)"), run.out.constData());
        for (const char *target : {"mlflow", "api", "db", "www"}) {
            // "db (-)": not critical.
            const QRegularExpression row(
                    QStringLiteral("\\n%1( \\(-\\))? +%1\\.demo\\.dnswatch\\.test "
                                   "+lab +healthy +fresh ")
                            .arg(QLatin1String(target)));
            QVERIFY2(row.match(QString::fromUtf8(run.out)).hasMatch(), run.out.constData());
        }
        // mlflow's two paths, listed under its row: alike in the first, healthy phase.
        const QRegularExpression paths(
                QStringLiteral("\\n +path lab +127\\.0\\.0\\.1 .*\\n +path lagging "
                               "+127\\.0\\.0\\.1 .*\\n +paths agree\\n"));
        QVERIFY2(paths.match(QString::fromUtf8(run.out)).hasMatch(), run.out.constData());
    }

    void onceJsonStaysParseable()
    {
        const BinaryRun run = runDnswatch({QStringLiteral("--demo"), QStringLiteral("--once"),
                                           QStringLiteral("--format=json")});
        QCOMPARE(run.exitCode, 0);
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(run.out, &parseError);
        QVERIFY2(parseError.error == QJsonParseError::NoError, run.out.constData());
        QCOMPARE(doc.object().value(QStringLiteral("ready")).toBool(), true);
        QCOMPARE(doc.object().value(QStringLiteral("targets")).toArray().size(), 4);
        QVERIFY2(run.err.contains("fake and local"), run.err.constData()); // the banner
    }

    void demoRefusesAConfig()
    {
        const BinaryRun run = runDnswatch({QStringLiteral("--demo"), QStringLiteral("--config"),
                                           QStringLiteral("examples/dnswatch.json")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("--demo cannot be combined with --config"), run.err.constData());
    }

    void agentWatchesTheLabAndStopsOnSigterm()
    {
        // The usual metrics port is taken: the agent takes a free one and says which.
        QTcpServer usualPort;
        const bool holdingUsualPort = usualPort.listen(QHostAddress::LocalHost, 9108);
        QProcess agent;
        agent.setProcessEnvironment(binaryEnvironment());
        agent.start(QStringLiteral(DNSWATCH_BINARY),
                    {QStringLiteral("--demo"), QStringLiteral("--headless")});
        QVERIFY(agent.waitForStarted());
        QByteArray out;
        const QRegularExpression listening(
                QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"));
        QRegularExpressionMatch match;
        auto saysWhereItListens = [&] {
            out += agent.readAllStandardOutput();
            match = listening.match(QString::fromUtf8(out));
            return match.hasMatch();
        };
        QTRY_VERIFY_WITH_TIMEOUT(saysWhereItListens(), 10000);
        QVERIFY2(out.contains("== phase 1/8: healthy (20 s) =="), out.constData());
        const quint16 port = match.captured(1).toUShort();
        if (holdingUsualPort)
            QVERIFY(port != 9108);

        auto readyz = [&] {
            QNetworkReply *reply = m_network.get(
                    QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/readyz").arg(port))));
            [&] { QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000); }();
            reply->deleteLater();
            return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        };
        QTRY_COMPARE_WITH_TIMEOUT(readyz(), 200, 15000);

        ::kill(pid_t(agent.processId()), SIGTERM);
        QVERIFY(agent.waitForFinished(10000));
        QCOMPARE(agent.exitStatus(), QProcess::NormalExit);
        QCOMPARE(agent.exitCode(), 0);
        QVERIFY(agent.readAllStandardOutput().contains("SIGTERM: stopping"));
    }
};

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
