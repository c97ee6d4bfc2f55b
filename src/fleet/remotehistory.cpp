#include "remotehistory.h"

#include "answerreader.h"

#include <cmath>

namespace {

using Presence = AnswerReader::Presence;

qint64 readCount(AnswerReader &reader, const QJsonObject &object, const QString &path,
                 QLatin1String key)
{
    return reader.count(object, path, key, Presence::Required).value_or(0);
}

std::optional<RemoteLatency> readLatency(AnswerReader &reader, const QJsonObject &object,
                                         const QString &path, QLatin1String key)
{
    if (!object.contains(key) || object.value(key).isNull())
        return std::nullopt;
    const QJsonObject latency = reader.object(object, path, key);
    const QString at = JsonValidator::childPath(path, key);
    const std::optional<double> p50 = reader.number(latency, at, QLatin1String("p50"),
                                                    Presence::Required);
    const std::optional<double> p95 = reader.number(latency, at, QLatin1String("p95"),
                                                    Presence::Required);
    if (!p50 || !p95)
        return std::nullopt;
    if (!(*p50 >= 0) || !(*p95 >= 0) || !std::isfinite(*p50) || !std::isfinite(*p95)) {
        reader.fail(at, QStringLiteral("expected latencies of 0 ms or more"));
        return std::nullopt;
    }
    return RemoteLatency{*p50, *p95};
}

RemoteHistoryBucket readBucket(AnswerReader &reader, const QJsonObject &object, const QString &path)
{
    RemoteHistoryBucket bucket;
    bucket.start = reader.time(object, path, QLatin1String("start"), Presence::Required);
    bucket.probes = readCount(reader, object, path, QLatin1String("probes"));
    bucket.dnsOk = readCount(reader, object, path, QLatin1String("dns_ok"));
    bucket.checks = readCount(reader, object, path, QLatin1String("checks"));
    bucket.checkOk = readCount(reader, object, path, QLatin1String("check_ok"));
    bucket.viaFallback = readCount(reader, object, path, QLatin1String("via_fallback"));
    if (bucket.dnsOk > bucket.probes || bucket.checks > bucket.probes
        || bucket.checkOk > bucket.checks || bucket.viaFallback > bucket.probes)
        reader.fail(path,
                    QStringLiteral("expected dns_ok, checks and via_fallback of at most "
                                   "probes, and check_ok of at most checks"));
    bucket.dnsLatency = readLatency(reader, object, path, QLatin1String("dns_latency_ms"));
    bucket.checkLatency = readLatency(reader, object, path, QLatin1String("check_latency_ms"));
    return bucket;
}

} // namespace

std::optional<RemoteHistory> parseRemoteHistory(const QByteArray &json, const QString &source,
                                                QString *error)
{
    AnswerReader reader(source);
    const std::optional<QJsonObject> root = reader.parse(json);
    RemoteHistory history;
    if (root) {
        const QString path = QStringLiteral("$");
        history.target = reader.text(*root, path, QLatin1String("target"), Presence::Required);
        history.stepS = readCount(reader, *root, path, QLatin1String("step"));
        if (history.stepS < 1)
            reader.fail(QStringLiteral("$.step"), QStringLiteral("expected 1 s or more"));
        history.complete = reader.boolean(*root, path, QLatin1String("complete")).value_or(true);
        history.keptFrom = reader.time(*root, path, QLatin1String("kept_from"));
        const QString bucketsPath = QStringLiteral("$.buckets");
        const QJsonArray buckets = reader.array(*root, path, QLatin1String("buckets"),
                                                Presence::Required);
        for (qsizetype i = 0; i < buckets.size(); ++i) {
            const std::optional<QJsonObject> object = reader.element(buckets, bucketsPath, i);
            if (!object)
                continue;
            const QString at = QStringLiteral("%1[%2]").arg(bucketsPath).arg(i);
            RemoteHistoryBucket bucket = readBucket(reader, *object, at);
            if (!history.buckets.isEmpty() && bucket.start.isValid()
                && bucket.start <= history.buckets.constLast().start)
                reader.fail(at, QStringLiteral("expected buckets in time order"));
            history.buckets.append(bucket);
        }
    }
    if (reader.hasErrors()) {
        *error = reader.errorText();
        return std::nullopt;
    }
    return history;
}
