// The dashboard started as the desktop menu starts it, `dnswatch` with no arguments, with the
// user's folders (XDG_CONFIG_HOME, XDG_DATA_HOME) in a temporary directory: the first start
// writes the config and the history there, a pin outlives a restart, --config and --db still
// override, a second dashboard finds the history held and says so in its window, and a broken
// config of the user is refused naming the file and what is wrong. In-process through
// runCommandLine and runDashboard as main() calls them, and the real binary for the first
// instance and the refusal.
#include "binaryrun.h"
#include "commandline.h"
#include "config/appconfig.h"
#include "dashboard.h"
#include "dashboardrefusal.h"
#include "filesindicator.h"
#include "mainwindow.h"
#include "runcommandline.h"
#include "screenshot.h"
#include "settings/settingsdialog.h"
#include "store/historylock.h"
#include "targetplace.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

namespace {

QByteArray contentOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

MainWindow *shownMainWindow()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *window = qobject_cast<MainWindow *>(widget); window && window->isVisible())
            return window;
    }
    return nullptr;
}

// The dashboard of `dnswatch ARGUMENTS`, as main() runs it: whileOpen is called once its window
// shows, then the application quits. Returns the exit code.
int runDashboardOf(const QStringList &arguments, const std::function<void(MainWindow *)> &whileOpen)
{
    const CommandLineParse parse = parseCommandLine(QStringList{QStringLiteral("dnswatch")}
                                                    + arguments);
    if (!parse.commandLine) {
        qWarning("%s", qPrintable(parse.error));
        return -1;
    }
    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, qApp, [&poll, &whileOpen] {
        MainWindow *window = shownMainWindow();
        if (!window)
            return;
        poll.stop();
        whileOpen(window);
        window->close();
        QApplication::quit();
    });
    poll.start();
    return runCommandLine(
            *qApp, *parse.commandLine,
            [](const AppConfig &config, const EnvFallback &env, const DashboardFiles &files) {
                return runDashboard({config, env, files.dbPath, QString(), files.configPath,
                                     files.historyProblem});
            });
}

FilesIndicator *indicatorOf(MainWindow *window)
{
    return window->findChild<FilesIndicator *>(QStringLiteral("filesIndicator"));
}

} // namespace

class TestDashboardHome : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<QProcess> m_firstDashboard;

    QString configHome() const { return m_home->filePath(QStringLiteral("config")); }
    QString dataHome() const { return m_home->filePath(QStringLiteral("data")); }
    // Where QStandardPaths puts them for organization and application "dnswatch".
    QString userConfig() const
    {
        return configHome() + QStringLiteral("/dnswatch/dnswatch/dnswatch.json");
    }
    QString userHistory() const
    {
        return dataHome() + QStringLiteral("/dnswatch/dnswatch/history.db");
    }

    // The real binary as the menu starts it, left running; returns once it holds the history.
    void startFirstDashboard()
    {
        m_firstDashboard = std::make_unique<QProcess>();
        m_firstDashboard->setProcessEnvironment(binaryEnvironment());
        m_firstDashboard->start(QStringLiteral(DNSWATCH_BINARY), QStringList());
        QVERIFY2(m_firstDashboard->waitForStarted(), qPrintable(m_firstDashboard->errorString()));
        const QByteArray pid = QByteArray::number(m_firstDashboard->processId());
        QTRY_COMPARE_WITH_TIMEOUT(contentOf(HistoryLock::lockPathOf(userHistory())).trimmed(), pid,
                                  60000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // As main() names it: the user's folders are named after it.
        QCoreApplication::setApplicationName(QStringLiteral("dnswatch"));
        QCoreApplication::setOrganizationName(QStringLiteral("dnswatch"));
    }

    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(configHome()));
        qputenv("XDG_DATA_HOME", QFile::encodeName(dataHome()));
    }

    void cleanup()
    {
        if (m_firstDashboard) {
            m_firstDashboard->kill();
            m_firstDashboard->waitForFinished();
            m_firstDashboard.reset();
        }
    }

    void firstStartMakesTheConfigAndTheHistory()
    {
        QString settingsPath;
        QString tooltip;
        bool reportsOpen = false;
        const int exitCode = runDashboardOf({}, [&](MainWindow *window) {
            FilesIndicator *files = indicatorOf(window);
            QVERIFY(files);
            QCOMPARE(files->text(), QStringLiteral("History on"));
            tooltip = files->toolTip();
            window->openSettings();
            auto *settings = window->findChild<SettingsDialog *>();
            QVERIFY(settings);
            settingsPath = settings->document().path();
            settings->close();
            window->openReportDialog(); // reports need the history
            reportsOpen = window->reportDialog() != nullptr;
        });
        QCOMPARE(exitCode, 0);
        QVERIFY(QFileInfo::exists(userHistory()));
        QCOMPARE(settingsPath, userConfig()); // Settings saves to the file in use
        QVERIFY2(tooltip.contains(userConfig()) && tooltip.contains(userHistory()),
                 qPrintable(tooltip));
        QVERIFY(reportsOpen);
        // The embedded default, as a file that loads; folders for the user alone.
        const ConfigLoadResult loaded = loadConfigFile(userConfig());
        QVERIFY(loaded.config);
        QCOMPARE(loaded.config->targets.size(), 1);
        QCOMPARE(loaded.config->targets.constFirst().host, QStringLiteral("localhost"));
        const QFile::Permissions owner = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
        const QStringList folders{QFileInfo(userConfig()).path(), QFileInfo(userHistory()).path(),
                                  configHome() + QStringLiteral("/dnswatch")};
        for (const QString &folder : folders) {
            const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup
                    | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
            QCOMPARE(QFile::permissions(folder) & (owner | others), owner);
        }
    }

    void aPinOutlivesARestart()
    {
        PinnedFallback pin;
        pin.addresses = {QHostAddress(QStringLiteral("10.9.8.7"))};
        pin.reason = QStringLiteral("kept across restarts");
        QCOMPARE(runDashboardOf({},
                                [&](MainWindow *window) {
                                    window->pin(QStringLiteral("localhost"), pin);
                                    QTRY_VERIFY(window->places().constFirst()->mayBePinned(
                                            QStringLiteral("localhost")));
                                }),
                 0);
        QVERIFY(!QTest::currentTestFailed());
        bool pinnedAgain = false;
        QCOMPARE(runDashboardOf({},
                                [&](MainWindow *window) {
                                    pinnedAgain = window->places().constFirst()->mayBePinned(
                                            QStringLiteral("localhost"));
                                }),
                 0);
        QVERIFY(pinnedAgain);
    }

    void commandLineFilesOverrideTheUsers()
    {
        const QString config = m_home->filePath(QStringLiteral("site.json"));
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"targets": [{"name": "site", "host": "localhost", "resolver": "system",
                       "check": {"type": "dns"}}]})");
        file.close();
        const QString db = m_home->filePath(QStringLiteral("site.db"));
        QString settingsPath;
        QString tooltip;
        QCOMPARE(runDashboardOf({QStringLiteral("--config"), config, QStringLiteral("--db"), db},
                                [&](MainWindow *window) {
                                    QVERIFY(indicatorOf(window));
                                    tooltip = indicatorOf(window)->toolTip();
                                    window->openSettings();
                                    auto *settings = window->findChild<SettingsDialog *>();
                                    QVERIFY(settings);
                                    settingsPath = settings->document().path();
                                    settings->close();
                                }),
                 0);
        QCOMPARE(settingsPath, config);
        QVERIFY2(tooltip.contains(db) && tooltip.contains(config), qPrintable(tooltip));
        QVERIFY(QFileInfo::exists(db));
        QVERIFY(!QFileInfo::exists(userConfig()));
        QVERIFY(!QFileInfo::exists(userHistory()));
    }

    // The real binary holds the history; a second dashboard runs without and says why.
    void aSecondDashboardSaysTheHistoryIsHeld()
    {
        startFirstDashboard();
        if (QTest::currentTestFailed())
            return;
        QVERIFY(QFileInfo::exists(userConfig())); // the first start of the binary made them
        QString text;
        QString tooltip;
        QString warning;
        QCOMPARE(runDashboardOf({},
                                [&](MainWindow *window) {
                                    QVERIFY(indicatorOf(window));
                                    text = indicatorOf(window)->text();
                                    tooltip = indicatorOf(window)->toolTip();
                                    QMessageBox *box = nullptr;
                                    QTRY_VERIFY((box = window->findChild<QMessageBox *>())
                                                && box->isVisible());
                                    warning = box->text();
                                    box->close();
                                    window->resize(1440, 900);
                                    QVERIFY(saveScreenshot(
                                            window, QStringLiteral("dashboard-history-held")));
                                }),
                 0);
        QCOMPARE(text, QStringLiteral("History off"));
        QVERIFY2(tooltip.contains(QStringLiteral("is in use")), qPrintable(tooltip));
        QVERIFY2(warning.contains(QStringLiteral("runs without a history"))
                         && warning.contains(userHistory())
                         && warning.contains(QString::number(m_firstDashboard->processId())),
                 qPrintable(warning));
        QCOMPARE(m_firstDashboard->state(), QProcess::Running); // the first goes on
    }

    // On stderr as --config says it, and in a window (from the menu there is no terminal), which
    // the binary keeps open until it is read; the file is left as it was.
    void aBrokenUserConfigIsRefusedSayingWhereAndWhat()
    {
        QVERIFY(QDir().mkpath(QFileInfo(userConfig()).path()));
        const QByteArray broken = R"({"targets": [{"name": "api", "host": "api.internal",
                                      "resolver": "nowhere"}]})";
        QFile file(userConfig());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(broken);
        file.close();

        QProcess binary;
        binary.setProcessEnvironment(binaryEnvironment());
        binary.start(QStringLiteral(DNSWATCH_BINARY), QStringList());
        QVERIFY(binary.waitForStarted());
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT(
                (said += binary.readAllStandardError()).contains("nothing was started"), 60000);
        QVERIFY2(said.contains(userConfig().toUtf8()) && said.contains("$.targets[0].resolver"),
                 said.constData());
        QCOMPARE(binary.state(), QProcess::Running); // the window says it too, until closed
        binary.kill();
        binary.waitForFinished();
        QCOMPARE(contentOf(userConfig()), broken); // left as it was, for the user to mend

        // The same through runCommandLine: exit 2, the dashboard never opened, and the window
        // (in-process) names the file and what is wrong.
        const CommandLineParse parse = parseCommandLine({QStringLiteral("dnswatch")});
        QVERIFY(parse.commandLine);
        QString shown;
        bool opened = false;
        const int exitCode = runCommandLine(
                *qApp, *parse.commandLine,
                [&opened](const AppConfig &, const EnvFallback &, const DashboardFiles &) {
                    opened = true;
                    return 0;
                },
                [&shown](const QString &problems) {
                    std::unique_ptr<QMessageBox> box(makeDashboardRefusal(problems));
                    shown = box->text() + QLatin1Char('\n') + box->informativeText();
                    box->show();
                    saveScreenshot(box.get(), QStringLiteral("dashboard-refused"));
                });
        QCOMPARE(exitCode, 2);
        QVERIFY(!opened);
        QVERIFY2(shown.contains(QStringLiteral("did not start")) && shown.contains(userConfig())
                         && shown.contains(QStringLiteral("$.targets[0].resolver")),
                 qPrintable(shown));
    }

    // Folders that cannot be made (a file where a folder should be): no config, said and exit 2;
    // no history folder, the dashboard runs without and says why.
    void foldersThatCannotBeMadeAreSaid()
    {
        const QString blocker = m_home->filePath(QStringLiteral("a-file"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();

        qputenv("XDG_CONFIG_HOME", QFile::encodeName(blocker + QStringLiteral("/config")));
        const CommandLineParse parse = parseCommandLine({QStringLiteral("dnswatch")});
        QVERIFY(parse.commandLine);
        QString refused;
        const int exitCode = runCommandLine(
                *qApp, *parse.commandLine,
                [](const AppConfig &, const EnvFallback &, const DashboardFiles &) { return 0; },
                [&refused](const QString &problems) { refused = problems; });
        QCOMPARE(exitCode, 2);
        QVERIFY2(refused.contains(QStringLiteral("cannot make the folder"))
                         && refused.contains(blocker),
                 qPrintable(refused));

        qputenv("XDG_CONFIG_HOME", QFile::encodeName(configHome()));
        qputenv("XDG_DATA_HOME", QFile::encodeName(blocker + QStringLiteral("/data")));
        QString text;
        QString tooltip;
        QCOMPARE(runDashboardOf({},
                                [&](MainWindow *window) {
                                    QVERIFY(indicatorOf(window));
                                    text = indicatorOf(window)->text();
                                    tooltip = indicatorOf(window)->toolTip();
                                }),
                 0);
        QCOMPARE(text, QStringLiteral("History off"));
        QVERIFY2(tooltip.contains(QStringLiteral("cannot make the folder")), qPrintable(tooltip));
    }
};

QTEST_MAIN(TestDashboardHome)
#include "tst_dashboard_home.moc"
