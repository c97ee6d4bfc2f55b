#pragma once

#include "probe/probeengine.h"

#include <QHash>
#include <QObject>

#include <deque>

// The recent probe results of every target, kept for the charts: a bounded window per target
// (the last two hours at most), fed by the Monitor's results. Older history comes from the store.
class ProbeHistoryBuffer : public QObject
{
    Q_OBJECT
public:
    struct Point
    {
        qint64 timeMs = 0; // since the epoch, UTC
        bool dnsOk = false;
        bool checkOk = false;
        bool fallback = false; // reachable only through a fallback tier
        bool checked = false; // there was an address to check
        double dnsLatencyMs = 0;
        double checkLatencyMs = 0;
    };
    static constexpr qint64 KeptMs = 2 * 3600'000;

    explicit ProbeHistoryBuffer(QObject *parent = nullptr);

    void add(const ProbeResult &result);
    const std::deque<Point> &points(const QString &target) const;
    QStringList targets() const { return m_points.keys(); }

Q_SIGNALS:
    void added(const QString &target);

private:
    QHash<QString, std::deque<Point>> m_points;
};
