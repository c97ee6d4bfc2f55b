#pragma once

#include <QString>
#include <QWidget>

class Monitor;
class QLabel;
class QTableWidget;
class ZoneSignaturesTable;
struct ProbeResult;

// A target's compared paths side by side (this machine's targets): each resolver's answer, TTL
// left, latency and source from the last probe, and whether they agree. Below them, when the
// config watches zones ("dnssec_zones"), the zones' signatures (ZoneSignaturesTable).
class PathsPane : public QWidget
{
    Q_OBJECT
public:
    explicit PathsPane(Monitor *monitor, QWidget *parent = nullptr);

    // The target to show; empty: none (an agent's target, or nothing picked).
    void showTarget(const QString &target);
    QTableWidget *table() const { return m_table; }
    QLabel *verdict() const { return m_verdict; }
    ZoneSignaturesTable *zones() const { return m_zones; }

private:
    void refresh();
    void showZonesWhenWatched();

    Monitor *m_monitor;
    QString m_target;
    QLabel *m_verdict;
    QTableWidget *m_table;
    QLabel *m_zonesTitle;
    ZoneSignaturesTable *m_zones;
};
