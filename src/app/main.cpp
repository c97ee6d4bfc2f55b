#include "commandline.h"
#include "dashboard.h"
#include "translations.h"

#include <QApplication>
#include <QGuiApplication>

#include <cstdio>

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
}
} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (argumentsWantDashboard(arguments)) {
        if (!displayAvailable()) {
            std::fputs("dnswatch: no display (DISPLAY and WAYLAND_DISPLAY are unset), and the "
                       "dashboard needs one.\nRun `dnswatch --headless` for the agent, or "
                       "`dnswatch --once` for one round; --demo works with both.\n",
                       stderr);
            return 2;
        }
        QApplication app(argc, argv);
        nameApplication();
        // The translator goes in before the first window exists; --lang (empty: the system
        // locale) comes with the request.
        return runCommandLine(app, [&app](const DashboardRequest &request) {
            installTranslations(app, request.language);
            return runDashboard(request);
        });
    }
    if (argumentsWantReports(arguments)) {
        // Charts and PDFs are drawn with fonts, which need a QGuiApplication; offscreen needs
        // no display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        nameApplication();
        return runCommandLine(app);
    }
    QCoreApplication app(argc, argv);
    nameApplication();
    return runCommandLine(app);
}
