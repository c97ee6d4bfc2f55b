#pragma once

#include "agentconnection.h"
#include "cachetablemodel.h"
#include "charts/targetcharts.h"
#include "eventlogmodel.h"
#include "probe/monitor.h"
#include "probe/probehistorybuffer.h"
#include "readinessbanner.h"
#include "reportdialog.h"
#include "targetplace.h"
#include "targettablemodel.h"
#include "traynotifications.h"

#include <QMainWindow>
#include <QPointer>

class AgentLinks;
class AgentPlace;
class CachePane;
class PathsPane;
class EventsPane;
class AnswerChangeModel;
class AnswerChangesPane;
class LocalPlace;
class PlaceStateWatch;
class QAction;
class QComboBox;
class QMenu;
class QTableView;
class QSplitter;
class SettingsDialog;
class TargetColumns;
class TargetFilterModel;

// The dashboard's main window: the readiness banner, the targets table (sortable, filtered by the
// search box and by place), under it the charts, the events and the cache in tabs, the tray and
// the notifications, and the actions on the selected targets (toolbar, context menu, menu bar,
// shortcuts): force re-resolve, pin and unpin fallback addresses, probe now, pause and resume.
// The targets are this machine's (its Monitor) and those of the agents it is connected to; an
// action goes to the place of each target, and what the place answered is said.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Monitor *monitor, QWidget *parent = nullptr);
    ~MainWindow() override;

    TargetTableModel *targetModel() const { return m_targets; }
    EventLogModel *eventModel() const { return m_events; }
    CacheTableModel *cacheModel() const { return m_cache; }
    TargetCharts *charts() const { return m_charts; }
    QTableView *targetView() const { return m_targetView; }
    StateNotifier *notifier() const { return m_notifications->notifier(); }
    ReadinessBanner *banner() const { return m_banner; }
    AnswerChangesPane *answerChangesPane() const { return m_answerChangesPane; }
    QSystemTrayIcon *trayIcon() const { return m_notifications->trayIcon(); }

    // Watches an agent: its targets join the table, its events the events pane; how often it is
    // asked and how long its answers are waited for come from the config's "agent_watch".
    // Returns its place (owned by the window).
    AgentPlace *connectAgent(const AgentEndpoint &endpoint);
    const QList<TargetPlace *> &places() const { return m_targets->places(); }
    void showPlace(const QString &place); // the place filter: a place's name, empty for all

    QStringList selectedTargets() const;
    // The target of that name at place; with no place, the first of that name.
    void selectTarget(const QString &target, const TargetPlace *place = nullptr);

    // The actions, callable without the UI (tests; the menu and toolbar call the same). Targets
    // by name act on the first target of that name; the menus act on the selected rows.
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
    CachePane *cachePane() const { return m_cachePane; }
    PathsPane *pathsPane() const { return m_pathsPane; }
    AgentLinks *agentLinks() const { return m_agentLinks; } // File > Connect to agent...

Q_SIGNALS:
    void readinessChanged(bool ready);

protected:
    void closeEvent(QCloseEvent *event) override; // keeps geometry and view state (QSettings)
    void showEvent(QShowEvent *event) override;

private:
    void fitToScreen(); // within the available geometry of the screen it is on
    struct TargetRef
    {
        TargetPlace *place = nullptr;
        QString name;
    };
    QList<TargetRef> selectedRefs() const;
    QList<TargetRef> refsOf(const QStringList &names) const;
    // The action on each target, at its place; what an agent answered goes to the status bar.
    void act(PlaceAction::Kind kind, const QList<TargetRef> &targets,
             const PinnedFallback &pin = {});
    void pinAt(const TargetRef &ref, const PinnedFallback &pin);
    void watchPlace(TargetPlace *place);
    void showAnswerChangesOf(const QList<TargetRef> &selected);
    void showPathsOf(const QList<TargetRef> &selected); // this machine's target or an agent's
    void updatePlaceFilter();
    void updateReportAction();
    void buildActions();
    void buildMenus();
    QWidget *buildTargetsPane();
    void updateActions();
    void askForPin();
    Monitor *m_monitor;
    TargetTableModel *m_targets;
    LocalPlace *m_local;
    EventLogModel *m_events;
    CacheTableModel *m_cache;
    ProbeHistoryBuffer *m_recent;
    TargetFilterModel *m_targetFilter;
    QComboBox *m_placeFilter = nullptr;
    QHash<QAction *, QString> m_actionTips; // each action's own tooltip
    QTableView *m_targetView = nullptr;
    QSplitter *m_split = nullptr; // the table above, the charts, events and cache below
    bool m_splitChosen = false; // restored from the last run: kept as the user left it
    QMenu *m_viewMenu = nullptr;
    TargetColumns *m_columns = nullptr; // the table's widths and the columns shown
    EventsPane *m_eventsPane = nullptr;
    AnswerChangeModel *m_answerChanges = nullptr;
    AnswerChangesPane *m_answerChangesPane = nullptr;
    CachePane *m_cachePane = nullptr;
    PathsPane *m_pathsPane = nullptr;
    AgentLinks *m_agentLinks = nullptr;
    ReadinessBanner *m_banner = nullptr;
    TrayNotifications *m_notifications = nullptr;
    PlaceStateWatch *m_placeWatch = nullptr;
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
