#include "eventspane.h"

#include "eventfiltermodel.h"
#include "eventlogmodel.h"
#include "words/machinewords.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QSignalBlocker>
#include <QTableView>

namespace {
// Where the target box keeps each target's host, beside its name (the item's data).
constexpr int HostRole = Qt::UserRole + 1;
} // namespace

EventsPane::EventsPane(EventLogModel *events, QWidget *parent)
    : FilteredTable(tr("Events"),
                    tr("The event log, newest first; Ctrl+C copies the selected events"),
                    tr("Filter events by target, host or kind..."), parent)
    , m_events(events)
    , m_filter(new EventFilterModel(this))
{
    setModel(events, m_filter);
    view()->setWordWrap(false);
    auto *copy = new QAction(tr("&Copy events"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &EventsPane::copySelectedEvents);
    view()->setContextMenuPolicy(Qt::ActionsContextMenu);
    view()->addAction(copy);
    view()->setColumnWidth(EventLogModel::Time, 150);
    view()->setColumnWidth(EventLogModel::Kind, 180); // "In Fallback gewechselt" whole
    view()->setColumnWidth(EventLogModel::Subject, 200);
    m_kindBox = new QComboBox(this);
    m_kindBox->setAccessibleName(tr("Events of kind"));
    fillKindBox();
    addToSearchRow(m_kindBox);
    m_targetBox = new QComboBox(this);
    m_targetBox->setAccessibleName(tr("Events of target"));
    m_targetBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_targetBox, &QComboBox::currentIndexChanged, this, &EventsPane::chooseTarget);
    setTargets({});
    addToSearchRow(m_targetBox);
}

void EventsPane::fillKindBox()
{
    m_kindBox->addItem(tr("All kinds"), QString());
    const QStringList kinds = MachineWords::knownEventKinds();
    for (const QString &kind : kinds)
        m_kindBox->addItem(MachineWords::eventKind(kind), kind);
    connect(m_kindBox, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setKind(m_kindBox->currentData().toString()); });
}

void EventsPane::setTargets(const QList<TargetConfig> &targets)
{
    const QString chosen = m_targetBox->currentData().toString();
    const QSignalBlocker quiet(m_targetBox);
    m_targetBox->clear();
    m_targetBox->addItem(tr("All targets"), QString());
    for (const TargetConfig &target : targets) {
        m_targetBox->addItem(target.name, target.name);
        m_targetBox->setItemData(m_targetBox->count() - 1, target.host, HostRole);
    }
    const int index = m_targetBox->findData(chosen);
    m_targetBox->setCurrentIndex(std::max(0, index));
    if (index < 0 && !chosen.isEmpty())
        m_filter->setTarget(QString(), QString()); // the target is gone
}

void EventsPane::chooseTarget()
{
    m_filter->setTarget(m_targetBox->currentData().toString(),
                        m_targetBox->currentData(HostRole).toString());
}

void EventsPane::copySelectedEvents()
{
    QStringList lines;
    for (const QModelIndex &index : view()->selectionModel()->selectedRows())
        lines.append(EventLogModel::asText(m_events->eventAt(m_filter->mapToSource(index).row())));
    if (!lines.isEmpty())
        QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}
