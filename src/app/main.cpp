#include "commandline.h"
#include "console.h"
#include "dashboard.h"
#include "dashboardrefusal.h"
#include "heapreturn.h"
#include "logging.h"
#include "runcommandline.h"
#include "translations.h"

#include <QApplication>
#include <QGuiApplication>

namespace {

bool displayAvailable()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY")
            || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
            || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

void nameApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("dnswatch"));
    QCoreApplication::setOrganizationName(QStringLiteral("dnswatch"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DNSWATCH_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral(DNSWATCH_APP_ID));
}

} // namespace

// The command line says which mode runs, and so which application it needs: the dashboard a
// QApplication, reports a QGuiApplication (fonts; offscreen needs no display), the rest a
// QCoreApplication.
int main(int argc, char *argv[])
{
    nameApplication();
    installPrintableMessageHandler();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const CommandLineParse parse = parseCommandLine(arguments);
    if (!parse.commandLine)
        return Console::usageError(parse.error);
    const CommandLine &commandLine = *parse.commandLine;
    // Before the config is read: the agent's large buffers go back to the system when freed.
    if (commandLine.mode == RunMode::Headless)
        returnLargeBlocksToTheSystem();

    if (commandLine.mode == RunMode::Dashboard) {
        if (!displayAvailable())
            return Console::fail(QStringLiteral(
                    "no display (DISPLAY and WAYLAND_DISPLAY are unset), and the dashboard needs "
                    "one.\nRun `dnswatch --headless` for the agent, or `dnswatch --once` for one "
                    "round; --demo works with both."));
        QApplication app(argc, argv);
        // The translator goes in before the first window exists.
        return runCommandLine(
                app, commandLine,
                [&app, &commandLine](const AppConfig &config, const EnvFallback &env,
                                     const DashboardFiles &files) {
                    installTranslations(app, commandLine.language);
                    return runDashboard({config, env, files.dbPath, commandLine.language,
                                         files.configPath, files.historyProblem});
                },
                [&app, &commandLine](const QString &problems) {
                    installTranslations(app, commandLine.language);
                    showDashboardRefusal(problems);
                });
    }
    if (commandLine.drawsReports()) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        return runCommandLine(app, commandLine);
    }
    QCoreApplication app(argc, argv);
    return runCommandLine(app, commandLine);
}
