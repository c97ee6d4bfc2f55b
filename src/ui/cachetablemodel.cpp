#include "cachetablemodel.h"

#include "printabletext.h"
#include "words/durationwords.h"
#include "words/localewords.h"
#include "words/machinewords.h"

#include <QLocale>
#include <QSet>

namespace {
// In Column order.
const char *const ColumnTitles[] = {
        QT_TRANSLATE_NOOP("CacheTableModel", "Resolver"),
        QT_TRANSLATE_NOOP("CacheTableModel", "Host"),
        QT_TRANSLATE_NOOP("CacheTableModel", "Record"),
        QT_TRANSLATE_NOOP("CacheTableModel", "State"),
        QT_TRANSLATE_NOOP("CacheTableModel", "Addresses"),
        QT_TRANSLATE_NOOP("CacheTableModel", "TTL left"),
        QT_TRANSLATE_NOOP("CacheTableModel", "Stale since"),
        QT_TRANSLATE_NOOP("CacheTableModel", "Stale until"),
        QT_TRANSLATE_NOOP("CacheTableModel", "Next retry"),
        QT_TRANSLATE_NOOP("CacheTableModel", "Hits"),
        QT_TRANSLATE_NOOP("CacheTableModel", "Last failure"),
};
static_assert(std::size(ColumnTitles) == CacheTableModel::ColumnCount);

} // namespace

CacheTableModel::CacheTableModel(Resolver *resolver, QObject *parent)
    : FlatTableModel(ColumnTitles, parent), m_resolver(resolver)
{
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &CacheTableModel::refresh);
    m_tick.start();
    refresh();
}

QString CacheTableModel::keyOf(const CacheEntrySnapshot &entry)
{
    return entry.resolver + QLatin1Char('|') + entry.host + QLatin1Char('|')
            + recordKindName(entry.kind);
}

void CacheTableModel::refresh()
{
    if (m_followResolver)
        apply(m_resolver->snapshot());
}

void CacheTableModel::showEntries(QList<CacheEntrySnapshot> entries)
{
    m_followResolver = false;
    apply(std::move(entries));
}

void CacheTableModel::followResolver()
{
    m_followResolver = true;
    refresh();
}

void CacheTableModel::apply(QList<CacheEntrySnapshot> next)
{
    std::sort(next.begin(), next.end(), [](const auto &a, const auto &b) {
        return std::tie(a.host, a.resolver, a.kind) < std::tie(b.host, b.resolver, b.kind);
    });
    // Rows come and go one by one (never a reset), so the view keeps its selection and scroll
    // position: first the entries that are gone, then the new ones at their sorted place.
    QSet<QString> nextKeys;
    for (const CacheEntrySnapshot &entry : std::as_const(next))
        nextKeys.insert(keyOf(entry));
    for (int row = int(m_entries.size()) - 1; row >= 0; --row) {
        if (nextKeys.contains(keyOf(m_entries[row])))
            continue;
        beginRemoveRows(QModelIndex(), row, row);
        m_entries.removeAt(row);
        endRemoveRows();
    }
    for (int row = 0; row < next.size(); ++row) {
        if (row < m_entries.size() && keyOf(m_entries[row]) == keyOf(next[row])) {
            m_entries[row] = next[row];
            continue;
        }
        beginInsertRows(QModelIndex(), row, row);
        m_entries.insert(row, next[row]);
        endInsertRows();
    }
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0, State), index(int(m_entries.size()) - 1, ColumnCount - 1),
                           {Qt::DisplayRole});
}

int CacheTableModel::rows() const { return int(m_entries.size()); }

QVariant CacheTableModel::data(const QModelIndex &index, int role) const
{
    if (!isRowIndex(index))
        return QVariant();
    const CacheEntrySnapshot &entry = m_entries[index.row()];
    if (role == HostRole)
        return entry.host;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return QVariant();
    if (role == Qt::ToolTipRole && index.column() == LastFailure)
        return MachineWords::causeExplanation(causeName(entry.lastFailure));
    switch (index.column()) {
    case ResolverName:
        return printable(entry.resolver);
    case Host:
        return printable(entry.host);
    case Record:
        return recordKindName(entry.kind);
    case State:
        return entry.lookupInFlight
                ? tr("%1 (looking up)").arg(MachineWords::cacheState(entry.state))
                : MachineWords::cacheState(entry.state);
    case Addresses:
        return addressStrings(entry.addresses).join(QStringLiteral(", "));
    case TtlLeft:
        return entry.ttlLeftMs ? durationWords((*entry.ttlLeftMs + 999) / 1000) : QString();
    case StaleSince:
        return entry.staleSince ? LocaleWords::timeOrDateTime(*entry.staleSince) : QString();
    case StaleDeadline:
        return entry.staleDeadline ? LocaleWords::timeOrDateTime(*entry.staleDeadline) : QString();
    case NextRetry:
        return entry.nextRetry ? LocaleWords::timeOrDateTime(*entry.nextRetry) : QString();
    case Hits:
        return QLocale().toString(entry.hits);
    case LastFailure:
        return MachineWords::cause(causeName(entry.lastFailure));
    }
    return QVariant();
}
