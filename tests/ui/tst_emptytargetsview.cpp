// What the dashboard shows in the targets table's place while there are no targets (a config of
// agents alone, none of them heard yet): its Settings button opens the settings editor, its demo
// button starts the demo lab as a program of its own (here a stand-in that leaves a file, and a
// program that is not there, which makes it say the command to run), and the table comes back
// with the first target. Run on a real X server (Xvfb) at 1440x900, where it saves screenshots:
// light, dark, German, and light at 1920x1080.
#include "clock.h"
#include "emptytargetsview.h"
#include "mainwindow.h"
#include "probe/monitor.h"
#include "resolver/envfallback.h"
#include "screenshot.h"
#include "settings/settingsdialog.h"
#include "translations.h"

#include <QApplication>
#include <QFileInfo>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

AppConfig configOf(const QByteArray &json)
{
    ConfigLoadResult loaded = parseConfig(json, QStringLiteral("test"));
    if (!loaded.config)
        qFatal("%s", qPrintable(loaded.errors.value(0).toString()));
    return *loaded.config;
}

// Agents only (nothing listens there; the window is not told to connect them): no targets.
// (Not raw strings: moc would read the URL's // as a comment.)
const QByteArray NoTargets = "{\"agents\": [{\"name\": \"far\", \"url\": \"http://127.0.0.1:9\"}], "
                             "\"targets\": []}";
const QByteArray OneTarget = "{\"targets\": [{\"name\": \"local\", \"host\": \"localhost\", "
                             "\"resolver\": \"system\", \"interval_s\": 3600, "
                             "\"check\": {\"type\": \"dns\"}}]}";

} // namespace

class TestEmptyTargetsView : public QObject
{
    Q_OBJECT

    std::unique_ptr<SystemClock> m_clock;
    std::unique_ptr<Monitor> m_monitor;
    std::unique_ptr<MainWindow> m_window;

    EmptyTargetsView *emptyView() const
    {
        return m_window->findChild<EmptyTargetsView *>(QStringLiteral("emptyTargets"));
    }

    void openWindow()
    {
        m_window = std::make_unique<MainWindow>(m_monitor.get());
        m_window->resize(1440, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the window's QSettings go elsewhere
        QVERIFY(installTranslations(*qApp, QStringLiteral("en")));
    }

    void init()
    {
        m_clock = std::make_unique<SystemClock>();
        m_monitor = std::make_unique<Monitor>(configOf(NoTargets), EnvFallback(),
                                              MlflowCredentials(), m_clock.get());
        openWindow();
    }

    void cleanup()
    {
        m_window.reset();
        m_monitor.reset();
        m_clock.reset();
    }

    void showsWhatToDoInTheTablesPlace()
    {
        EmptyTargetsView *empty = emptyView();
        QVERIFY(empty);
        QVERIFY(empty->isVisible());
        QVERIFY(!m_window->targetView()->isVisible());
        QVERIFY(saveScreenshot(m_window.get(), QStringLiteral("empty-targets")));
        const QPalette light = QApplication::palette();
        QApplication::setPalette(darkPalette());
        QVERIFY(saveScreenshot(m_window.get(), QStringLiteral("empty-targets-dark")));
        QApplication::setPalette(light);
        m_window->resize(1920, 1080); // a wall screen: the words stay a column in the middle
        QVERIFY(saveScreenshot(m_window.get(), QStringLiteral("empty-targets-1920")));
    }

    void settingsButtonOpensTheSettings()
    {
        EmptyTargetsView *empty = emptyView();
        QVERIFY(empty);
        QVERIFY(!m_window->findChild<SettingsDialog *>());
        QTest::mouseClick(empty->settingsButton(), Qt::LeftButton);
        SettingsDialog *settings = nullptr;
        QTRY_VERIFY((settings = m_window->findChild<SettingsDialog *>()) && settings->isVisible());
        settings->close();
    }

    void theTableComesBackWithTheFirstTarget()
    {
        QVERIFY(emptyView() && emptyView()->isVisible());
        m_monitor->applyConfig(configOf(OneTarget)); // as a save in Settings does
        m_window->targetModel()->reloadTargets();
        QTRY_VERIFY(m_window->targetView()->isVisible());
        QVERIFY(!emptyView()->isVisible());
    }

    void demoButtonStartsTheLab()
    {
        EmptyTargetsView *empty = emptyView();
        QVERIFY(empty);
        // By default this program (the dashboard's own) with --demo.
        QCOMPARE(empty->demoCommandLine(),
                 QFileInfo(QCoreApplication::applicationFilePath()).fileName()
                         + QStringLiteral(" --demo"));
        QTemporaryDir dir;
        const QString started = dir.filePath(QStringLiteral("started"));
        empty->setDemoCommand(
                QStringLiteral("/bin/sh"),
                {QStringLiteral("-c"), QStringLiteral("echo lab > '%1'").arg(started)});
        QSignalSpy spy(empty, &EmptyTargetsView::demoStarted);
        QTest::mouseClick(empty->demoButton(), Qt::LeftButton);
        QCOMPARE(spy.size(), 1);
        QTRY_VERIFY(QFileInfo(started).size() > 0);
        QVERIFY2(empty->demoStatus().contains(QStringLiteral("starting in a window of its own")),
                 qPrintable(empty->demoStatus()));
    }

    void demoThatCannotStartSaysTheCommand()
    {
        EmptyTargetsView *empty = emptyView();
        QVERIFY(empty);
        empty->setDemoCommand(QStringLiteral("/nonexistent/dnswatch"), {QStringLiteral("--demo")});
        QSignalSpy spy(empty, &EmptyTargetsView::demoStarted);
        QTest::mouseClick(empty->demoButton(), Qt::LeftButton);
        QCOMPARE(spy.size(), 0);
        QVERIFY2(empty->demoStatus().contains(QStringLiteral("could not be started"))
                         && empty->demoStatus().contains(QStringLiteral("dnswatch --demo")),
                 qPrintable(empty->demoStatus()));
    }

    void germanScreenshot()
    {
        QVERIFY(installTranslations(*qApp, QStringLiteral("de")));
        openWindow();
        QVERIFY(emptyView() && emptyView()->isVisible());
        QVERIFY(saveScreenshot(m_window.get(), QStringLiteral("empty-targets-de")));
        QVERIFY(installTranslations(*qApp, QStringLiteral("en")));
    }
};

QTEST_MAIN(TestEmptyTargetsView)
#include "tst_emptytargetsview.moc"
