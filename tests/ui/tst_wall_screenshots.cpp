// The wall display during an outage, full screen on a real X server (Xvfb, 1920x1080), run by
// ctest: a mix of states at this machine and two agents (one not answering), saved light, dark,
// in German, at 1440x900, and with too many targets for a tile each. The PNGs are for people to
// look at (docs/wall-display.png is the light one); the test checks what they must show.
#include "screenshot.h"
#include "scriptedplace.h"
#include "targettablemodel.h"
#include "translations.h"
#include "wall/wallview.h"

#include <QApplication>
#include <QScreen>
#include <QTest>

namespace {
const char *const LocalTargets[] = {"mlflow",
                                    "api-gateway",
                                    "postgres-main",
                                    "postgres-replica",
                                    "redis-cache",
                                    "auth",
                                    "billing",
                                    "search",
                                    "object-store",
                                    "registry",
                                    "grafana",
                                    "prometheus",
                                    "kafka-1",
                                    "kafka-2",
                                    "kafka-3",
                                    "ldap",
                                    "smtp-relay",
                                    "vault",
                                    "ci-runner",
                                    "artifact-cache",
                                    "feature-store",
                                    "model-serving",
                                    "notebooks",
                                    "wiki",
                                    "sso"};

// The outage: which target is in what state, from where its addresses came, for how long.
void breakSome(ScriptedPlace &place, const QStringList &down, const QStringList &stale,
               const QStringList &pinned)
{
    for (TargetSnapshot target : place.targets()) {
        if (down.contains(target.name)) {
            target.state = TargetState::Down;
            target.source = QStringLiteral("none");
            target.error = QStringLiteral("timeout");
            target.reachable = false;
            target.dnsSuccessFiveMinutes = 0.2;
            target.checkSuccessFiveMinutes = 0.2;
            target.fallbackSeconds = 0;
        } else if (stale.contains(target.name) || pinned.contains(target.name)) {
            target.state = TargetState::Degraded;
            target.source = stale.contains(target.name) ? QStringLiteral("stale")
                                                        : QStringLiteral("pinned");
            target.dnsSuccessFiveMinutes = 0.6;
            target.checkSuccessFiveMinutes = 1.0;
            target.fallbackSeconds = 95 + 40 * target.name.size();
        } else {
            target.dnsSuccessFiveMinutes = 1.0 - 0.005 * (target.name.size() % 3);
        }
        place.setTarget(target);
    }
}

struct Outage
{
    Outage()
        // Named as the window names it, in the language in use.
        : local(QCoreApplication::translate("MainWindow", "this machine"),
                ScriptedPlace::Kind::Local)
        , fra1(QStringLiteral("fra1"), ScriptedPlace::Kind::Agent)
        , lon2(QStringLiteral("lon2"), ScriptedPlace::Kind::Agent)
    {
        for (const char *name : LocalTargets)
            local.addTarget(QString::fromLatin1(name));
        local.setState(QStringLiteral("wiki"), TargetState::Paused);
        TargetSnapshot fresh = *local.target(QStringLiteral("sso"));
        fresh.state = TargetState::Unknown;
        fresh.lastProbe = QDateTime();
        fresh.dnsSuccessFiveMinutes.reset();
        fresh.checkSuccessFiveMinutes.reset();
        local.setTarget(fresh);
        breakSome(local, {QStringLiteral("billing"), QStringLiteral("smtp-relay")},
                  {QStringLiteral("mlflow"), QStringLiteral("api-gateway"),
                   QStringLiteral("registry"), QStringLiteral("kafka-2")},
                  {QStringLiteral("postgres-main")});
        fra1.addTargets(QStringLiteral("payments-"), 12);
        breakSome(fra1, {QStringLiteral("payments-3")}, {QStringLiteral("payments-7")}, {});
        lon2.addTargets(QStringLiteral("edge-"), 6);
        lon2.setUnreachable(QDateTime::currentDateTimeUtc().addSecs(-200),
                            QStringLiteral("connection refused"));
        model.addPlace(&local);
        model.addPlace(&fra1);
        model.addPlace(&lon2);
    }
    ScriptedPlace local;
    ScriptedPlace fra1;
    ScriptedPlace lon2;
    TargetTableModel model;
};

} // namespace

class TestWallScreenshots : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(installTranslations(*qApp, QStringLiteral("en"))); }

    void outageLightDarkGerman()
    {
        Outage outage;
        QTRY_COMPARE(outage.model.rowCount(), 43);
        const QPalette light = QApplication::palette();
        // German last: a translator installed stays for the rest of the run.
        for (const QString &variant : {QStringLiteral("light"), QStringLiteral("dark"),
                                       QStringLiteral("1440x900"), QStringLiteral("de")}) {
            if (variant == QLatin1String("dark"))
                QApplication::setPalette(darkPalette());
            if (variant == QLatin1String("de"))
                QVERIFY(installTranslations(*qApp, QStringLiteral("de")));
            WallView wall(&outage.model);
            if (variant == QLatin1String("1440x900")) {
                wall.resize(1440, 900);
                wall.show();
            } else {
                wall.setGeometry(QGuiApplication::primaryScreen()->geometry());
                wall.showFullScreen();
            }
            QVERIFY(QTest::qWaitForWindowExposed(&wall));
            QTRY_COMPARE(wall.tiles().size(), 43);
            QTRY_COMPARE(wall.tiles().constFirst()->content().look, StateLook::Down);
            if (variant != QLatin1String("1440x900"))
                QTRY_COMPARE(wall.size(), QSize(1920, 1080));
            const QString down = variant == QLatin1String("de") ? QStringLiteral("ausgefallen")
                                                                : QStringLiteral("down");
            QCOMPARE(wall.tiles().constFirst()->content().stateWord, down);
            QVERIFY(saveScreenshot(&wall, QStringLiteral("wall-%1").arg(variant)));
            QApplication::setPalette(light);
        }
    }

    void tooManyForATileEach()
    {
        Outage outage;
        outage.fra1.addTargets(QStringLiteral("batch-"), 150);
        QTRY_COMPARE(outage.model.rowCount(), 193);
        WallView wall(&outage.model);
        wall.setGeometry(QGuiApplication::primaryScreen()->geometry());
        wall.showFullScreen();
        QVERIFY(QTest::qWaitForWindowExposed(&wall));
        QCOMPARE(wall.mode(), WallView::Mode::Places);
        QCOMPARE(wall.tiles().size(), 3);
        QVERIFY(saveScreenshot(&wall, QStringLiteral("wall-places")));
    }
};

QTEST_MAIN(TestWallScreenshots)
#include "tst_wall_screenshots.moc"
