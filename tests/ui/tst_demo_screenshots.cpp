// The dashboard over the --demo lab, as a new user first sees it, run under Xvfb by ctest: the
// window is saved while the lab is healthy and again once its first outage (the SERVFAIL burst
// 20 s in) has the targets on the stale tier, with every view. The PNGs are for people to look
// at; the test checks what they must show. Then the same outage in German, at 1440x900 and
// 1920x1080, light and dark.
#include "demolab.h"
#include "mainwindow.h"
#include "screenshot.h"
#include "translations.h"
#include "translators.h"

#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

namespace {
// The demo lab and the dashboard over it, shown with mlflow selected.
struct DemoDashboard
{
    SystemClock clock;
    DemoLab lab{&clock};
    std::unique_ptr<Monitor> monitor;
    std::unique_ptr<MainWindow> window;

    bool start(const QSize &size, QString *error)
    {
        if (!lab.start(error))
            return false;
        monitor = std::make_unique<Monitor>(lab.config(), lab.envFallback(), MlflowCredentials(),
                                            &clock);
        window = std::make_unique<MainWindow>(monitor.get());
        window->resize(size);
        window->show();
        window->selectTarget(QStringLiteral("mlflow"));
        return QTest::qWaitForWindowExposed(window.get());
    }
    QString sourceOf(const QString &target) const
    {
        const TargetTableModel *targets = window->targetModel();
        return targets->index(targets->rowOf(target), TargetTableModel::Source).data().toString();
    }
};
} // namespace

class TestDemoScreenshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoThroughItsFirstOutage()
    {
        // As `dnswatch` starts in an English locale: English plural forms installed.
        QVERIFY(installTranslations(*qApp, QStringLiteral("en")));
        DemoDashboard demo;
        QString error;
        QVERIFY2(demo.start(QSize(1280, 800), &error), qPrintable(error));
        MainWindow &window = *demo.window;
        const auto sourceOf = [&demo](const QString &target) { return demo.sourceOf(target); };
        QTRY_COMPARE_WITH_TIMEOUT(sourceOf(QStringLiteral("mlflow")), QStringLiteral("fresh"),
                                  15000);
        QTRY_VERIFY_WITH_TIMEOUT(window.banner()->text().startsWith(QStringLiteral("Ready")), 5000);
        QVERIFY(saveScreenshot(&window, QStringLiteral("demo-healthy")));

        // The SERVFAIL burst: answers run out and the stale tier keeps the targets reachable.
        QTRY_COMPARE_WITH_TIMEOUT(sourceOf(QStringLiteral("mlflow")), QStringLiteral("stale"),
                                  40000);
        QTRY_VERIFY_WITH_TIMEOUT(
                window.banner()->text().contains(QStringLiteral("kept reachable by fallback")),
                5000);
        // "1 target kept ...", "2 targets kept ...", never "target(s)".
        QVERIFY2(!window.banner()->text().contains(QStringLiteral("(s)")),
                 qPrintable(window.banner()->text()));
        // The figures at a glance follow the table on its per-second tick: one tick more, so the
        // picture says the same thing everywhere.
        QSignalSpy ticked(window.targetModel(), &TargetTableModel::ticked);
        QVERIFY(ticked.wait(3000));
        auto *tabs = window.findChild<QTabWidget *>();
        QVERIFY(tabs);
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i); // the charts redraw as they are shown
            QCoreApplication::processEvents();
            QVERIFY(saveScreenshot(&window, QStringLiteral("demo-outage-%1").arg(i)));
        }
    }

    // The same outage in German, at the sizes of a desk and a wall screen, light and dark: every
    // word of it (states, tiers, causes, events) for people to read in their language.
    void germanDuringItsFirstOutage()
    {
        removeTranslators();
        QVERIFY(installTranslations(*qApp, QStringLiteral("de")));
        DemoDashboard demo;
        QString error;
        QVERIFY2(demo.start(QSize(1440, 900), &error), qPrintable(error));
        MainWindow &window = *demo.window;
        QTRY_COMPARE_WITH_TIMEOUT(demo.sourceOf(QStringLiteral("mlflow")),
                                  QStringLiteral("veraltet"), 40000);
        auto *tabs = window.findChild<QTabWidget *>();
        QVERIFY(tabs);
        const QPalette light = qApp->palette();
        for (const bool dark : {false, true}) {
            qApp->setPalette(dark ? darkPalette() : light);
            for (const QSize size : {QSize(1440, 900), QSize(1920, 1080)}) {
                window.resize(size);
                for (int i = 0; i < tabs->count(); ++i) {
                    tabs->setCurrentIndex(i);
                    QCoreApplication::processEvents();
                    QVERIFY(saveScreenshot(&window,
                                           QStringLiteral("demo-outage-de-%1x%2%3-%4")
                                                   .arg(size.width())
                                                   .arg(size.height())
                                                   .arg(dark ? QStringLiteral("-dark") : QString())
                                                   .arg(i)));
                }
            }
        }
        qApp->setPalette(light);
    }
};

QTEST_MAIN(TestDemoScreenshots)
#include "tst_demo_screenshots.moc"
