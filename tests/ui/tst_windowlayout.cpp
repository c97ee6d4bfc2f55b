// The main window's shape, whatever it watches: it opens within the screen it is on (300
// targets with long names and a long banner do not widen it), the charts get at least a third of
// the height, the split between table and charts is remembered, and with nothing selected the
// charts show all targets. Offscreen platform (an 800x600 screen); no DNS server is needed.
#include "charts/targetcharts.h"
#include "charts/timechartview.h"
#include "mainwindow.h"
#include "translations.h"
#include "unansweredresolver.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QValueAxis>

class TestWindowLayout : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SystemClock> m_clock;
    std::unique_ptr<Monitor> m_monitor;

    // targets with long names and hosts, resolved by a server that is not there (loopback).
    static AppConfig manyTargets(int count, int intervalS)
    {
        AppConfig config;
        const ResolverConfig nowhere = unansweredResolver();
        config.resolvers = {nowhere};
        for (int i = 0; i < count; ++i) {
            TargetConfig target;
            target.name = QStringLiteral("a-rather-long-target-name-that-goes-on-%1").arg(i);
            target.host = QStringLiteral("%1.").arg(i) + QString(180, QLatin1Char('h'))
                    + QStringLiteral(".example.test");
            target.resolver = nowhere.name;
            target.intervalS = intervalS;
            config.targets.append(target);
        }
        return config;
    }

    std::unique_ptr<MainWindow> openWindow(int targets, int intervalS = 3600)
    {
        m_monitor = std::make_unique<Monitor>(manyTargets(targets, intervalS), EnvFallback(),
                                              MlflowCredentials(), m_clock.get());
        auto window = std::make_unique<MainWindow>(m_monitor.get());
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return nullptr;
        return window;
    }

    static QSplitter *tableAndCharts(const MainWindow &window)
    {
        return window.findChild<QSplitter *>(QStringLiteral("tableAndCharts"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the window's QSettings go elsewhere
        QCoreApplication::setOrganizationName(QStringLiteral("dnswatch-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_windowlayout"));
        QVERIFY(installTranslations(*qApp, QStringLiteral("en")));
        m_clock = std::make_unique<SystemClock>();
    }

    void init() { QSettings().clear(); }

    void cleanup() { m_monitor.reset(); }

    void opensWithinTheScreen()
    {
        const auto window = openWindow(300);
        QVERIFY(window);
        const QRect available = window->screen()->availableGeometry();
        QVERIFY2(window->frameGeometry().width() <= available.width(),
                 qPrintable(QStringLiteral("%1 px wide on a screen of %2")
                                    .arg(window->frameGeometry().width())
                                    .arg(available.width())));
        QVERIFY2(window->frameGeometry().height() <= available.height(),
                 qPrintable(QStringLiteral("%1 px high on a screen of %2")
                                    .arg(window->frameGeometry().height())
                                    .arg(available.height())));
        QVERIFY(available.contains(window->frameGeometry()));
    }

    void geometryFromAnotherScreenIsBroughtBack()
    {
        // Saved on a larger screen (or one since unplugged): opened within this one.
        {
            const auto window = openWindow(3);
            QVERIFY(window);
            window->setGeometry(2000, 1500, 2500, 1400);
            window->close();
        }
        const auto window = openWindow(3);
        QVERIFY(window);
        QVERIFY2(window->screen()->availableGeometry().contains(window->frameGeometry()),
                 qPrintable(QStringLiteral("%1,%2 %3x%4")
                                    .arg(window->frameGeometry().x())
                                    .arg(window->frameGeometry().y())
                                    .arg(window->frameGeometry().width())
                                    .arg(window->frameGeometry().height())));
    }

    void chartsGetAThirdOfTheHeight()
    {
        const auto window = openWindow(300);
        QVERIFY(window);
        QSplitter *splitter = tableAndCharts(*window);
        QVERIFY(splitter);
        const QList<int> sizes = splitter->sizes();
        QCOMPARE(sizes.size(), 2);
        QVERIFY2(sizes[1] * 3 >= sizes[0] + sizes[1],
                 qPrintable(
                         QStringLiteral("table %1 px, charts %2 px").arg(sizes[0]).arg(sizes[1])));
    }

    void theSplitIsRemembered()
    {
        QList<int> chosen;
        {
            const auto window = openWindow(3);
            QVERIFY(window);
            QSplitter *splitter = tableAndCharts(*window);
            QVERIFY(splitter);
            const int total = splitter->sizes().value(0) + splitter->sizes().value(1);
            splitter->setSizes({total / 5, total - total / 5});
            chosen = splitter->sizes();
            window->close();
        }
        const auto window = openWindow(3);
        QVERIFY(window);
        QCOMPARE(tableAndCharts(*window)->sizes(), chosen);
    }

    void legendsAreNotCut_data()
    {
        QTest::addColumn<int>("width");
        QTest::newRow("1157 px") << 1157;
        QTest::newRow("1440 px") << 1440;
    }

    void legendsAreNotCut()
    {
        QFETCH(int, width);
        const auto window = openWindow(3, 1);
        QVERIFY(window);
        QTRY_VERIFY(window->charts()->cacheCensusPoints() > 0
                    && window->charts()->plottedBuckets() > 0);
        window->resize(width, 780);
        QTRY_COMPARE(window->width(), width);
        const QList<QChartView *> views = window->charts()->findChildren<QChartView *>();
        QCOMPARE(views.size(), 3);
        for (QChartView *view : views) {
            const QChart *chart = view->chart();
            QLegend *legend = chart->legend();
            const QFontMetricsF metrics(legend->font());
            qreal needed = 0;
            for (QLegendMarker *marker : legend->markers()) {
                if (marker->isVisible()) // the label, the colour square and the gaps
                    needed += metrics.horizontalAdvance(marker->label()) + 2.5 * metrics.height();
            }
            QVERIFY2(needed <= legend->geometry().width(),
                     qPrintable(QStringLiteral("%1: the legend needs %2 px, has %3")
                                        .arg(chart->title())
                                        .arg(needed)
                                        .arg(legend->geometry().width())));
        }
    }

    void successShowsZeroAndHundredClearOfTheFrame()
    {
        const auto window = openWindow(3);
        QVERIFY(window);
        const auto *view = window->charts()->successView();
        const QChart *chart = view->chart();
        const auto percent = chart->axes(Qt::Vertical);
        QCOMPARE(percent.size(), 1);
        const auto *axis = qobject_cast<QValueAxis *>(percent.constFirst());
        QVERIFY(axis);
        QVERIFY(axis->min() < 0);
        QVERIFY(axis->max() > 100);
    }

    void chartsSayTheTimeZoneAndAnEmptyRange()
    {
        const auto window = openWindow(3, 1);
        QVERIFY(window);
        const auto *zone = window->charts()->findChild<QLabel *>(QStringLiteral("timeZone"));
        QVERIFY(zone);
        QVERIFY2(zone->text().contains(QLatin1String("UTC")), qPrintable(zone->text()));
        // A day ago: this run has no probes there and keeps no history.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        window->charts()->showWindow(now - 25 * 3600'000, now - 24 * 3600'000);
        QTRY_VERIFY(window->charts()->saysEmpty());
        window->charts()->setLive(true); // now: the first probes are there
        QTRY_VERIFY_WITH_TIMEOUT(!window->charts()->saysEmpty(), 10000);
    }

    void nothingSelectedShowsAllTargets()
    {
        const auto window = openWindow(3);
        QVERIFY(window);
        QCOMPARE(window->charts()->target(), QString()); // all of them, not the first
        QTableView *table = window->targetView();
        QVERIFY(table);
        table->selectRow(1);
        QVERIFY(!window->charts()->target().isEmpty());
        table->clearSelection();
        QCOMPARE(window->charts()->target(), QString());
    }
};

QTEST_MAIN(TestWindowLayout)
#include "tst_windowlayout.moc"
