#include "commandline.h"

#include "cli/onceoutput.h"
#include "cli/oncerunner.h"
#include "config/resolverfactory.h"
#include "headlessagent.h"
#include "logging.h"
#include "probe/monitor.h"

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

int runHeadless(QCoreApplication &app, const HeadlessAgent::Options &options,
                const AppConfig &config, const EnvFallback &env)
{
    SystemClock clock;
    HeadlessAgent agent(options, config, env, &clock);
    QString error;
    if (!agent.start(&error)) {
        err() << QCoreApplication::applicationName() << ": " << error << '\n';
        err().flush();
        return ExitUsage;
    }
    QObject::connect(&agent, &HeadlessAgent::stopRequested, &app, &QCoreApplication::quit);
    app.exec();
    return ExitReady;
}

} // namespace

int runCommandLine(QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "DNS Watch keeps service hosts reachable when DNS fails and shows how resolution is "
            "doing.\n\n"
            "--once resolves every configured target once (all at the same time), prints a table\n"
            "or JSON, and exits 0 when every critical target has addresses (fresh or from a\n"
            "fallback tier), 1 when one has none, 2 on a usage or config error. It is also what\n"
            "runs when no mode is given.\n\n"
            "--headless runs the agent: it probes every target in the background and serves\n"
            "/metrics (Prometheus), /healthz, /readyz and /api/v1/status over HTTP. SIGTERM or\n"
            "SIGINT stop it; SIGHUP (or saving the config file) reloads the config.\n\n"
            "Without --config the embedded default watches localhost through the system resolver,\n"
            "plus the host of MLFLOW_TRACKING_URI when that holds an http(s) URI.\n"
            "DNSWATCH_FALLBACK_IPS=\"host=IP,IP;host2=IP\" sets emergency fallback addresses."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption onceOption(
            QStringLiteral("once"), QStringLiteral("Resolve every target once, print, and exit."));
    const QCommandLineOption configOption(
            QStringList{QStringLiteral("c"), QStringLiteral("config")},
            QStringLiteral("Read the JSON config from <file>."), QStringLiteral("file"));
    const QCommandLineOption formatOption(
            QStringLiteral("format"), QStringLiteral("Output of --once: table (default) or json."),
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
    parser.addOptions({onceOption, configOption, formatOption, headlessOption, listenOption,
                       tokenOption, tokenFileOption});

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
    const QString format = parser.value(formatOption);
    if (format != QLatin1String("table") && format != QLatin1String("json"))
        return usageError(QStringLiteral("--format must be table or json, not \"%1\"").arg(format));

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
        return runHeadless(app, options, config, env);
    }

    SystemClock clock;
    // Declared after the clock, so it goes first: its destructor still talks to the clock.
    const std::unique_ptr<Resolver> resolver(buildResolver(config, env, &clock));
    ServiceChecker checker(
            Monitor::checkOptions(config.probes, MlflowCredentials::fromEnvironment()), &clock);
    OnceRunner runner(config, resolver.get(), &checker);
    int exitCode = ExitNotReady;
    QObject::connect(&runner, &OnceRunner::finished, &app, [&] {
        const bool ready = runner.ready();
        if (format == QLatin1String("json"))
            out() << QString::fromUtf8(
                    formatOnceJson(runner.outcomes(), ready, resolver->recentEvents()));
        else
            out() << formatOnceTable(runner.outcomes(), ready, resolver->recentEvents());
        out().flush();
        exitCode = ready ? ExitReady : ExitNotReady;
        app.quit();
    });
    runner.start();
    app.exec();
    return exitCode;
}
