#pragma once

#include "glancefilter.h"

#include <optional>

// The strip's figures over a set of targets. Rates are target-averaged: the mean of each
// target's own rate over the window (each target weighs the same, whatever its probe interval),
// over the targets that have a rate there; none when no target has one.
struct GlanceFigures
{
    std::optional<double> dnsFiveMinutes;
    std::optional<double> dnsOneHour;
    std::optional<double> serviceFiveMinutes;
    int stale = 0;
    int pinned = 0;
    int env = 0;
    int down = 0;
    int targets = 0;

    // The figure that filter's tile shows: a fraction or a count.
    std::optional<double> value(GlanceFilter filter) const;
};

// Sums targets into figures. Tallies add up exactly (a fleet's tally is the sum of its places'),
// so the fleet's rate is the mean over all its targets, not a mean of the places' means.
class GlanceTally
{
public:
    void add(const TargetSnapshot &target);
    void add(const GlanceTally &other);
    GlanceFigures figures() const;

private:
    struct Mean
    {
        double sum = 0;
        int count = 0;
        void add(const std::optional<double> &rate);
        std::optional<double> value() const;
    };
    Mean m_dnsFiveMinutes;
    Mean m_dnsOneHour;
    Mean m_serviceFiveMinutes;
    GlanceFigures m_counts;
};
