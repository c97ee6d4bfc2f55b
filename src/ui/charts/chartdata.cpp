#include "chartdata.h"

#include "words/eventsentence.h"
#include "words/localewords.h"

#include <QCoreApplication>
#include <QMap>

#include <algorithm>

namespace {

// The q-quantile of values by nearest rank (values is reordered).
double quantile(std::vector<double> &values, double q)
{
    const size_t rank = size_t(std::ceil(q * double(values.size())));
    const size_t index = std::clamp<size_t>(rank, 1, values.size()) - 1;
    std::nth_element(values.begin(), values.begin() + qsizetype(index), values.end());
    return values[index];
}

void appendLatency(LatencyLine *line, double x, std::vector<double> &values)
{
    if (values.empty())
        return;
    line->p50.append(QPointF(x, quantile(values, 0.5)));
    line->p95.append(QPointF(x, quantile(values, 0.95)));
}

void appendLatency(LatencyLine *line, double x, const LatencyHistogram &histogram, qint64 sumUs,
                   qint64 count)
{
    if (count == 0)
        return;
    if (histogram.count() == 0) { // written before the history kept histograms
        const double meanMs = double(sumUs) / double(count) / 1000;
        line->p50.append(QPointF(x, meanMs));
        line->p95.append(QPointF(x, meanMs));
        return;
    }
    line->p50.append(QPointF(x, histogram.quantile(0.5) * 1000));
    line->p95.append(QPointF(x, histogram.quantile(0.95) * 1000));
}

} // namespace

ChartData ChartDataBuilder::fromRecent(const QList<const PackedProbePoints *> &targets,
                                       const ChartWindow &window)
{
    struct Bucket
    {
        int probes = 0, dnsOk = 0, checkOk = 0;
        std::vector<double> dnsLatencyMs, checkLatencyMs;
    };
    QMap<qint64, Bucket> buckets;
    for (const auto *points : targets) {
        // Points are in time order: start at the window's start.
        auto it = points->from(window.fromMs);
        for (; it != points->end() && it->timeMs < window.toMs; ++it) {
            Bucket &bucket = buckets[window.bucketOf(it->timeMs)];
            ++bucket.probes;
            bucket.dnsOk += it->dnsOk;
            bucket.checkOk += it->checkOk;
            bucket.dnsLatencyMs.push_back(double(it->dnsLatencyUs) / 1000);
            if (it->checked) // no address, no check: not a 0 ms one
                bucket.checkLatencyMs.push_back(double(it->checkLatencyUs) / 1000);
        }
    }
    ChartData data;
    for (auto it = buckets.begin(); it != buckets.end(); ++it) {
        const double x = window.middleOf(it.key());
        data.dnsSuccess.append(QPointF(x, 100.0 * it->dnsOk / it->probes));
        data.checkSuccess.append(QPointF(x, 100.0 * it->checkOk / it->probes));
        appendLatency(&data.dnsLatency, x, it->dnsLatencyMs);
        appendLatency(&data.checkLatency, x, it->checkLatencyMs);
    }
    return data;
}

ChartData ChartDataBuilder::fromHistory(const QList<HistoryBucket> &buckets)
{
    QMap<qint64, HistoryBucket> merged; // by start: every target's bucket summed
    for (const HistoryBucket &bucket : buckets) {
        HistoryBucket &into = merged[bucket.start.toMSecsSinceEpoch()];
        into.widthS = bucket.widthS;
        into.probes += bucket.probes;
        into.dnsOk += bucket.dnsOk;
        into.checks += bucket.checks;
        into.checkOk += bucket.checkOk;
        into.dnsLatencySumUs += bucket.dnsLatencySumUs;
        into.checkLatencySumUs += bucket.checkLatencySumUs;
        into.dnsLatency.merge(bucket.dnsLatency);
        into.checkLatency.merge(bucket.checkLatency);
    }
    ChartData data;
    for (auto it = merged.cbegin(); it != merged.cend(); ++it) {
        if (it->probes == 0)
            continue;
        const double x = double(it.key() + it->widthS * 500LL);
        data.dnsSuccess.append(QPointF(x, 100.0 * it->dnsOk / it->probes));
        data.checkSuccess.append(QPointF(x, 100.0 * it->checkOk / it->probes));
        appendLatency(&data.dnsLatency, x, it->dnsLatency, it->dnsLatencySumUs, it->probes);
        appendLatency(&data.checkLatency, x, it->checkLatency, it->checkLatencySumUs, it->checks);
    }
    return data;
}

ChartData ChartDataBuilder::fromRemote(const RemoteHistory &history)
{
    const auto appendRemote = [](LatencyLine *line, double x,
                                 const std::optional<RemoteLatency> &latency) {
        if (!latency)
            return;
        line->p50.append(QPointF(x, latency->p50));
        line->p95.append(QPointF(x, latency->p95));
    };
    ChartData data;
    for (const RemoteHistoryBucket &bucket : history.buckets) {
        if (bucket.probes == 0)
            continue;
        const double x = double(bucket.start.toMSecsSinceEpoch() + history.stepS * 500LL);
        data.dnsSuccess.append(QPointF(x, 100.0 * double(bucket.dnsOk) / double(bucket.probes)));
        data.checkSuccess.append(QPointF(x, 100.0 * double(bucket.checkOk) / double(bucket.probes)));
        appendRemote(&data.dnsLatency, x, bucket.dnsLatency);
        appendRemote(&data.checkLatency, x, bucket.checkLatency);
    }
    return data;
}

QList<CacheCensus> ChartDataBuilder::censusPerBucket(const std::deque<CacheCensus> &samples,
                                                     const ChartWindow &window)
{
    QMap<qint64, std::pair<CacheCensus, int>> sums;
    for (const CacheCensus &sample : samples) {
        const qint64 ms = sample.time.toMSecsSinceEpoch();
        if (!window.contains(ms))
            continue;
        auto &[sum, count] = sums[window.bucketOf(ms)];
        for (size_t state = 0; state < sum.counts.size(); ++state)
            sum.counts[state] += sample.counts[state];
        ++count;
    }
    QList<CacheCensus> census;
    for (auto it = sums.begin(); it != sums.end(); ++it) {
        auto &[sum, count] = *it;
        for (double &value : sum.counts)
            value /= count;
        // At the bucket's middle, as the other charts' points are.
        sum.time = QDateTime::fromMSecsSinceEpoch(qint64(window.middleOf(it.key())), Qt::UTC);
        census.append(sum);
    }
    return census;
}

FallbackMarkers ChartDataBuilder::markers(const QList<StoredEvent> &events,
                                          const QStringList &hosts, const ChartWindow &window)
{
    struct Seen
    {
        int count = 0;
        QString first;
        QString last;
        qint64 firstMs = 0;
        qint64 lastMs = 0;
    };
    QHash<QString, QMap<qint64, Seen>> byTier;
    for (const StoredEvent &event : events) {
        const qint64 ms = event.time.toMSecsSinceEpoch();
        if (event.kind != eventKindName(ResolverEvent::Kind::FallbackEntered)
            || !window.contains(ms) || (!hosts.isEmpty() && !hosts.contains(event.host)))
            continue;
        Seen &seen = byTier[event.tier][window.bucketOf(ms)];
        // In the user's words and date format, as the event log says it.
        const QString line = QStringLiteral("%1  %2").arg(LocaleWords::dateTime(event.time),
                                                          eventSentence(event));
        // Events may come newest first (the log) or oldest first (the history).
        if (seen.count == 0 || ms < seen.firstMs) {
            seen.first = line;
            seen.firstMs = ms;
        }
        if (seen.count == 0 || ms >= seen.lastMs) {
            seen.last = line;
            seen.lastMs = ms;
        }
        ++seen.count;
    }
    FallbackMarkers markers;
    for (auto tier = byTier.cbegin(); tier != byTier.cend(); ++tier) {
        for (auto it = tier->cbegin(); it != tier->cend(); ++it) {
            const QString text = it->count == 1
                    ? it->first
                    : QCoreApplication::translate("FallbackMarkers",
                                                  "%1\n… %n events in all, the last:\n%2", nullptr,
                                                  it->count)
                              .arg(it->first, it->last);
            markers.byTier[tier.key()].append({QPointF(window.middleOf(it.key()), 100), text});
        }
    }
    return markers;
}
