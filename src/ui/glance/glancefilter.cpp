#include "glancefilter.h"

namespace {

bool below100(const std::optional<double> &rate) { return rate && *rate < 1.0; }

} // namespace

bool glanceCounts(GlanceFilter filter, const TargetSnapshot &target)
{
    switch (filter) {
    case GlanceFilter::None:
        return true;
    case GlanceFilter::DnsFailingFiveMinutes:
        return below100(target.dnsSuccessFiveMinutes);
    case GlanceFilter::DnsFailingOneHour:
        return below100(target.dnsSuccessOneHour);
    case GlanceFilter::ServiceFailing:
        return below100(target.checkSuccessFiveMinutes);
    case GlanceFilter::Stale:
        return target.source == QLatin1String("stale");
    case GlanceFilter::Pinned:
        return target.source == QLatin1String("pinned");
    case GlanceFilter::Env:
        return target.source == QLatin1String("env");
    case GlanceFilter::Down:
        return target.state == TargetState::Down;
    }
    return false;
}
