#pragma once

#include "config/appconfig.h"
#include "filteredtable.h"

class EventFilterModel;
class EventLogModel;
class QComboBox;

// The event log as a table: searched, narrowed to one kind of event and to one target (its
// state changes and its host's resolver events), and copied as text (the context menu, or the
// copy key while the table has the focus).
class EventsPane : public FilteredTable
{
    Q_OBJECT
public:
    explicit EventsPane(EventLogModel *events, QWidget *parent = nullptr);

    // The targets to choose from. They can change (settings): a chosen target that is still
    // there stays chosen, one that is gone gives way to every target.
    void setTargets(const QList<TargetConfig> &targets);
    void copySelectedEvents(); // one line each, to the clipboard

    QComboBox *kindBox() const { return m_kindBox; }
    QComboBox *targetBox() const { return m_targetBox; }

private:
    void fillKindBox();
    void chooseTarget();

    EventLogModel *m_events;
    EventFilterModel *m_filter;
    QComboBox *m_kindBox;
    QComboBox *m_targetBox;
};
