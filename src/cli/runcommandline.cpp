#include "runcommandline.h"

#include "console.h"
#include "demomode.h"
#include "headlessmode.h"
#include "oncemode.h"
#include "printabletext.h"
#include "userfiles.h"

namespace {

// The config of --config, or the embedded default; none when it is invalid, with every problem
// printed and also given in *said.
std::optional<AppConfig> loadConfig(const QString &path, QString *said)
{
    if (path.isEmpty())
        return defaultConfig(qEnvironmentVariable("MLFLOW_TRACKING_URI"));
    const ConfigLoadResult loaded = loadConfigFile(path);
    if (loaded.config)
        return loaded.config;
    for (const ConfigError &error : loaded.errors)
        *said += printable(error.toString()) + QLatin1Char('\n');
    *said += QStringLiteral("%1: %2 problem(s) in the config; nothing was started\n")
                     .arg(QCoreApplication::applicationName())
                     .arg(loaded.errors.size());
    Console::err() << *said;
    Console::err().flush();
    return std::nullopt;
}

EnvFallback loadEnvFallback()
{
    const EnvFallback env = EnvFallback::fromEnvironment();
    for (const QString &problem : env.errors)
        Console::err() << "warning: " << printable(problem) << '\n';
    Console::err().flush();
    return env;
}

// Why --report-dir cannot take reports; empty when it can (or there is no schedule).
QString reportDirProblem(const CommandLine &commandLine)
{
    if (!commandLine.reportSchedule)
        return QString();
    const QString problem = reportPathProblem(commandLine.reportSchedule->directory
                                              + QStringLiteral("/report"));
    return problem.isEmpty() ? QString() : QStringLiteral("--report-dir: %1").arg(problem);
}

int runHeadless(QCoreApplication &app, const CommandLine &commandLine, const AppConfig &config,
                const EnvFallback &env)
{
    QString error;
    const std::optional<HeadlessAgent::Options> options = agentOptionsFor(commandLine, &error);
    if (!options)
        return Console::usageError(error);
    return runHeadlessMode(app, *options, config, env, commandLine.dbPath,
                           commandLine.reportSchedule);
}

} // namespace

int runCommandLine(QCoreApplication &app, const CommandLine &commandLine,
                   const DashboardLauncher &dashboard, const DashboardRefusal &refusal)
{
    switch (commandLine.mode) {
    case RunMode::Help:
        Console::out() << commandLineHelp();
        Console::out().flush();
        return Console::ExitReady;
    case RunMode::Version:
        Console::out() << QCoreApplication::applicationName() << ' '
                       << QCoreApplication::applicationVersion() << '\n';
        Console::out().flush();
        return Console::ExitReady;
    default:
        break;
    }
    if (const QString problem = reportDirProblem(commandLine); !problem.isEmpty())
        return Console::usageError(problem);
    if (commandLine.demo)
        return runDemoMode(app, commandLine, dashboard);

    // The dashboard keeps its config and history where the platform expects them, unless the
    // command line names others; the other modes take only the files they are given.
    DashboardFiles files{commandLine.configPath, commandLine.dbPath, QString()};
    if (commandLine.mode == RunMode::Dashboard && dashboard && files.configPath.isEmpty()) {
        QString problem;
        files.configPath = UserFiles::prepareConfig(&problem);
        if (files.configPath.isEmpty()) {
            Console::fail(problem);
            if (refusal)
                refusal(problem);
            return Console::ExitUsage;
        }
    }
    QString said;
    const std::optional<AppConfig> config = loadConfig(files.configPath, &said);
    if (!config) {
        // The user's own config is what the desktop menu starts on, and there is no terminal
        // there: it is said in a window too. (--config is given where stderr is seen.)
        if (commandLine.mode == RunMode::Dashboard && commandLine.configPath.isEmpty() && dashboard
            && refusal)
            refusal(said.trimmed());
        return Console::ExitUsage;
    }
    const bool probesHere = commandLine.mode == RunMode::Headless
            || (commandLine.mode != RunMode::Report && commandLine.mode != RunMode::Dashboard);
    if (const QString problem = localTargetsProblem(*config); probesHere && !problem.isEmpty())
        return Console::usageError(problem);
    const EnvFallback env = loadEnvFallback();
    switch (commandLine.mode) {
    case RunMode::Report:
        return runReport(*config, commandLine.report);
    case RunMode::Headless:
        return runHeadless(app, commandLine, *config, env);
    case RunMode::Dashboard:
        if (dashboard) {
            UserFiles::prepareHistory(&files);
            return dashboard(*config, env, files);
        }
        break;
    default:
        break;
    }
    return runOnceMode(app, *config, env, commandLine.onceFormat, commandLine.dbPath);
}
