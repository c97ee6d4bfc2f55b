#include "cachepane.h"

#include "cachetablemodel.h"

#include <QAction>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolBar>

CachePane::CachePane(CacheTableModel *cache, Resolver *resolver, QWidget *parent)
    : FilteredTable(tr("Cache entries"), tr("Filter cache entries by host, state or address..."),
                    parent)
    , m_cache(cache)
    , m_resolver(resolver)
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
}

void CachePane::clearSelectedHosts()
{
    QSet<QString> hosts;
    for (const QModelIndex &index : view()->selectionModel()->selectedRows())
        hosts.insert(index.data(CacheTableModel::HostRole).toString());
    for (const QString &host : hosts)
        m_resolver->clearHost(host);
    m_cache->refresh();
}

void CachePane::clearStale()
{
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
    connect(box, &QMessageBox::finished, this, [this, box, clear] {
        if (box->clickedButton() == clear) {
            m_resolver->clearAll();
            m_cache->refresh();
        }
    });
    box->open();
}
