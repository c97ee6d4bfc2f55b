#pragma once

#include "probe/zonesignatures.h"

#include <QPointer>
#include <QString>
#include <QTableWidget>

class AgentPlace;
class ZoneSignatureWatch;

// The zones of "dnssec_zones" as this machine's monitor last checked them: zone, resolver, when
// the earliest RRSIG of its SOA expires, the days left, the level (coloured as target states:
// ok as healthy, expiring as degraded, expired as down), whether the resolver validated, and why
// a check failed. Agents' zones follow this machine's, named "zone at agent".
class ZoneSignaturesTable : public QTableWidget
{
    Q_OBJECT
public:
    enum Column {
        ZoneColumn,
        ResolverColumn,
        ExpiresColumn,
        DaysLeftColumn,
        LevelColumn,
        ValidatedColumn,
        DetailColumn,
        ColumnCount
    };

    explicit ZoneSignaturesTable(ZoneSignatureWatch *watch, QWidget *parent = nullptr);

    // Shows the agent's zones too, as its status gives them, until the agent goes.
    void addAgent(AgentPlace *agent);
    // Whether there is a zone to show: this machine's config or an agent's status has one.
    bool hasZones() const { return rowCount() > 0; }

    void refresh();

Q_SIGNALS:
    void zonesMayHaveChanged(); // refreshed: hasZones() may say otherwise

private:
    struct Row
    {
        ZoneSignatureStatus status;
        bool checked = false;
        QString who; // the zone as its row names it ("signed.test", "signed.test at fra1")

        bool operator==(const Row &other) const = default;
    };
    QList<Row> rowsNow();
    void fillRow(int row, const Row &shown);

    ZoneSignatureWatch *m_watch;
    QList<QPointer<AgentPlace>> m_agents;
    QList<Row> m_shown; // what the table shows: an agent's every status is not a change
};
