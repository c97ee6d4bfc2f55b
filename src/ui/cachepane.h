#pragma once

#include "filteredtable.h"

class CacheTableModel;
class Resolver;

// The cache inspector: every cached answer (and pin) of a Resolver, searched, sortable, and
// cleared from the toolbar or the context menu: the selected hosts, every stale answer, or the
// whole cache once the user has said yes.
class CachePane : public FilteredTable
{
    Q_OBJECT
public:
    CachePane(CacheTableModel *cache, Resolver *resolver, QWidget *parent = nullptr);

    void clearSelectedHosts(); // every resolver's answers for them
    void clearStale();
    void askToClearAll(); // the question does not block: the dashboard keeps running

private:
    CacheTableModel *m_cache;
    Resolver *m_resolver;
};
