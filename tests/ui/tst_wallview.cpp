// The wall display offscreen over scripted places: a tile per target worst first, a change
// updating its own tile alone, one tile per place above the limit, the keys, and 50 tiles on
// 1920x1080 readable and uncut.
#include "mainwindow.h"
#include "screenshot.h"
#include "scriptedplace.h"
#include "statepalette.h"
#include "translations.h"
#include "wall/wallview.h"

#include <QAction>
#include <QApplication>
#include <QFontMetrics>
#include <QPointer>
#include <QScreen>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

namespace {
// One place's targets in a model, on a wall of size.
struct Wall
{
    explicit Wall(int targets, QSize size = QSize(1920, 1080))
        : local(QStringLiteral("this machine"), ScriptedPlace::Kind::Local)
    {
        local.addTargets(QStringLiteral("t"), targets);
        model.addPlace(&local);
        view = std::make_unique<WallView>(&model);
        view->resize(size);
    }
    void show()
    {
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
    }
    QStringList order() const
    {
        QStringList titles;
        for (const WallTile *tile : view->tiles())
            titles.append(tile->content().title);
        return titles;
    }
    ScriptedPlace local;
    TargetTableModel model;
    std::unique_ptr<WallView> view;
};

QColor shownBackground(WallTile *tile)
{
    // What is on screen: the tile's own pixels near its corner (inside the focus frame).
    return tile->grab().toImage().pixelColor(tile->width() - 2, tile->height() / 2);
}
} // namespace

class TestWallView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(installTranslations(*qApp, QStringLiteral("en")));
    }

    void oneTileEachWorstFirst()
    {
        Wall wall(7);
        wall.local.setState(QStringLiteral("t0"), TargetState::Healthy);
        wall.local.setState(QStringLiteral("t1"), TargetState::Down);
        wall.local.setState(QStringLiteral("t2"), TargetState::Paused);
        wall.local.setState(QStringLiteral("t3"), TargetState::Degraded);
        wall.local.setState(QStringLiteral("t4"), TargetState::Unknown);
        wall.local.setState(QStringLiteral("t5"), TargetState::Down);
        QCOMPARE(wall.view->mode(), WallView::Mode::Targets);
        QCOMPARE(wall.view->tiles().size(), 7);
        // Down first (t1 before t5: the table's order among equals), healthy last.
        QTRY_COMPARE(wall.order(),
                     QStringList({QStringLiteral("t1"), QStringLiteral("t5"), QStringLiteral("t3"),
                                  QStringLiteral("t4"), QStringLiteral("t2"), QStringLiteral("t0"),
                                  QStringLiteral("t6")}));
        const WallTile *down = wall.view->targetTile(QStringLiteral("t1"));
        QCOMPARE(down->content().stateWord, QStringLiteral("down"));
        QVERIFY(down->toolTip().contains(QStringLiteral("t1")));
        QCOMPARE(down->content().details.last(), QStringLiteral("fresh"));
        QVERIFY(down->content().details.contains(QStringLiteral("DNS 100 % · service 100 %")));
        // Whole only when it is: a rate just short of all, or just above nothing, keeps a decimal.
        TargetSnapshot almost = *wall.local.target(QStringLiteral("t0"));
        almost.dnsSuccessFiveMinutes = 0.9996;
        almost.checkSuccessFiveMinutes = 0.0004;
        wall.local.setTarget(almost);
        QTRY_VERIFY2(wall.view->targetTile(QStringLiteral("t0"))
                             ->content()
                             .details.contains(QStringLiteral("DNS 99.9 % · service 0.1 %")),
                     qPrintable(wall.view->targetTile(QStringLiteral("t0"))
                                        ->content()
                                        .details.join(QLatin1Char('|'))));
        // A count and its word stay on one line (a no-break space between them).
        QTRY_VERIFY2(wall.view->headerText().contains(QStringLiteral("2") + QChar(0x00a0)
                                                      + QStringLiteral("down")),
                     qPrintable(wall.view->headerText()));
        QVERIFY(wall.view->headerText().contains(QStringLiteral("Not ready")));
    }

    void stateChangeRepaintsItsTileAlone()
    {
        Wall wall(4);
        wall.local.setState(QStringLiteral("t0"), TargetState::Down);
        wall.local.setState(QStringLiteral("t1"), TargetState::Degraded);
        wall.show();
        QTRY_COMPARE(wall.view->targetTile(QStringLiteral("t1"))->content().look,
                     StateLook::Degraded);
        QTRY_VERIFY(!wall.model.hasPendingUpdates());
        QCoreApplication::processEvents(); // paints of the first show are done
        QList<std::shared_ptr<QSignalSpy>> painted;
        for (WallTile *tile : wall.view->tiles())
            painted.append(std::make_shared<QSignalSpy>(tile, &WallTile::painted));
        const QStringList before = wall.order();

        // Degraded to down: the tile keeps its place (after t0, the table's order).
        wall.local.setState(QStringLiteral("t1"), TargetState::Down);
        WallTile *changed = wall.view->targetTile(QStringLiteral("t1"));
        QTRY_COMPARE(changed->content().stateWord, QStringLiteral("down"));
        QTRY_VERIFY(painted[1]->count() > 0);
        QCOMPARE(wall.order(), before);
        const QColor down = StatePalette(changed->palette()).colors(StateLook::Down).background;
        QCOMPARE(changed->backgroundColor(), down);
        QCOMPARE(shownBackground(changed), down);
        // The others were not repainted: their tiles did not change.
        QCoreApplication::processEvents();
        QCOMPARE(painted[0]->count(), 0);
        QCOMPARE(painted[2]->count(), 0);
        QCOMPARE(painted[3]->count(), 0);
    }

    void worseStateMovesTheTileFirst()
    {
        Wall wall(5);
        wall.show();
        wall.local.setState(QStringLiteral("t3"), TargetState::Down);
        QTRY_COMPARE(wall.order().constFirst(), QStringLiteral("t3"));
        WallTile *tile = wall.view->targetTile(QStringLiteral("t3"));
        QCOMPARE(tile->geometry(), wall.view->tiles().constFirst()->geometry());
        QCOMPARE(wall.view->targetTile(QStringLiteral("t0"))->geometry(),
                 wall.view->tiles().at(1)->geometry());
        // Recovering puts it back among the healthy, in the table's order.
        wall.local.setState(QStringLiteral("t3"), TargetState::Healthy);
        QTRY_COMPARE(wall.order(),
                     QStringList({QStringLiteral("t0"), QStringLiteral("t1"), QStringLiteral("t2"),
                                  QStringLiteral("t3"), QStringLiteral("t4")}));
    }

    void movedTilesKeepTheirSize()
    {
        // 37 tiles do not divide 1920x1080 evenly: every cell still has one size, so a tile
        // that moves is copied, not laid out again, and the grid stays inside the area.
        Wall wall(37);
        wall.show();
        wall.local.setState(QStringLiteral("t30"), TargetState::Down);
        QTRY_COMPARE(wall.order().constFirst(), QStringLiteral("t30"));
        const QList<WallTile *> tiles = wall.view->tiles();
        const QRect area = tiles.constFirst()->parentWidget()->rect();
        QRegion covered;
        for (const WallTile *tile : tiles) {
            QCOMPARE(tile->size(), tiles.constFirst()->size());
            QVERIFY(area.contains(tile->geometry()));
            QVERIFY(!covered.intersects(tile->geometry()));
            covered += tile->geometry();
        }
        // Centred: what is left over is shared on both sides.
        const QRect used = covered.boundingRect();
        QVERIFY(std::abs(used.left() - area.left() - (area.right() - used.right())) <= 1);
        QVERIFY(std::abs(used.top() - area.top() - (area.bottom() - used.bottom())) <= 1);
    }

    void stateChangePaintedBeforeTheNextFrame()
    {
        Wall wall(6);
        wall.show();
        QTRY_VERIFY(!wall.model.hasPendingUpdates());
        QCoreApplication::processEvents();
        WallTile *tile = wall.view->targetTile(QStringLiteral("t4"));
        QSignalSpy painted(tile, &WallTile::painted);
        // Connected after the wall: runs once the wall has taken the change, before the event
        // loop could deliver a paced repaint.
        int paintsWhenTaken = -1;
        connect(&wall.model, &QAbstractItemModel::dataChanged, wall.view.get(),
                [&] { paintsWhenTaken = int(painted.count()); });
        wall.local.setState(QStringLiteral("t4"), TargetState::Down);
        QTRY_VERIFY(paintsWhenTaken >= 0);
        QVERIFY(paintsWhenTaken > 0);
        QCOMPARE(wall.order().constFirst(), QStringLiteral("t4"));
    }

    void sourceAndFallbackInWords()
    {
        Wall wall(1);
        TargetSnapshot target = *wall.local.target(QStringLiteral("t0"));
        target.state = TargetState::Degraded;
        target.source = QStringLiteral("stale");
        target.fallbackSeconds = 125;
        target.dnsSuccessFiveMinutes = 0.25; // said "25 %"; 0.333 is "33.3 %"
        target.checkSuccessFiveMinutes = std::nullopt;
        wall.local.setTarget(target);
        const WallTile *tile = wall.view->targetTile(QStringLiteral("t0"));
        QTRY_COMPARE(tile->content().details,
                     QStringList({QStringLiteral("DNS 25 % · service -"),
                                  QStringLiteral("stale · in fallback 2 min 5 s")}));
    }

    void onePlaceTileEachAboveTheLimit()
    {
        Wall wall(40);
        ScriptedPlace agent(QStringLiteral("south"), ScriptedPlace::Kind::Agent);
        agent.addTargets(QStringLiteral("s"), 15);
        wall.model.addPlace(&agent);
        wall.show();
        QTRY_COMPARE(wall.view->tiles().size(), 55);
        QCOMPARE(wall.view->mode(), WallView::Mode::Targets);
        // With agents a tile names its place.
        QCOMPARE(wall.view->targetTile(QStringLiteral("s0"))->content().details.constFirst(),
                 QStringLiteral("at south"));
        agent.addTargets(QStringLiteral("more"), 10); // 65: more than stay readable
        QTRY_COMPARE(wall.view->mode(), WallView::Mode::Places);
        QCOMPARE(wall.view->tiles().size(), 2);
        agent.setState(QStringLiteral("s1"), TargetState::Down);
        agent.setState(QStringLiteral("s2"), TargetState::Down);
        agent.setState(QStringLiteral("s3"), TargetState::Degraded);
        WallTile *south = wall.view->placeTile(&agent);
        QVERIFY(south);
        QTRY_COMPARE(south->content().details,
                     QStringList({QStringLiteral("2 down"), QStringLiteral("1 degraded"),
                                  QStringLiteral("22 healthy")}));
        QCOMPARE(south->content().look, StateLook::Down);
        QCOMPARE(wall.view->tiles().constFirst(), south); // worst first here too
        // An agent that does not answer: its tile says so.
        agent.setUnreachable(QDateTime::currentDateTimeUtc(), QStringLiteral("timeout"));
        QTRY_COMPARE(south->content().look, StateLook::Unseen);
        QCOMPARE(south->content().stateWord, QStringLiteral("not answering"));
        // Enter on a place's tile chooses the place (the dashboard shows its targets).
        QSignalSpy chosen(wall.view.get(), &WallView::placeChosen);
        south->setFocus();
        QTest::keyClick(wall.view->focusWidget(), Qt::Key_Return);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.first().at(0).value<TargetPlace *>(), &agent);
        // A higher limit: a tile per target again.
        wall.view->setTargetTileLimit(100);
        QCOMPARE(wall.view->mode(), WallView::Mode::Targets);
        QCOMPARE(wall.view->tiles().size(), 65);
    }

    void aPlaceWithoutTargetsComesAndGoes()
    {
        // In places mode, an agent with no targets yet gets a tile, and loses it when it goes:
        // no rows of the model change either time.
        Wall wall(10);
        wall.view->setTargetTileLimit(5);
        wall.show();
        QCOMPARE(wall.view->mode(), WallView::Mode::Places);
        QCOMPARE(wall.view->tiles().size(), 1);
        auto agent = std::make_unique<ScriptedPlace>(QStringLiteral("empty"),
                                                     ScriptedPlace::Kind::Agent);
        wall.model.addPlace(agent.get());
        QTRY_VERIFY(wall.view->placeTile(agent.get()));
        QCOMPARE(wall.view->tiles().size(), 2);
        agent.reset();
        QTRY_COMPARE(wall.view->tiles().size(), 1);
        // The next second's refresh reads every tile's place: none of them is gone.
        QSignalSpy ticked(&wall.model, &TargetTableModel::ticked);
        QVERIFY(ticked.wait(3000));
        QCOMPARE(wall.view->tiles().constFirst()->content().title, QStringLiteral("this machine"));
    }

    void keysMoveChooseAndClose()
    {
        Wall wall(12);
        QSignalSpy chosen(wall.view.get(), &WallView::targetChosen);
        wall.show();
        const QList<WallTile *> tiles = wall.view->tiles();
        QTRY_COMPARE(wall.view->focusWidget(), tiles[0]);
        const int columns = int(std::count_if(tiles.cbegin(), tiles.cend(), [&](WallTile *tile) {
            return tile->y() == tiles[0]->y();
        }));
        QVERIFY(columns > 1 && columns < 12);
        QTest::keyClick(wall.view->focusWidget(), Qt::Key_Left); // at the edge: stays
        QCOMPARE(wall.view->focusWidget(), tiles[0]);
        QTest::keyClick(wall.view->focusWidget(), Qt::Key_Right);
        QCOMPARE(wall.view->focusWidget(), tiles[1]);
        QTest::keyClick(wall.view->focusWidget(), Qt::Key_Down);
        QCOMPARE(wall.view->focusWidget(), tiles[1 + columns]);
        QTest::keyClick(wall.view->focusWidget(), Qt::Key_Up);
        QCOMPARE(wall.view->focusWidget(), tiles[1]);
        QTest::keyClick(wall.view->focusWidget(), Qt::Key_Return);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.first().at(0).value<TargetPlace *>(), &wall.local);
        QCOMPARE(chosen.first().at(1).toString(), tiles[1]->content().title);
        QVERIFY(!wall.view->isVisible()); // back to the dashboard

        for (const Qt::Key key : {Qt::Key_Escape, Qt::Key_F11}) {
            wall.show();
            QTRY_VERIFY(wall.view->focusWidget());
            QTest::keyClick(wall.view->focusWidget(), key);
            QVERIFY2(!wall.view->isVisible(), qPrintable(QKeySequence(key).toString()));
        }
    }

    void wallFromTheMainWindowSelectsTheChosenTarget()
    {
        ManualClock clock;
        Monitor monitor(AppConfig(), EnvFallback(), MlflowCredentials(), &clock);
        MainWindow window(&monitor);
        ScriptedPlace place(QStringLiteral("this machine"), ScriptedPlace::Kind::Local);
        place.addTargets(QStringLiteral("t"), 6);
        place.setState(QStringLiteral("t4"), TargetState::Down);
        window.targetModel()->addPlace(&place);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *action = window.findChild<QAction *>(QStringLiteral("wallDisplayAction"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::Key_F11));
        action->trigger();
        QPointer<WallView> wall = window.findChild<WallView *>();
        QVERIFY(wall);
        QVERIFY(wall->isWindow());
        QTRY_COMPARE(wall->geometry(), window.screen()->geometry()); // full screen, there
        QVERIFY(QTest::qWaitForWindowExposed(wall.data()));
        action->trigger(); // one wall at a time
        QCOMPARE(window.findChildren<WallView *>().size(), 1);
        QCOMPARE(WallView::showOver(&window), wall.data());
        // t4 is down: the first tile. The next one is t0.
        QTRY_COMPARE(wall->tiles().constFirst()->content().title, QStringLiteral("t4"));
        QTRY_COMPARE(wall->focusWidget(), wall->tiles().constFirst());
        QTest::keyClick(wall->focusWidget(), Qt::Key_Right);
        QTest::keyClick(wall->focusWidget(), Qt::Key_Enter);
        QTRY_VERIFY(wall.isNull()); // closed and gone
        QCOMPARE(window.selectedTargets(), QStringList{QStringLiteral("t0")});
    }

    void fiftyTilesReadableOnFullHd()
    {
        Wall wall(38);
        ScriptedPlace agent(QStringLiteral("frankfurt-1"), ScriptedPlace::Kind::Agent);
        agent.addTargets(QStringLiteral("payments-api-"), 11);
        TargetSnapshot longName = *agent.target(QStringLiteral("payments-api-0"));
        longName.name = QStringLiteral("mlflow-tracking-server-for-the-recommendation-team");
        longName.state = TargetState::Degraded;
        longName.source = QStringLiteral("pinned");
        longName.fallbackSeconds = 7300;
        longName.dnsSuccessFiveMinutes = 0.333;
        longName.checkSuccessFiveMinutes = 0.917;
        agent.setTarget(longName);
        wall.model.addPlace(&agent);
        wall.show();
        QTRY_COMPARE(wall.view->tiles().size(), 50);
        agent.setUnreachable(QDateTime::currentDateTimeUtc(), QStringLiteral("timeout"));
        QTRY_COMPARE(wall.view->targetTile(QStringLiteral("payments-api-1"))->content().look,
                     StateLook::Unseen);
        int elided = 0;
        for (WallTile *tile : wall.view->tiles()) {
            const QList<WallTile::Line> &lines = tile->lines();
            const QString name = tile->content().title;
            // Every line there, none below 14 px, inside the tile, one under the other.
            QCOMPARE(lines.size(), 2 + tile->content().details.size());
            int bottom = -1;
            for (const WallTile::Line &line : lines) {
                QVERIFY2(line.font.pixelSize() >= 14,
                         qPrintable(
                                 QStringLiteral("%1: %2 px").arg(name).arg(line.font.pixelSize())));
                QVERIFY2(tile->rect().contains(line.rect), qPrintable(name));
                QVERIFY(line.rect.top() >= bottom);
                bottom = line.rect.bottom();
                QVERIFY(QFontMetrics(line.font).horizontalAdvance(line.shown) <= line.rect.width());
                if (line.shown != line.text) { // elided, and said in full in the tooltip
                    elided += name == longName.name ? 0 : 1;
                    QVERIFY(line.shown.endsWith(QChar(0x2026)));
                    QVERIFY(tile->toolTip().contains(line.text));
                }
            }
            QVERIFY(tile->rect().contains(tile->glyphRect()));
        }
        const WallTile *longTile = wall.view->targetTile(longName.name);
        QVERIFY(longTile->lines().at(1).shown != longName.name);
        QCOMPARE(elided, 0); // the long target's lines alone
        QCOMPARE(wall.view->targetTile(QStringLiteral("payments-api-1"))->content().details.last(),
                 QStringLiteral("was healthy · fresh"));
        // The details (the smallest text) as large as the tile allows, not just the minimum.
        QVERIFY(wall.view->targetTile(QStringLiteral("t0"))->lines().last().font.pixelSize() >= 15);
    }
};

QTEST_MAIN(TestWallView)
#include "tst_wallview.moc"
