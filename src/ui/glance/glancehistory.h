#pragma once

#include "glancefigures.h"

#include <QHash>
#include <QList>
#include <QString>

#include <deque>

// The strip's figures as sampled over the last hour, for the sparklines: every place's and the
// whole fleet's at each sample, so a sparkline is there at once when the place filter changes.
class GlanceHistory
{
public:
    static constexpr qint64 IntervalMs = 10'000;
    static constexpr int Capacity = 360; // an hour of samples

    // The figures of one sample: by place name, the whole fleet under FleetScope.
    using Sample = QHash<QString, GlanceFigures>;
    static QString fleetScope() { return {}; }

    void add(const Sample &sample); // the oldest is dropped beyond Capacity
    int size() const { return int(m_samples.size()); }
    // One filter's figure in scope at each sample, oldest first; none where that sample has no
    // figure there (the place was not there yet, no target had a rate).
    QList<std::optional<double>> series(const QString &scope, GlanceFilter filter) const;

private:
    std::deque<Sample> m_samples;
};
