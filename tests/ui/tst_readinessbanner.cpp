// The readiness banner alone, over health statistics on a manual clock: its words, colour and
// status-bar label follow each change of state at once, a critical target that is down or not
// probed yet turns it red while a non-critical one changes nothing, a change at an agent looks
// at that agent alone, and results that stop coming turn it red on its own tick.
#include "clock.h"
#include "probe/healthstatistics.h"
#include "readinessbanner.h"
#include "scriptedplace.h"
#include "translations.h"

#include <QApplication>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

namespace {
const QColor Red(0xc0, 0x1c, 0x28);
const QColor Amber(0xb8, 0x6e, 0x00);
const QColor Green(0x26, 0x80, 0x3a);

// What a probe of target found: addresses from source (none: no address, after a timeout), and
// the service reachable whenever there were addresses.
ProbeResult probe(const QString &target, ResolutionSource source)
{
    ProbeResult result;
    result.target = target;
    result.resolution.source = source;
    if (source != ResolutionSource::None)
        result.resolution.addresses = {QHostAddress(QStringLiteral("10.0.0.1"))};
    if (source != ResolutionSource::Fresh)
        result.resolution.cause = FailureCause::Timeout;
    result.reachable = source != ResolutionSource::None;
    return result;
}

QList<TargetConfig> targets()
{
    QList<TargetConfig> targets;
    for (const QString &name :
         {QStringLiteral("api"), QStringLiteral("db"), QStringLiteral("batch")}) {
        TargetConfig target;
        target.name = name;
        target.intervalS = 10;
        target.critical = name != QStringLiteral("batch");
        targets.append(target);
    }
    return targets;
}

// An agent that counts how often the banner asks how it stands.
class CountedPlace : public ScriptedPlace
{
public:
    using ScriptedPlace::ScriptedPlace;
    PlaceReadiness readiness() const override
    {
        ++m_asked;
        return ScriptedPlace::readiness();
    }
    int timesAsked() const { return m_asked; }

private:
    mutable int m_asked = 0;
};
} // namespace

class TestReadinessBanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(installTranslations(*qApp, QStringLiteral("en"))); // "1 target", "2 targets"
    }

    void followsEachChangeOfState_data()
    {
        QTest::addColumn<QList<ProbeResult>>("results");
        QTest::addColumn<ReadinessBanner::Level>("level");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QColor>("colour");
        QTest::addColumn<QString>("readyLabel");
        const ProbeResult apiFresh = probe(QStringLiteral("api"), ResolutionSource::Fresh);
        const ProbeResult dbFresh = probe(QStringLiteral("db"), ResolutionSource::Fresh);
        QTest::newRow("a critical target not probed yet")
                << QList<ProbeResult>{apiFresh} << ReadinessBanner::Level::NotReady
                << QStringLiteral("NOT READY: db: not probed yet") << Red
                << QStringLiteral("not ready");
        QTest::newRow("every critical target fresh")
                << QList<ProbeResult>{apiFresh, dbFresh} << ReadinessBanner::Level::Ready
                << QStringLiteral("Ready: every critical target reachable") << Green
                << QStringLiteral("ready");
        QTest::newRow("a non-critical target down changes nothing")
                << QList<ProbeResult>{apiFresh, dbFresh,
                                      probe(QStringLiteral("batch"), ResolutionSource::None)}
                << ReadinessBanner::Level::Ready
                << QStringLiteral("Ready: every critical target reachable") << Green
                << QStringLiteral("ready");
        QTest::newRow("one kept by fallback")
                << QList<ProbeResult>{probe(QStringLiteral("api"), ResolutionSource::Stale), dbFresh}
                << ReadinessBanner::Level::KeptByFallback
                << QStringLiteral("Ready: 1 target kept reachable by fallback") << Amber
                << QStringLiteral("ready");
        QTest::newRow("two kept by fallback")
                << QList<ProbeResult>{probe(QStringLiteral("api"), ResolutionSource::Stale),
                                      probe(QStringLiteral("db"), ResolutionSource::Pinned)}
                << ReadinessBanner::Level::KeptByFallback
                << QStringLiteral("Ready: 2 targets kept reachable by fallback") << Amber
                << QStringLiteral("ready");
        QTest::newRow("a critical target down")
                << QList<ProbeResult>{apiFresh, probe(QStringLiteral("db"), ResolutionSource::None)}
                << ReadinessBanner::Level::NotReady
                << QStringLiteral("NOT READY: db: no address: timeout") << Red
                << QStringLiteral("not ready");
    }

    void followsEachChangeOfState()
    {
        QFETCH(QList<ProbeResult>, results);
        QFETCH(ReadinessBanner::Level, level);
        QFETCH(QString, text);
        QFETCH(QColor, colour);
        QFETCH(QString, readyLabel);
        ManualClock clock;
        HealthStatistics statistics(&clock);
        statistics.setTargets(targets());
        QStatusBar statusBar;
        ReadinessBanner banner(&statistics, &statusBar);
        QCOMPARE(banner.level(), ReadinessBanner::Level::NotReady); // nothing probed yet
        QCOMPARE(banner.readyLabel()->parentWidget(), &statusBar);
        for (const ProbeResult &result : std::as_const(results))
            statistics.record(result);
        // At once: no event loop has run, so no tick has either.
        QCOMPARE(banner.level(), level);
        QCOMPARE(banner.text(), text);
        QCOMPARE(banner.toolTip(), text);
        QCOMPARE(banner.palette().color(QPalette::Window), colour);
        QCOMPARE(banner.palette().color(QPalette::WindowText), QColor(Qt::white));
        QCOMPARE(banner.readyLabel()->text(), readyLabel);
    }

    void namesAFewAndKeepsTheWindowItsSize()
    {
        ManualClock clock;
        HealthStatistics statistics(&clock);
        QList<TargetConfig> many;
        for (int i = 0; i < 500; ++i) {
            TargetConfig target;
            target.name = QStringLiteral("target-%1").arg(i, 3, 10, QLatin1Char('0'));
            target.intervalS = 10;
            many.append(target);
        }
        statistics.setTargets(many);
        QStatusBar statusBar;
        ReadinessBanner banner(&statistics, &statusBar);
        QCOMPARE(banner.text(),
                 QStringLiteral("NOT READY: target-000: not probed yet; "
                                "target-001: not probed yet; target-002: not "
                                "probed yet; and 497 more"));
        QCOMPARE(banner.toolTip().count(QLatin1Char('\n')), 499); // every one of them
        QVERIFY(banner.toolTip().contains(QStringLiteral("target-499: not probed yet")));
        // However long the line, the banner asks for no width of its own.
        QVERIFY2(banner.minimumSizeHint().width() < 400,
                 qPrintable(QString::number(banner.minimumSizeHint().width())));
        QCOMPARE(banner.sizePolicy().horizontalPolicy(), QSizePolicy::Ignored);
    }

    void withoutTargetsItSaysSoNotReady()
    {
        // Nothing configured (a first start): not a green "every target reachable".
        ManualClock clock;
        HealthStatistics statistics(&clock);
        QStatusBar statusBar;
        ReadinessBanner banner(&statistics, &statusBar);
        QCOMPARE(banner.text(), QStringLiteral("No targets to watch yet"));
        QVERIFY(banner.palette().color(QPalette::Window) != Green);
        statistics.setTargets(targets());
        for (const QString &name : {QStringLiteral("api"), QStringLiteral("db")})
            statistics.record(probe(name, ResolutionSource::Fresh));
        banner.updateReadiness();
        QCOMPARE(banner.text(), QStringLiteral("Ready: every critical target reachable"));
        QCOMPARE(banner.palette().color(QPalette::Window), Green);
    }

    void aChangeLooksOnlyAtItsPlace()
    {
        // A burst of changes at one agent does not make the banner ask every other place again
        // for each (N changes, N whole passes); the tick still looks at all.
        ManualClock clock;
        HealthStatistics statistics(&clock);
        QStatusBar statusBar;
        ReadinessBanner banner(&statistics, &statusBar);
        CountedPlace north(QStringLiteral("north"), ScriptedPlace::Kind::Agent);
        CountedPlace south(QStringLiteral("south"), ScriptedPlace::Kind::Agent);
        north.addTargets(QStringLiteral("api"), 3);
        south.addTargets(QStringLiteral("db"), 3);
        banner.addPlace(&north);
        banner.addPlace(&south);
        QCOMPARE(banner.level(), ReadinessBanner::Level::Ready);
        const int northAsked = north.timesAsked();
        const int southAsked = south.timesAsked();
        for (int i = 0; i < 3; ++i)
            south.setState(QStringLiteral("db%1").arg(i), TargetState::Down);
        QCOMPARE(north.timesAsked(), northAsked);
        QCOMPARE(south.timesAsked(), southAsked + 3);
        QCOMPARE(banner.level(), ReadinessBanner::Level::NotReady);
        QVERIFY2(banner.toolTip().contains(QStringLiteral("db2 at south")),
                 qPrintable(banner.toolTip()));
        // What north said last still counts: it turns red too, and back.
        north.setState(QStringLiteral("api1"), TargetState::Down);
        QVERIFY(banner.toolTip().contains(QStringLiteral("api1 at north")));
        QVERIFY(banner.toolTip().contains(QStringLiteral("db0 at south")));
        for (int i = 0; i < 3; ++i)
            south.setState(QStringLiteral("db%1").arg(i), TargetState::Healthy);
        north.setState(QStringLiteral("api1"), TargetState::Healthy);
        QCOMPARE(banner.level(), ReadinessBanner::Level::Ready);
        // A place that stops answering is said at once.
        south.setUnreachable(QDateTime::currentDateTimeUtc(), QStringLiteral("refused"));
        QVERIFY2(banner.text().contains(QStringLiteral("south not answering since")),
                 qPrintable(banner.text()));
    }

    void tickTurnsItRedWhenResultsStop()
    {
        ManualClock clock;
        HealthStatistics statistics(&clock);
        statistics.setTargets(targets());
        QStatusBar statusBar;
        ReadinessBanner banner(&statistics, &statusBar);
        QSignalSpy changes(&banner, &ReadinessBanner::readinessChanged);
        QSignalSpy looks(&banner, &ReadinessBanner::readinessUpdated);
        statistics.record(probe(QStringLiteral("api"), ResolutionSource::Fresh));
        QCOMPARE(changes.size(), 0); // db is not probed yet
        statistics.record(probe(QStringLiteral("db"), ResolutionSource::Fresh));
        QCOMPARE(banner.level(), ReadinessBanner::Level::Ready);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.constLast().at(0).toBool(), true);

        // Three intervals and the minute of grace pass without a result: no change of state
        // says so, the tick does.
        clock.advance(3 * 10'000 + 60'000 + 1000);
        QCOMPARE(banner.level(), ReadinessBanner::Level::Ready);
        QTRY_COMPARE(banner.level(), ReadinessBanner::Level::NotReady);
        QCOMPARE(banner.text(),
                 QStringLiteral("NOT READY: api: no probe result for 1 min 31 s; "
                                "db: no probe result for 1 min 31 s"));
        QCOMPARE(banner.palette().color(QPalette::Window), Red);
        QCOMPARE(banner.readyLabel()->text(), QStringLiteral("not ready"));
        QCOMPARE(changes.size(), 2);
        QCOMPARE(changes.constLast().at(0).toBool(), false);
        QCOMPARE(looks.constLast().at(0).value<ReadinessBanner::Level>(),
                 ReadinessBanner::Level::NotReady);
        QCOMPARE(looks.constLast().at(1).toString(), banner.text());

        // Every look is said, a change only once.
        const qsizetype looked = looks.size();
        QVERIFY(looks.wait());
        QCOMPARE(looks.size(), looked + 1);
        QCOMPARE(changes.size(), 2);
    }
};

QTEST_MAIN(TestReadinessBanner)
#include "tst_readinessbanner.moc"
