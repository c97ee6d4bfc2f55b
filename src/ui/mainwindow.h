#pragma once

#include "cachetablemodel.h"
#include "charts/probehistorybuffer.h"
#include "charts/targetcharts.h"
#include "eventfiltermodel.h"
#include "eventlogmodel.h"
#include "probe/monitor.h"
#include "reportdialog.h"
#include "statenotifier.h"
#include "targettablemodel.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

class QAbstractItemModel;
class QAction;

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QSystemTrayIcon;
class QTableView;
class SettingsDialog;

// The dashboard's main window: a readiness banner readable from across the room, the targets
// table (sortable, filtered by the search box), the event log under it, and the actions on the
// selected targets (toolbar, context menu, menu bar, shortcuts): force re-resolve, pin and unpin
// fallback addresses, probe now, pause and resume.
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
    StateNotifier *notifier() const { return m_notifier; }
    QLabel *banner() const { return m_banner; }
    QSystemTrayIcon *trayIcon() const { return m_tray; }

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
    // A table over model through filter, and the search box that filters it (returned).
    QLineEdit *filteredTable(QWidget *pane, QAbstractItemModel *model,
                             QSortFilterProxyModel *filter, const QString &name,
                             const QString &placeholder, QTableView **view);
    QWidget *buildTargetsPane();
    QWidget *buildEventsPane();
    QComboBox *buildEventKindBox(QWidget *pane);
    void refreshEventTargets();
    QWidget *buildCachePane();
    void askToClearAll();
    void updateActions();
    void updateReadiness();
    void askForPin();
    void copySelectedEvents();
    void buildTray();
    void showNotification(const QString &title, const QString &message,
                          StateNotifier::Severity severity);
    const TargetConfig *targetConfig(const QString &name) const;

    Monitor *m_monitor;
    TargetTableModel *m_targets;
    EventLogModel *m_events;
    CacheTableModel *m_cache;
    ProbeHistoryBuffer *m_recent;
    QSortFilterProxyModel *m_cacheFilter;
    QTableView *m_cacheView = nullptr;
    QSortFilterProxyModel *m_targetFilter;
    EventFilterModel *m_eventFilter;
    QComboBox *m_eventTargetBox = nullptr;
    QTableView *m_targetView = nullptr;
    QTableView *m_eventView = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_banner;
    QLabel *m_readyLabel;
    QAction *m_reResolve = nullptr;
    QAction *m_reResolveAll = nullptr;
    QAction *m_pin = nullptr;
    QAction *m_unpin = nullptr;
    QAction *m_probeNow = nullptr;
    QAction *m_pause = nullptr;
    QAction *m_resume = nullptr;
    QAction *m_copyEvents = nullptr;
    QAction *m_mute = nullptr;
    QAction *m_exportReport = nullptr;
    HistoryStore *m_history = nullptr;
    QPointer<ReportDialog> m_reportDialog;
    StateNotifier *m_notifier;
    TargetCharts *m_charts = nullptr;
    QSystemTrayIcon *m_tray = nullptr; // shown only where the desktop has a tray
    bool m_lastReady = false;
    QTimer m_readinessTick;
    QString m_configPath;
    QPointer<SettingsDialog> m_settings;
};
