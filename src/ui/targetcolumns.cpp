#include "targetcolumns.h"

#include "heartbeatdelegate.h"
#include "probe/recentprobes.h"
#include "targettablemodel.h"
#include "words/durationwords.h"
#include "words/localewords.h"
#include "words/machinewords.h"

#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QMenu>
#include <QMouseEvent>
#include <QScrollBar>
#include <QSettings>
#include <QTableView>

#include <array>

namespace {
// The columns that share what the others leave, each with its share and the least it is given.
struct Share
{
    int column;
    int percent;
    int least;
};
constexpr std::array<Share, 3> Shared = {Share{TargetTableModel::Host, 40, 140},
                                         Share{TargetTableModel::Addresses, 25, 110},
                                         Share{TargetTableModel::LastError, 35, 140}};

constexpr int Narrowest = 60;

// Left out first when the table is narrow; the others are always there (unless the user hides
// them).
constexpr std::array<int, 4> DroppedFirst = {TargetTableModel::LatencyP95,
                                             TargetTableModel::Resolver, TargetTableModel::TtlLeft,
                                             TargetTableModel::TimeInFallback};

bool isShared(int column)
{
    return std::any_of(Shared.cbegin(), Shared.cend(),
                       [column](const Share &share) { return share.column == column; });
}

// Shown whatever the user chooses: without them a row says nothing.
bool isAlwaysShown(int column)
{
    return column == TargetTableModel::Status || column == TargetTableModel::Name
            || column == TargetTableModel::Place; // the Agent column follows the agents
}

// The settings keys name the number of columns: a state saved with other columns is not taken.
QString stateKey()
{
    return QStringLiteral("window/targetColumns%1").arg(TargetTableModel::ColumnCount);
}
QString chosenKey()
{
    return QStringLiteral("window/targetColumnsChosen%1").arg(TargetTableModel::ColumnCount);
}
} // namespace

TargetColumns::TargetColumns(QTableView *view, TargetTableModel *model, QObject *parent)
    : QObject(parent), m_view(view), m_model(model)
{
    setInitialWidths();
    m_view->setColumnHidden(TargetTableModel::Place, true);
    buildMenu();
    QHeaderView *header = m_view->horizontalHeader();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this,
            [this, header](const QPoint &at) { m_menu->popup(header->mapToGlobal(at)); });
    // A column widened or narrowed by hand is the user's choice; the view's own resizing is not.
    connect(header, &QHeaderView::sectionResized, this, [this] {
        if (!m_fitting && m_pressedOnHeader)
            choose();
    });
    header->viewport()->installEventFilter(this);
    m_view->viewport()->installEventFilter(this);
}

void TargetColumns::setInitialWidths()
{
    // Widths set once from the longest value each short column takes (ResizeToContents would
    // measure every row at every update: a stall with hundreds of targets).
    QHeaderView *header = m_view->horizontalHeader();
    header->setMinimumSectionSize(32); // the style's default (about 100 px) would widen most
    const QFontMetrics metrics(m_view->font());
    const auto fitTo = [&](int column, const QString &longest, int extra = 24) {
        const int title = metrics.horizontalAdvance(
                m_model->headerData(column, Qt::Horizontal).toString());
        header->resizeSection(column, std::max(title, metrics.horizontalAdvance(longest)) + extra);
    };
    // The words as the table will show them (in the language in use): the longest of each.
    const auto longest = [&metrics](const QStringList &texts) {
        return *std::max_element(
                texts.cbegin(), texts.cend(), [&](const QString &a, const QString &b) {
                    return metrics.horizontalAdvance(a) < metrics.horizontalAdvance(b);
                });
    };
    fitTo(TargetTableModel::Status,
          longest({MachineWords::state(TargetState::Healthy),
                   MachineWords::state(TargetState::Degraded),
                   MachineWords::state(TargetState::Down), MachineWords::state(TargetState::Paused),
                   MachineWords::state(TargetState::Unknown)}),
          44); // the icon too
    fitTo(TargetTableModel::Source,
          longest({MachineWords::source(QStringLiteral("fresh")),
                   MachineWords::source(QStringLiteral("cache")),
                   MachineWords::source(QStringLiteral("stale")),
                   MachineWords::source(QStringLiteral("pinned")),
                   MachineWords::source(QStringLiteral("env"))}));
    fitTo(TargetTableModel::TtlLeft, durationWords(59 * 60 + 59));
    fitTo(TargetTableModel::DnsSuccess, LocaleWords::percent(1.0));
    fitTo(TargetTableModel::ServiceSuccess, LocaleWords::percent(1.0));
    const int strip = RecentProbes::Kept * (HeartbeatDelegate::CellWidth + HeartbeatDelegate::Gap)
            + 2 * HeartbeatDelegate::Padding;
    fitTo(TargetTableModel::Recent, QString());
    header->resizeSection(TargetTableModel::Recent,
                          std::max(header->sectionSize(TargetTableModel::Recent), strip));
    fitTo(TargetTableModel::LatencyP95, LocaleWords::milliseconds(9999.9));
    fitTo(TargetTableModel::TimeInFallback, durationWords(99 * 3600 + 59 * 60));
    header->resizeSection(TargetTableModel::Place, 110);
    header->resizeSection(TargetTableModel::Name, 110);
    for (const Share &share : Shared) // until the view has a width: fit()
        header->resizeSection(share.column, share.least);
}

void TargetColumns::buildMenu()
{
    m_menu = new QMenu(tr("&Columns"), m_view);
    m_menu->setObjectName(QStringLiteral("columnsMenu"));
    for (int column = 0; column < TargetTableModel::ColumnCount; ++column) {
        if (isAlwaysShown(column))
            continue;
        QAction *entry = m_menu->addAction(m_model->headerData(column, Qt::Horizontal).toString());
        entry->setCheckable(true);
        entry->setData(column);
        entry->setToolTip(m_model->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString());
        connect(entry, &QAction::toggled, this, [this, column](bool shown) {
            if (m_fitting || m_view->isColumnHidden(column) != shown)
                return; // the menu catching up with the table
            m_view->setColumnHidden(column, !shown);
            choose();
        });
    }
    m_menu->addSeparator();
    m_fitAction = m_menu->addAction(tr("&Fit columns to the window"), this, [this] {
        m_chosen = false;
        m_fitAction->setEnabled(false);
        m_fitting = true; // our resizing, not the user's
        for (int column = 0; column < TargetTableModel::ColumnCount; ++column) {
            if (!isAlwaysShown(column))
                m_view->setColumnHidden(column, false);
        }
        setInitialWidths();
        m_fitting = false;
        fit();
    });
    m_fitAction->setObjectName(QStringLiteral("fitColumnsAction"));
    m_fitAction->setStatusTip(
            tr("Show the columns that fit, sized to the window, as when first started"));
    m_fitAction->setEnabled(false);
    // The entries say what the table shows when the menu opens.
    connect(m_menu, &QMenu::aboutToShow, this, [this] {
        m_fitting = true;
        for (QAction *entry : m_menu->actions()) {
            if (entry->isCheckable())
                entry->setChecked(!m_view->isColumnHidden(entry->data().toInt()));
        }
        m_fitting = false;
    });
}

void TargetColumns::choose()
{
    m_chosen = true;
    m_fitAction->setEnabled(true);
}

void TargetColumns::restore()
{
    const QSettings settings;
    if (!settings.value(chosenKey()).toBool())
        return;
    m_fitting = true;
    m_chosen = m_view->horizontalHeader()->restoreState(settings.value(stateKey()).toByteArray());
    m_view->setColumnHidden(TargetTableModel::Place, !m_placeShown);
    m_fitting = false;
    m_fitAction->setEnabled(m_chosen);
}

void TargetColumns::save() const
{
    QSettings settings;
    settings.setValue(chosenKey(), m_chosen);
    if (m_chosen)
        settings.setValue(stateKey(), m_view->horizontalHeader()->saveState());
    else
        settings.remove(stateKey());
}

void TargetColumns::setPlaceShown(bool shown)
{
    if (m_placeShown == shown)
        return;
    m_placeShown = shown;
    m_view->setColumnHidden(TargetTableModel::Place, !shown);
    fit();
}

int TargetColumns::fixedWidth() const
{
    const QHeaderView *header = m_view->horizontalHeader();
    int fixed = 0;
    for (int column = 0; column < TargetTableModel::ColumnCount; ++column) {
        if (!isShared(column) && !header->isSectionHidden(column))
            fixed += header->sectionSize(column);
    }
    return fixed;
}

void TargetColumns::fit()
{
    if (m_chosen || m_view->viewport()->width() <= 0)
        return;
    m_fitting = true;
    QHeaderView *header = m_view->horizontalHeader();
    // Less a scroll bar's width: one comes with more rows than fit.
    const int width = m_view->viewport()->width()
            - (m_view->verticalScrollBar()->isVisible()
                       ? 0
                       : m_view->verticalScrollBar()->sizeHint().width());
    int least = 0;
    for (const Share &share : Shared)
        least += share.least;
    for (const int column : DroppedFirst)
        m_view->setColumnHidden(column, false);
    for (auto dropped = DroppedFirst.cbegin();
         dropped != DroppedFirst.cend() && fixedWidth() + least > width; ++dropped)
        m_view->setColumnHidden(*dropped, true);
    // Narrower still: the shared columns share what there is, their text elided (the tooltips
    // have it whole), down to a width that still shows a few letters.
    const int room = std::max(0, width - fixedWidth());
    const bool roomy = room >= least;
    for (const Share &share : Shared)
        header->resizeSection(share.column,
                              std::max(roomy ? share.least : Narrowest, room * share.percent / 100));
    m_fitting = false;
}

bool TargetColumns::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport()) {
        if (event->type() == QEvent::Resize)
            fit();
        return false;
    }
    // On the header: a drag or a double click on a section's edge with the left button is the
    // user's. Any other press (the right one opens the Columns menu, which takes the release)
    // ends it too.
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
        m_pressedOnHeader = static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton;
        break;
    case QEvent::MouseButtonRelease:
    case QEvent::ContextMenu:
        m_pressedOnHeader = false;
        break;
    default:
        break;
    }
    return false;
}
