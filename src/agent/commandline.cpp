#include "commandline.h"

#include "cli/onceoutput.h"
#include "cli/oncerunner.h"
#include "config/resolverfactory.h"
#include "demo/demolab.h"
#include "headlessagent.h"
#include "logging.h"
#include "probe/monitor.h"
#include "reportcommand.h"
#include "reportschedule.h"
#include "store/historyrecorder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <memory>
#include <unistd.h>

namespace {

constexpr int ExitReady = 0;
constexpr int ExitNotReady = 1;
constexpr int ExitUsage = 2;

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

int usageError(const QString &message)
{
    err() << QCoreApplication::applicationName() << ": " << message << '\n'
          << "Try '" << QCoreApplication::applicationName() << " --help'.\n";
    err().flush();
    return ExitUsage;
}

// The history of --db, or none.
std::unique_ptr<HistoryStore> makeHistory(const AppConfig &config, const QString &dbPath,
                                          Clock *clock)
{
    if (dbPath.isEmpty())
        return nullptr;
    return std::make_unique<HistoryStore>(config.history, config.cache.maxStaleS, clock);
}

// Inside the event loop: opens the history (when there is one) and reads what it kept, then
// calls start. A file that cannot be used ends the run with its reason, before anything starts.
void startWithHistory(QCoreApplication &app, HistoryStore *history, const QString &dbPath,
                      PageCheck pageCheck,
                      std::function<void(const SchemaReport &, const RestoredState &)> start)
{
    QMetaObject::invokeMethod(
            &app,
            [&app, history, dbPath, pageCheck, start] {
                if (!history) {
                    start(SchemaReport(), RestoredState());
                    return;
                }
                openHistory(
                        history, dbPath, &app,
                        [&app, start](const QString &error, const SchemaReport &report,
                                      const RestoredState &state) {
                            if (!error.isEmpty()) {
                                err() << QCoreApplication::applicationName() << ": --db: " << error
                                      << '\n';
                                err().flush();
                                app.exit(ExitUsage);
                                return;
                            }
                            start(report, state);
                        },
                        pageCheck);
            },
            Qt::QueuedConnection);
}

// Writes what is still queued; a history that could not be written makes the run fail.
int closeHistory(HistoryStore *history, int exitCode)
{
    if (!history)
        return exitCode;
    QString error;
    if (!history->close(&error)) {
        err() << QCoreApplication::applicationName() << ": " << error << '\n';
        err().flush();
        return exitCode == ExitReady ? ExitNotReady : exitCode;
    }
    return exitCode;
}

int runHeadless(QCoreApplication &app, const HeadlessAgent::Options &options,
                const AppConfig &config, const EnvFallback &env, const QString &dbPath = QString(),
                const std::function<void(HeadlessAgent &)> &started = {},
                const std::optional<ReportSchedule::Options> &reports = std::nullopt)
{
    SystemClock clock;
    const std::unique_ptr<HistoryStore> history = makeHistory(config, dbPath, &clock);
    std::unique_ptr<HeadlessAgent> agent;
    std::unique_ptr<ReportSchedule> schedule;
    startWithHistory(
            app, history.get(), dbPath,
            // A long-running agent checks its file's pages in the background.
            PageCheck::InBackground, [&](const SchemaReport &opened, const RestoredState &state) {
                agent = std::make_unique<HeadlessAgent>(options, config, env, &clock);
                if (history)
                    agent->keepHistory(history.get(), opened, state);
                QString error;
                if (!agent->start(&error)) {
                    err() << QCoreApplication::applicationName() << ": " << error << '\n';
                    err().flush();
                    app.exit(ExitUsage);
                    return;
                }
                QObject::connect(agent.get(), &HeadlessAgent::stopRequested, &app,
                                 &QCoreApplication::quit);
                if (reports && history) {
                    schedule = std::make_unique<ReportSchedule>(*reports, history.get(),
                                                                agent->monitor());
                    HeadlessAgent *log = agent.get();
                    QObject::connect(schedule.get(), &ReportSchedule::written, log,
                                     [log](const QString &path) {
                                         log->log(QStringLiteral("report: %1").arg(path));
                                     });
                    QObject::connect(schedule.get(), &ReportSchedule::failed, log,
                                     [log](const QString &why) {
                                         log->log(QStringLiteral("report failed: %1").arg(why));
                                     });
                    log->log(QStringLiteral("reports: every %1 s into %2, the newest %3 "
                                            "kept")
                                     .arg(reports->intervalS)
                                     .arg(reports->directory)
                                     .arg(reports->keep));
                }
                if (started)
                    started(*agent);
            });
    const int exitCode = app.exec();
    schedule.reset();
    agent.reset(); // no more results: what it recorded is queued in the history
    return closeHistory(history.get(), exitCode);
}

int runOnce(QCoreApplication &app, const AppConfig &config, const EnvFallback &env,
            const QString &format, const QString &dbPath = QString())
{
    SystemClock clock;
    const std::unique_ptr<HistoryStore> history = makeHistory(config, dbPath, &clock);
    // Declared after the clock, so it goes first: its destructor still talks to the clock.
    const std::unique_ptr<Resolver> resolver(buildResolver(config, env, &clock));
    ServiceChecker checker(
            Monitor::checkOptions(config.probes, MlflowCredentials::fromEnvironment()), &clock);
    OnceRunner runner(config, resolver.get(), &checker);
    std::unique_ptr<HistoryRecorder> recorder;
    QDateTime startedAt;
    QObject::connect(&runner, &OnceRunner::finished, &app, [&] {
        const bool ready = runner.ready();
        if (history) {
            for (const TargetOutcome &outcome : runner.outcomes())
                history->recordResult(outcome.toProbeResult(startedAt));
        }
        if (format == QLatin1String("json"))
            out() << QString::fromUtf8(
                    formatOnceJson(runner.outcomes(), ready, resolver->recentEvents()));
        else
            out() << formatOnceTable(runner.outcomes(), ready, resolver->recentEvents());
        out().flush();
        app.exit(ready ? ExitReady : ExitNotReady);
    });
    startWithHistory(app, history.get(), dbPath,
                     // One round: a damaged file is said before anything runs (exit 2).
                     PageCheck::BeforeUse, [&](const SchemaReport &, const RestoredState &state) {
                         if (history)
                             recorder = std::make_unique<HistoryRecorder>(resolver.get(),
                                                                          history.get(), state);
                         startedAt = clock.wallTime();
                         runner.start();
                     });
    const int exitCode = app.exec();
    recorder.reset();
    return closeHistory(history.get(), exitCode);
}

// `--demo`: the agent, or one --once round, over the built-in lab (src/agent/demo).
int runDemo(QCoreApplication &app, DemoLab::Run run, const QString &format, const QString &dbPath,
            const QString &language, const DashboardLauncher &dashboard)
{
    SystemClock clock;
    DemoLab lab(&clock);
    QString error;
    if (!lab.start(&error)) {
        err() << QCoreApplication::applicationName() << ": --demo: " << error << '\n';
        err().flush();
        return ExitUsage;
    }
    // JSON on stdout stays parseable: the banner goes to stderr then.
    QTextStream &banner = format == QLatin1String("json") ? err() : out();
    banner << lab.banner(run);
    banner.flush();
    if (run == DemoLab::Run::Once)
        return runOnce(app, lab.config(), lab.envFallback(), format, dbPath);
    if (dashboard)
        return dashboard({lab.config(), lab.envFallback(), dbPath, language, QString()});
    HeadlessAgent::Options options = DemoLab::agentOptions();
    options.terminal = ::isatty(STDOUT_FILENO);
    // Phase changes go where the agent's own lines go: under the live status in a terminal.
    return runHeadless(
            app, options, lab.config(), lab.envFallback(), dbPath, [&lab](HeadlessAgent &agent) {
                QObject::connect(&lab, &DemoLab::phaseAnnounced, &agent, &HeadlessAgent::log);
            });
}

} // namespace

bool argumentsWantDashboard(const QStringList &arguments)
{
    for (const QString &argument : arguments.mid(1)) {
        for (const char *mode : {"--once", "--headless", "--format", "--report", "--report-every",
                                 "--help", "-h", "--help-all", "--version", "-v"}) {
            const QLatin1String name(mode);
            if (argument == name || argument.startsWith(name + QLatin1Char('=')))
                return false;
        }
    }
    return true;
}

bool argumentsWantReports(const QStringList &arguments)
{
    for (const QString &argument : arguments.mid(1)) {
        for (const char *option : {"--report", "--report-every"}) {
            const QLatin1String name(option);
            if (argument == name || argument.startsWith(name + QLatin1Char('=')))
                return true;
        }
    }
    return false;
}

int runCommandLine(QCoreApplication &app, const DashboardLauncher &dashboard)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "DNS Watch keeps service hosts reachable when DNS fails and shows how resolution is "
            "doing.\n\n"
            "Without a mode it opens the dashboard (it needs a display).\n\n"
            "--once resolves every configured target once (all at the same time), prints a table\n"
            "or JSON, and exits 0 when every critical target has addresses (fresh or from a\n"
            "fallback tier), 1 when one has none, 2 on a usage or config error.\n\n"
            "--headless runs the agent: it probes every target in the background and serves\n"
            "/metrics (Prometheus), /healthz, /readyz and /api/v1/status over HTTP. SIGTERM or\n"
            "SIGINT stop it; SIGHUP (or saving the config file) reloads the config.\n\n"
            "Without --config the embedded default watches localhost through the system resolver,\n"
            "plus the host of MLFLOW_TRACKING_URI when that holds an http(s) URI.\n"
            "DNSWATCH_FALLBACK_IPS=\"host=IP,IP;host2=IP\" sets emergency fallback addresses.\n\n"
            "--demo shows a built-in lab in the dashboard (with --headless, the agent; with\n"
            "--once, one round): fake names on loopback whose DNS fails on a script (slow\n"
            "answers, SERVFAIL, outage, address change). Nothing to set up.\n\n"
            "--report FILE writes a health report of the history (--db) for a range (default:\n"
            "the last 24 hours) as html, pdf, csv or json (--format, else the extension) and\n"
            "exits 0, or 2 with the reason. The agent writes one every --report-every."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption onceOption(
            QStringLiteral("once"), QStringLiteral("Resolve every target once, print, and exit."));
    const QCommandLineOption configOption(
            QStringList{QStringLiteral("c"), QStringLiteral("config")},
            QStringLiteral("Read the JSON config from <file>."), QStringLiteral("file"));
    const QCommandLineOption formatOption(
            QStringLiteral("format"),
            QStringLiteral("Output of --once: table (default) or json. Of --report and "
                           "--report-every: html, pdf, csv or json."),
            QStringLiteral("format"), QStringLiteral("table"));
    const QCommandLineOption headlessOption(
            QStringLiteral("headless"),
            QStringLiteral("Run the agent: probe in the background, serve metrics and health."));
    const QCommandLineOption listenOption(
            QStringLiteral("listen"),
            QStringLiteral("Agent address and port (default 127.0.0.1:9108). Anything but "
                           "loopback needs --token."),
            QStringLiteral("address:port"), QStringLiteral("127.0.0.1:9108"));
    const QCommandLineOption tokenOption(
            QStringLiteral("token"),
            QStringLiteral("Bearer token every agent endpoint but /healthz then requires. Visible "
                           "to other users in ps: prefer --token-file or DNSWATCH_TOKEN."),
            QStringLiteral("token"));
    const QCommandLineOption tokenFileOption(
            QStringLiteral("token-file"),
            QStringLiteral("Read the bearer token from <file> (its first line)."),
            QStringLiteral("file"));
    const QCommandLineOption demoOption(
            QStringLiteral("demo"),
            QStringLiteral(
                    "Watch a built-in lab of fake local names whose DNS fails on a script."));
    const QCommandLineOption dbOption(
            QStringLiteral("db"),
            QStringLiteral("Keep the history in the SQLite file <file> (created if missing): "
                           "results, events, pins and the last-known-good cache, which a restart "
                           "with DNS down still serves."),
            QStringLiteral("file"));
    const QCommandLineOption langOption(
            QStringLiteral("lang"),
            QStringLiteral("Language of the dashboard, e.g. de or en (default: the system "
                           "locale's). The --once and agent output stay English."),
            QStringLiteral("code"));
    const QCommandLineOption reportOption(
            QStringLiteral("report"),
            QStringLiteral("Write a health report of the history (--db) to <file>, then exit."),
            QStringLiteral("file"));
    const QCommandLineOption fromOption(
            QStringLiteral("from"),
            QStringLiteral("Start of the report's range, ISO 8601 (e.g. 2026-11-25T08:00:00Z; "
                           "without an offset: local time). With --to."),
            QStringLiteral("time"));
    const QCommandLineOption toOption(QStringLiteral("to"),
                                      QStringLiteral("End of the report's range, ISO 8601."),
                                      QStringLiteral("time"));
    const QCommandLineOption lastOption(
            QStringLiteral("last"),
            QStringLiteral("The report covers this long before now: 90m, 24h, 7d (default 24h)."),
            QStringLiteral("duration"));
    const QCommandLineOption reportEveryOption(
            QStringLiteral("report-every"),
            QStringLiteral("With --headless and --db: write a report of the last <duration> "
                           "every <duration> into --report-dir."),
            QStringLiteral("duration"));
    const QCommandLineOption reportDirOption(
            QStringLiteral("report-dir"),
            QStringLiteral("Where --report-every writes (dnswatch-report-<UTC time>.<format>)."),
            QStringLiteral("directory"));
    const QCommandLineOption reportKeepOption(
            QStringLiteral("report-keep"),
            QStringLiteral("How many of its reports --report-every keeps (default 7)."),
            QStringLiteral("count"), QStringLiteral("7"));
    parser.addOptions({onceOption, configOption, formatOption, headlessOption, listenOption,
                       tokenOption, tokenFileOption, demoOption, dbOption, langOption, reportOption,
                       fromOption, toOption, lastOption, reportEveryOption, reportDirOption,
                       reportKeepOption});

    if (!parser.parse(app.arguments()))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return ExitReady;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        out() << QCoreApplication::applicationName() << ' '
              << QCoreApplication::applicationVersion() << '\n';
        return ExitReady;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument \"%1\"")
                                  .arg(parser.positionalArguments().constFirst()));
    const bool reporting = parser.isSet(reportOption) || parser.isSet(reportEveryOption);
    for (const QCommandLineOption &option : {fromOption, toOption, lastOption}) {
        if (parser.isSet(option) && !parser.isSet(reportOption))
            return usageError(
                    QStringLiteral("--%1 belongs to --report").arg(option.names().constLast()));
    }
    const QString format = parser.value(formatOption);
    std::optional<ReportFormat> reportFormat;
    if (reporting && parser.isSet(formatOption)) {
        reportFormat = reportFormatFromName(format);
        if (!reportFormat)
            return usageError(QStringLiteral("--format of a report must be html, pdf, csv or "
                                             "json, not \"%1\"")
                                      .arg(format));
    } else if (format != QLatin1String("table") && format != QLatin1String("json")) {
        return usageError(QStringLiteral("--format must be table or json, not \"%1\"").arg(format));
    }
    if (parser.isSet(reportOption) && parser.isSet(reportEveryOption))
        return usageError(QStringLiteral("--report writes one report and exits; --report-every "
                                         "belongs to the agent (--headless): not both"));
    if (parser.isSet(demoOption)) {
        for (const QCommandLineOption &option :
             {configOption, listenOption, tokenOption, tokenFileOption, reportOption}) {
            if (parser.isSet(option))
                return usageError(QStringLiteral("--demo cannot be combined with --%1: the lab "
                                                 "brings its own config and stays on loopback")
                                          .arg(option.names().constLast()));
        }
        return runDemo(app, parser.isSet(onceOption) ? DemoLab::Run::Once : DemoLab::Run::Agent,
                       format, parser.value(dbOption), parser.value(langOption),
                       parser.isSet(headlessOption) ? DashboardLauncher() : dashboard);
    }

    AppConfig config;
    if (parser.isSet(configOption)) {
        const ConfigLoadResult loaded = loadConfigFile(parser.value(configOption));
        if (!loaded.config) {
            for (const ConfigError &error : loaded.errors)
                err() << error.toString() << '\n';
            err() << QStringLiteral("%1: %2 problem(s) in the config; nothing was started\n")
                             .arg(QCoreApplication::applicationName())
                             .arg(loaded.errors.size());
            err().flush();
            return ExitUsage;
        }
        config = *loaded.config;
    } else {
        config = defaultConfig(qEnvironmentVariable("MLFLOW_TRACKING_URI"));
    }

    const EnvFallback env = EnvFallback::fromEnvironment();
    for (const QString &problem : env.errors)
        err() << "warning: " << problem << '\n';
    err().flush();

    if (parser.isSet(reportOption)) {
        if (parser.isSet(headlessOption) || parser.isSet(onceOption))
            return usageError(QStringLiteral("--report runs on its own (the agent writes reports "
                                             "with --report-every)"));
        return runReport(config,
                         {parser.value(reportOption), reportFormat, parser.value(fromOption),
                          parser.value(toOption), parser.value(lastOption), parser.value(dbOption)});
    }
    std::optional<ReportSchedule::Options> reports;
    if (parser.isSet(reportEveryOption)) {
        if (!parser.isSet(headlessOption) || !parser.isSet(dbOption)
            || !parser.isSet(reportDirOption))
            return usageError(QStringLiteral("--report-every needs --headless, --db FILE and "
                                             "--report-dir DIR"));
        QString error;
        const auto every = parseDurationS(parser.value(reportEveryOption), &error);
        if (!every)
            return usageError(QStringLiteral("--report-every: %1").arg(error));
        if (*every > ReportSchedule::LongestIntervalS)
            return usageError(QStringLiteral("--report-every: at most %1 days")
                                      .arg(ReportSchedule::LongestIntervalS / 86400));
        bool keepOk = false;
        const int keep = parser.value(reportKeepOption).toInt(&keepOk);
        if (!keepOk || keep < 1)
            return usageError(QStringLiteral("--report-keep must be a whole number of at least 1, "
                                             "not \"%1\"")
                                      .arg(parser.value(reportKeepOption)));
        const QString directory = parser.value(reportDirOption);
        if (const QString problem = reportPathProblem(directory + QStringLiteral("/report"));
            !problem.isEmpty())
            return usageError(QStringLiteral("--report-dir: %1").arg(problem));
        reports = ReportSchedule::Options{*every, directory, keep,
                                          reportFormat.value_or(ReportFormat::Html)};
    } else if (parser.isSet(reportDirOption) || parser.isSet(reportKeepOption)) {
        return usageError(
                QStringLiteral("--report-dir and --report-keep belong to --report-every"));
    }

    if (parser.isSet(headlessOption)) {
        HeadlessAgent::Options options;
        options.configPath = parser.value(configOption);
        options.token = parser.isSet(tokenOption) ? parser.value(tokenOption)
                                                  : qEnvironmentVariable("DNSWATCH_TOKEN");
        if (parser.isSet(tokenFileOption)) {
            QFile tokenFile(parser.value(tokenFileOption));
            if (!tokenFile.open(QIODevice::ReadOnly))
                return usageError(QStringLiteral("--token-file %1: %2")
                                          .arg(tokenFile.fileName(), tokenFile.errorString()));
            options.token = QString::fromUtf8(tokenFile.readLine(4096)).trimmed();
            if (options.token.isEmpty())
                return usageError(QStringLiteral("--token-file %1: the first line is empty")
                                          .arg(tokenFile.fileName()));
        }
        options.terminal = ::isatty(STDOUT_FILENO);
        const QString listen = parser.value(listenOption);
        QString listenError;
        const std::optional<NameServer> address = NameServer::parse(listen, &listenError);
        const bool portGiven = listen.contains(QLatin1String("]:"))
                || listen.count(QLatin1Char(':')) == 1;
        if (!address)
            return usageError(QStringLiteral("--listen: %1").arg(listenError));
        options.listenAddress = address->address;
        options.listenPort = portGiven ? address->port : 9108;
        return runHeadless(app, options, config, env, parser.value(dbOption), {}, reports);
    }

    if (dashboard && !parser.isSet(onceOption))
        return dashboard({config, env, parser.value(dbOption), parser.value(langOption),
                          parser.value(configOption)});
    return runOnce(app, config, env, format, parser.value(dbOption));
}
