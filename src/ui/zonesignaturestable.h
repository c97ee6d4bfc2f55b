#pragma once

#include <QTableWidget>

class ZoneSignatureWatch;
struct ZoneSignatureStatus;

// The zones of "dnssec_zones" as this machine's monitor last checked them: zone, resolver, when
// the earliest RRSIG of its SOA expires, the days left, the level (coloured as target states:
// ok as healthy, expiring as degraded, expired as down), whether the resolver validated, and why
// a check failed.
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

    void refresh();

private:
    void fillRow(int row, const ZoneSignatureStatus &status, bool checked);

    ZoneSignatureWatch *m_watch;
};
