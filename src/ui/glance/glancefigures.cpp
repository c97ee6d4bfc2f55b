#include "glancefigures.h"

std::optional<double> GlanceFigures::value(GlanceFilter filter) const
{
    switch (filter) {
    case GlanceFilter::None:
        return targets;
    case GlanceFilter::DnsFailingFiveMinutes:
        return dnsFiveMinutes;
    case GlanceFilter::DnsFailingOneHour:
        return dnsOneHour;
    case GlanceFilter::ServiceFailing:
        return serviceFiveMinutes;
    case GlanceFilter::Stale:
        return stale;
    case GlanceFilter::Pinned:
        return pinned;
    case GlanceFilter::Env:
        return env;
    case GlanceFilter::Down:
        return down;
    }
    return std::nullopt;
}

void GlanceTally::Mean::add(const std::optional<double> &rate)
{
    if (!rate)
        return;
    sum += *rate;
    ++count;
}

std::optional<double> GlanceTally::Mean::value() const
{
    if (count == 0)
        return std::nullopt;
    return sum / count;
}

void GlanceTally::add(const TargetSnapshot &target)
{
    m_dnsFiveMinutes.add(target.dnsSuccessFiveMinutes);
    m_dnsOneHour.add(target.dnsSuccessOneHour);
    m_serviceFiveMinutes.add(target.checkSuccessFiveMinutes);
    m_counts.stale += glanceCounts(GlanceFilter::Stale, target) ? 1 : 0;
    m_counts.pinned += glanceCounts(GlanceFilter::Pinned, target) ? 1 : 0;
    m_counts.env += glanceCounts(GlanceFilter::Env, target) ? 1 : 0;
    m_counts.down += glanceCounts(GlanceFilter::Down, target) ? 1 : 0;
    ++m_counts.targets;
}

void GlanceTally::add(const GlanceTally &other)
{
    for (auto [mine, theirs] : {std::pair{&m_dnsFiveMinutes, &other.m_dnsFiveMinutes},
                                std::pair{&m_dnsOneHour, &other.m_dnsOneHour},
                                std::pair{&m_serviceFiveMinutes, &other.m_serviceFiveMinutes}}) {
        mine->sum += theirs->sum;
        mine->count += theirs->count;
    }
    m_counts.stale += other.m_counts.stale;
    m_counts.pinned += other.m_counts.pinned;
    m_counts.env += other.m_counts.env;
    m_counts.down += other.m_counts.down;
    m_counts.targets += other.m_counts.targets;
}

GlanceFigures GlanceTally::figures() const
{
    GlanceFigures figures = m_counts;
    figures.dnsFiveMinutes = m_dnsFiveMinutes.value();
    figures.dnsOneHour = m_dnsOneHour.value();
    figures.serviceFiveMinutes = m_serviceFiveMinutes.value();
    return figures;
}
