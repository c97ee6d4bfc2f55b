#include "statusjson.h"

#include "agentreadiness.h"
#include "jsonwriter.h"
#include "probe/monitor.h"
#include "probe/recentprobes.h"
#include "probe/targetoutcome.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// The last probes, one letter each (recentprobes.h), and how many seconds each came before the
// last one (the same numbers in every answer until the next probe).
void writeRecent(JsonWriter &json, const RecentProbes &recent)
{
    QString sources;
    QString checks;
    const QList<ProbeMark> marks = recent.marks();
    const qint64 lastMs = marks.isEmpty() ? 0 : marks.constLast().timeMs;
    for (const ProbeMark &mark : marks) {
        sources.append(sourceLetter(mark));
        checks.append(checkLetter(mark.check));
    }
    json.beginObject();
    json.key("checks"_L1).value(checks);
    json.key("seconds_before_last"_L1).beginArray();
    for (const ProbeMark &mark : marks)
        json.value(double(std::max<qint64>(0, (lastMs - mark.timeMs) / 1000)));
    json.endArray();
    json.key("sources"_L1).value(sources);
    json.endObject();
}

void writeSuccessRates(JsonWriter &json, const TargetHealth &health)
{
    json.beginObject();
    for (int window = 0; window < TargetHealth::WindowCount; ++window) {
        const WindowCounts &counts = health.windows[size_t(window)];
        json.key(TargetHealth::windowName(window)).beginObject();
        json.key("check"_L1).value(counts.checkRate());
        json.key("dns"_L1).value(counts.dnsRate());
        json.key("probes"_L1).value(double(counts.probes));
        json.endObject();
    }
    json.endObject();
}

// The --once shape of the latest result, plus the statistics.
void writeTarget(JsonWriter &json, const TargetConfig &target, const TargetHealth &health)
{
    TargetOutcome outcome;
    if (health.last)
        outcome = TargetOutcome::of(target, *health.last);
    else
        outcome.target = target; // "status" is "unknown" before the first probe
    json.beginObject();
    writeOutcomeFields(json, outcome);
    json.key("state"_L1).value(targetStateName(health.state));
    json.key("state_detail"_L1).value(health.stateDetail);
    json.key("success_rates"_L1);
    writeSuccessRates(json, health);
    json.key("dns_latency_p95_ms"_L1).value(health.dnsLatency.quantile(0.95) * 1000);
    json.key("check_latency_p95_ms"_L1).value(health.checkLatency.quantile(0.95) * 1000);
    json.key("fallback_s"_L1).value(double(health.fallbackMs) / 1000.0);
    json.key("recent"_L1);
    writeRecent(json, health.recent);
    if (health.last) {
        json.key("reachable"_L1).value(health.last->reachable);
        json.key("last_probe"_L1).value(health.last->time.toString(Qt::ISODateWithMs));
    }
    json.endObject();
}

} // namespace

QByteArray statusJson(const Monitor &monitor, const HistoryStore *history,
                      const std::optional<AgentToken> &asker)
{
    constexpr qsizetype BytesPerTarget = 800; // about what one takes, so the buffer grows rarely
    JsonWriter json(BytesPerTarget * monitor.config().targets.size());
    json.beginObject();
    // Which token asked and what it may do here: a dashboard offers the actions by it.
    if (asker) {
        json.key("access"_L1).beginObject();
        json.key("name"_L1).value(asker->name);
        json.key("role"_L1).value(roleName(asker->role));
        json.endObject();
    }
    json.key("events"_L1).beginArray();
    const QList<ResolverEvent> recent = monitor.resolver()->recentEvents();
    for (qsizetype i = qMax<qsizetype>(0, recent.size() - 50); i < recent.size(); ++i)
        json.value(QJsonValue(eventJson(recent[i])));
    json.endArray();
    json.key("ready"_L1).value(agentReadiness(monitor, history).ready);
    json.key("targets"_L1).beginArray();
    // One snapshot at a time (each is over a kilobyte), in the configuration's order.
    for (const TargetConfig &target : monitor.config().targets)
        writeTarget(json, target, monitor.statistics()->health(target.name));
    json.endArray();
    json.key("zones"_L1).beginArray();
    for (const ZoneSignatureStatus &zone : monitor.zones()->statuses())
        json.value(QJsonValue(zoneSignatureJson(zone)));
    json.endArray();
    json.endObject();
    return json.take();
}
