#pragma once

#include "agentplace.h"
#include "charts/chartdata.h"
#include "clock.h"

#include <QObject>
#include <QPointer>

#include <optional>

class CacheCensusBuffer;
class EventLogModel;
class HistoryStore;
class Monitor;
class ProbeHistoryBuffer;

// The window of time the detail pane's charts show, and where its data comes from, without
// widgets. Live mode follows now: new results move the window at most once a second while the
// charts are on screen. Zooming (to between 30 s and 31 days) or panning holds a window, never
// past now, until live is chosen again. A window that starts within the last two hours is served
// from memory (ProbeHistoryBuffer, CacheCensusBuffer, the event log) at once; an older one is read
// from the history off the GUI thread: in live mode at most once a minute, a dragged window once
// it rests, and only the answer to the newest question is drawn. Time comes from the monitor's
// clock, so tests move it with ManualClock.
class ChartWindowController : public QObject
{
    Q_OBJECT
public:
    // Only while the charts are on screen do new results move a live window.
    enum class Visibility { Hidden, Shown };

    ChartWindowController(const Monitor *monitor, const ProbeHistoryBuffer *recent,
                          const CacheCensusBuffer *census, const EventLogModel *events,
                          QObject *parent = nullptr);
    ~ChartWindowController() override;

    void showTarget(const QString &target); // this machine's; empty: all of them
    // A target an agent probes: its buckets come from the agent's history API (no cache state),
    // its fallback markers from the agent's events in the event log.
    void showAgentTarget(AgentPlace *agent, const QString &target);
    AgentPlace *agent() const { return m_agent; }
    void setRangeMs(qint64 rangeMs); // and follow now
    void setHistory(HistoryStore *history);
    // The charts' plot width: buckets are a few pixels wide, so drawing follows the width.
    void setPlotWidth(qreal widthPx);
    void setVisibility(Visibility visibility); // shown again: drawn again

    void followNow();
    void holdWindow(); // the window shown now
    void showWindow(qint64 fromMs, qint64 toMs); // at least 1 s, ending no later than now
    void zoom(qint64 centreMs, double factor); // the span times factor, centreMs staying in place
    void zoomTo(qint64 fromMs, qint64 toMs); // a span chosen on a chart
    void pan(double fraction); // of the shown span; positive goes later
    void redraw(); // the current window's data now (or its history question)

    QString target() const { return m_target; }
    bool isLive() const { return m_live; }
    // Ms since the epoch: what was last handed out to be drawn.
    std::pair<qint64, qint64> shownWindow() const { return m_shown; }

Q_SIGNALS:
    // The charts draw plot over window, and their time axes move to it.
    void plotReady(const ChartPlot &plot, const ChartWindow &window);
    // A held window moved: the time axes move at once, its data follows once it rests.
    void windowMoved(qint64 fromMs, qint64 toMs);
    void liveChanged(bool live);
    void historyAsked(const ChartWindow &window);
    // The newest question to the history was answered; problem is empty when it could be read.
    void historyAnswered(const QString &problem);
    // An agent's answer covers the window only from since (invalid: all of it).
    void coverageChanged(const QDateTime &since);

private:
    qint64 wallNowMs() const;
    ChartWindow currentWindow(qint64 nowMs) const;
    QStringList hostsShown() const;
    void setLive(bool live);
    void redrawSoon();
    void redrawFromMemory(const ChartWindow &window);
    void askHistory(ChartWindow window);
    void askAgent(ChartWindow window);
    void select(AgentPlace *agent, const QString &target); // agent null: this machine
    QList<StoredEvent> eventsShown(qint64 fromMs) const; // of the shown place, newest first
    void present(const ChartPlot &plot, const ChartWindow &window);

    const Monitor *m_monitor;
    Clock *m_clock;
    const ProbeHistoryBuffer *m_recent;
    const CacheCensusBuffer *m_census;
    const EventLogModel *m_events;
    HistoryStore *m_history = nullptr;
    QString m_target;
    QPointer<AgentPlace> m_agent; // the shown target's agent; null: this machine
    bool m_agentAsking = false; // a history question to the agent is on its way
    bool m_agentAskAgain = false; // the window moved while it was: ask again on its answer
    qint64 m_rangeMs = 5 * 60'000;
    bool m_live = true;
    Visibility m_visibility = Visibility::Hidden;
    std::pair<qint64, qint64> m_held; // when not live
    std::pair<qint64, qint64> m_shown;
    int m_bucketCount;
    quint64 m_historyRequest = 0; // an answer to an older one is dropped
    std::optional<qint64> m_lastHistoryQueryMs; // Clock::nowMs(): live views ask once a minute
    Clock::TimerId m_redrawSoon = 0;
    Clock::TimerId m_windowSettle = 0; // a drag asks the history once it rests
};
