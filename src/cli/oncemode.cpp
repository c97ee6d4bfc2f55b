#include "oncemode.h"

#include "config/resolverfactory.h"
#include "console.h"
#include "modehistory.h"
#include "onceoutput.h"
#include "oncerunner.h"
#include "probe/monitor.h"
#include "probe/zonesignatures.h"

int runOnceMode(QCoreApplication &app, const AppConfig &config, const EnvFallback &env,
                const QString &format, const QString &dbPath)
{
    SystemClock clock;
    const std::unique_ptr<HistoryStore> history = makeModeHistory(config, dbPath, &clock);
    // Declared after the clock, so it goes first: its destructor still talks to the clock.
    const std::unique_ptr<Resolver> resolver(buildResolver(config, env, &clock));
    ServiceChecker checker(
            Monitor::checkOptions(config.probes, MlflowCredentials::fromEnvironment()), &clock);
    OnceRunner runner(config, resolver.get(), &checker);
    // The zones' signatures are asked at the same time; the output waits for both.
    ZoneSignatureCheck zones(config, &clock);
    std::unique_ptr<HistoryRecorder> recorder;
    QDateTime startedAt;
    bool targetsDone = false;
    bool reported = false;
    const auto report = [&] {
        if (!targetsDone || !zones.isDone() || reported)
            return;
        reported = true;
        const bool ready = runner.ready();
        if (history) {
            for (const TargetOutcome &outcome : runner.outcomes())
                history->recordResult(outcome.toProbeResult(startedAt));
        }
        if (format == QLatin1String("json"))
            Console::out() << QString::fromUtf8(formatOnceJson(
                    runner.outcomes(), ready, resolver->recentEvents(), zones.statuses()));
        else
            Console::out() << formatOnceTable(runner.outcomes(), ready, resolver->recentEvents(),
                                              zones.statuses());
        Console::out().flush();
        app.exit(ready ? Console::ExitReady : Console::ExitNotReady);
    };
    QObject::connect(&runner, &OnceRunner::finished, &app, [&] {
        targetsDone = true;
        report();
    });
    QObject::connect(&zones, &ZoneSignatureCheck::finished, &app, report);
    startWithHistory(app, history.get(), dbPath,
                     // One round: a damaged file is said before anything runs (exit 2).
                     PageCheck::BeforeUse, [&](const SchemaReport &, const RestoredState &state) {
                         if (history)
                             recorder = std::make_unique<HistoryRecorder>(resolver.get(),
                                                                          history.get(), state);
                         startedAt = clock.wallTime();
                         zones.start();
                         runner.start();
                     });
    const int exitCode = app.exec();
    recorder.reset();
    return closeModeHistory(history.get(), exitCode);
}
