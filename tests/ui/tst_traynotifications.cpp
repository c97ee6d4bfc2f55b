// The tray and the notifications alone, over a monitor that never probes (its clock stands
// still) and a bare main window: a critical target's change of state is said in the status bar,
// a non-critical one's is not until a new config makes it critical, the icon and its tooltip
// follow readiness, and the tray's menu brings the window back.
#include "clock.h"
#include "probe/monitor.h"
#include "traynotifications.h"

#include <QMainWindow>
#include <QMenu>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTest>

namespace {
AppConfig config()
{
    AppConfig config;
    ResolverConfig lab; // never asked: the clock stands still
    lab.name = QStringLiteral("lab");
    lab.servers = {*NameServer::parse(QStringLiteral("127.0.0.1:9"))};
    config.resolvers = {lab};
    for (const QString &name : {QStringLiteral("api"), QStringLiteral("batch")}) {
        TargetConfig target;
        target.name = name;
        target.host = name + QStringLiteral(".lab.test");
        target.resolver = lab.name;
        target.critical = name == QStringLiteral("api");
        config.targets.append(target);
    }
    return config;
}
} // namespace

class TestTrayNotifications : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void criticalChangesAreSaid()
    {
        ManualClock clock;
        Monitor monitor(config(), EnvFallback(), MlflowCredentials(), &clock);
        QMainWindow window;
        TrayNotifications notifications(&monitor, &window);
        const QString timeout = QStringLiteral("no address: timeout");

        Q_EMIT monitor.stateChanged(QStringLiteral("batch"), TargetState::Healthy,
                                    TargetState::Down, timeout);
        QCOMPARE(window.statusBar()->currentMessage(), QString());
        Q_EMIT monitor.stateChanged(QStringLiteral("api"), TargetState::Healthy, TargetState::Down,
                                    timeout);
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("api is down: ") + timeout);
        Q_EMIT monitor.stateChanged(QStringLiteral("api"), TargetState::Down, TargetState::Healthy,
                                    QString());
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("api recovered"));

        // A new config makes batch critical: from then on it is said too.
        AppConfig changed = monitor.config();
        changed.targets[1].critical = true;
        QCOMPARE(monitor.applyConfig(changed), QStringList());
        notifications.reloadTargets();
        Q_EMIT monitor.stateChanged(QStringLiteral("batch"), TargetState::Down,
                                    TargetState::Degraded, QStringLiteral("stale"));
        QCOMPARE(window.statusBar()->currentMessage(),
                 QStringLiteral("batch is kept reachable by fallback: stale"));
    }

    void iconFollowsReadiness_data()
    {
        QTest::addColumn<ReadinessBanner::Level>("level");
        QTest::addColumn<int>("icon"); // a QStyle::StandardPixmap
        QTest::newRow("not ready")
                << ReadinessBanner::Level::NotReady << int(QStyle::SP_MessageBoxCritical);
        QTest::newRow("kept by fallback")
                << ReadinessBanner::Level::KeptByFallback << int(QStyle::SP_MessageBoxWarning);
        QTest::newRow("ready") << ReadinessBanner::Level::Ready
                               << int(QStyle::SP_DialogApplyButton);
    }

    void iconFollowsReadiness()
    {
        QFETCH(ReadinessBanner::Level, level);
        QFETCH(int, icon);
        ManualClock clock;
        Monitor monitor(config(), EnvFallback(), MlflowCredentials(), &clock);
        QMainWindow window;
        TrayNotifications notifications(&monitor, &window);
        QSystemTrayIcon *tray = notifications.trayIcon();
        // Shown only where the desktop has a tray; it follows readiness all the same.
        QCOMPARE(tray->isVisible(), QSystemTrayIcon::isSystemTrayAvailable());
        const auto picture = [&window](int pixmap) {
            return window.style()->standardIcon(QStyle::StandardPixmap(pixmap)).pixmap(16).toImage();
        };
        QCOMPARE(tray->icon().pixmap(16).toImage(), picture(QStyle::SP_MessageBoxQuestion));
        notifications.showReadiness(level, QStringLiteral("what the banner says"));
        QCOMPARE(tray->toolTip(), QStringLiteral("what the banner says"));
        QCOMPARE(tray->icon().pixmap(16).toImage(), picture(icon));
    }

    void menuBringsTheWindowBack()
    {
        ManualClock clock;
        Monitor monitor(config(), EnvFallback(), MlflowCredentials(), &clock);
        QMainWindow window;
        TrayNotifications notifications(&monitor, &window);
        QMenu *menu = notifications.trayIcon()->contextMenu();
        QVERIFY(menu);
        QCOMPARE(menu->actions().size(), 2);
        QCOMPARE(menu->actions().constLast()->text(), QStringLiteral("&Quit"));
        QAction *show = menu->actions().constFirst();
        QCOMPARE(show->text(), QStringLiteral("&Show DNS Watch"));
        QVERIFY(!window.isVisible());
        show->trigger();
        QVERIFY(window.isVisible());
        window.showMinimized();
        show->trigger();
        QVERIFY(!window.isMinimized());
    }
};

QTEST_MAIN(TestTrayNotifications)
#include "tst_traynotifications.moc"
