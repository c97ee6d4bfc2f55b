#include "wallview.h"

#include "mainwindow.h"
#include "targetplace.h"
#include "targettablemodel.h"
#include "wallgrid.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QRegion>
#include <QScreen>
#include <QTableView>
#include <QTime>
#include <QVBoxLayout>

#include <numeric>

namespace {
constexpr int Spacing = 8;
constexpr int HeaderPixelSize = 24;

QFont headerFont(const QFont &base, QFont::Weight weight)
{
    QFont font(base);
    font.setPixelSize(HeaderPixelSize);
    font.setWeight(weight);
    return font;
}
} // namespace

WallView::WallView(TargetTableModel *model, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_model(model)
    , m_header(new QWidget(this))
    , m_title(new QLabel(tr("DNS Watch"), m_header))
    , m_readiness(new QLabel(m_header))
    , m_counts(new QLabel(m_header))
    , m_clock(new QLabel(m_header))
    , m_area(new QWidget(this))
{
    setWindowTitle(tr("DNS Watch wall display"));
    setAutoFillBackground(true);
    auto *header = new QHBoxLayout(m_header);
    header->setContentsMargins(Spacing, 0, Spacing, 0);
    header->setSpacing(3 * Spacing);
    m_title->setFont(headerFont(font(), QFont::Bold));
    m_readiness->setFont(headerFont(font(), QFont::Bold));
    m_readiness->setAutoFillBackground(true);
    m_readiness->setContentsMargins(Spacing, Spacing / 2, Spacing, Spacing / 2);
    m_counts->setFont(headerFont(font(), QFont::Normal));
    m_counts->setWordWrap(true); // a long line (German) wraps rather than widen the window
    m_clock->setFont(headerFont(font(), QFont::Bold));
    header->addWidget(m_title);
    header->addWidget(m_readiness);
    header->addWidget(m_counts, 1);
    header->addWidget(m_clock);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(Spacing, Spacing, Spacing, Spacing);
    layout->setSpacing(Spacing);
    layout->addWidget(m_header);
    layout->addWidget(m_area, 1);
    m_area->installEventFilter(this);

    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                refreshRows(topLeft.row(), bottomRight.row());
            });
    // Rows come and go when a place's targets change, or a place goes (it may be half
    // destroyed then): the tiles are made again once the model is done.
    connect(model, &QAbstractItemModel::rowsInserted, this, &WallView::rebuildSoon);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &WallView::rebuildSoon);
    connect(model, &QAbstractItemModel::modelReset, this, &WallView::rebuildSoon);
    connect(model, &QAbstractItemModel::layoutChanged, this, &WallView::rebuildSoon);
    connect(model, &TargetTableModel::placesChanged, this, &WallView::rebuildSoon);
    connect(model, &TargetTableModel::ticked, this, &WallView::refreshAll);
    rebuild();
}

WallView *WallView::showOver(MainWindow *window)
{
    for (WallView *open : window->findChildren<WallView *>()) {
        if (open->isVisible()) { // not one closed and about to go
            open->activateWindow();
            return open;
        }
    }
    auto *wall = new WallView(window->targetModel(), window);
    wall->setAttribute(Qt::WA_DeleteOnClose);
    connect(wall, &WallView::targetChosen, window,
            [window](TargetPlace *place, const QString &target) {
                window->showPlace(QString()); // a place filter could hide it
                window->selectTarget(target, place);
            });
    connect(wall, &WallView::placeChosen, window,
            [window](TargetPlace *place) { window->showPlace(place->name()); });
    connect(wall, &WallView::closed, window, [window] {
        window->activateWindow();
        window->targetView()->setFocus();
    });
    if (const QScreen *screen = window->screen())
        wall->setGeometry(screen->geometry());
    wall->showFullScreen();
    return wall;
}

void WallView::setTargetTileLimit(int limit)
{
    m_limit = limit;
    rebuild();
}

PlaceLine WallView::placeLine() const
{
    return m_model->places().size() > 1 ? PlaceLine::Shown : PlaceLine::Hidden;
}

void WallView::rebuildSoon()
{
    if (m_rebuildPending)
        return;
    m_rebuildPending = true;
    QMetaObject::invokeMethod(this, &WallView::rebuild, Qt::QueuedConnection);
}

void WallView::rebuild()
{
    m_rebuildPending = false;
    const QWidget *focused = focusWidget();
    TargetPlace *focusedPlace = nullptr;
    QString focusedTarget;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.tile == focused) {
            focusedPlace = entry.place;
            focusedTarget = entry.target;
        }
        delete entry.tile;
    }
    m_entries.clear();
    m_mode = m_model->rowCount() > m_limit ? Mode::Places : Mode::Targets;
    if (m_mode == Mode::Targets) {
        for (int row = 0; row < m_model->rowCount(); ++row)
            m_entries.append({m_model->placeAt(row), m_model->targetAt(row), 0, nullptr});
    } else {
        for (TargetPlace *place : m_model->places())
            m_entries.append({place, QString(), 0, nullptr});
    }
    const QHash<const TargetPlace *, LookCounts> counts = placeCounts();
    for (Entry &entry : m_entries) {
        entry.tile = new WallTile(m_area);
        refreshEntry(entry, counts);
        entry.tile->show();
    }
    arrange();
    refreshHeader();
    WallTile *refocus = m_order.isEmpty() ? nullptr : m_entries[m_order.constFirst()].tile;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.place == focusedPlace && entry.target == focusedTarget)
            refocus = entry.tile;
    }
    if (refocus)
        refocus->setFocus();
}

int WallView::entryOfRow(int row) const
{
    if (m_mode == Mode::Targets)
        return row < m_entries.size() ? row : -1;
    const TargetPlace *place = m_model->placeAt(row);
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].place == place)
            return int(i);
    }
    return -1;
}

void WallView::refreshRows(int first, int last)
{
    if (m_rebuildPending) // the rows are not the tiles' any more
        return;
    // A place's tile counts all its targets: counted once for all the rows that changed.
    const QHash<const TargetPlace *, LookCounts> counts = placeCounts();
    bool moved = false;
    int refreshed = -1; // a place's rows come together: its tile once
    QList<const WallTile *> newLooks; // the header's counts change with them
    for (int row = first; row <= last; ++row) {
        const int entry = entryOfRow(row);
        if (entry < 0 || entry == refreshed)
            continue;
        const StateLook before = m_entries[entry].tile->content().look;
        moved = refreshEntry(m_entries[entry], counts) || moved;
        if (m_entries[entry].tile->content().look != before)
            newLooks.append(m_entries[entry].tile);
        refreshed = entry;
    }
    if (moved)
        arrange();
    if (newLooks.isEmpty())
        return;
    refreshHeader();
    // Qt paints an update() on the window's next frame request, paced (5 ms later by default,
    // more on a busy machine); a target changing state is painted now, with the tiles that
    // moved for it and the header.
    QRegion changed;
    for (const WallTile *tile : std::as_const(newLooks))
        changed += tile->geometry();
    m_area->repaint(changed);
}

void WallView::refreshAll()
{
    if (m_rebuildPending)
        return;
    const QHash<const TargetPlace *, LookCounts> counts = placeCounts();
    bool moved = false;
    for (Entry &entry : m_entries)
        moved = refreshEntry(entry, counts) || moved;
    if (moved)
        arrange();
    refreshHeader();
}

QHash<const TargetPlace *, LookCounts> WallView::placeCounts() const
{
    QHash<const TargetPlace *, LookCounts> counts;
    if (m_mode != Mode::Places) // target tiles count nothing
        return counts;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        counts[m_model->placeAt(row)].add(
                stateLook(TargetState(index.data(TargetTableModel::StateRole).toInt())));
    }
    return counts;
}

bool WallView::refreshEntry(Entry &entry, const QHash<const TargetPlace *, LookCounts> &counts)
{
    if (!entry.place) // gone: rebuildSoon() is on its way
        return false;
    WallTileContent content;
    if (m_mode == Mode::Targets) {
        const std::optional<TargetSnapshot> target = entry.place->target(entry.target);
        if (!target)
            return false;
        const int row = int(&entry - m_entries.data()); // an entry a row, in its order
        content = targetTileContent(
                *target, *entry.place, placeLine(),
                m_model->index(row, TargetTableModel::TimeInFallback).data().toString());
    } else {
        content = placeTileContent(*entry.place, counts.value(entry.place));
    }
    entry.tile->setContent(content);
    const int rank = worstFirstRank(content.look);
    const bool moved = rank != entry.rank;
    entry.rank = rank;
    return moved;
}

void WallView::arrange()
{
    m_order.resize(m_entries.size());
    std::iota(m_order.begin(), m_order.end(), 0);
    std::stable_sort(m_order.begin(), m_order.end(),
                     [this](int a, int b) { return m_entries[a].rank < m_entries[b].rank; });
    const WallGrid grid(int(m_order.size()), m_area->rect(), Spacing);
    m_columns = grid.columns();
    for (qsizetype i = 0; i < m_order.size(); ++i)
        m_entries[m_order[i]].tile->setGeometry(grid.cell(int(i)));
}

void WallView::refreshHeader()
{
    LookCounts counts;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        counts.add(stateLook(TargetState(index.data(TargetTableModel::StateRole).toInt()),
                             index.data(TargetTableModel::UnseenRole).toBool() ? Visibility::Unseen
                                                                               : Visibility::Seen));
    }
    qsizetype notReady = 0;
    for (const TargetPlace *place : m_model->places())
        notReady += place->readiness().notReady.size();
    const StatePalette states(palette());
    const StateColors colors = states.colors(notReady > 0 ? StateLook::Down : StateLook::Healthy);
    QPalette pill = m_readiness->palette();
    pill.setColor(QPalette::Window, colors.background);
    pill.setColor(QPalette::WindowText, colors.text);
    m_readiness->setPalette(pill);
    m_readiness->setText(
            notReady > 0 ? tr("Not ready: %n critical target(s) not reachable", "", int(notReady))
                         : tr("Ready"));
    // A long line wraps between the counts, never inside one ("1" above "paused").
    QStringList parts = counts.parts();
    for (QString &part : parts)
        part.replace(QLatin1Char(' '), QChar(0x00a0));
    m_counts->setText(counts.total() > 0 ? parts.join(QStringLiteral(" · ")) : tr("No targets"));
    m_clock->setText(QLocale().toString(QTime::currentTime(), QStringLiteral("HH:mm:ss")));
}

QString WallView::headerText() const
{
    return QStringList{m_title->text(), m_readiness->text(), m_counts->text(), m_clock->text()}.join(
            QStringLiteral(", "));
}

QList<WallTile *> WallView::tiles() const
{
    QList<WallTile *> shown;
    for (const int index : m_order)
        shown.append(m_entries[index].tile);
    return shown;
}

WallTile *WallView::targetTile(const QString &target, const TargetPlace *place) const
{
    for (const Entry &entry : m_entries) {
        if (!entry.target.isEmpty() && entry.target == target && (!place || entry.place == place))
            return entry.tile;
    }
    return nullptr;
}

WallTile *WallView::placeTile(const TargetPlace *place) const
{
    for (const Entry &entry : m_entries) {
        if (entry.target.isEmpty() && entry.place == place)
            return entry.tile;
    }
    return nullptr;
}

void WallView::moveFocus(int columns, int rows)
{
    const QList<WallTile *> shown = tiles();
    if (shown.isEmpty())
        return;
    const int at = int(shown.indexOf(focusWidget()));
    if (at < 0) {
        shown.constFirst()->setFocus();
        return;
    }
    const int column = at % m_columns + columns;
    const int next = at + columns + rows * m_columns;
    if (column < 0 || column >= m_columns || next < 0 || next >= shown.size())
        return; // at an edge
    shown[next]->setFocus();
}

void WallView::choose(const WallTile *tile)
{
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.tile != tile)
            continue;
        if (entry.target.isEmpty())
            Q_EMIT placeChosen(entry.place);
        else
            Q_EMIT targetChosen(entry.place, entry.target);
        close();
        return;
    }
}

void WallView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Escape:
    case Qt::Key_F11:
        close();
        return;
    case Qt::Key_Left:
        moveFocus(-1, 0);
        return;
    case Qt::Key_Right:
        moveFocus(1, 0);
        return;
    case Qt::Key_Up:
        moveFocus(0, -1);
        return;
    case Qt::Key_Down:
        moveFocus(0, 1);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        choose(qobject_cast<const WallTile *>(focusWidget()));
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

bool WallView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_area && event->type() == QEvent::Resize)
        arrange();
    return QWidget::eventFilter(watched, event);
}

void WallView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    arrange(); // the area has its size now
    if (!m_order.isEmpty() && !qobject_cast<WallTile *>(focusWidget()))
        m_entries[m_order.constFirst()].tile->setFocus();
}

void WallView::closeEvent(QCloseEvent *event)
{
    QWidget::closeEvent(event);
    Q_EMIT closed();
}

void WallView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        refreshHeader();
}
