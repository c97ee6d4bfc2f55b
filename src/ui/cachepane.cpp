#include "cachepane.h"

#include "agentplace.h"
#include "cachetablemodel.h"

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolBar>

CachePane::CachePane(CacheTableModel *cache, Resolver *resolver, QWidget *parent)
    : FilteredTable(tr("Cache entries"),
                    tr("Every cache entry with its state, addresses, TTL left and last failure"),
                    tr("Filter cache entries by host, state or address..."), parent)
    , m_cache(cache)
    , m_resolver(resolver)
    , m_place(new QComboBox(this))
    , m_notice(new QLabel(this))
{
    setModel(cache, new QSortFilterProxyModel(this));
    view()->setSortingEnabled(true);
    view()->horizontalHeader()->setDefaultSectionSize(110);
    auto *clearEntry = new QAction(tr("Clear &entry"), this);
    clearEntry->setToolTip(tr("Forget the selected hosts' cached answers (all resolvers)"));
    connect(clearEntry, &QAction::triggered, this, &CachePane::clearSelectedHosts);
    auto *clearStale = new QAction(tr("Clear &stale"), this);
    clearStale->setToolTip(tr("Forget every expired answer; fresh ones stay"));
    connect(clearStale, &QAction::triggered, this, &CachePane::clearStale);
    auto *clearAll = new QAction(tr("Clear &all..."), this);
    clearAll->setToolTip(tr("Forget the whole cache, stale answers included"));
    connect(clearAll, &QAction::triggered, this, &CachePane::askToClearAll);
    auto *bar = new QToolBar(this);
    bar->addActions({clearEntry, clearStale, clearAll});
    view()->setContextMenuPolicy(Qt::ActionsContextMenu);
    view()->addActions({clearEntry, clearStale, clearAll});
    addToSearchRow(bar);
    m_place->setAccessibleName(tr("Cache of"));
    m_place->setToolTip(tr("Whose cache: this machine's or an agent's"));
    m_place->addItem(tr("this machine"), -1);
    m_place->setVisible(false); // until there are agents
    connect(m_place, &QComboBox::currentIndexChanged, this, &CachePane::onPlaceChosen);
    addToSearchRow(m_place);
    m_notice->setWordWrap(true);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    addToSearchRow(m_notice);
    m_agentPoll.setInterval(AgentPollMs);
    connect(&m_agentPoll, &QTimer::timeout, this, &CachePane::readAgentCache);
}

void CachePane::addAgent(AgentPlace *agent)
{
    const int index = int(m_agents.size());
    m_place->addItem(agent->name(), index);
    m_agents.append(agent);
    m_place->setVisible(true);
    connect(agent, &QObject::destroyed, this,
            [this, index] { m_place->removeItem(m_place->findData(index)); });
}

void CachePane::showCacheOf(const QString &place)
{
    for (int index = 0; index < m_place->count(); ++index) {
        if (place.isEmpty() ? m_place->itemData(index).toInt() < 0
                            : m_place->itemText(index) == place)
            m_place->setCurrentIndex(index);
    }
}

QString CachePane::notice() const { return m_notice->text(); }

AgentPlace *CachePane::chosenAgent() const
{
    const int index = m_place->currentData().toInt();
    return index >= 0 && index < m_agents.size() ? m_agents[index].data() : nullptr;
}

void CachePane::onPlaceChosen()
{
    m_notice->clear();
    if (!chosenAgent()) {
        m_agentPoll.stop();
        m_cache->followResolver();
        return;
    }
    m_cache->showEntries({});
    ++m_readGeneration;
    m_reading = false;
    readAgentCache();
    if (isVisible())
        m_agentPoll.start();
}

void CachePane::showEvent(QShowEvent *event)
{
    FilteredTable::showEvent(event);
    if (chosenAgent()) {
        readAgentCache();
        m_agentPoll.start();
    }
}

void CachePane::hideEvent(QHideEvent *event)
{
    FilteredTable::hideEvent(event);
    m_agentPoll.stop(); // an agent's cache is read only while it is shown
}

void CachePane::readAgentCache()
{
    AgentPlace *agent = chosenAgent();
    if (!agent || m_reading)
        return;
    m_reading = true;
    const quint64 generation = ++m_readGeneration;
    agent->readCache(this,
                     [this, agent, generation](const QList<CacheEntrySnapshot> &entries,
                                               const QString &problem) {
                         m_reading = false;
                         if (agent != chosenAgent() || generation != m_readGeneration)
                             return; // another place was chosen, or the cache cleared, meanwhile
                         m_cache->showEntries(entries);
                         // A read's problem is said until a read succeeds; a clear's outcome stays.
                         if (!problem.isEmpty() || m_noticeIsReadProblem)
                             m_notice->setText(problem);
                         m_noticeIsReadProblem = !problem.isEmpty();
                     });
}

void CachePane::clearAtAgent(AgentPlace *agent, const QString &host, bool staleOnly)
{
    const QString refusal = agent->actionRefusal();
    if (!refusal.isEmpty()) {
        m_notice->setText(refusal);
        return;
    }
    ++m_readGeneration; // a read from before the clear would show what it cleared
    agent->clearCache(host, staleOnly, this, [this](const ActionOutcome &outcome) {
        m_notice->setText(outcome.text);
        m_noticeIsReadProblem = false;
        m_reading = false; // what it shows now is read again, whatever was on its way
        readAgentCache();
    });
}

void CachePane::clearSelectedHosts()
{
    QSet<QString> hosts;
    for (const QModelIndex &index : view()->selectionModel()->selectedRows())
        hosts.insert(index.data(CacheTableModel::HostRole).toString());
    for (const QString &host : hosts) {
        if (AgentPlace *agent = chosenAgent())
            clearAtAgent(agent, host, false);
        else
            m_resolver->clearHost(host);
    }
    m_cache->refresh();
}

void CachePane::clearStale()
{
    if (AgentPlace *agent = chosenAgent())
        return clearAtAgent(agent, QString(), true);
    m_resolver->clearStale();
    m_cache->refresh();
}

void CachePane::askToClearAll()
{
    // Not exec(): the dashboard keeps running while the question is open.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Clear the whole cache?"),
                                tr("Every cached answer goes, stale ones too: while DNS is down, "
                                   "targets then have only their pinned and environment "
                                   "addresses."),
                                QMessageBox::Cancel, this);
    QPushButton *clear = box->addButton(tr("Clear all"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    // The cache shown when asked is the one cleared, whatever is chosen meanwhile.
    const QPointer<AgentPlace> agent = chosenAgent();
    const bool local = !agent;
    connect(box, &QMessageBox::finished, this, [this, box, clear, agent, local] {
        if (box->clickedButton() != clear)
            return;
        if (!local) {
            if (agent)
                clearAtAgent(agent, QString(), false);
            return;
        }
        m_resolver->clearAll();
        m_cache->refresh();
    });
    box->open();
}
