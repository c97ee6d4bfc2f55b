#include "targettablemodel.h"

#include "printabletext.h"

#include <QApplication>
#include <QColor>
#include <QStyle>

namespace {
// In Column order.
const char *const ColumnTitles[] = {
        QT_TRANSLATE_NOOP("TargetTableModel", "Status"),
        QT_TRANSLATE_NOOP("TargetTableModel", "Target"),
        QT_TRANSLATE_NOOP("TargetTableModel", "Host"),
        QT_TRANSLATE_NOOP("TargetTableModel", "Resolver"),
        QT_TRANSLATE_NOOP("TargetTableModel", "Source"),
        QT_TRANSLATE_NOOP("TargetTableModel", "Addresses"),
        QT_TRANSLATE_NOOP("TargetTableModel", "TTL left"),
        QT_TRANSLATE_NOOP("TargetTableModel", "Success 5 min"),
        QT_TRANSLATE_NOOP("TargetTableModel", "DNS p95"),
        QT_TRANSLATE_NOOP("TargetTableModel", "In fallback"),
        QT_TRANSLATE_NOOP("TargetTableModel", "Last error"),
};
static_assert(std::size(ColumnTitles) == TargetTableModel::ColumnCount);

QString durationText(qint64 ms)
{
    const qint64 s = ms / 1000;
    if (s < 60)
        return QCoreApplication::translate("TargetTableModel", "%1 s").arg(s);
    if (s < 3600)
        return QCoreApplication::translate("TargetTableModel", "%1 min %2 s").arg(s / 60).arg(s % 60);
    return QCoreApplication::translate("TargetTableModel", "%1 h %2 min")
            .arg(s / 3600)
            .arg((s % 3600) / 60);
}

QString stateText(TargetState state)
{
    switch (state) {
    case TargetState::Healthy:
        return QCoreApplication::translate("TargetTableModel", "healthy");
    case TargetState::Degraded:
        return QCoreApplication::translate("TargetTableModel", "degraded");
    case TargetState::Down:
        return QCoreApplication::translate("TargetTableModel", "down");
    case TargetState::Paused:
        return QCoreApplication::translate("TargetTableModel", "paused");
    case TargetState::Unknown:
        break;
    }
    return QCoreApplication::translate("TargetTableModel", "unknown");
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

TargetTableModel::TargetTableModel(Monitor *monitor, QObject *parent)
    : FlatTableModel(ColumnTitles, parent), m_monitor(monitor)
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(250);
    connect(&m_coalesce, &QTimer::timeout, this, &TargetTableModel::flushDirty);
    connect(monitor, &Monitor::resultRecorded, this, [this](const ProbeResult &result) {
        m_dirty.insert(result.target);
        if (!m_coalesce.isActive())
            m_coalesce.start();
    });
    connect(monitor, &Monitor::stateChanged, this, [this](const QString &target) {
        m_dirty.insert(target);
        if (!m_coalesce.isActive())
            m_coalesce.start();
    });
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &TargetTableModel::tick);
    m_tick.start();
    reloadTargets();
}

void TargetTableModel::reloadTargets()
{
    beginResetModel();
    m_rows.clear();
    for (const TargetConfig &target : m_monitor->config().targets) {
        Row row;
        row.target = target;
        refresh(row);
        m_rows.append(row);
    }
    m_dirty.clear();
    endResetModel();
}

void TargetTableModel::refresh(Row &row) const
{
    row.health = m_monitor->statistics()->health(row.target.name);
    row.cache = m_monitor->resolver()->snapshotOf(
            {row.target.host, row.target.resolver, row.target.record});
    row.paused = m_monitor->engine()->scheduler()->isPaused(row.target.name);
}

void TargetTableModel::flushDirty()
{
    for (const QString &target : std::as_const(m_dirty)) {
        const int row = rowOf(target);
        if (row < 0)
            continue;
        refresh(m_rows[row]);
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    m_dirty.clear();
}

void TargetTableModel::tick()
{
    // Without a new result (flushDirty() says those rows whole) a second moves only the state,
    // the TTL countdown, the 5-minute window and the time in fallback: only the cells of what
    // moved are said, so the view repaints those, not the table.
    for (int index = 0; index < int(m_rows.size()); ++index) {
        Row &row = m_rows[index];
        const TargetState stateBefore = row.paused ? TargetState::Paused : row.health.state;
        const std::optional<qint64> ttlBefore = row.cache.ttlLeftMs;
        const qint64 fallbackBefore = row.health.fallbackMs;
        const WindowCounts fiveBefore = row.health.windows[TargetHealth::FiveMinutes];
        refresh(row);
        if (stateBefore != (row.paused ? TargetState::Paused : row.health.state)) {
            Q_EMIT dataChanged(this->index(index, 0), this->index(index, ColumnCount - 1));
            continue;
        }
        const WindowCounts &five = row.health.windows[TargetHealth::FiveMinutes];
        const bool moved[] = {
                ttlBefore != row.cache.ttlLeftMs,
                five.probes != fiveBefore.probes || five.checkOk != fiveBefore.checkOk,
                fallbackBefore != row.health.fallbackMs,
        };
        const int columns[] = {TtlLeft, SuccessFiveMinutes, TimeInFallback};
        int first = ColumnCount;
        int last = -1;
        for (size_t i = 0; i < std::size(columns); ++i) {
            if (moved[i]) {
                first = std::min(first, columns[i]);
                last = std::max(last, columns[i]);
            }
        }
        if (first <= last)
            Q_EMIT dataChanged(this->index(index, first), this->index(index, last));
    }
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

int TargetTableModel::rowOf(const QString &target) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].target.name == target)
            return row;
    }
    return -1;
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
    const TargetState state = row.paused ? TargetState::Paused : row.health.state;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return shown(display(row, index.column()));
    case SortRole:
        return sortValue(row, index.column());
    case TargetNameRole:
        return row.target.name;
    case StateRole:
        return int(state);
    case Qt::DecorationRole:
        if (index.column() == Status)
            return iconFor(state);
        return QVariant();
    case Qt::ForegroundRole:
        if (index.column() == Status && state == TargetState::Down)
            return QColor(0xc0, 0x1c, 0x28);
        if (index.column() == Status && state == TargetState::Degraded)
            return QColor(0xb8, 0x6e, 0x00);
        return QVariant();
    case Qt::ToolTipRole:
        if (index.column() == Status || index.column() == LastError)
            return printable(row.health.stateDetail);
        return QVariant();
    default:
        return QVariant();
    }
}

QVariant TargetTableModel::display(const Row &row, int column) const
{
    const std::optional<ProbeResult> &last = row.health.last;
    switch (column) {
    case Status:
        return stateText(row.paused ? TargetState::Paused : row.health.state);
    case Name:
        return row.target.name;
    case Host:
        return row.target.host;
    case Resolver:
        return row.target.resolver;
    case Source:
        return last ? sourceName(last->resolution.source) : QStringLiteral("-");
    case Addresses:
        return last ? addressStrings(last->resolution.addresses).join(QStringLiteral(", "))
                    : QString();
    case TtlLeft:
        return row.cache.ttlLeftMs ? durationText(*row.cache.ttlLeftMs) : QStringLiteral("-");
    case SuccessFiveMinutes: {
        const WindowCounts &five = row.health.windows[TargetHealth::FiveMinutes];
        return five.probes ? QStringLiteral("%1 %").arg(five.checkRate() * 100, 0, 'f', 1)
                           : QStringLiteral("-");
    }
    case LatencyP95:
        return row.health.dnsLatency.count()
                ? tr("%1 ms").arg(row.health.dnsLatency.quantile(0.95) * 1000, 0, 'f', 1)
                : QStringLiteral("-");
    case LastError:
        if (!last)
            return QString();
        if (last->resolution.cause != FailureCause::None)
            return causeName(last->resolution.cause);
        return last->check.ok ? QString() : last->check.detail;
    case TimeInFallback:
        return row.health.fallbackMs > 0 ? durationText(row.health.fallbackMs) : QString();
    }
    return QVariant();
}

QVariant TargetTableModel::sortValue(const Row &row, int column) const
{
    switch (column) {
    case Status:
        // Worst first when sorted descending: down, degraded, unknown, paused, healthy.
        switch (row.paused ? TargetState::Paused : row.health.state) {
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
        return row.cache.ttlLeftMs.value_or(-1);
    case SuccessFiveMinutes:
        return row.health.windows[TargetHealth::FiveMinutes].checkRate();
    case LatencyP95:
        return row.health.dnsLatency.quantile(0.95);
    case TimeInFallback:
        return row.health.fallbackMs;
    default:
        return display(row, column);
    }
}
