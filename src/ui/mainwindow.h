#pragma once

#include "cachetablemodel.h"
#include "charts/targetcharts.h"
#include "eventlogmodel.h"
#include "probe/monitor.h"
#include "probe/probehistorybuffer.h"
#include "readinessbanner.h"
#include "reportdialog.h"
#include "targettablemodel.h"
#include "traynotifications.h"

#include <QMainWindow>
#include <QPointer>

class EventsPane;
class QAction;
class QSortFilterProxyModel;
class QTableView;
class SettingsDialog;

// The dashboard's main window: the readiness banner, the targets table (sortable, filtered by the
// search box), under it the charts, the events and the cache in tabs, the tray and the
// notifications, and the actions on the selected targets (toolbar, context menu, menu bar,
// shortcuts): force re-resolve, pin and unpin fallback addresses, probe now, pause and resume.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Monitor *monitor, QWidget *parent = nullptr);

    TargetTableModel *targetModel() const { return m_targets; }
    EventLogModel *eventModel() const { return m_events; }
    CacheTableModel *cacheModel() const { return m_cache; }
    TargetCharts *charts() const { return m_charts; }
    QTableView *targetView() const { return m_targetView; }
    StateNotifier *notifier() const { return m_notifications->notifier(); }
    ReadinessBanner *banner() const { return m_banner; }
    QSystemTrayIcon *trayIcon() const { return m_notifications->trayIcon(); }

    QStringList selectedTargets() const;
    void selectTarget(const QString &target);

    // The actions, callable without the UI (tests; the menu and toolbar call the same).
    void forceReResolve(const QStringList &targets);
    void pin(const QString &target, const PinnedFallback &pin);
    void unpin(const QStringList &targets);
    void probeNow(const QStringList &targets);
    void setPaused(const QStringList &targets, bool paused);
    // The config file the settings editor edits and saves (empty: none, "Save as...").
    void setConfigPath(const QString &path) { m_configPath = path; }
    void openSettings(); // the settings editor, opened without blocking (one at a time)
    // With a history: the charts read longer ranges from it, and reports can be exported.
    void setHistory(HistoryStore *history);
    void openReportDialog(); // File > Export health report (one at a time)
    ReportDialog *reportDialog() const { return m_reportDialog; }

Q_SIGNALS:
    void readinessChanged(bool ready);

protected:
    void closeEvent(QCloseEvent *event) override; // keeps geometry and view state (QSettings)

private:
    void buildActions();
    void buildMenus();
    QWidget *buildTargetsPane();
    void updateActions();
    void askForPin();
    const TargetConfig *targetConfig(const QString &name) const;

    Monitor *m_monitor;
    TargetTableModel *m_targets;
    EventLogModel *m_events;
    CacheTableModel *m_cache;
    ProbeHistoryBuffer *m_recent;
    QSortFilterProxyModel *m_targetFilter;
    QTableView *m_targetView = nullptr;
    EventsPane *m_eventsPane = nullptr;
    ReadinessBanner *m_banner = nullptr;
    TrayNotifications *m_notifications = nullptr;
    QAction *m_reResolve = nullptr;
    QAction *m_reResolveAll = nullptr;
    QAction *m_pin = nullptr;
    QAction *m_unpin = nullptr;
    QAction *m_probeNow = nullptr;
    QAction *m_pause = nullptr;
    QAction *m_resume = nullptr;
    QAction *m_mute = nullptr;
    QAction *m_exportReport = nullptr;
    HistoryStore *m_history = nullptr;
    QPointer<ReportDialog> m_reportDialog;
    TargetCharts *m_charts = nullptr;
    QString m_configPath;
    QPointer<SettingsDialog> m_settings;
};
