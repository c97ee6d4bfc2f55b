// The dashboard over the --demo lab, as a new user first sees it, run under Xvfb by ctest: the
// window is saved while the lab is healthy and again once its first outage (the SERVFAIL burst
// 20 s in) has the targets on the stale tier, with every view. The PNGs are for people to look
// at; the test checks what they must show.
#include "demolab.h"
#include "mainwindow.h"
#include "screenshot.h"
#include "translations.h"

#include <QDir>
#include <QLabel>
#include <QTabWidget>
#include <QTest>

class TestDemoScreenshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoThroughItsFirstOutage()
    {
        // As `dnswatch` starts in an English locale: English plural forms installed.
        QVERIFY(installTranslations(*qApp, QStringLiteral("en")));
        SystemClock clock;
        DemoLab lab(&clock);
        QString error;
        QVERIFY2(lab.start(&error), qPrintable(error));
        Monitor monitor(lab.config(), lab.envFallback(), MlflowCredentials(), &clock);
        MainWindow window(&monitor);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.selectTarget(QStringLiteral("mlflow"));
        const TargetTableModel *targets = window.targetModel();
        const auto sourceOf = [targets](const QString &target) {
            return targets->index(targets->rowOf(target), TargetTableModel::Source).data().toString();
        };
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
        auto *tabs = window.findChild<QTabWidget *>();
        QVERIFY(tabs);
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i); // the charts redraw as they are shown
            QCoreApplication::processEvents();
            QVERIFY(saveScreenshot(&window, QStringLiteral("demo-outage-%1").arg(i)));
        }
    }
};

QTEST_MAIN(TestDemoScreenshots)
#include "tst_demo_screenshots.moc"
