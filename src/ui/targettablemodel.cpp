#include "targettablemodel.h"

#include "printabletext.h"
#include "statepalette.h"
#include "words/durationwords.h"
#include "words/extendederrorwords.h"
#include "words/localewords.h"
#include "words/machinewords.h"
#include "words/soacheckwords.h"
#include "words/statesentence.h"

#include <QLocale>
#include <QPalette>

#include <QApplication>
#include <QColor>
#include <QStyle>

namespace {
// In Column order.
const char *const ColumnTitles[] = {
        QT_TRANSLATE_NOOP("TargetTableModel", "Status"),
        QT_TRANSLATE_NOOP("TargetTableModel", "Agent"),
        QT_TRANSLATE_NOOP("TargetTableModel", "Target"),
        QT_TRANSLATE_NOOP("TargetTableModel", "Host"),
        QT_TRANSLATE_NOOP("TargetTableModel", "Resolver"),
        QT_TRANSLATE_NOOP("TargetTableModel", "Source"),
        QT_TRANSLATE_NOOP("TargetTableModel", "Addresses"),
        QT_TRANSLATE_NOOP("TargetTableModel", "TTL left"),
        QT_TRANSLATE_NOOP("TargetTableModel", "DNS success"),
        QT_TRANSLATE_NOOP("TargetTableModel", "Service success"),
        QT_TRANSLATE_NOOP("TargetTableModel", "Last probes"),
        QT_TRANSLATE_NOOP("TargetTableModel", "DNS p95"),
        QT_TRANSLATE_NOOP("TargetTableModel", "In fallback"),
        QT_TRANSLATE_NOOP("TargetTableModel", "Last error"),
};
static_assert(std::size(ColumnTitles) == TargetTableModel::ColumnCount);

// What each column measures, as its header's tooltip; in Column order.
const char *const ColumnToolTips[] = {
        QT_TRANSLATE_NOOP("TargetTableModel",
                          "The target's state: healthy, degraded (reachable only through a "
                          "fallback, or the service failing), down or paused"),
        QT_TRANSLATE_NOOP("TargetTableModel",
                          "Where the target is probed: this machine or an agent"),
        QT_TRANSLATE_NOOP("TargetTableModel", "The target's name in the configuration"),
        QT_TRANSLATE_NOOP("TargetTableModel", "The host name that is resolved"),
        QT_TRANSLATE_NOOP("TargetTableModel", "The resolver that resolves the host"),
        QT_TRANSLATE_NOOP("TargetTableModel",
                          "Where the last probe's addresses came from: a live answer, the cache, "
                          "a stale answer past its TTL, pinned addresses or the environment's"),
        QT_TRANSLATE_NOOP("TargetTableModel", "The addresses the last probe used"),
        QT_TRANSLATE_NOOP("TargetTableModel", "Time until the cached answer expires"),
        QT_TRANSLATE_NOOP("TargetTableModel",
                          "Share of the probes in the last 5 minutes whose name was answered by "
                          "DNS (live or from the cache), not by a fallback"),
        QT_TRANSLATE_NOOP("TargetTableModel",
                          "Share of the probes in the last 5 minutes whose service check "
                          "succeeded"),
        QT_TRANSLATE_NOOP("TargetTableModel",
                          "The last 30 probes, oldest left: green when DNS answered (live or "
                          "cached), amber stale, purple pinned, blue the environment's fallback, "
                          "red no address; a dark lower part: the service did not answer. Hover "
                          "a cell for its probe."),
        QT_TRANSLATE_NOOP("TargetTableModel",
                          "95th percentile of the DNS lookup time since the start"),
        QT_TRANSLATE_NOOP("TargetTableModel",
                          "Time the target has been reachable only through a fallback"),
        QT_TRANSLATE_NOOP("TargetTableModel", "Why the last lookup or service check failed"),
};
static_assert(std::size(ColumnToolTips) == TargetTableModel::ColumnCount);

int dnsAnswered(const QList<ProbeMark> &marks)
{
    return int(std::count_if(marks.cbegin(), marks.cend(),
                             [](const ProbeMark &mark) { return mark.dnsAnswered(); }));
}

double dnsAnsweredShare(const QList<ProbeMark> &marks)
{
    return marks.isEmpty() ? -1.0 : double(dnsAnswered(marks)) / double(marks.size());
}

// The heartbeat strip in words, for screen readers and the text copy of the table.
QString recentText(const QList<ProbeMark> &marks)
{
    if (marks.isEmpty())
        return QStringLiteral("-");
    return QCoreApplication::translate("TargetTableModel", "DNS answered %1 of the last %n probes",
                                       nullptr, int(marks.size()))
            .arg(dnsAnswered(marks));
}

// A rate (0..1) as a percentage in the locale's format; "-" before the first probe.
QString percentText(std::optional<double> rate)
{
    return rate ? LocaleWords::percent(*rate) : QStringLiteral("-");
}

QStyle::StandardPixmap stateIcon(TargetState state)
{
    switch (state) {
    case TargetState::Healthy:
        return QStyle::SP_DialogApplyButton;
    case TargetState::Degraded:
        return QStyle::SP_MessageBoxWarning;
    case TargetState::Down:
        return QStyle::SP_MessageBoxCritical;
    case TargetState::Paused:
        return QStyle::SP_MediaPause;
    case TargetState::Unknown:
        break;
    }
    return QStyle::SP_MessageBoxQuestion;
}

} // namespace

TargetTableModel::TargetTableModel(QObject *parent)
    : FlatTableModel(ColumnTitles, parent, ColumnToolTips)
{
    m_age.start();
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(250);
    connect(&m_coalesce, &QTimer::timeout, this, &TargetTableModel::flushDirty);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &TargetTableModel::tick);
    m_tick.start();
}

void TargetTableModel::addPlace(TargetPlace *place)
{
    m_places.append(place);
    connect(place, &TargetPlace::targetChanged, this,
            [this, place](const QString &target) { markDirty(place, target); });
    connect(place, &TargetPlace::targetsChanged, this,
            [this, place] { markDirty(place, QString()); });
    connect(place, &QObject::destroyed, this, [this, place] { removePlace(place); });
    replaceBlock(place, place->targets());
    Q_EMIT placesChanged();
}

void TargetTableModel::removePlace(TargetPlace *place)
{
    if (!m_places.contains(place))
        return;
    replaceBlock(place, {});
    m_places.removeOne(place);
    m_dirtyPlaces.remove(place);
    disconnect(place, nullptr, this, nullptr);
    Q_EMIT placesChanged();
}

void TargetTableModel::reloadTargets()
{
    for (TargetPlace *place : std::as_const(m_places))
        replaceBlock(place, place->targets());
    m_dirtyTargets.clear();
    m_dirtyPlaces.clear();
}

void TargetTableModel::markDirty(TargetPlace *place, const QString &target)
{
    if (target.isEmpty())
        m_dirtyPlaces.insert(place);
    else
        m_dirtyTargets.insert({place, target});
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

std::pair<int, int> TargetTableModel::blockOf(const TargetPlace *place) const
{
    // A place's rows are one block, the blocks in the order of m_places.
    int first = 0;
    while (first < m_rows.size() && m_rows[first].place != place)
        ++first;
    int count = 0;
    while (first + count < m_rows.size() && m_rows[first + count].place == place)
        ++count;
    if (count == 0) {
        // No rows yet: the block starts after the rows of the places added before it.
        first = 0;
        for (const TargetPlace *before : m_places) {
            if (before == place)
                break;
            while (first < m_rows.size() && m_rows[first].place == before)
                ++first;
        }
    }
    return {first, count};
}

void TargetTableModel::replaceBlock(TargetPlace *place, const QList<TargetSnapshot> &targets)
{
    const auto [first, count] = blockOf(place);
    if (count > 0) {
        beginRemoveRows(QModelIndex(), first, first + count - 1);
        m_rows.remove(first, count);
        endRemoveRows();
    }
    if (targets.isEmpty())
        return;
    beginInsertRows(QModelIndex(), first, first + int(targets.size()) - 1);
    QList<Row> block;
    block.reserve(targets.size());
    const bool unseen = place->unreachableSince().isValid();
    for (const TargetSnapshot &target : targets)
        block.append(Row{place, target, m_age.elapsed(), unseen});
    m_rows.insert(first, targets.size(), Row());
    std::copy(block.cbegin(), block.cend(), m_rows.begin() + first);
    endInsertRows();
}

bool TargetTableModel::onlyTheTtlMoved(const TargetSnapshot &before, const TargetSnapshot &after)
{
    if (before.ttlSeconds == after.ttlSeconds)
        return false;
    TargetSnapshot same = before;
    same.ttlSeconds = after.ttlSeconds;
    return same == after;
}

bool TargetTableModel::refreshRow(int index, const TargetSnapshot &snapshot)
{
    Row &row = m_rows[index];
    if (row.target == snapshot) // the same: only a remote TTL counts down on its own
        return !row.place->isLocal() && row.target.ttlSeconds.has_value();
    if (onlyTheTtlMoved(row.target, snapshot)) {
        // Most rows, most seconds: said with the place's countdown range, no cell compared.
        row.target.ttlSeconds = snapshot.ttlSeconds;
        row.takenMs = m_age.elapsed();
        return true;
    }
    const Row before = row;
    row.target = snapshot;
    row.takenMs = m_age.elapsed();
    if (before.target.state != snapshot.state) {
        Q_EMIT dataChanged(this->index(index, 0), this->index(index, ColumnCount - 1));
        return false;
    }
    // Only the cells that moved are said, so the view repaints those, not the row.
    int first = ColumnCount;
    int last = -1;
    for (int column = 0; column < ColumnCount; ++column) {
        // The strip's words stay the same when its cells move along ("28 of the last 30").
        const bool moved = column == Recent ? before.target.recent != row.target.recent
                                            : display(before, column) != display(row, column);
        if (moved) {
            first = std::min(first, column);
            last = std::max(last, column);
        }
    }
    if (first <= last)
        Q_EMIT dataChanged(this->index(index, first), this->index(index, last));
    return false;
}

void TargetTableModel::refreshPlace(TargetPlace *place)
{
    const QList<TargetSnapshot> targets = place->targets();
    const auto [first, count] = blockOf(place);
    bool same = count == targets.size();
    for (int i = 0; same && i < count; ++i)
        same = m_rows[first + i].target.name == targets[i].name;
    if (!same) {
        replaceBlock(place, targets);
        return;
    }
    // The place stopped or started answering: every row of it is greyed or not, each cell.
    const bool unseen = place->unreachableSince().isValid();
    if (count > 0 && m_rows[first].unseen != unseen) {
        for (int i = 0; i < count; ++i)
            m_rows[first + i].unseen = unseen;
        Q_EMIT dataChanged(index(first, 0), index(first + count - 1, ColumnCount - 1));
    }
    // The TTLs counting down are said as one range, not one signal a row (a view repaints the
    // visible part of it).
    int countingFrom = -1, countingTo = -1;
    for (int i = 0; i < count; ++i) {
        if (refreshRow(first + i, targets[i])) {
            countingFrom = countingFrom < 0 ? first + i : countingFrom;
            countingTo = first + i;
        }
    }
    if (countingFrom >= 0)
        Q_EMIT dataChanged(index(countingFrom, TtlLeft), index(countingTo, TtlLeft));
}

void TargetTableModel::flushDirty()
{
    for (TargetPlace *place : std::as_const(m_dirtyPlaces))
        refreshPlace(place);
    for (const auto &[place, target] : std::as_const(m_dirtyTargets)) {
        if (m_dirtyPlaces.contains(place))
            continue;
        const int row = rowOf(target, place);
        if (row < 0)
            continue;
        if (const std::optional<TargetSnapshot> snapshot = place->target(target))
            if (refreshRow(row, *snapshot)) // only its TTL moved: that cell
                Q_EMIT dataChanged(index(row, TtlLeft), index(row, TtlLeft));
    }
    m_dirtyPlaces.clear();
    m_dirtyTargets.clear();
}

void TargetTableModel::tick()
{
    // Without a new result a second moves only the state, the TTL countdown, the 5-minute
    // window and the time in fallback; refreshRow() says only the cells that moved.
    for (TargetPlace *place : std::as_const(m_places))
        refreshPlace(place);
    Q_EMIT ticked();
}

QIcon TargetTableModel::iconFor(TargetState state) const
{
    // A new QIcon from the style decodes its PNGs again when painted: every visible row, each
    // second, was most of the table's paint. Made again when the style changes.
    if (m_iconStyle != QApplication::style()) {
        m_stateIcons.clear();
        m_iconStyle = QApplication::style();
    }
    auto found = m_stateIcons.find(int(state));
    if (found == m_stateIcons.end())
        found = m_stateIcons.insert(int(state),
                                    QApplication::style()->standardIcon(stateIcon(state)));
    return *found;
}

int TargetTableModel::rows() const { return int(m_rows.size()); }

QString TargetTableModel::targetAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].target.name : QString();
}

TargetPlace *TargetTableModel::placeAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].place : nullptr;
}

int TargetTableModel::rowOf(const QString &target, const TargetPlace *place) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].target.name == target && (!place || m_rows[row].place == place))
            return row;
    }
    return -1;
}

bool TargetTableModel::unseen(const Row &row) const { return row.unseen; }

std::optional<qint64> TargetTableModel::ttlLeftSeconds(const Row &row) const
{
    if (!row.target.ttlSeconds)
        return std::nullopt;
    return std::max<qint64>(0, *row.target.ttlSeconds - (m_age.elapsed() - row.takenMs) / 1000);
}

// Names, errors and details come from the network and the config: shown, never obeyed (a bidi
// override would reorder the cell, a line break split it).
QVariant TargetTableModel::shown(const QVariant &value)
{
    return value.typeId() == QMetaType::QString ? QVariant(printable(value.toString())) : value;
}

QVariant TargetTableModel::data(const QModelIndex &index, int role) const
{
    if (!isRowIndex(index))
        return QVariant();
    const Row &row = m_rows[index.row()];
    const TargetState state = row.target.state;
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == Recent)
            return QVariant(); // painted as cells
        return shown(display(row, index.column()));
    case Qt::AccessibleTextRole:
        return shown(display(row, index.column()));
    case RecentProbesRole:
        return QVariant::fromValue(row.target.recent);
    case SortRole:
        return sortValue(row, index.column());
    case TargetNameRole:
        return row.target.name;
    case PlaceNameRole:
        return row.place->name();
    case StateRole:
        return int(state);
    case UnseenRole:
        return unseen(row);
    case Qt::DecorationRole:
        if (index.column() == Status && unseen(row)) // greyed as the row: not what is true now
            return iconFor(state).pixmap(QSize(16, 16), QIcon::Disabled);
        if (index.column() == Status)
            return iconFor(state);
        if (index.column() == Place && unseen(row))
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return QVariant();
    case Qt::ForegroundRole:
        if (unseen(row)) // its last known state, not what is true now
            return StatePalette(QApplication::palette()).colors(StateLook::Unseen).foreground;
        if (index.column() == Status)
            return StatePalette(QApplication::palette()).colors(stateLook(state)).foreground;
        return QVariant();
    case Qt::ToolTipRole:
        return toolTip(row, index.column());
    default:
        return QVariant();
    }
}

QString TargetTableModel::toolTip(const Row &row, int column) const
{
    if (unseen(row)) {
        return tr("%1 has not answered since %2 (%3). Shown: the last state it reported.")
                .arg(printable(row.place->name()),
                     QLocale().toString(row.place->unreachableSince().toLocalTime(),
                                        QLocale::ShortFormat),
                     printable(row.place->problem()));
    }
    if (column == LastError && !row.target.extendedErrors.isEmpty())
        return tr("%1\nThe server's reason: %2")
                .arg(printable(stateSentence(row.target)),
                     ExtendedErrorWords::describe(row.target.extendedErrors));
    if (column == Status || column == LastError)
        return printable(stateSentence(row.target));
    if (column == Source)
        return MachineWords::sourceExplanation(row.target.source);
    if (column == Addresses && row.target.validated)
        return *row.target.validated
                ? tr("DNSSEC: the resolver validated these addresses (AD flag)")
                : tr("DNSSEC: the resolver did not validate these addresses (no AD flag)");
    if (column == DnsSuccess)
        return tr("Last 5 minutes: %1\nLast hour: %2")
                .arg(percentText(row.target.dnsSuccessFiveMinutes),
                     percentText(row.target.dnsSuccessOneHour));
    if (column == ServiceSuccess)
        return tr("Last 5 minutes: %1\nLast hour: %2")
                .arg(percentText(row.target.checkSuccessFiveMinutes),
                     percentText(row.target.checkSuccessOneHour));
    return QString();
}

QVariant TargetTableModel::display(const Row &row, int column) const
{
    const TargetSnapshot &target = row.target;
    const bool probed = target.lastProbe.isValid();
    switch (column) {
    case Status:
        return MachineWords::state(target.state);
    case Place:
        return row.place->name(); // with a warning sign while it does not answer
    case Name:
        return target.name;
    case Host:
        return target.host;
    case Resolver:
        return target.resolver;
    case Source:
        return target.source.isEmpty() || target.source == QLatin1String("none")
                ? QStringLiteral("-")
                : MachineWords::source(target.source);
    case Addresses:
        return target.addresses.join(QStringLiteral(", "));
    case TtlLeft: {
        const std::optional<qint64> ttl = ttlLeftSeconds(row);
        return ttl ? durationWords(*ttl) : QStringLiteral("-");
    }
    case DnsSuccess:
        return percentText(target.dnsSuccessFiveMinutes);
    case ServiceSuccess:
        return percentText(target.checkSuccessFiveMinutes);
    case Recent:
        return recentText(target.recent);
    case LatencyP95:
        return probed ? LocaleWords::milliseconds(target.dnsLatencyP95Ms) : QStringLiteral("-");
    case LastError:
        if (!target.error.isEmpty() && !target.extendedErrors.isEmpty())
            return tr("%1 · %2").arg(MachineWords::cause(target.error),
                                     ExtendedErrorWords::describe(target.extendedErrors));
        if (!target.error.isEmpty())
            return MachineWords::cause(target.error);
        return target.checkOk == false
                ? MachineWords::checkResult(false, SoaCheckWords::checkDetail(target))
                : QString();
    case TimeInFallback:
        return target.fallbackSeconds > 0 ? durationWords(qint64(target.fallbackSeconds))
                                          : QString();
    }
    return QVariant();
}

QVariant TargetTableModel::sortValue(const Row &row, int column) const
{
    switch (column) {
    case Status:
        // Worst first when sorted descending: down, degraded, unknown, paused, healthy.
        switch (row.target.state) {
        case TargetState::Down:
            return 4;
        case TargetState::Degraded:
            return 3;
        case TargetState::Unknown:
            return 2;
        case TargetState::Paused:
            return 1;
        case TargetState::Healthy:
            return 0;
        }
        return 0;
    case TtlLeft:
        return ttlLeftSeconds(row).value_or(-1);
    case DnsSuccess:
        return row.target.dnsSuccessFiveMinutes.value_or(-1);
    case ServiceSuccess:
        return row.target.checkSuccessFiveMinutes.value_or(-1);
    case Recent: // the share DNS answered, then how many there are
        return dnsAnsweredShare(row.target.recent);
    case LatencyP95:
        return row.target.dnsLatencyP95Ms;
    case TimeInFallback:
        return row.target.fallbackSeconds;
    default:
        return display(row, column);
    }
}
