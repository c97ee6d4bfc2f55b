// The charts' window of time on a ManualClock, without widgets: live follows now as the clock
// moves; zooming, panning, a selected span or holding leave live mode and keep the window while
// time moves, and live again ends it at now; the span stays within 30 s and 31 days and never
// reaches past now; a window older than two hours is asked of the history and a newer one is
// served from memory; in live mode the history is asked again only after a minute; an answer to
// an older question is dropped; the bucket width follows the range and the charts' width.
#include "charts/cachecensusbuffer.h"
#include "charts/chartwindowcontroller.h"
#include "eventlogmodel.h"
#include "probe/monitor.h"
#include "probe/probehistorybuffer.h"
#include "store/historystore.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
constexpr qint64 Minute = 60'000;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;
constexpr qint64 RedrawIntervalMs = 1000; // a live window moves at most once a second
constexpr qint64 WindowSettleMs = 250; // a held window's data is fetched once it rests

using Window = std::pair<qint64, qint64>;
} // namespace

class TestChartWindowController : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Monitor> m_monitor;
    std::unique_ptr<ProbeHistoryBuffer> m_recent;
    std::unique_ptr<CacheCensusBuffer> m_census;
    std::unique_ptr<EventLogModel> m_events;
    std::unique_ptr<ChartWindowController> m_controller;
    QTemporaryDir m_dir;
    std::unique_ptr<HistoryStore> m_history;
    // What the controller said.
    QList<ChartWindow> m_plotted;
    QList<ChartPlot> m_plots;
    QList<ChartWindow> m_asked;
    QStringList m_answers;

    qint64 now() const { return m_clock->wallTime().toMSecsSinceEpoch(); }
    Window shown() const { return m_controller->shownWindow(); }
    static Window windowOf(const ChartWindow &window) { return {window.fromMs, window.toMs}; }

    // A probe result of "api" at the clock's now.
    void addResult()
    {
        ProbeResult result;
        result.time = m_clock->wallTime().addMSecs(-1); // inside a window that ends at now
        result.target = QStringLiteral("api");
        result.resolution.source = ResolutionSource::Fresh;
        m_recent->add(result);
    }

    // Results arrive every second for ms.
    void runLive(qint64 ms)
    {
        for (qint64 done = 0; done < ms; done += 1000) {
            addResult();
            m_clock->advance(1000);
        }
    }

    void openHistory()
    {
        m_history = std::make_unique<HistoryStore>(HistoryPolicy(), 86400, m_clock.get());
        std::optional<bool> opened;
        m_history->open(m_dir.filePath(QStringLiteral("history.db")),
                        [&opened](const SchemaReport &report) { opened = report.ok; });
        QTRY_VERIFY(opened.has_value());
        QVERIFY(*opened);
        m_controller->setHistory(m_history.get());
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_clock = std::make_unique<ManualClock>();
        m_monitor = std::make_unique<Monitor>(AppConfig(), EnvFallback(), MlflowCredentials(),
                                              m_clock.get());
        m_recent = std::make_unique<ProbeHistoryBuffer>();
        m_census = std::make_unique<CacheCensusBuffer>(m_monitor.get());
        m_events = std::make_unique<EventLogModel>();
        m_controller = std::make_unique<ChartWindowController>(m_monitor.get(), m_recent.get(),
                                                               m_census.get(), m_events.get());
        connect(m_controller.get(), &ChartWindowController::plotReady, this,
                [this](const ChartPlot &plot, const ChartWindow &window) {
                    m_plots.append(plot);
                    m_plotted.append(window);
                });
        connect(m_controller.get(), &ChartWindowController::historyAsked, this,
                [this](const ChartWindow &window) { m_asked.append(window); });
        connect(m_controller.get(), &ChartWindowController::historyAnswered, this,
                [this](const QString &problem) { m_answers.append(problem); });
        m_controller->setVisibility(ChartWindowController::Visibility::Shown);
        m_plotted.clear(); // what it drew when shown
        m_plots.clear();
    }

    void cleanup()
    {
        m_controller.reset();
        if (m_history)
            QVERIFY(m_history->close());
        m_history.reset();
        m_events.reset();
        m_census.reset();
        m_recent.reset();
        m_monitor.reset();
        m_clock.reset();
        m_asked.clear();
        m_answers.clear();
    }

    void liveFollowsNow()
    {
        m_controller->setRangeMs(5 * Minute);
        QVERIFY(m_controller->isLive());
        QCOMPARE(shown(), Window(now() - 5 * Minute, now()));
        QCOMPARE(m_plotted.size(), 1);
        // A new result moves the window, a second later (however many come meanwhile).
        addResult();
        m_clock->advance(RedrawIntervalMs - 1);
        addResult();
        QCOMPARE(m_plotted.size(), 1);
        m_clock->advance(1);
        QCOMPARE(m_plotted.size(), 2);
        QCOMPARE(shown(), Window(now() - 5 * Minute, now()));
        QCOMPARE(m_plots.constLast().data.dnsSuccess.size(), 1); // both results, one bucket
        for (int second = 0; second < 90; ++second) {
            runLive(1000);
            QCOMPARE(shown(), Window(now() - 5 * Minute, now()));
        }
    }

    // Hidden charts are not moved by new results; shown again, they are drawn at once.
    void hiddenChartsWaitUntilShown()
    {
        m_controller->setRangeMs(5 * Minute);
        m_controller->setVisibility(ChartWindowController::Visibility::Hidden);
        runLive(30'000);
        QCOMPARE(m_plotted.size(), 1);
        m_controller->setVisibility(ChartWindowController::Visibility::Shown);
        QCOMPARE(m_plotted.size(), 2);
        QCOMPARE(shown(), Window(now() - 5 * Minute, now()));
    }

    void heldWindowStaysWhileTimeMoves_data()
    {
        QTest::addColumn<QString>("how");
        QTest::addColumn<qint64>("fromAgoMs"); // the held window, before now at the start
        QTest::addColumn<qint64>("toAgoMs");
        // The live window is the last 5 minutes: its middle is 150 s ago.
        QTest::newRow("zoom in around the middle")
                << QStringLiteral("zoom") << 225'000LL << 75'000LL;
        QTest::newRow("pan half a span back") << QStringLiteral("pan") << 450'000LL << 150'000LL;
        QTest::newRow("select 10 s: 30 s at least")
                << QStringLiteral("select") << 200'000LL << 170'000LL;
        QTest::newRow("live off") << QStringLiteral("hold") << 300'000LL << 0LL;
    }

    void heldWindowStaysWhileTimeMoves()
    {
        QFETCH(QString, how);
        QFETCH(qint64, fromAgoMs);
        QFETCH(qint64, toAgoMs);
        m_controller->setRangeMs(5 * Minute);
        const qint64 start = now();
        QList<bool> liveSaid;
        connect(m_controller.get(), &ChartWindowController::liveChanged, this,
                [&liveSaid](bool live) { liveSaid.append(live); });
        QList<Window> moved;
        connect(m_controller.get(), &ChartWindowController::windowMoved, this,
                [&moved](qint64 from, qint64 to) {
                    moved.append({from, to});
                });
        if (how == QLatin1String("zoom"))
            m_controller->zoom(start - 150'000, 0.5);
        else if (how == QLatin1String("pan"))
            m_controller->pan(-0.5);
        else if (how == QLatin1String("select"))
            m_controller->zoomTo(start - 200'000, start - 190'000);
        else
            m_controller->holdWindow();
        const Window held{start - fromAgoMs, start - toAgoMs};
        QVERIFY(!m_controller->isLive());
        QCOMPARE(liveSaid, QList<bool>{false});
        QCOMPARE(shown(), held);
        // Moved by the view: the axes move at once, the data follows once the window rests.
        if (how != QLatin1String("hold"))
            QCOMPARE(moved, QList<Window>{held});
        const qsizetype plottedBefore = m_plotted.size();
        m_clock->advance(WindowSettleMs);
        QCOMPARE(m_plotted.size(), plottedBefore + (how == QLatin1String("hold") ? 0 : 1));
        QCOMPARE(windowOf(m_plotted.constLast()), held);

        runLive(10 * Minute);
        QCOMPARE(shown(), held);
        for (const ChartWindow &window : std::as_const(m_plotted).mid(plottedBefore))
            QCOMPARE(windowOf(window), held);

        m_controller->followNow();
        QVERIFY(m_controller->isLive());
        QCOMPARE(liveSaid.constLast(), true);
        QCOMPARE(shown(), Window(now() - 5 * Minute, now())); // not where the held one ended
        runLive(5000);
        QCOMPARE(shown(), Window(now() - 5 * Minute, now()));
    }

    void zoomStaysWithinItsLimits_data()
    {
        QTest::addColumn<double>("factor");
        QTest::addColumn<int>("times");
        QTest::addColumn<qint64>("spanMs");
        QTest::newRow("out: stops at 31 days") << 1000.0 << 3 << 31 * Day;
        QTest::newRow("out by wheel notches") << 1.25 << 200 << 31 * Day;
        QTest::newRow("in: stops at 30 s") << 0.001 << 2 << 30'000LL;
        QTest::newRow("in by half") << 0.5 << 1 << 150'000LL;
    }

    void zoomStaysWithinItsLimits()
    {
        QFETCH(double, factor);
        QFETCH(int, times);
        QFETCH(qint64, spanMs);
        m_controller->setRangeMs(5 * Minute);
        for (int i = 0; i < times; ++i)
            m_controller->zoom(shown().first, factor); // around the left edge: never past now
        QCOMPARE(shown().second - shown().first, spanMs);
        QVERIFY(shown().second <= now());
    }

    void theFutureHoldsNothing()
    {
        m_controller->setRangeMs(5 * Minute);
        const qint64 start = now();
        m_controller->pan(0.5);
        QCOMPARE(shown(), Window(start - 5 * Minute, start));
        m_controller->showWindow(start - Minute, start + Minute);
        QCOMPARE(shown(), Window(start - 2 * Minute, start));
        m_clock->advance(Hour);
        m_controller->zoom(start + Minute, 0.5); // the time now passed: it can be shown
        QCOMPARE(shown(), Window(start - Minute / 2, start + Minute / 2));
    }

    void oldWindowsAreAskedOfTheHistory_data()
    {
        QTest::addColumn<qint64>("rangeMs"); // live, the last rangeMs; or held:
        QTest::addColumn<qint64>("fromAgoMs");
        QTest::addColumn<qint64>("toAgoMs");
        QTest::addColumn<bool>("fromHistory");
        QTest::newRow("the last hour") << Hour << 0LL << 0LL << false;
        QTest::newRow("the last 2 hours: still in memory") << 2 * Hour << 0LL << 0LL << false;
        QTest::newRow("the last 24 hours") << Day << 0LL << 0LL << true;
        QTest::newRow("held, 90 to 60 minutes ago") << 0LL << 90 * Minute << Hour << false;
        QTest::newRow("held, 3 hours to 150 minutes ago")
                << 0LL << 3 * Hour << 150 * Minute << true;
    }

    void oldWindowsAreAskedOfTheHistory()
    {
        QFETCH(qint64, rangeMs);
        QFETCH(qint64, fromAgoMs);
        QFETCH(qint64, toAgoMs);
        QFETCH(bool, fromHistory);
        openHistory();
        m_controller->setRangeMs(5 * Minute);
        m_plotted.clear();
        if (rangeMs > 0) {
            m_controller->setRangeMs(rangeMs);
        } else {
            m_controller->showWindow(now() - fromAgoMs, now() - toAgoMs);
            m_clock->advance(WindowSettleMs);
        }
        QCOMPARE(m_asked.size(), fromHistory ? 1 : 0);
        QCOMPARE(m_plotted.size(), fromHistory ? 0 : 1); // from memory: at once
        if (fromHistory) {
            // Answered off the GUI thread, then drawn.
            QTRY_COMPARE(m_plotted.size(), 1);
            QCOMPARE(windowOf(m_plotted.constFirst()), windowOf(m_asked.constFirst()));
            QCOMPARE(m_answers, QStringList{QString()});
        }
    }

    void liveHistoryIsAskedAgainAfterAMinute()
    {
        openHistory();
        m_controller->setRangeMs(Day);
        QCOMPARE(m_asked.size(), 1);
        runLive(Minute - RedrawIntervalMs); // a redraw each second, none of them asks
        QCOMPARE(m_asked.size(), 1);
        runLive(RedrawIntervalMs);
        QCOMPARE(m_asked.size(), 2);
        QCOMPARE(m_asked.constLast().toMs, now()); // and it still ends at now
        // A held window asks whenever it moves.
        m_controller->showWindow(now() - 2 * Day, now() - Day);
        m_clock->advance(WindowSettleMs);
        QCOMPARE(m_asked.size(), 3);
        m_controller->pan(-0.1);
        m_clock->advance(WindowSettleMs);
        QCOMPARE(m_asked.size(), 4);
    }

    void answerToAnOlderQuestionIsDropped()
    {
        openHistory();
        m_controller->setRangeMs(Day);
        m_controller->setRangeMs(7 * Day); // before the history answered the first
        QCOMPARE(m_asked.size(), 2);
        // The history answers in order: once the second is drawn, the first has come and gone.
        QTRY_COMPARE(m_plotted.size(), 1);
        QCOMPARE(windowOf(m_plotted.constFirst()), windowOf(m_asked.constLast()));
        QCOMPARE(m_answers.size(), 1);
        // Choosing another target also makes the answer on its way stale.
        m_controller->setRangeMs(Day);
        m_clock->advance(1000); // the two questions differ in where they end
        m_controller->showTarget(QStringLiteral("api"));
        QCOMPARE(m_asked.size(), 4);
        QTRY_COMPARE(m_plotted.size(), 2);
        QCOMPARE(windowOf(m_plotted.constLast()), windowOf(m_asked.constLast()));
        QCOMPARE(m_answers.size(), 2);
        QCOMPARE(m_controller->target(), QStringLiteral("api"));
    }

    void bucketWidthFollowsRangeAndWidth_data()
    {
        QTest::addColumn<qreal>("plotWidthPx");
        QTest::addColumn<qint64>("rangeMs");
        QTest::addColumn<qint64>("bucketMs");
        QTest::addColumn<bool>("fromHistory");
        // Buckets are 4 px wide, 60 to 300 of them.
        QTest::newRow("5 minutes, narrow: 60 buckets") << 200.0 << 5 * Minute << 5000LL << false;
        QTest::newRow("an hour, 1100 px") << 1100.0 << Hour << 13'090LL << false;
        QTest::newRow("2 hours, wide: 300 buckets") << 2000.0 << 2 * Hour << 24'000LL << false;
        QTest::newRow("30 seconds: a second at least") << 1100.0 << 30'000LL << 1000LL << false;
        // The history's buckets are whole minutes, or whole hours from half an hour on.
        QTest::newRow("24 hours: 6 minutes") << 1100.0 << Day << 6 * Minute << true;
        QTest::newRow("7 days: an hour") << 1100.0 << 7 * Day << Hour << true;
        QTest::newRow("7 days, narrow: 3 hours") << 200.0 << 7 * Day << 3 * Hour << true;
    }

    void bucketWidthFollowsRangeAndWidth()
    {
        QFETCH(qreal, plotWidthPx);
        QFETCH(qint64, rangeMs);
        QFETCH(qint64, bucketMs);
        QFETCH(bool, fromHistory);
        openHistory();
        m_controller->setPlotWidth(plotWidthPx);
        m_controller->setRangeMs(rangeMs);
        const ChartWindow window = fromHistory ? m_asked.value(0) : m_plotted.value(0);
        QCOMPARE(window.bucketMs, bucketMs);
        if (fromHistory)
            QCOMPARE(window.fromMs % bucketMs, 0); // where the history's buckets start
        else
            QCOMPARE(window.fromMs, now() - rangeMs);
    }
};

QTEST_GUILESS_MAIN(TestChartWindowController)
#include "tst_chartwindowcontroller.moc"
