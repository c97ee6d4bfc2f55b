#pragma once

#include <QString>
#include <QWidget>

class Monitor;
class QLabel;
class QTableWidget;
struct ProbeResult;

// A target's compared paths side by side (this machine's targets): each resolver's answer, TTL
// left, latency and source from the last probe, and whether they agree.
class PathsPane : public QWidget
{
    Q_OBJECT
public:
    explicit PathsPane(Monitor *monitor, QWidget *parent = nullptr);

    // The target to show; empty: none (an agent's target, or nothing picked).
    void showTarget(const QString &target);
    QTableWidget *table() const { return m_table; }
    QLabel *verdict() const { return m_verdict; }

private:
    void refresh();

    Monitor *m_monitor;
    QString m_target;
    QLabel *m_verdict;
    QTableWidget *m_table;
};
