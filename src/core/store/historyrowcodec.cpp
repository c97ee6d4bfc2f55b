#include "historyrowcodec.h"

#include "store/historyschema.h"
#include "store/sqlstatement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace HistoryRowCodec {

namespace {

    QStringList columnsOf(const char *list)
    {
        return QString::fromLatin1(list).split(QStringLiteral(", "));
    }

    QString joined(const QList<QHostAddress> &addresses)
    {
        return addressStrings(addresses).join(QLatin1Char(','));
    }

    QList<QHostAddress> addressesOf(const QVariant &text)
    {
        QList<QHostAddress> addresses;
        for (const QString &part : text.toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
            addresses.append(QHostAddress(part));
        return addresses;
    }

    QString attemptsJson(const QList<CheckAttempt> &attempts)
    {
        QJsonArray array;
        for (const CheckAttempt &attempt : attempts) {
            array.append(QJsonObject{{QStringLiteral("what"), attempt.what},
                                     {QStringLiteral("http_status"), attempt.httpStatus},
                                     {QStringLiteral("error"), attempt.error},
                                     {QStringLiteral("latency_us"), attempt.latencyUs}});
        }
        return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
    }

    QList<CheckAttempt> attemptsOf(const QVariant &json)
    {
        QList<CheckAttempt> attempts;
        const QJsonArray array = QJsonDocument::fromJson(json.toString().toUtf8()).array();
        for (const QJsonValue &value : array) {
            const QJsonObject object = value.toObject();
            CheckAttempt attempt;
            attempt.what = object.value(QLatin1String("what")).toString();
            attempt.httpStatus = object.value(QLatin1String("http_status")).toInt();
            attempt.error = object.value(QLatin1String("error")).toString();
            attempt.latencyUs = object.value(QLatin1String("latency_us")).toInteger();
            attempts.append(attempt);
        }
        return attempts;
    }

    // The resolver's DNSSEC verdict: 1 validated, 0 not validated, NULL when it was not asked
    // (and in rows written before schema 5).
    QVariant validationValue(DnssecValidation validation)
    {
        if (validation == DnssecValidation::NotAsked)
            return QVariant(QMetaType::fromType<qlonglong>());
        return QVariant(qlonglong(validation == DnssecValidation::Validated ? 1 : 0));
    }

    DnssecValidation validationOf(const QVariant &value)
    {
        if (value.isNull())
            return DnssecValidation::NotAsked;
        return value.toLongLong() != 0 ? DnssecValidation::Validated
                                       : DnssecValidation::NotValidated;
    }

    // Extended DNS Errors as the JSON of ExtendedDnsErrors::toJson; NULL for none (and in rows
    // written before schema 5).
    QVariant extendedErrorsValue(const QList<ExtendedDnsError> &errors)
    {
        if (errors.isEmpty())
            return QVariant(QMetaType::fromType<QString>());
        return QString::fromUtf8(
                QJsonDocument(ExtendedDnsErrors::toJson(errors)).toJson(QJsonDocument::Compact));
    }

    QList<ExtendedDnsError> extendedErrorsOf(const QVariant &value)
    {
        if (value.isNull())
            return {};
        return ExtendedDnsErrors::fromJson(
                QJsonDocument::fromJson(value.toString().toUtf8()).array());
    }

} // namespace

QStringList resultColumns()
{
    static const QStringList columns = columnsOf(
            "time_ms, target, host, resolver, record, source, cause, addresses, dns_server,"
            " dns_detail, dns_latency_us, checked, check_ok, check_address, check_latency_us,"
            " check_detail, attempts, reachable, validated, ede");
    return columns;
}

QVariantList resultRow(const ProbeResult &result)
{
    const LookupResult &dns = result.resolution;
    return {
            msOf(result.time),
            result.target,
            dns.host,
            dns.resolver,
            recordKindName(dns.kind),
            sourceName(dns.source),
            causeName(dns.cause),
            joined(dns.addresses),
            dns.server,
            dns.detail,
            dns.latencyUs,
            result.checked,
            result.check.ok,
            result.check.address.isNull() ? QString() : result.check.address.toString(),
            result.check.latencyUs,
            result.check.detail,
            attemptsJson(result.check.attempts),
            result.reachable,
            validationValue(dns.validation),
            extendedErrorsValue(dns.extendedErrors),
    };
}

template<typename Row>
ProbeResult resultOf(const Row &row)
{
    ProbeResult result;
    result.time = timeOf(row.at(0).toLongLong());
    result.target = row.at(1).toString();
    LookupResult &dns = result.resolution;
    dns.host = row.at(2).toString();
    dns.resolver = row.at(3).toString();
    dns.kind = recordKindFromName(row.at(4).toString()).value_or(RecordKind::Both);
    dns.source = sourceFromName(row.at(5).toString()).value_or(ResolutionSource::None);
    dns.cause = causeFromName(row.at(6).toString()).value_or(FailureCause::None);
    dns.addresses = addressesOf(row.at(7));
    dns.server = row.at(8).toString();
    dns.detail = row.at(9).toString();
    dns.latencyUs = row.at(10).toLongLong();
    result.checked = row.at(11).toBool();
    result.check.ok = row.at(12).toBool();
    result.check.address = QHostAddress(row.at(13).toString());
    result.check.latencyUs = row.at(14).toLongLong();
    result.check.detail = row.at(15).toString();
    result.check.attempts = attemptsOf(row.at(16));
    result.reachable = row.at(17).toBool();
    dns.validation = validationOf(row.at(18));
    dns.extendedErrors = extendedErrorsOf(row.at(19));
    return result;
}

QStringList eventColumns()
{
    static const QStringList columns = columnsOf(
            "time_ms, kind, target, resolver, host, tier, cause, before, after, detail, ttl_s,"
            " validated, ede");
    return columns;
}

QVariantList eventRow(const StoredEvent &event)
{
    return {msOf(event.time),
            event.kind,
            event.target,
            event.resolver,
            event.host,
            event.tier,
            event.cause,
            event.before.join(QLatin1Char(',')),
            event.after.join(QLatin1Char(',')),
            event.detail,
            event.ttlS ? QVariant(*event.ttlS) : QVariant(QMetaType::fromType<qlonglong>()),
            validationValue(event.validation),
            extendedErrorsValue(event.extendedErrors)};
}

template<typename Row>
StoredEvent eventOf(const Row &row)
{
    StoredEvent event;
    event.time = timeOf(row.at(0).toLongLong());
    event.kind = row.at(1).toString();
    event.target = row.at(2).toString();
    event.resolver = row.at(3).toString();
    event.host = row.at(4).toString();
    event.tier = row.at(5).toString();
    event.cause = row.at(6).toString();
    event.before = row.at(7).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    event.after = row.at(8).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    event.detail = row.at(9).toString();
    if (!row.at(10).isNull()) // rows written before schema 4, and events without a TTL
        event.ttlS = row.at(10).toLongLong();
    event.validation = validationOf(row.at(11));
    event.extendedErrors = extendedErrorsOf(row.at(12));
    return event;
}

QStringList pinColumns()
{
    static const QStringList columns = columnsOf(
            "host, addresses, reason, pinned_at_ms, expires_at_ms");
    return columns;
}

QVariantList pinRow(const QString &host, const PinnedFallback &pin)
{
    return {host, joined(pin.addresses), pin.reason, msOf(pin.pinnedAt),
            pin.expiresAt ? QVariant(msOf(*pin.expiresAt))
                          : QVariant(QMetaType(QMetaType::LongLong))};
}

template<typename Row>
std::pair<QString, PinnedFallback> pinOf(const Row &row)
{
    PinnedFallback pin;
    pin.origin = PinnedFallback::Origin::Operator; // the config's pins are not kept
    pin.addresses = addressesOf(row.at(1));
    pin.reason = row.at(2).toString();
    pin.pinnedAt = timeOf(row.at(3).toLongLong());
    if (!row.at(4).isNull())
        pin.expiresAt = timeOf(row.at(4).toLongLong());
    return {row.at(0).toString(), pin};
}

QStringList knownGoodColumns()
{
    static const QStringList columns = columnsOf(
            "resolver, host, record, addresses, server, resolved_at_ms, expires_at_ms, validated");
    return columns;
}

QVariantList knownGoodRow(const KnownGoodAnswer &answer)
{
    return {answer.resolver,
            answer.host,
            recordKindName(answer.kind),
            joined(answer.addresses),
            answer.server,
            msOf(answer.resolvedAt),
            msOf(answer.expiresAt),
            validationValue(answer.validation)};
}

template<typename Row>
KnownGoodAnswer knownGoodOf(const Row &row)
{
    KnownGoodAnswer answer;
    answer.resolver = row.at(0).toString();
    answer.host = row.at(1).toString();
    answer.kind = recordKindFromName(row.at(2).toString()).value_or(RecordKind::Both);
    answer.addresses = addressesOf(row.at(3));
    answer.server = row.at(4).toString();
    answer.resolvedAt = timeOf(row.at(5).toLongLong());
    answer.expiresAt = timeOf(row.at(6).toLongLong());
    answer.validation = validationOf(row.at(7));
    return answer;
}

QStringList censusColumns()
{
    static const QStringList columns = columnsOf(
            "minute, fresh, stale, negative, pinned, env, missing");
    return columns;
}

QVariantList censusRow(const CacheCensus &census)
{
    QVariantList row{msOf(census.time) / MsPerMinute};
    for (const double count : census.counts)
        row.append(count);
    return row;
}

template<typename Row>
CacheCensus censusOf(const Row &row)
{
    CacheCensus census;
    census.time = timeOf(row.at(0).toLongLong() * MsPerMinute);
    for (int state = 0; state < CacheCensus::StateCount; ++state)
        census.counts[size_t(state)] = row.at(1 + state).toDouble();
    return census;
}

void appendHistogram(QVariantList *row, const LatencyHistogram &histogram)
{
    for (int bucket = 0; bucket < LatencyHistogram::BucketCount; ++bucket)
        row->append(histogram.bucketCount(bucket));
}

template<typename Row>
LatencyHistogram histogramOf(const Row &row, int firstColumn)
{
    LatencyHistogram histogram;
    for (int bucket = 0; bucket < LatencyHistogram::BucketCount; ++bucket)
        histogram.addToBucket(bucket, row.at(firstColumn + bucket).toULongLong());
    return histogram;
}

namespace {
    constexpr int FirstHistogramColumn = 11; // after the key, the sums and the maxima
}

QStringList bucketColumns()
{
    static const QStringList columns =
            columnsOf("target, minute, probes, dns_ok, checks, check_ok, via_fallback,"
                      " dns_latency_sum_us, dns_latency_max_us, check_latency_sum_us,"
                      " check_latency_max_us")
            + HistorySchema::histogramColumns(QStringLiteral("dns"))
            + HistorySchema::histogramColumns(QStringLiteral("check"));
    return columns;
}

QVariantList bucketRow(const HistoryBucket &bucket)
{
    QVariantList row{bucket.target,           msOf(bucket.start) / MsPerMinute,
                     bucket.probes,           bucket.dnsOk,
                     bucket.checks,           bucket.checkOk,
                     bucket.viaFallback,      bucket.dnsLatencySumUs,
                     bucket.dnsLatencyMaxUs,  bucket.checkLatencySumUs,
                     bucket.checkLatencyMaxUs};
    appendHistogram(&row, bucket.dnsLatency);
    appendHistogram(&row, bucket.checkLatency);
    return row;
}

template<typename Row>
HistoryBucket bucketOf(const Row &row, int widthS)
{
    HistoryBucket bucket;
    bucket.target = row.at(0).toString();
    bucket.start = timeOf(row.at(1).toLongLong() * MsPerMinute);
    bucket.widthS = widthS;
    bucket.probes = row.at(2).toLongLong();
    bucket.dnsOk = row.at(3).toLongLong();
    bucket.checks = row.at(4).toLongLong();
    bucket.checkOk = row.at(5).toLongLong();
    bucket.viaFallback = row.at(6).toLongLong();
    bucket.dnsLatencySumUs = row.at(7).toLongLong();
    bucket.dnsLatencyMaxUs = row.at(8).toLongLong();
    bucket.checkLatencySumUs = row.at(9).toLongLong();
    bucket.checkLatencyMaxUs = row.at(10).toLongLong();
    bucket.dnsLatency = histogramOf(row, FirstHistogramColumn);
    bucket.checkLatency = histogramOf(row, FirstHistogramColumn + LatencyHistogram::BucketCount);
    return bucket;
}

bool keepsMaximum(const QString &bucketColumn)
{
    return bucketColumn.endsWith(QLatin1String("_max_us"));
}

// The rows the decoders are built for.
#define HISTORY_ROW_DECODERS(Row) \
    template ProbeResult resultOf(const Row &); \
    template StoredEvent eventOf(const Row &); \
    template std::pair<QString, PinnedFallback> pinOf(const Row &); \
    template KnownGoodAnswer knownGoodOf(const Row &); \
    template CacheCensus censusOf(const Row &); \
    template LatencyHistogram histogramOf(const Row &, int); \
    template HistoryBucket bucketOf(const Row &, int);
HISTORY_ROW_DECODERS(QVariantList)
HISTORY_ROW_DECODERS(SqlRow)
#undef HISTORY_ROW_DECODERS

} // namespace HistoryRowCodec
