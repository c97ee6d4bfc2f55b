#include "zonesignaturestable.h"

#include "agentconnection.h"
#include "agentplace.h"
#include "probe/zonesignaturewatch.h"
#include "statepalette.h"

#include <QApplication>
#include <QHeaderView>
#include <QLocale>

namespace {

QString levelText(ZoneSignatureStatus::Level level)
{
    switch (level) {
    case ZoneSignatureStatus::Level::Ok:
        return ZoneSignaturesTable::tr("ok");
    case ZoneSignatureStatus::Level::Warning:
        return ZoneSignaturesTable::tr("expiring soon");
    case ZoneSignatureStatus::Level::Expired:
        return ZoneSignaturesTable::tr("expired");
    case ZoneSignatureStatus::Level::Unknown:
        break;
    }
    return ZoneSignaturesTable::tr("unknown");
}

StateLook lookOf(ZoneSignatureStatus::Level level)
{
    switch (level) {
    case ZoneSignatureStatus::Level::Ok:
        return StateLook::Healthy;
    case ZoneSignatureStatus::Level::Warning:
        return StateLook::Degraded;
    case ZoneSignatureStatus::Level::Expired:
        return StateLook::Down;
    case ZoneSignatureStatus::Level::Unknown:
        break;
    }
    return StateLook::Unknown;
}

QString validationText(DnssecValidation validation)
{
    switch (validation) {
    case DnssecValidation::Validated:
        return ZoneSignaturesTable::tr("validated");
    case DnssecValidation::NotValidated:
        return ZoneSignaturesTable::tr("not validated");
    case DnssecValidation::NotAsked:
        break;
    }
    return QStringLiteral("-");
}

QString detailText(const ZoneSignatureStatus &status, bool checked)
{
    if (!checked)
        return ZoneSignaturesTable::tr("not checked yet");
    if (status.level == ZoneSignatureStatus::Level::Warning)
        return ZoneSignaturesTable::tr("under %1 days").arg(status.zone.warnDays);
    return status.detail; // the server's own words when the check failed
}

} // namespace

ZoneSignaturesTable::ZoneSignaturesTable(ZoneSignatureWatch *watch, QWidget *parent)
    : QTableWidget(parent), m_watch(watch)
{
    setColumnCount(ColumnCount);
    setHorizontalHeaderLabels({tr("Zone"), tr("Resolver"), tr("Expires"), tr("Days left"),
                               tr("Level"), tr("Validated"), tr("Detail")});
    setAccessibleName(tr("Zone signatures"));
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setTabKeyNavigation(false);
    verticalHeader()->hide();
    horizontalHeader()->setSectionResizeMode(DetailColumn, QHeaderView::Stretch);
    connect(watch, &ZoneSignatureWatch::checked, this, &ZoneSignaturesTable::refresh);
    refresh();
}

void ZoneSignaturesTable::addAgent(AgentPlace *agent)
{
    m_agents.append(agent);
    connect(agent->connection(), &AgentConnection::statusChanged, this,
            &ZoneSignaturesTable::refresh);
    connect(agent, &QObject::destroyed, this, &ZoneSignaturesTable::refresh, Qt::QueuedConnection);
    refresh();
}

QList<ZoneSignaturesTable::Row> ZoneSignaturesTable::rowsNow()
{
    QList<Row> rows;
    const QList<ZoneSignatureStatus> statuses = m_watch->statuses();
    for (qsizetype i = 0; i < statuses.size(); ++i)
        rows.append({statuses[i], m_watch->wasChecked(i), statuses[i].zone.zone});
    m_agents.removeAll(nullptr);
    for (const QPointer<AgentPlace> &agent : std::as_const(m_agents)) {
        for (const RemoteZone &zone : agent->zones())
            rows.append({zone.status, zone.checked,
                         tr("%1 at %2").arg(zone.status.zone.zone, agent->name())});
    }
    return rows;
}

void ZoneSignaturesTable::refresh()
{
    QList<Row> rows = rowsNow();
    if (rows == m_shown && rowCount() == rows.size())
        return;
    m_shown = std::move(rows);
    setRowCount(int(m_shown.size()));
    for (int row = 0; row < m_shown.size(); ++row)
        fillRow(row, m_shown[row]);
    resizeColumnsToContents();
    Q_EMIT zonesMayHaveChanged();
}

void ZoneSignaturesTable::fillRow(int row, const Row &shown)
{
    const ZoneSignatureStatus &status = shown.status;
    const std::optional<qint64> daysLeft = status.daysLeft();
    const QString expires = status.expiresAt.isValid()
            ? QLocale().toString(status.expiresAt.toLocalTime(), QLocale::ShortFormat)
            : QStringLiteral("-");
    const QStringList cells{shown.who,
                            status.zone.resolver,
                            expires,
                            daysLeft ? QLocale().toString(*daysLeft) : QStringLiteral("-"),
                            levelText(status.level),
                            validationText(status.validation),
                            detailText(status, shown.checked)};
    const QColor levelColor =
            StatePalette(QApplication::palette()).colors(lookOf(status.level)).foreground;
    for (int column = 0; column < cells.size(); ++column) {
        auto *item = new QTableWidgetItem(cells[column]);
        if (column == LevelColumn || column == DaysLeftColumn)
            item->setForeground(levelColor);
        if (column == ExpiresColumn && status.expiresAt.isValid())
            item->setToolTip(status.expiresAt.toString(Qt::ISODate));
        setItem(row, column, item);
    }
}
