#pragma once

#include "readinessbanner.h"
#include "statenotifier.h"

#include <QObject>

class Monitor;
class QMainWindow;
class QSystemTrayIcon;

// The dashboard on the desktop: a tray icon whose picture and tooltip follow readiness, and the
// notifications a StateNotifier picks from the monitor's changes of state, said in the window's
// status bar and, where the desktop has a tray, as desktop notifications. The icon is made even
// without a tray, so its state follows readiness all the same; it is shown only where there is
// one.
class TrayNotifications : public QObject
{
    Q_OBJECT
public:
    TrayNotifications(Monitor *monitor, QMainWindow *window);

    StateNotifier *notifier() const { return m_notifier; }
    QSystemTrayIcon *trayIcon() const { return m_tray; }

    void reloadTargets(); // which are critical: after the config changed
    void showReadiness(ReadinessBanner::Level level, const QString &summary);
    void showNotification(const QString &title, const QString &message,
                          StateNotifier::Severity severity);

private:
    void buildTray();

    Monitor *m_monitor;
    QMainWindow *m_window;
    StateNotifier *m_notifier;
    QSystemTrayIcon *m_tray = nullptr;
};
