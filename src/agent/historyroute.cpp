#include "historyroute.h"

#include "apierror.h"
#include "deferredanswer.h"
#include "printabletext.h"
#include "probe/monitor.h"
#include "probe/probehistorybuffer.h"
#include "queryparameters.h"
#include "store/historystore.h"

#include <QJsonArray>

namespace {
using Status = QHttpServerResponse::StatusCode;

QJsonValue latencyJson(qint64 count, qint64 sumUs, qint64 maxUs, const LatencyHistogram &latency)
{
    if (count == 0)
        return QJsonValue::Null;
    // The quantiles interpolate inside a histogram bucket, which can reach past the largest
    // sample: they are held to it.
    const double maxMs = double(maxUs) / 1000.0;
    return QJsonObject{{QStringLiteral("mean"), double(sumUs) / double(count) / 1000.0},
                       {QStringLiteral("p50"), std::min(latency.quantile(0.5) * 1000, maxMs)},
                       {QStringLiteral("p95"), std::min(latency.quantile(0.95) * 1000, maxMs)},
                       {QStringLiteral("max"), maxMs}};
}

QString iso(const QDateTime &time) { return time.toUTC().toString(Qt::ISODate); }

qint64 floorTo(qint64 value, qint64 step) { return value - ((value % step) + step) % step; }
} // namespace

QJsonObject HistoryRoute::bucketJson(const HistoryBucket &bucket)
{
    return QJsonObject{{QStringLiteral("start"), iso(bucket.start)},
                       {QStringLiteral("probes"), double(bucket.probes)},
                       {QStringLiteral("dns_ok"), double(bucket.dnsOk)},
                       {QStringLiteral("checks"), double(bucket.checks)},
                       {QStringLiteral("check_ok"), double(bucket.checkOk)},
                       {QStringLiteral("via_fallback"), double(bucket.viaFallback)},
                       {QStringLiteral("dns_latency_ms"),
                        latencyJson(bucket.probes, bucket.dnsLatencySumUs, bucket.dnsLatencyMaxUs,
                                    bucket.dnsLatency)},
                       {QStringLiteral("check_latency_ms"),
                        latencyJson(bucket.checks, bucket.checkLatencySumUs,
                                    bucket.checkLatencyMaxUs, bucket.checkLatency)}};
}

void HistoryRoute::answer(const QUrlQuery &query, const Monitor &monitor,
                          const ProbeHistoryBuffer &recent, const QDateTime &recentSince,
                          HistoryStore *store, QObject *context, const DeferredAnswer &answer)
{
    using Need = QueryParameters::Need;
    QueryParameters parameters(query,
                               {QStringLiteral("target"), QStringLiteral("from"),
                                QStringLiteral("to"), QStringLiteral("step")});
    const std::optional<QString> target = parameters.text(QStringLiteral("target"), Need::Required);
    const std::optional<QDateTime> from = parameters.time(QStringLiteral("from"), Need::Required);
    const std::optional<QDateTime> to = parameters.time(QStringLiteral("to"), Need::Required);
    const qint64 stepS = parameters.integer(QStringLiteral("step"), 1, LongestStepS, Need::Optional)
                                 .value_or(60);
    if (parameters.ok() && *from >= *to)
        parameters.fail(QStringLiteral("to: expected a time after from (%1), got %2")
                                .arg(iso(*from), iso(*to)));
    if (parameters.ok()) {
        const qint64 stepMs = stepS * 1000;
        const qint64 count = (floorTo(to->toMSecsSinceEpoch() - 1, stepMs)
                              - floorTo(from->toMSecsSinceEpoch(), stepMs))
                        / stepMs
                + 1;
        if (count > MostBuckets)
            parameters.fail(QStringLiteral("step: %1 s makes %2 buckets of this range, more "
                                           "than %3; give a step of %4 s or more")
                                    .arg(stepS)
                                    .arg(count)
                                    .arg(MostBuckets)
                                    .arg((from->secsTo(*to) + MostBuckets - 2) / (MostBuckets - 1)));
    }
    if (!parameters.ok())
        return answer.send(apiError(Status::BadRequest, parameters.error()));
    const bool configured = std::any_of(monitor.config().targets.cbegin(),
                                        monitor.config().targets.cend(),
                                        [&](const TargetConfig &t) { return t.name == *target; });
    if (!configured)
        return answer.send(
                apiError(Status::NotFound,
                         QStringLiteral("target: no target of this agent's config is named \"%1\"")
                                 .arg(printable(*target))));

    // Memory holds what this agent saw since it started, two hours at most. Buckets before the
    // first one memory covers whole come from the history, when there is one.
    const QDateTime now = monitor.clock()->wallTime().toUTC();
    const QDateTime keptFrom = std::max(recentSince.toUTC(),
                                        now.addMSecs(-ProbeHistoryBuffer::KeptMs));
    const qint64 stepMs = stepS * 1000;
    const QDateTime split = QDateTime::fromMSecsSinceEpoch(
            floorTo(keptFrom.toMSecsSinceEpoch() + stepMs - 1, stepMs), Qt::UTC);
    // The history keeps whole minutes: a step of seconds gets what memory has.
    const bool needsHistory = store && *from < split && stepS % 60 == 0;
    const bool complete = needsHistory || *from >= keptFrom;

    QJsonObject body{{QStringLiteral("target"), *target},
                     {QStringLiteral("from"), iso(*from)},
                     {QStringLiteral("to"), iso(*to)},
                     {QStringLiteral("step"), double(stepS)},
                     {QStringLiteral("kept_from"),
                      needsHistory ? QJsonValue(QJsonValue::Null) : QJsonValue(iso(keptFrom))},
                     {QStringLiteral("complete"), complete}};
    const QList<HistoryBucket> latest = recent.buckets(*target, needsHistory ? split : *from, *to,
                                                       int(stepS));
    const auto send = [answer, body](const QList<HistoryBucket> &older,
                                     const QList<HistoryBucket> &newer) {
        QJsonArray buckets;
        for (const QList<HistoryBucket> *part : {&older, &newer}) {
            for (const HistoryBucket &bucket : *part)
                buckets.append(bucketJson(bucket));
        }
        QJsonObject whole = body;
        whole.insert(QStringLiteral("buckets"), buckets);
        answer.send(QHttpServerResponse(whole));
    };
    if (!needsHistory)
        return send(QList<HistoryBucket>(), latest);
    store->readBuckets(
            *from, std::min(split, *to), int(stepS), context,
            [answer, send, latest](const std::optional<QList<HistoryBucket>> &older,
                                   const QString &error) {
                if (!older)
                    return answer.send(
                            apiError(Status::ServiceUnavailable,
                                     QStringLiteral("history: it cannot be read: %1").arg(error)));
                send(*older, latest);
            },
            *target);
}
