#pragma once

#include "filteredtable.h"

#include <QPointer>
#include <QTimer>

class AgentPlace;
class QComboBox;
class QLabel;
class CacheTableModel;
class Resolver;

// The cache inspector: every cached answer (and pin) of this machine's Resolver or, chosen above
// the table, of an agent (read from its API every few seconds), searched, sortable, and cleared
// from the toolbar or the context menu: the selected hosts, every stale answer, or the whole cache
// once the user has said yes. An agent's cache is cleared by the agent, with the operator token.
class CachePane : public FilteredTable
{
    Q_OBJECT
public:
    CachePane(CacheTableModel *cache, Resolver *resolver, QWidget *parent = nullptr);

    void clearSelectedHosts(); // every resolver's answers for them
    void clearStale();
    void askToClearAll(); // the question does not block: the dashboard keeps running
    void addAgent(AgentPlace *agent);
    void showCacheOf(const QString &place); // an agent's name; empty: this machine's
    QString notice() const; // what the last read or clear of an agent said

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    static constexpr int AgentPollMs = 5000;
    AgentPlace *chosenAgent() const; // null: this machine
    void onPlaceChosen();
    void readAgentCache();
    void clearAtAgent(AgentPlace *agent, const QString &host, bool staleOnly);

    CacheTableModel *m_cache;
    Resolver *m_resolver;
    QComboBox *m_place;
    QLabel *m_notice;
    bool m_noticeIsReadProblem = false;
    QList<QPointer<AgentPlace>> m_agents;
    QTimer m_agentPoll; // an agent's cache, read again while it is shown
    bool m_reading = false; // one read of an agent's cache at a time
    quint64 m_readGeneration = 0; // an answer to an older read is dropped
};
