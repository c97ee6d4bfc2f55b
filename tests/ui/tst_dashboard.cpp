// The dashboard's models and main window on the offscreen platform, over a Monitor probing a
// real dnsmasq: models pass QAbstractItemModelTester while results arrive, the table follows
// the results, "re-resolve" reaches the server, the pin dialog refuses bad input and an
// accepted pin is served once the server is gone, and the banner follows readiness.
// Screenshots of the window (normal, in fallback) are saved next to the test for people to see.
#include "charts/timechartview.h"
#include "dnsserverfixture.h"
#include "heartbeatdelegate.h"
#include "mainwindow.h"
#include "pindialog.h"
#include "reportdialog.h"
#include "screenshot.h"
#include "store/historydatabase.h"
#include "testaddresses.h"
#include "testconfig.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QChart>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLegend>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QWheelEvent>

class TestDashboard : public QObject
{
    Q_OBJECT

private:
    DnsServerFixture m_dns;
    std::unique_ptr<SystemClock> m_clock;
    std::unique_ptr<Monitor> m_monitor;
    std::unique_ptr<MainWindow> m_window;

    AppConfig labConfig() const
    {
        AppConfig config = ::labConfig(m_dns.server(),
                                       {QStringLiteral("api"), QStringLiteral("db")});
        config.cache.maxTtlS = 2; // answers go stale within the test
        config.cache.clientResponseTimerMs = 400;
        TargetConfig gone;
        gone.name = QStringLiteral("legacy");
        gone.host = QStringLiteral("legacy.lab.test");
        gone.resolver = QStringLiteral("lab");
        gone.intervalS = 1;
        gone.critical = false;
        config.targets.append(gone);
        return config;
    }

    QString cell(const QString &target, int column) const
    {
        const TargetTableModel *model = m_window->targetModel();
        return model->index(model->rowOf(target), column).data().toString();
    }

    void showTab(const QString &title)
    {
        auto *tabs = m_window->findChild<QTabWidget *>();
        QVERIFY(tabs);
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->tabText(i) == title)
                tabs->setCurrentIndex(i);
        }
        QCOMPARE(tabs->tabText(tabs->currentIndex()), title);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings of the window go elsewhere
        QVERIFY(installTranslations(*qApp, QStringLiteral("en"))); // as dnswatch starts
        QString error;
        QVERIFY2(m_dns.startDnsmasq({QStringLiteral("--host-record=api.lab.test,127.0.0.1,60"),
                                     QStringLiteral("--host-record=db.lab.test,127.0.0.2,60"),
                                     QStringLiteral("--address=/legacy.lab.test/")},
                                    &error),
                 qPrintable(error));
    }

    void init()
    {
        if (!m_dns.pid() || m_dns.pid() < 0) {
            QString error;
            QVERIFY2(m_dns.restart(&error), qPrintable(error));
        }
        m_clock = std::make_unique<SystemClock>();
        m_monitor = std::make_unique<Monitor>(labConfig(), EnvFallback(), MlflowCredentials(),
                                              m_clock.get());
        m_window = std::make_unique<MainWindow>(m_monitor.get());
        m_window->show();
    }

    void cleanup()
    {
        m_window.reset();
        m_monitor.reset();
        m_clock.reset();
    }

    void modelsHoldTogetherWhileResultsArrive()
    {
        // The window has the drawn icon at every size a desktop asks for.
        QVERIFY(m_window->windowIcon().availableSizes().contains(QSize(256, 256)));
        QVERIFY(m_window->windowIcon().availableSizes().contains(QSize(16, 16)));
        QAbstractItemModelTester targets(m_window->targetModel(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester events(m_window->eventModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("api"), TargetTableModel::Status),
                                  QStringLiteral("healthy"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->eventModel()->rowCount() >= 3, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->banner()->text().startsWith(QStringLiteral("Ready")),
                                 5000);
        QCOMPARE(m_window->trayIcon()->toolTip(), m_window->banner()->text());
        // A change of state says from what to what.
        const EventLogModel *log = m_window->eventModel();
        QStringList details;
        for (int row = 0; row < log->rowCount(); ++row)
            details.append(log->index(row, EventLogModel::Detail).data().toString());
        QVERIFY2(!details.filter(QStringLiteral("unknown -> healthy")).isEmpty(),
                 qPrintable(details.join(u'|')));
        m_window->targetModel()->reloadTargets();
    }

    // The events view narrows to one kind and one target (its state changes and its host's
    // resolver events), on top of the search text.
    void eventsFilterByKindAndTarget()
    {
        QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("legacy"), TargetTableModel::Status),
                                  QStringLiteral("down"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("db"), TargetTableModel::Status),
                                  QStringLiteral("healthy"), 10000);
        m_window->forceReResolve({QStringLiteral("db")}); // a resolver event of db's host
        showTab(QStringLiteral("&Events"));
        QTableView *view = nullptr;
        QComboBox *kinds = nullptr, *targets = nullptr;
        for (auto *table : m_window->findChildren<QTableView *>()) {
            if (table->accessibleName() == QStringLiteral("Events"))
                view = table;
        }
        for (auto *box : m_window->findChildren<QComboBox *>()) {
            if (box->accessibleName() == QStringLiteral("Events of kind"))
                kinds = box;
            if (box->accessibleName() == QStringLiteral("Events of target"))
                targets = box;
        }
        QVERIFY(view && kinds && targets);
        const auto column = [view](int column) {
            QStringList values;
            for (int row = 0; row < view->model()->rowCount(); ++row)
                values.append(view->model()->index(row, column).data().toString());
            return values;
        };
        const int all = view->model()->rowCount();
        kinds->setCurrentIndex(kinds->findData(QStringLiteral("state_changed")));
        QVERIFY(view->model()->rowCount() >= 3); // unknown -> healthy/down for each target
        QVERIFY(view->model()->rowCount() < all);
        QCOMPARE(column(EventLogModel::Kind).removeDuplicates(), view->model()->rowCount() - 1);
        targets->setCurrentIndex(targets->findData(QStringLiteral("db")));
        QCOMPARE(column(EventLogModel::Subject), QStringList{QStringLiteral("db")});
        // Every kind of db's: its host's resolver events come along.
        kinds->setCurrentIndex(0);
        QVERIFY(column(EventLogModel::Subject).contains(QStringLiteral("db.lab.test")));
        for (const QString &subject : column(EventLogModel::Subject))
            QVERIFY2(subject == QStringLiteral("db") || subject == QStringLiteral("db.lab.test"),
                     qPrintable(subject));
        targets->setCurrentIndex(0);
        QCOMPARE(view->model()->rowCount(), m_window->eventModel()->rowCount());
    }

    void tableFollowsTheResults()
    {
        QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("db"), TargetTableModel::Status),
                                  QStringLiteral("healthy"), 10000);
        QCOMPARE(cell(QStringLiteral("db"), TargetTableModel::Addresses),
                 QStringLiteral("127.0.0.2"));
        QVERIFY(QStringList({QStringLiteral("fresh"), QStringLiteral("cache")})
                        .contains(cell(QStringLiteral("db"), TargetTableModel::Source)));
        QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("legacy"), TargetTableModel::Status),
                                  QStringLiteral("down"), 10000);
        QCOMPARE(cell(QStringLiteral("legacy"), TargetTableModel::LastError),
                 QStringLiteral("no such name (NXDOMAIN)"));
        // The heartbeat strip: the last probes, the newest the one the row shows, and a tooltip
        // that says a probe when the mouse is on its cell.
        const TargetTableModel *model = m_window->targetModel();
        const QModelIndex strip = model->index(model->rowOf(QStringLiteral("legacy")),
                                               TargetTableModel::Recent);
        const auto marks = strip.data(TargetTableModel::RecentProbesRole).value<QList<ProbeMark>>();
        QVERIFY(!marks.isEmpty());
        QVERIFY(!marks.constLast().hasAddresses);
        QVERIFY(strip.data(Qt::DisplayRole).isNull()); // painted, not written
        // DNS success: 5 minutes in the cell, the hour in its tooltip.
        const QModelIndex dns = model->index(model->rowOf(QStringLiteral("legacy")),
                                             TargetTableModel::DnsSuccess);
        QCOMPARE(dns.data().toString(), QStringLiteral("0.0 %"));
        QCOMPARE(dns.data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Last 5 minutes: 0.0 %\nLast hour: 0.0 %"));
        QVERIFY2(strip.data(Qt::AccessibleTextRole)
                         .toString()
                         .startsWith(QStringLiteral("DNS answered 0 of the last")),
                 qPrintable(strip.data(Qt::AccessibleTextRole).toString()));
        const QRect rect(0, 0, 200, 30);
        const int count = int(marks.size());
        const int lastCellX = rect.right() - HeartbeatDelegate::Padding
                - (HeartbeatDelegate::CellWidth + HeartbeatDelegate::Gap) + 1;
        QCOMPARE(HeartbeatDelegate::markAt(rect, count, lastCellX), std::optional(count - 1));
        QCOMPARE(HeartbeatDelegate::markAt(rect, count, lastCellX - 1), std::nullopt); // the gap
        QCOMPARE(HeartbeatDelegate::markAt(rect, count, 0), std::nullopt); // left of the strip
        QVERIFY2(HeartbeatDelegate::describe(marks.constLast())
                         .contains(QStringLiteral("no address")),
                 qPrintable(HeartbeatDelegate::describe(marks.constLast())));
        QCOMPARE(HeartbeatDelegate::colorOf(marks.constLast()), QColor(0xc0, 0x1c, 0x28));
        // The selection survives updates, and the charts follow it.
        m_window->selectTarget(QStringLiteral("db"));
        QSignalSpy updates(m_window->targetModel(), &QAbstractItemModel::dataChanged);
        QTRY_VERIFY_WITH_TIMEOUT(updates.size() >= 2, 5000); // two rounds of updates
        QCOMPARE(m_window->selectedTargets(), QStringList{QStringLiteral("db")});
        showTab(QStringLiteral("C&harts"));
        QCOMPARE(m_window->charts()->target(), QStringLiteral("db"));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->charts()->plottedBuckets() >= 1, 5000);
        QVERIFY(saveScreenshot(m_window.get(), QStringLiteral("dashboard-normal")));
    }

    void onlyCellsThatMovedAreRepainted()
    {
        // Once no results arrive (all paused), the per-second tick says only the cells whose
        // text moved (a TTL counting down), never a whole row, let alone the whole table.
        const QStringList all{QStringLiteral("api"), QStringLiteral("db"), QStringLiteral("legacy")};
        QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("db"), TargetTableModel::Status),
                                  QStringLiteral("healthy"), 10000);
        m_window->setPaused(all, true);
        QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("db"), TargetTableModel::Status),
                                  QStringLiteral("paused"), 5000);
        // A probe under way when paused lands, and is shown; then nothing more comes.
        const ProbeScheduler *scheduler = m_monitor->engine()->scheduler();
        QTRY_VERIFY_WITH_TIMEOUT(scheduler->running() == 0 && scheduler->queued() == 0
                                         && !m_window->targetModel()->hasPendingUpdates(),
                                 5000);
        // Every cell as shown, then two ticks later: what moved must have been said.
        const auto cells = [&] {
            QStringList texts;
            for (const QString &target : all) {
                for (int column = 0; column < TargetTableModel::ColumnCount; ++column)
                    texts.append(cell(target, column));
            }
            return texts;
        };
        QSignalSpy ticks(m_window->targetModel(), &TargetTableModel::ticked);
        QVERIFY(ticks.wait(5000));
        const QStringList before = cells();
        QSignalSpy updates(m_window->targetModel(), &QAbstractItemModel::dataChanged);
        QTRY_VERIFY_WITH_TIMEOUT(ticks.size() >= 3, 5000);
        const QStringList after = cells();
        for (int i = 0; i < before.size(); ++i) {
            if (before[i] == after[i])
                continue;
            const int row = m_window->targetModel()->rowOf(all[i / TargetTableModel::ColumnCount]);
            const int column = i % TargetTableModel::ColumnCount;
            const bool said = std::any_of(updates.cbegin(), updates.cend(), [&](const auto &update) {
                const auto from = update[0].template value<QModelIndex>();
                const auto to = update[1].template value<QModelIndex>();
                return from.row() <= row && row <= to.row() && from.column() <= column
                        && column <= to.column();
            });
            QVERIFY2(said,
                     qPrintable(QStringLiteral("row %1 column %2 moved from \"%3\" to \"%4\" "
                                               "unsaid")
                                        .arg(row)
                                        .arg(column)
                                        .arg(before[i], after[i])));
        }
        for (const QList<QVariant> &update : std::as_const(updates)) {
            const auto from = update[0].value<QModelIndex>();
            const auto to = update[1].value<QModelIndex>();
            // Several rows at once only for the countdowns, said as one range of TTL cells.
            if (from.row() != to.row()) {
                QCOMPARE(from.column(), int(TargetTableModel::TtlLeft));
                QCOMPARE(to.column(), int(TargetTableModel::TtlLeft));
            }
            QVERIFY2(from.column() > TargetTableModel::Resolver,
                     qPrintable(QStringLiteral("columns %1-%2 of row %3 said again")
                                        .arg(from.column())
                                        .arg(to.column())
                                        .arg(from.row())));
        }
    }

    void reResolveReachesTheServer()
    {
        QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("api"), TargetTableModel::Status),
                                  QStringLiteral("healthy"), 10000);
        const int before = m_dns.queryCount(QStringLiteral("api.lab.test"));
        m_window->forceReResolve({QStringLiteral("api")});
        QTRY_VERIFY_WITH_TIMEOUT(m_dns.queryCount(QStringLiteral("api.lab.test")) > before, 5000);
    }

    void pinDialogRefusesBadInput_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("problem");
        QTest::newRow("empty") << QString() << QStringLiteral("at least one");
        QTest::newRow("octet too big")
                << QStringLiteral("10.0.0.300") << QStringLiteral("10.0.0.300");
        QTest::newRow("twice") << QStringLiteral("10.0.0.1, 10.0.0.1") << QStringLiteral("twice");
        QTest::newRow("host name") << QStringLiteral("db.example") << QStringLiteral("db.example");
    }

    void pinDialogRefusesBadInput()
    {
        QFETCH(QString, text);
        QFETCH(QString, problem);
        PinDialog dialog(QStringLiteral("api.lab.test"));
        dialog.setAddressesText(text);
        QVERIFY(!dialog.isInputValid());
        QVERIFY2(dialog.problem().contains(problem), qPrintable(dialog.problem()));
        dialog.setAddressesText(QStringLiteral("10.0.0.5 fd00::5"));
        QVERIFY2(dialog.isInputValid(), qPrintable(dialog.problem()));
        QCOMPARE(dialog.pin().addresses,
                 ips({QStringLiteral("10.0.0.5"), QStringLiteral("fd00::5")}));
        dialog.setExpiry(QDateTime::currentDateTimeUtc().addSecs(-60));
        QVERIFY(!dialog.isInputValid());
        QVERIFY(dialog.problem().contains(QStringLiteral("past")));
    }

    void chartsReadTheDayFromTheHistory()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("day.db"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        {
            HistoryDatabase db(QStringLiteral("fill"));
            QVERIFY(db.open(path).ok);
            HistoryWriteBatch batch;
            for (int i = 0; i < 48; ++i) { // every 30 minutes over the last day
                ProbeResult result;
                result.time = now.addSecs(-i * 1800);
                result.target = QStringLiteral("api");
                result.resolution.source = i % 2 ? ResolutionSource::Stale
                                                 : ResolutionSource::Fresh;
                result.resolution.addresses = ips({QStringLiteral("127.0.0.1")});
                result.resolution.latencyUs = 2000;
                result.checked = true;
                result.check.ok = true;
                result.reachable = true;
                batch.results.append(result);
                result.target = QStringLiteral("db"); // a quarter of an hour later
                result.time = result.time.addSecs(-900);
                batch.results.append(result);
            }
            QVERIFY(db.write(batch));
        }
        HistoryStore store(HistoryPolicy(), 86400, m_clock.get());
        std::optional<bool> opened;
        store.open(path, [&](const SchemaReport &report) { opened = report.ok; });
        QTRY_VERIFY(opened.has_value());
        QVERIFY(*opened);
        TargetCharts *charts = m_window->charts();
        charts->setHistory(&store);
        charts->showTarget(QStringLiteral("api"));
        charts->setRangeMs(24 * 3600'000);
        // One bucket per stored half hour (the buckets are 24 minutes wide).
        QTRY_COMPARE_WITH_TIMEOUT(charts->plottedBuckets(), 48, 5000);
        // All targets (summed by SQLite): db's results fill buckets of their own too.
        charts->showTarget(QString());
        QTRY_VERIFY_WITH_TIMEOUT(charts->plottedBuckets() > 48, 5000);
        charts->setHistory(nullptr);
        QVERIFY(store.close());
    }

    // File > Export health report: written on the history's thread while the GUI goes on, only
    // the chosen targets; a file that cannot be written says why.
    void exportWritesAReportWhileTheGuiGoesOn()
    {
        QTemporaryDir dir;
        HistoryStore store(HistoryPolicy(), 86400, m_clock.get());
        std::optional<bool> opened;
        store.open(dir.filePath(QStringLiteral("export.db")),
                   [&](const SchemaReport &report) { opened = report.ok; });
        QTRY_VERIFY(opened.has_value() && *opened);
        // A few minutes of results (a report counts whole minutes: not the one going on).
        QSignalSpy written(&store, &HistoryStore::batchWritten);
        for (const QString &target : {QStringLiteral("api"), QStringLiteral("db")}) {
            for (int i = 0; i < 10; ++i) {
                ProbeResult result;
                result.time = QDateTime::currentDateTimeUtc().addSecs(-300 + i * 20);
                result.target = target;
                result.resolution.source = ResolutionSource::Fresh;
                result.checked = result.check.ok = result.reachable = true;
                store.recordResult(result);
            }
        }
        store.flush();
        QTRY_VERIFY_WITH_TIMEOUT(!written.isEmpty(), 10000);
        m_window->setHistory(&store);
        m_window->openReportDialog();
        ReportDialog *dialog = m_window->reportDialog();
        QVERIFY(dialog && dialog->isVisible());
        const QString path = dir.filePath(QStringLiteral("report.json"));
        dialog->setPath(path);
        dialog->setFormat(ReportFormat::Json);
        dialog->setOpenWhenDone(false);
        dialog->chooseTargets({QStringLiteral("api")});
        QSignalSpy finished(dialog, &ReportDialog::reportFinished);
        int ticks = 0;
        QTimer gui;
        connect(&gui, &QTimer::timeout, this, [&ticks] { ++ticks; });
        gui.start(5);
        dialog->startExport();
        QVERIFY(dialog->isWriting());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QVERIFY2(finished[0][0].toBool(), qPrintable(finished[0][1].toString()));
        QVERIFY(ticks > 0);
        QVERIFY(dialog->status().contains(QStringLiteral("Written")));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray targets = QJsonDocument::fromJson(file.readAll())
                                           .object()
                                           .value(QLatin1String("targets"))
                                           .toArray();
        QCOMPARE(targets.size(), 1);
        QCOMPARE(targets[0].toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("api"));
        QCOMPARE(targets[0].toObject().value(QLatin1String("probes")).toInt(), 10);

        dialog->setPath(dir.filePath(QStringLiteral("no/such/dir/report.json")));
        dialog->startExport();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        QVERIFY(!finished[1][0].toBool());
        QVERIFY2(dialog->status().contains(QStringLiteral("Not written")),
                 qPrintable(dialog->status()));
        QVERIFY(saveScreenshot(dialog, QStringLiteral("dashboard-export")));
        QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("not written")));

        // Closed while it writes: the report is still written, the window says so, and then
        // the dialog goes.
        const QString later = dir.filePath(QStringLiteral("closed-early.csv"));
        dialog->setPath(later);
        dialog->setFormat(ReportFormat::Csv);
        dialog->startExport();
        QVERIFY(dialog->isWriting());
        QPointer<ReportDialog> closed(dialog);
        QVERIFY(dialog->close()); // never refused: a quit must not stop at it
        QVERIFY(closed && !closed->isVisible());
        m_window->openReportDialog(); // File > Export again: the same dialog, still writing
        QCOMPARE(m_window->reportDialog(), dialog);
        QVERIFY(dialog->isVisible() && dialog->isWriting());
        QVERIFY(dialog->close());
        QTRY_VERIFY_WITH_TIMEOUT(!closed, 20000);
        QVERIFY(QFile::exists(later));
        QVERIFY2(m_window->statusBar()->currentMessage().contains(
                         QStringLiteral("Health report written: ") + later),
                 qPrintable(m_window->statusBar()->currentMessage()));
        m_window->setHistory(nullptr);
        QVERIFY(store.close());
    }

    // The mouse and the keys choose the window: wheel and drag zoom in (live mode stops), a
    // right-drag pans to earlier, a double-click follows now again; the data is re-bucketed.
    void chartsZoomPanAndFollowNow()
    {
        showTab(QStringLiteral("C&harts"));
        m_window->selectTarget(QStringLiteral("api"));
        TargetCharts *charts = m_window->charts();
        QTRY_VERIFY_WITH_TIMEOUT(charts->plottedBuckets() >= 2, 10000);
        QVERIFY(charts->isLive());
        const auto span = [charts] {
            return charts->shownWindow().second - charts->shownWindow().first;
        };
        QCOMPARE(span(), 5 * 60'000);
        TimeChartView *view = charts->successView();
        const QRectF plot = view->chart()->plotArea();
        const QPoint middle = view->mapFromScene(plot.center());

        QWheelEvent wheel(middle, view->mapToGlobal(middle), QPoint(), QPoint(0, 240), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view->viewport(), &wheel);
        QVERIFY(!charts->isLive());
        QCOMPARE(span(), qint64(5 * 60'000 * 0.8 * 0.8)); // two notches

        // Drag over the right half of the plot: that half is shown.
        const auto before = charts->shownWindow();
        const int left = int(plot.center().x()), right = int(plot.right()) - 1;
        const int y = int(plot.center().y());
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, QPoint(left, y));
        QTest::mouseMove(view->viewport(), QPoint(right, y));
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, QPoint(right, y));
        QVERIFY2(span() < (before.second - before.first) * 6 / 10,
                 qPrintable(QString::number(span())));
        QVERIFY(charts->shownWindow().first > before.first);

        // Right-drag to the right: earlier times come into view.
        const auto zoomed = charts->shownWindow();
        QTest::mousePress(view->viewport(), Qt::RightButton, {}, QPoint(left, y));
        QTest::mouseMove(view->viewport(), QPoint(left + int(plot.width() / 4), y));
        QTest::mouseRelease(view->viewport(), Qt::RightButton, {}, QPoint(left + 50, y));
        QVERIFY(charts->shownWindow().first < zoomed.first);
        QCOMPARE(span(), zoomed.second - zoomed.first);
        QTRY_VERIFY_WITH_TIMEOUT(charts->plottedBuckets() >= 1, 5000); // re-bucketed

        // Keys, for those who do not use a mouse.
        view->setFocus();
        const qint64 beforeKey = span();
        QTest::keyClick(view, Qt::Key_Plus);
        QVERIFY(span() < beforeKey);
        // The charts take now from the monitor's clock (a SystemClock here, which cannot be moved:
        // the window's end is bracketed by two readings of it).
        const auto clockNow = [this] { return m_monitor->clock()->wallTime().toMSecsSinceEpoch(); };
        const qint64 beforeLive = clockNow();
        QTest::keyClick(view, Qt::Key_Home);
        QVERIFY(charts->isLive());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, middle);
        QVERIFY(charts->isLive());
        QCOMPARE(span(), 5 * 60'000);
        // Live again: the window ends at the moment it was asked for, not at the zoomed end.
        QVERIFY(charts->shownWindow().second >= beforeLive);
        QVERIFY(charts->shownWindow().second <= clockNow());
        QTRY_VERIFY(charts->latencyBandPoints() >= 1); // the charts take their points in turn
    }

    // A dark system palette darkens the charts too (Qt Charts' own theme is light).
    void followsADarkPalette()
    {
        const QPalette light = QApplication::palette();
        const QPalette dark = darkPalette();
        QApplication::setPalette(dark);
        showTab(QStringLiteral("C&harts"));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->charts()->plottedBuckets() >= 1, 10000);
        QChart *chart = m_window->charts()->successView()->chart();
        QCOMPARE(chart->backgroundBrush().color(), dark.color(QPalette::Base));
        QCOMPARE(chart->legend()->labelColor(), dark.color(QPalette::Text));
        QVERIFY(saveScreenshot(m_window.get(), QStringLiteral("dashboard-dark")));
        QApplication::setPalette(light);
        QTRY_COMPARE(chart->backgroundBrush().color(), light.color(QPalette::Base));
    }

    void cacheInspectorFollowsAndClears()
    {
        CacheTableModel *cache = m_window->cacheModel();
        QAbstractItemModelTester tester(cache,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto stateOf = [cache](const QString &host) {
            for (int row = 0; row < cache->rowCount(); ++row) {
                if (cache->index(row, CacheTableModel::Host).data().toString() == host)
                    return cache->index(row, CacheTableModel::State).data().toString();
            }
            return QString();
        };
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(QStringLiteral("db.lab.test")).startsWith(u"fresh"), 10000);
        m_dns.kill();
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(QStringLiteral("db.lab.test")).startsWith(u"stale"), 10000);
        showTab(QStringLiteral("&Cache"));
        QVERIFY(saveScreenshot(m_window.get(), QStringLiteral("dashboard-cache")));
        QAction *clearStale = nullptr;
        for (QAction *action : m_window->findChildren<QAction *>()) {
            if (action->text() == QStringLiteral("Clear &stale"))
                clearStale = action;
        }
        QVERIFY(clearStale);
        clearStale->trigger();
        QVERIFY(!stateOf(QStringLiteral("db.lab.test")).startsWith(u"stale"));
        QString error;
        QVERIFY2(m_dns.restart(&error), qPrintable(error));
    }

    void acceptedPinIsServedWhenDnsIsGone()
    {
        QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("api"), TargetTableModel::Status),
                                  QStringLiteral("healthy"), 10000);
        QSignalSpy readiness(m_window.get(), &MainWindow::readinessChanged);
        PinDialog dialog(QStringLiteral("api.lab.test"));
        dialog.setAddressesText(QStringLiteral("127.0.0.9"));
        dialog.setReason(QStringLiteral("drill"));
        QVERIFY(dialog.isInputValid());
        m_window->pin(QStringLiteral("api"), dialog.pin());
        m_dns.kill();
        // db goes stale first; once the stale copies are cleared, api is served its pin and db
        // has nothing: the banner turns to not ready.
        QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("db"), TargetTableModel::Source),
                                  QStringLiteral("stale"), 10000);
        m_window->selectTarget(QStringLiteral("db"));
        // The charts mark the stale tier where it began, and hovering says what happened.
        showTab(QStringLiteral("C&harts"));
        TargetCharts *charts = m_window->charts();
        QCOMPARE(charts->target(), QStringLiteral("db"));
        QTRY_VERIFY_WITH_TIMEOUT(!charts->markers(QStringLiteral("stale")).isEmpty(), 5000);
        const FallbackMarkers::Marker marker = charts->markers(QStringLiteral("stale")).constLast();
        QVERIFY2(marker.text.contains(QStringLiteral("db.lab.test")), qPrintable(marker.text));
        Q_EMIT charts->markerSeries(QStringLiteral("stale"))->hovered(marker.point, true);
        QCOMPARE(QToolTip::text(), marker.text);
        QVERIFY(charts->markers(QStringLiteral("pinned")).isEmpty()); // db has no pin
        // The cache census sees db's entry stale (and the chart has it).
        QVERIFY(m_monitor->cacheCensus(QDateTime::currentDateTimeUtc())
                        .count(CacheEntrySnapshot::State::Stale)
                >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(charts->cacheCensusPoints() >= 1, 10000);
        QVERIFY(saveScreenshot(m_window.get(), QStringLiteral("dashboard-fallback")));
        m_monitor->resolver()->clearAll();
        m_window->forceReResolve({QStringLiteral("api"), QStringLiteral("db")});
        QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("api"), TargetTableModel::Source),
                                  QStringLiteral("pinned"), 10000);
        QCOMPARE(cell(QStringLiteral("api"), TargetTableModel::Addresses),
                 QStringLiteral("127.0.0.9"));
        QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("db"), TargetTableModel::Status),
                                  QStringLiteral("down"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->banner()->text().startsWith(QStringLiteral("NOT READY")),
                                 5000);
        QVERIFY(!readiness.isEmpty());
        QCOMPARE(readiness.constLast().at(0).toBool(), false);
        // The tray (shown where the desktop has one) and the status bar say the same.
        QCOMPARE(m_window->trayIcon()->toolTip(), m_window->banner()->text());
        QCOMPARE(
                m_window->trayIcon()->icon().pixmap(16).toImage(),
                m_window->style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(16).toImage());
        bool saysNotReady = false;
        for (const QLabel *label : m_window->statusBar()->findChildren<QLabel *>())
            saysNotReady = saysNotReady || label->text() == QStringLiteral("not ready");
        QVERIFY(saysNotReady);
        QVERIFY(saveScreenshot(m_window.get(), QStringLiteral("dashboard-not-ready")));
        QString error;
        QVERIFY2(m_dns.restart(&error), qPrintable(error));
    }
};

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
