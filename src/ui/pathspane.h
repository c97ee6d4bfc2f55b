#pragma once

#include <QPointer>
#include <QString>
#include <QWidget>

class Monitor;
class QLabel;
class QTableWidget;
class TargetPlace;
class ZoneSignaturesTable;
struct PathComparison;
struct ProbeResult;

// A target's compared paths side by side, of this machine or of an agent: each resolver's answer,
// TTL left, latency and source from the last probe, and whether they agree. Below them, when the
// config watches zones ("dnssec_zones"), the zones' signatures (ZoneSignaturesTable).
class PathsPane : public QWidget
{
    Q_OBJECT
public:
    explicit PathsPane(Monitor *monitor, QWidget *parent = nullptr);

    // This machine's target to show; empty: none (nothing picked).
    void showTarget(const QString &target);
    // An agent's target, as the agent's status last gave it (kept fresh as it changes).
    void showAgentTarget(TargetPlace *place, const QString &target);
    QTableWidget *table() const { return m_table; }
    QLabel *verdict() const { return m_verdict; }
    ZoneSignaturesTable *zones() const { return m_zones; }

private:
    void refresh();
    void refreshLocal();
    void refreshAgent();
    // Fills the verdict and the table; who names the target ("api", "api at fra1").
    void showComparison(const QString &who, const PathComparison &comparison);
    void showZonesWhenWatched();

    Monitor *m_monitor;
    QString m_target;
    QPointer<TargetPlace> m_place; // the agent whose target is shown; none for this machine's
    QMetaObject::Connection m_placeChanged;
    QLabel *m_verdict;
    QTableWidget *m_table;
    QLabel *m_zonesTitle;
    ZoneSignaturesTable *m_zones;
};
