// The glance strip (src/ui/glance) over a real TargetTableModel and TargetFilterModel, with
// places that give known snapshots: the figures for a known mix, by place and for the fleet,
// a press filtering the table to exactly the targets a figure counts, the sparklines sampled
// every 10 s of a manual clock, and screenshots (light, dark, German, normal, outage).
#include "clock.h"
#include "glance/glancesparkline.h"
#include "glance/glancestrip.h"
#include "screenshot.h"
#include "targetfiltermodel.h"
#include "targettablemodel.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTranslator>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(GlanceFilter)

namespace {

// A place whose targets the test sets.
class FixedPlace : public TargetPlace
{
public:
    FixedPlace(const QString &name, const QList<TargetSnapshot> &targets)
        : m_name(name), m_targets(targets)
    { }

    void setTargets(const QList<TargetSnapshot> &targets)
    {
        m_targets = targets;
        Q_EMIT targetsChanged();
    }

    QString name() const override { return m_name; }
    bool isLocal() const override { return false; }
    QList<TargetSnapshot> targets() const override
    {
        ++m_read;
        return m_targets;
    }
    int timesRead() const { return m_read; } // how often targets() was asked
    std::optional<TargetSnapshot> target(const QString &name) const override
    {
        for (const TargetSnapshot &target : m_targets)
            if (target.name == name)
                return target;
        return std::nullopt;
    }
    bool mayBePinned(const QString &) const override { return false; }
    PlaceReadiness readiness() const override { return {}; }
    void act(const PlaceAction &, QObject *, OutcomeCallback) override { }

private:
    QString m_name;
    QList<TargetSnapshot> m_targets;
    mutable int m_read = 0;
};

TargetSnapshot snapshot(const QString &name, TargetState state, const QString &source,
                        double dnsFive, double dnsHour, double check)
{
    TargetSnapshot target;
    target.name = name;
    target.host = name + u".test"_s;
    target.resolver = u"lab"_s;
    target.state = state;
    target.source = source;
    target.dnsSuccessFiveMinutes = dnsFive;
    target.dnsSuccessOneHour = dnsHour;
    target.checkSuccessFiveMinutes = check;
    target.checkSuccessOneHour = check;
    target.checkOk = check > 0;
    return target;
}

// east: two healthy targets and one whose DNS fails (served stale): DNS 66.7 %.
QList<TargetSnapshot> eastTargets()
{
    return {snapshot(u"api"_s, TargetState::Healthy, u"fresh"_s, 1, 1, 1),
            snapshot(u"db"_s, TargetState::Healthy, u"cache"_s, 1, 1, 1),
            snapshot(u"queue"_s, TargetState::Degraded, u"stale"_s, 0, 0.5, 1)};
}

// west: one target down, one on pinned addresses, one on the environment's.
QList<TargetSnapshot> westTargets()
{
    return {snapshot(u"mlflow"_s, TargetState::Down, u"none"_s, 0, 0, 0),
            snapshot(u"auth"_s, TargetState::Degraded, u"pinned"_s, 0.5, 0.5, 1),
            snapshot(u"cdn"_s, TargetState::Degraded, u"env"_s, 0.9, 0.9, 1)};
}

QStringList shownNames(const QAbstractItemModel &filter)
{
    QStringList names;
    for (int row = 0; row < filter.rowCount(); ++row)
        names.append(filter.index(row, 0).data(TargetTableModel::TargetNameRole).toString());
    names.sort();
    return names;
}

} // namespace

class TestGlanceStrip : public QObject
{
    Q_OBJECT

private:
    // The strip over the table, as the main window puts them.
    struct Board
    {
        ManualClock clock;
        FixedPlace east{u"east"_s, eastTargets()};
        FixedPlace west{u"west"_s, westTargets()};
        TargetTableModel model;
        TargetFilterModel filter;
        QWidget window;
        GlanceStrip *strip = nullptr;
        QTableView *table = nullptr;

        Board()
        {
            model.addPlace(&east);
            model.addPlace(&west);
            filter.setSourceModel(&model);
            auto *layout = new QVBoxLayout(&window);
            strip = new GlanceStrip(&model, &filter, &clock, &window);
            layout->addWidget(strip);
            table = new QTableView(&window);
            table->setModel(&filter);
            layout->addWidget(table, 1);
        }
        QString value(GlanceFilter figure) const { return strip->figure(figure)->valueText(); }
    };

private Q_SLOTS:
    void initTestCase() { QVERIFY(installTranslations(*qApp, u"en"_s)); }
    void cleanup()
    {
        // The translators installed (a later one would fall back to an earlier one's words).
        const auto installed = qApp->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly);
        for (QTranslator *translator : installed) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
        QVERIFY(installTranslations(*qApp, u"en"_s));
    }

    void showsTheFleetsFiguresForAKnownMix()
    {
        Board board;
        new QAbstractItemModelTester(&board.filter,
                                     QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     &board.filter);
        // Target-averaged: (1 + 1 + 0 + 0 + 0.5 + 0.9) / 6.
        QCOMPARE(board.value(GlanceFilter::DnsFailingFiveMinutes), u"56.7 %"_s);
        QCOMPARE(board.value(GlanceFilter::DnsFailingOneHour), u"65.0 %"_s);
        QCOMPARE(board.value(GlanceFilter::ServiceFailing), u"83.3 %"_s);
        QCOMPARE(board.value(GlanceFilter::Stale), u"1"_s);
        QCOMPARE(board.value(GlanceFilter::Pinned), u"1"_s);
        QCOMPARE(board.value(GlanceFilter::Env), u"1"_s);
        QCOMPARE(board.value(GlanceFilter::Down), u"1"_s);
        QCOMPARE(board.strip->figure(GlanceFilter::DnsFailingFiveMinutes)->verdict(),
                 GlanceVerdict::Bad);
        QCOMPARE(board.strip->figure(GlanceFilter::Stale)->verdict(), GlanceVerdict::Warning);
        QCOMPARE(board.strip->figure(GlanceFilter::Down)->verdict(), GlanceVerdict::Bad);
        QCOMPARE(board.strip->scopeText(), u"Figures for all places"_s);
        // The DNS figure says each place's rate, and how it is counted.
        const QString tip = board.strip->figure(GlanceFilter::DnsFailingFiveMinutes)->toolTip();
        QVERIFY2(tip.contains(u"east: 66.7 %"_s), qPrintable(tip));
        QVERIFY2(tip.contains(u"west: 46.7 %"_s), qPrintable(tip));
        QVERIFY2(tip.contains(u"Averaged over the targets"_s), qPrintable(tip));
        QVERIFY2(tip.contains(u"Good from 99 %"_s), qPrintable(tip));
    }

    void followsThePlaceTheTableShows()
    {
        Board board;
        board.filter.setPlace(u"east"_s);
        QCOMPARE(board.value(GlanceFilter::DnsFailingFiveMinutes), u"66.7 %"_s);
        QCOMPARE(board.value(GlanceFilter::DnsFailingOneHour), u"83.3 %"_s);
        QCOMPARE(board.value(GlanceFilter::ServiceFailing), u"100.0 %"_s);
        QCOMPARE(board.strip->figure(GlanceFilter::ServiceFailing)->verdict(), GlanceVerdict::Good);
        QCOMPARE(board.value(GlanceFilter::Stale), u"1"_s);
        QCOMPARE(board.value(GlanceFilter::Pinned), u"0"_s);
        QCOMPARE(board.value(GlanceFilter::Down), u"0"_s);
        QCOMPARE(board.strip->figure(GlanceFilter::Down)->verdict(), GlanceVerdict::Good);
        QCOMPARE(board.strip->scopeText(), u"Figures for east only"_s);
        board.filter.setPlace(u"west"_s);
        QCOMPARE(board.value(GlanceFilter::Down), u"1"_s);
        QCOMPARE(board.value(GlanceFilter::Stale), u"0"_s);
    }

    void aRateBetween95And99IsAWarning()
    {
        Board board;
        board.east.setTargets({snapshot(u"api"_s, TargetState::Healthy, u"fresh"_s, 0.97, 1, 1)});
        board.filter.setPlace(u"east"_s);
        QCOMPARE(board.value(GlanceFilter::DnsFailingFiveMinutes), u"97.0 %"_s);
        QCOMPARE(board.strip->figure(GlanceFilter::DnsFailingFiveMinutes)->verdict(),
                 GlanceVerdict::Warning);
        QCOMPARE(board.strip->figure(GlanceFilter::DnsFailingOneHour)->verdict(),
                 GlanceVerdict::Good);
    }

    void aClickShowsExactlyTheTargetsAFigureCounts_data()
    {
        QTest::addColumn<GlanceFilter>("figure");
        QTest::addColumn<QStringList>("shown");
        QTest::addColumn<QString>("showing");
        QTest::newRow("DNS 5 min") << GlanceFilter::DnsFailingFiveMinutes
                                   << QStringList{u"auth"_s, u"cdn"_s, u"mlflow"_s, u"queue"_s}
                                   << u"Showing: targets with a failed DNS lookup in the last 5 "
                                      u"minutes"_s;
        QTest::newRow("service") << GlanceFilter::ServiceFailing << QStringList{u"mlflow"_s}
                                 << u"Showing: targets with a failed service check in the last "
                                    u"5 minutes"_s;
        QTest::newRow("stale") << GlanceFilter::Stale << QStringList{u"queue"_s}
                               << u"Showing: targets answered from the stale cache"_s;
        QTest::newRow("pinned") << GlanceFilter::Pinned << QStringList{u"auth"_s}
                                << u"Showing: targets answered by pinned addresses"_s;
        QTest::newRow("env") << GlanceFilter::Env << QStringList{u"cdn"_s}
                             << u"Showing: targets answered by the environment's fallback "
                                u"addresses"_s;
        QTest::newRow("down") << GlanceFilter::Down << QStringList{u"mlflow"_s}
                              << u"Showing: targets down"_s;
    }
    void aClickShowsExactlyTheTargetsAFigureCounts()
    {
        QFETCH(GlanceFilter, figure);
        QFETCH(QStringList, shown);
        QFETCH(QString, showing);
        Board board;
        board.window.resize(1440, 600);
        board.window.show();
        QTRY_COMPARE(board.filter.rowCount(), 6);
        GlanceFigure *pressed = board.strip->figure(figure);
        QTest::mouseClick(pressed, Qt::LeftButton);
        QCOMPARE(shownNames(board.filter), shown);
        QVERIFY(pressed->isChecked());
        QCOMPARE(board.strip->activeFilter(), figure);
        QCOMPARE(board.strip->showingText(), showing);
        const auto *line = board.window.findChild<QPushButton *>(u"glanceClear"_s);
        QVERIFY(line && line->isVisible());
        QTest::mouseClick(pressed, Qt::LeftButton); // again: all
        QCOMPARE(board.filter.rowCount(), 6);
        QVERIFY(!pressed->isChecked());
        QVERIFY(board.strip->showingText().isEmpty());
        QVERIFY(!line->isVisible());
    }

    void anotherFigureTakesOverAndTheOtherFiltersStay()
    {
        Board board;
        board.strip->figure(GlanceFilter::Down)->click();
        board.strip->figure(GlanceFilter::Stale)->click();
        QVERIFY(!board.strip->figure(GlanceFilter::Down)->isChecked());
        QCOMPARE(shownNames(board.filter), QStringList{u"queue"_s});
        board.strip->figure(GlanceFilter::DnsFailingFiveMinutes)->click();
        board.filter.setPlace(u"west"_s);
        QCOMPARE(shownNames(board.filter), (QStringList{u"auth"_s, u"cdn"_s, u"mlflow"_s}));
        board.filter.setFilterKeyColumn(-1); // as the search box sets it
        board.filter.setFilterFixedString(u"auth.test"_s);
        QCOMPARE(shownNames(board.filter), QStringList{u"auth"_s});
        board.filter.setFilterFixedString({});
        board.filter.setPlace({});
        QCOMPARE(board.filter.rowCount(), 4);
    }

    void aTargetThatRecoversLeavesTheFilteredTable()
    {
        Board board;
        board.strip->figure(GlanceFilter::Down)->click();
        QCOMPARE(shownNames(board.filter), QStringList{u"mlflow"_s});
        QList<TargetSnapshot> recovered = westTargets();
        recovered[0].state = TargetState::Healthy;
        board.west.setTargets(recovered);
        QTRY_COMPARE(board.filter.rowCount(), 0);
        QTRY_COMPARE(board.value(GlanceFilter::Down), u"0"_s);
    }

    void aPlaceThatGoesAwayLeavesTheFigures()
    {
        Board board;
        auto *north = new FixedPlace(u"north"_s,
                                     {snapshot(u"web"_s, TargetState::Down, u"none"_s, 0, 0, 0)});
        board.model.addPlace(north);
        QTRY_COMPARE(board.value(GlanceFilter::Down), u"2"_s);
        delete north; // the model drops its rows while it is being destroyed
        QTRY_COMPARE(board.value(GlanceFilter::Down), u"1"_s);
        QCOMPARE(board.model.rowCount(), 6);
    }

    void spaceEnterAndEscapeFromTheKeyboard()
    {
        Board board;
        board.window.show();
        board.window.activateWindow(); // Esc is a shortcut: the window must have the keyboard
        QVERIFY(QTest::qWaitForWindowActive(&board.window));
        GlanceFigure *down = board.strip->figure(GlanceFilter::Down);
        QCOMPARE(down->focusPolicy(), Qt::StrongFocus);
        QCOMPARE(down->accessibleName(), u"Targets down"_s);
        QVERIFY2(down->accessibleDescription().startsWith(u"1, bad. "_s),
                 qPrintable(down->accessibleDescription()));
        down->setFocus();
        QTest::keyClick(down, Qt::Key_Space);
        QCOMPARE(board.strip->activeFilter(), GlanceFilter::Down);
        QTest::keyClick(down, Qt::Key_Escape);
        QCOMPARE(board.strip->activeFilter(), GlanceFilter::None);
        QCOMPARE(board.filter.rowCount(), 6);
        GlanceFigure *stale = board.strip->figure(GlanceFilter::Stale);
        stale->setFocus();
        QTest::keyClick(stale, Qt::Key_Return);
        QCOMPARE(shownNames(board.filter), QStringList{u"queue"_s});
        QTest::keyClick(stale, Qt::Key_Enter);
        QCOMPARE(board.strip->activeFilter(), GlanceFilter::None);
    }

    void aSampleReadsEachPlaceOnce()
    {
        // Reading a place builds a snapshot of each of its targets: with a thousand targets that
        // is milliseconds of the GUI thread, so a sample reads each place once, not again for
        // the figures it shows.
        Board board;
        const int eastBefore = board.east.timesRead();
        const int westBefore = board.west.timesRead();
        board.clock.advance(GlanceHistory::IntervalMs);
        QCOMPARE(board.strip->history().size(), 1);
        QCOMPARE(board.east.timesRead() - eastBefore, 1);
        QCOMPARE(board.west.timesRead() - westBefore, 1);
    }

    void aTickReadsEachPlaceOnce()
    {
        // Each second the table takes every place's snapshots; the figures come from its rows
        // then, not from the places again.
        Board board;
        QSignalSpy ticked(&board.model, &TargetTableModel::ticked);
        const int eastBefore = board.east.timesRead();
        const int westBefore = board.west.timesRead();
        QVERIFY(ticked.wait());
        QCOMPARE(board.east.timesRead() - eastBefore, 1);
        QCOMPARE(board.west.timesRead() - westBefore, 1);
        QCOMPARE(board.value(GlanceFilter::Down), u"1"_s); // the rows' figures
        QCOMPARE(board.value(GlanceFilter::Stale), u"1"_s);
    }

    void theSparklinesTakeASampleEvery10Seconds()
    {
        Board board;
        const GlanceSparkline *dns = board.strip->figure(GlanceFilter::DnsFailingFiveMinutes)
                                             ->sparkline();
        QCOMPARE(board.strip->history().size(), 0);
        board.clock.advance(9'999);
        QCOMPARE(board.strip->history().size(), 0);
        board.clock.advance(1);
        QCOMPARE(board.strip->history().size(), 1);
        QCOMPARE(dns->values().size(), 1);
        QVERIFY(qFuzzyCompare(*dns->values().constLast(), 3.4 / 6));
        board.east.setTargets({snapshot(u"api"_s, TargetState::Healthy, u"fresh"_s, 1, 1, 1)});
        board.west.setTargets({});
        board.clock.advance(10'000);
        QCOMPARE(board.strip->history().size(), 2);
        QCOMPARE(dns->values().size(), 2);
        QCOMPARE(*dns->values().constLast(), 1.0);
        board.clock.advance(GlanceHistory::Capacity * GlanceHistory::IntervalMs);
        QCOMPARE(board.strip->history().size(), GlanceHistory::Capacity); // an hour, no more
        // Each place's own line, at once when the place filter changes.
        board.filter.setPlace(u"west"_s);
        QCOMPARE(*board.strip->figure(GlanceFilter::Down)->sparkline()->values().constFirst(), 0.0);
        QVERIFY(!board.strip->figure(GlanceFilter::DnsFailingFiveMinutes)
                         ->sparkline()
                         ->values()
                         .constLast()); // west has no target now: no rate
    }

    void screenshots_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("dark");
        QTest::addColumn<bool>("outage");
        QTest::addColumn<QSize>("size");
        for (const QSize size : {QSize(1440, 900), QSize(1920, 1080)})
            for (const bool outage : {false, true})
                for (const bool dark : {false, true})
                    for (const QString &language : {u"en"_s, u"de"_s})
                        QTest::addRow("glance-%s-%s-%s-%dx%d", qPrintable(language),
                                      dark ? "dark" : "light", outage ? "outage" : "normal",
                                      size.width(), size.height())
                                << language << dark << outage << size;
    }
    void screenshots()
    {
        QFETCH(QString, language);
        QFETCH(bool, dark);
        QFETCH(bool, outage);
        QFETCH(QSize, size);
        QVERIFY(installTranslations(*qApp, language));
        const QPalette light = QApplication::palette();
        if (dark)
            QApplication::setPalette(darkPalette());
        {
            Board board;
            // An hour of samples as the strip takes them: all well with a short dip, or all well
            // until the outage in the last quarter hour.
            const QList<TargetSnapshot> eastWell{
                    snapshot(u"api"_s, TargetState::Healthy, u"fresh"_s, 1, 1, 1),
                    snapshot(u"db"_s, TargetState::Healthy, u"cache"_s, 1, 0.995, 1),
                    snapshot(u"queue"_s, TargetState::Healthy, u"fresh"_s, 1, 1, 1)};
            const QList<TargetSnapshot> westWell{
                    snapshot(u"mlflow"_s, TargetState::Healthy, u"fresh"_s, 1, 0.98, 1)};
            QList<TargetSnapshot> eastDip = eastWell;
            eastDip[2].dnsSuccessFiveMinutes = 0.8;
            eastDip[2].source = u"stale"_s;
            board.east.setTargets(eastWell);
            board.west.setTargets(westWell);
            for (int i = 0; i < GlanceHistory::Capacity; ++i) {
                if (i == 150)
                    board.east.setTargets(eastDip);
                if (i == 170)
                    board.east.setTargets(eastWell);
                if (outage && i == 270) {
                    board.east.setTargets(eastTargets());
                    board.west.setTargets(westTargets());
                }
                board.clock.advance(GlanceHistory::IntervalMs);
            }
            if (outage)
                board.strip->figure(GlanceFilter::Down)->click();
            board.window.resize(size);
            board.window.show();
            QTRY_VERIFY(!board.model.hasPendingUpdates()); // the table shows the same targets
            QTRY_VERIFY(board.filter.rowCount() > 0);
            QVERIFY(saveScreenshot(&board.window, QString::fromLatin1(QTest::currentDataTag())));
            // The figures share the row: they never widen the window (the dashboard opens at
            // 1200 pixels), whatever the language or the filter.
            QCOMPARE(board.window.width(), size.width());
            QVERIFY2(board.strip->minimumSizeHint().width() <= 1150,
                     qPrintable(QString::number(board.strip->minimumSizeHint().width())));
        }
        QApplication::setPalette(light);
    }
};

QTEST_MAIN(TestGlanceStrip)
#include "tst_glancestrip.moc"
