// The history's rows without a database: every kind of row becomes column values and comes back
// as it was, hostile text and extreme histograms included; each row has one value per column,
// and the columns are the ones the schema creates, in its order.
#include "store/historyrowcodec.h"
#include "store/historyschema.h"
#include "testaddresses.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <limits>

using namespace HistoryRowCodec;

Q_DECLARE_METATYPE(PinnedFallback)
Q_DECLARE_METATYPE(LatencyHistogram)
Q_DECLARE_METATYPE(HistoryBucket)

namespace {

const QDateTime BaseTime = QDateTime(QDate(2026, 11, 20), QTime(12, 34, 56, 789), Qt::UTC);
const QDateTime BaseMinute = QDateTime(QDate(2026, 11, 20), QTime(12, 34), Qt::UTC);

// Text that must come back exactly: SQL, the separators the rows use, JSON, escapes, NUL,
// right-to-left and astral characters, and a long one.
QList<std::pair<const char *, QString>> hostileTexts()
{
    return {
            {"null", QString()},
            {"empty", QStringLiteral("")},
            {"sql", QStringLiteral("x'); DROP TABLE results; --")},
            {"commas", QStringLiteral(",a,,b,")},
            {"quotes", QStringLiteral("\" ' ` \\\" \\")},
            {"json", QStringLiteral("[{\"what\": \"GET /\", \"http_status\": 500}]")},
            {"control", QStringLiteral("line\nbreak\r\n\ttab\x1b[31m")},
            {"nul", QString::fromUtf16(u"before\0after", 12)},
            {"unicode", QStringLiteral("grüße \u202eevil\u202c 💥 名前")},
            {"placeholders", QStringLiteral("%1 %2 ? :name @x")},
            {"long", QStringLiteral("0123456789").repeated(10'000)},
    };
}

ProbeResult fullResult(const QString &text)
{
    ProbeResult result;
    result.time = BaseTime;
    result.target = text;
    result.resolution.host = text;
    result.resolution.resolver = text;
    result.resolution.kind = RecordKind::AAAA;
    result.resolution.source = ResolutionSource::Stale;
    result.resolution.cause = FailureCause::ServFail;
    result.resolution.addresses = ips({QStringLiteral("10.0.0.1"), QStringLiteral("fd00::1")});
    result.resolution.server = text;
    result.resolution.detail = text;
    result.resolution.latencyUs = 1'234'567;
    result.checked = true;
    result.check.ok = true;
    result.check.address = QHostAddress(QStringLiteral("fd00::1"));
    result.check.latencyUs = 7'654'321;
    result.check.detail = text;
    result.check.attempts = {{text, 503, text, 1200},
                             {QStringLiteral("GET /health"), 200, QString(), 900},
                             {text, 0, QStringLiteral("connection refused"), 0}};
    result.reachable = true;
    result.resolution.validation = DnssecValidation::NotValidated;
    // Server text is kept printable and bounded when it is read off the wire: such text here.
    result.resolution.extendedErrors = {
            {6, QStringLiteral("validation failure <a.test. A IN>: \"sig\", expired; ' --")},
            {3, QString()}};
    return result;
}

void compareResults(const ProbeResult &actual, const ProbeResult &expected)
{
    QCOMPARE(actual.time, expected.time);
    QCOMPARE(actual.target, expected.target);
    const LookupResult &dns = actual.resolution;
    QCOMPARE(dns.host, expected.resolution.host);
    QCOMPARE(dns.resolver, expected.resolution.resolver);
    QCOMPARE(dns.kind, expected.resolution.kind);
    QCOMPARE(dns.source, expected.resolution.source);
    QCOMPARE(dns.cause, expected.resolution.cause);
    QCOMPARE(dns.addresses, expected.resolution.addresses);
    QCOMPARE(dns.server, expected.resolution.server);
    QCOMPARE(dns.detail, expected.resolution.detail);
    QCOMPARE(dns.latencyUs, expected.resolution.latencyUs);
    QCOMPARE(actual.checked, expected.checked);
    QCOMPARE(actual.check.ok, expected.check.ok);
    QCOMPARE(actual.check.address, expected.check.address);
    QCOMPARE(actual.check.latencyUs, expected.check.latencyUs);
    QCOMPARE(actual.check.detail, expected.check.detail);
    QCOMPARE(actual.check.attempts.size(), expected.check.attempts.size());
    for (qsizetype i = 0; i < actual.check.attempts.size(); ++i) {
        const CheckAttempt &attempt = actual.check.attempts[i];
        QCOMPARE(attempt.what, expected.check.attempts[i].what);
        QCOMPARE(attempt.httpStatus, expected.check.attempts[i].httpStatus);
        QCOMPARE(attempt.error, expected.check.attempts[i].error);
        QCOMPARE(attempt.latencyUs, expected.check.attempts[i].latencyUs);
    }
    QCOMPARE(actual.reachable, expected.reachable);
    QCOMPARE(dns.validation, expected.resolution.validation);
    QCOMPARE(dns.extendedErrors, expected.resolution.extendedErrors);
}

void compareHistograms(const LatencyHistogram &actual, const LatencyHistogram &expected)
{
    for (int bucket = 0; bucket < LatencyHistogram::BucketCount; ++bucket)
        QCOMPARE(actual.bucketCount(bucket), expected.bucketCount(bucket));
    QCOMPARE(actual.count(), expected.count());
}

// A histogram as the history gives it back: counts per bucket, no sum.
LatencyHistogram countsOnly(const std::array<quint64, LatencyHistogram::BucketCount> &counts)
{
    LatencyHistogram histogram;
    for (int bucket = 0; bucket < LatencyHistogram::BucketCount; ++bucket)
        histogram.addToBucket(bucket, counts[size_t(bucket)]);
    return histogram;
}

} // namespace

class TestHistoryRowCodec : public QObject
{
    Q_OBJECT

private slots:
    void resultsComeBack_data()
    {
        QTest::addColumn<ProbeResult>("result");
        ProbeResult nothing; // no lookup answered, nothing checked
        nothing.time = BaseTime;
        QTest::newRow("nothing") << nothing;
        ProbeResult unchecked = fullResult(QStringLiteral("api"));
        unchecked.checked = false;
        unchecked.check = CheckOutcome();
        unchecked.reachable = false;
        QTest::newRow("unchecked") << unchecked;
        ProbeResult extremes = fullResult(QStringLiteral("api"));
        extremes.resolution.latencyUs = std::numeric_limits<qint64>::max();
        extremes.check.latencyUs = 0;
        extremes.check.attempts[0].httpStatus = -1;
        extremes.check.attempts[0].latencyUs = std::numeric_limits<qint64>::max();
        QTest::newRow("extremes") << extremes;
        ProbeResult validated = fullResult(QStringLiteral("api"));
        validated.resolution.validation = DnssecValidation::Validated;
        validated.resolution.extendedErrors.clear();
        QTest::newRow("validated, no errors") << validated;
        for (const auto &[name, text] : hostileTexts())
            QTest::newRow(name) << fullResult(text);
    }
    void resultsComeBack()
    {
        QFETCH(ProbeResult, result);
        const QVariantList row = resultRow(result);
        QCOMPARE(row.size(), resultColumns().size());
        compareResults(resultOf(row), result);
    }

    void everyKindSourceAndCauseComesBack()
    {
        for (const RecordKind kind : {RecordKind::A, RecordKind::AAAA, RecordKind::Both}) {
            for (int source = int(ResolutionSource::None); source <= int(ResolutionSource::Env);
                 ++source) {
                for (int cause = int(FailureCause::None); cause <= int(LastFailureCause); ++cause) {
                    ProbeResult result = fullResult(QStringLiteral("api"));
                    result.resolution.kind = kind;
                    result.resolution.source = ResolutionSource(source);
                    result.resolution.cause = FailureCause(cause);
                    const LookupResult back = resultOf(resultRow(result)).resolution;
                    QCOMPARE(back.kind, kind);
                    QCOMPARE(back.source, ResolutionSource(source));
                    QCOMPARE(back.cause, FailureCause(cause));
                }
            }
        }
    }

    void namesThisBuildDoesNotKnowReadAsDefaults()
    {
        // A row another version wrote, or one edited by hand.
        QVariantList row = resultRow(fullResult(QStringLiteral("api")));
        row[4] = QStringLiteral("SRV");
        row[5] = QStringLiteral("carrier-pigeon");
        row[6] = QStringLiteral("solar-flare");
        row[16] = QStringLiteral("not json");
        const ProbeResult result = resultOf(row);
        QCOMPARE(result.resolution.kind, RecordKind::Both);
        QCOMPARE(result.resolution.source, ResolutionSource::None);
        QCOMPARE(result.resolution.cause, FailureCause::None);
        QVERIFY(result.check.attempts.isEmpty());
        QCOMPARE(result.target, QStringLiteral("api"));
    }

    void eventsComeBack_data()
    {
        QTest::addColumn<StoredEvent>("event");
        StoredEvent nothing;
        nothing.time = BaseTime;
        QTest::newRow("nothing") << nothing;
        ResolverEvent fallback;
        fallback.time = BaseTime;
        fallback.kind = ResolverEvent::Kind::FallbackEntered;
        fallback.resolver = QStringLiteral("lab");
        fallback.host = QStringLiteral("api.test");
        fallback.tier = ResolutionSource::Pinned;
        fallback.cause = FailureCause::Timeout;
        fallback.before = ips({QStringLiteral("10.0.0.1"), QStringLiteral("fd00::1")});
        fallback.after = ips({QStringLiteral("10.9.9.9")});
        fallback.detail = QStringLiteral("3 servers timed out");
        QTest::newRow("resolver event") << StoredEvent::fromResolverEvent(fallback);
        ResolverEvent bogus = fallback;
        bogus.validation = DnssecValidation::NotValidated;
        bogus.extendedErrors = {{6, QStringLiteral("validation failure <good.test. A IN>")}};
        QTest::newRow("with verdict and errors") << StoredEvent::fromResolverEvent(bogus);
        ResolverEvent validated = fallback;
        validated.validation = DnssecValidation::Validated;
        QTest::newRow("validated") << StoredEvent::fromResolverEvent(validated);
        QTest::newRow("state change") << StoredEvent::fromStateChange(
                BaseTime, QStringLiteral("api"), TargetState::Healthy, TargetState::Down,
                QStringLiteral("HTTP 503"));
        for (const auto &[name, text] : hostileTexts()) {
            StoredEvent event = StoredEvent::fromResolverEvent(fallback);
            event.kind = event.target = event.resolver = event.host = event.tier = event.cause =
                    event.detail = text;
            QTest::newRow(name) << event;
        }
    }
    void eventsComeBack()
    {
        QFETCH(StoredEvent, event);
        const QVariantList row = eventRow(event);
        QCOMPARE(row.size(), eventColumns().size());
        QCOMPARE(eventOf(row), event);
    }

    void pinsComeBack_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<PinnedFallback>("pin");
        PinnedFallback pin;
        pin.addresses = ips({QStringLiteral("10.1.1.1"), QStringLiteral("fd00::9")});
        pin.reason = QStringLiteral("INC-42");
        pin.pinnedAt = BaseTime;
        QTest::newRow("until unpinned") << QStringLiteral("api.test") << pin;
        PinnedFallback expiring = pin;
        expiring.expiresAt = BaseTime.addSecs(3600);
        QTest::newRow("expiring") << QStringLiteral("api.test") << expiring;
        PinnedFallback bare;
        bare.pinnedAt = BaseTime;
        QTest::newRow("no addresses, no reason") << QString() << bare;
        for (const auto &[name, text] : hostileTexts()) {
            PinnedFallback hostile = expiring;
            hostile.reason = text;
            QTest::newRow(name) << text << hostile;
        }
    }
    void pinsComeBack()
    {
        QFETCH(QString, host);
        QFETCH(PinnedFallback, pin);
        const QVariantList row = pinRow(host, pin);
        QCOMPARE(row.size(), pinColumns().size());
        // The schema's NULL, not 0: "until unpinned" is no expiry at the epoch.
        QCOMPARE(row.at(pinColumns().indexOf(QStringLiteral("expires_at_ms"))).isNull(),
                 !pin.expiresAt);
        const auto [backHost, back] = pinOf(row);
        QCOMPARE(backHost, host);
        QCOMPARE(back.addresses, pin.addresses);
        QCOMPARE(back.origin, PinnedFallback::Origin::Operator);
        QCOMPARE(back.reason, pin.reason);
        QCOMPARE(back.pinnedAt, pin.pinnedAt);
        QCOMPARE(back.expiresAt, pin.expiresAt);
    }

    void knownGoodAnswersComeBack_data()
    {
        QTest::addColumn<KnownGoodAnswer>("answer");
        for (const RecordKind kind : {RecordKind::A, RecordKind::AAAA, RecordKind::Both}) {
            KnownGoodAnswer answer;
            answer.resolver = QStringLiteral("lab");
            answer.host = QStringLiteral("api.test");
            answer.kind = kind;
            answer.addresses = ips({QStringLiteral("10.0.0.1"), QStringLiteral("fd00::1")});
            answer.server = QStringLiteral("127.0.0.1:53");
            answer.resolvedAt = BaseTime;
            answer.expiresAt = BaseTime.addSecs(300);
            QTest::addRow("%s", qPrintable(recordKindName(kind))) << answer;
            for (const DnssecValidation validation :
                 {DnssecValidation::Validated, DnssecValidation::NotValidated}) {
                answer.validation = validation;
                QTest::addRow("%s %s", qPrintable(recordKindName(kind)),
                              qPrintable(dnssecValidationName(validation)))
                        << answer;
            }
        }
        KnownGoodAnswer empty;
        empty.resolvedAt = empty.expiresAt = BaseTime;
        QTest::newRow("empty") << empty;
        for (const auto &[name, text] : hostileTexts()) {
            KnownGoodAnswer answer;
            answer.resolver = answer.host = answer.server = text;
            answer.addresses = ips({QStringLiteral("fd00::1")});
            answer.resolvedAt = BaseTime;
            answer.expiresAt = BaseTime.addDays(1);
            QTest::newRow(name) << answer;
        }
    }
    void knownGoodAnswersComeBack()
    {
        QFETCH(KnownGoodAnswer, answer);
        const QVariantList row = knownGoodRow(answer);
        QCOMPARE(row.size(), knownGoodColumns().size());
        const KnownGoodAnswer back = knownGoodOf(row);
        QCOMPARE(back.resolver, answer.resolver);
        QCOMPARE(back.host, answer.host);
        QCOMPARE(back.kind, answer.kind);
        QCOMPARE(back.addresses, answer.addresses);
        QCOMPARE(back.server, answer.server);
        QCOMPARE(back.resolvedAt, answer.resolvedAt);
        QCOMPARE(back.expiresAt, answer.expiresAt);
        QCOMPARE(back.validation, answer.validation);
    }

    void censusComesBackByTheMinute_data()
    {
        QTest::addColumn<CacheCensus>("census");
        QTest::addColumn<QDateTime>("minute");
        CacheCensus empty;
        empty.time = BaseMinute;
        QTest::newRow("empty") << empty << BaseMinute;
        CacheCensus means;
        means.time = BaseTime; // mid-minute: kept as its minute
        means.counts = {1.0 / 3, 2.5, 0, 1e-300, 1e300, 200};
        QTest::newRow("means") << means << BaseMinute;
    }
    void censusComesBackByTheMinute()
    {
        QFETCH(CacheCensus, census);
        QFETCH(QDateTime, minute);
        const QVariantList row = censusRow(census);
        QCOMPARE(row.size(), censusColumns().size());
        CacheCensus expected = census;
        expected.time = minute;
        QCOMPARE(censusOf(row), expected);
    }

    void histogramsComeBack_data()
    {
        QTest::addColumn<LatencyHistogram>("histogram");
        QTest::newRow("empty") << LatencyHistogram();
        LatencyHistogram everyBucket;
        for (const double bound : LatencyHistogram::UpperBounds)
            everyBucket.add(bound);
        everyBucket.add(60); // +Inf
        QTest::newRow("every bucket") << everyBucket;
        LatencyHistogram odd; // samples no probe should give
        for (const double seconds : {-1.0, 0.0, std::numeric_limits<double>::infinity(),
                                     std::numeric_limits<double>::quiet_NaN(), 1e308})
            odd.add(seconds);
        QTest::newRow("odd samples") << odd;
        std::array<quint64, LatencyHistogram::BucketCount> huge;
        huge.fill(quint64(1) << 62);
        QTest::newRow("huge counts") << countsOnly(huge);
        std::array<quint64, LatencyHistogram::BucketCount> onlyInf{};
        onlyInf.back() = 7;
        QTest::newRow("only +Inf") << countsOnly(onlyInf);
    }
    void histogramsComeBack()
    {
        QFETCH(LatencyHistogram, histogram);
        // Behind other columns, as in the aggregate rows.
        QVariantList row{QStringLiteral("target"), 42};
        appendHistogram(&row, histogram);
        QCOMPARE(row.size(), 2 + LatencyHistogram::BucketCount);
        const LatencyHistogram back = histogramOf(row, 2);
        compareHistograms(back, histogram);
        QCOMPARE(back.sum(), 0.0); // the rows keep sums in microseconds, apart
    }

    void bucketsComeBack_data()
    {
        QTest::addColumn<HistoryBucket>("bucket");
        HistoryBucket empty;
        empty.start = BaseMinute;
        QTest::newRow("empty") << empty;
        HistoryBucket full;
        full.target = QStringLiteral("api");
        full.start = BaseMinute;
        full.probes = 6;
        full.dnsOk = 5;
        full.checks = 4;
        full.checkOk = 3;
        full.viaFallback = 1;
        full.dnsLatencySumUs = 6000;
        full.dnsLatencyMaxUs = 2500;
        full.checkLatencySumUs = 40'000;
        full.checkLatencyMaxUs = 20'000;
        std::array<quint64, LatencyHistogram::BucketCount> dns{};
        dns[2] = 4;
        dns[5] = 2;
        std::array<quint64, LatencyHistogram::BucketCount> check{};
        check[6] = 3;
        check.back() = 1;
        full.dnsLatency = countsOnly(dns);
        full.checkLatency = countsOnly(check);
        QTest::newRow("full") << full;
        HistoryBucket extremes = full;
        extremes.probes = extremes.dnsLatencySumUs = extremes.checkLatencyMaxUs =
                std::numeric_limits<qint64>::max();
        std::array<quint64, LatencyHistogram::BucketCount> huge;
        huge.fill(quint64(1) << 62);
        extremes.checkLatency = countsOnly(huge);
        QTest::newRow("extremes") << extremes;
        for (const auto &[name, text] : hostileTexts()) {
            HistoryBucket hostile = full;
            hostile.target = text;
            QTest::newRow(name) << hostile;
        }
    }
    void bucketsComeBack()
    {
        QFETCH(HistoryBucket, bucket);
        const QVariantList row = bucketRow(bucket);
        QCOMPARE(row.size(), bucketColumns().size());
        QCOMPARE(bucketOf(row, bucket.widthS), bucket);
        // The width is the table's or the query's, not the row's.
        QCOMPARE(bucketOf(row, 3600).widthS, 3600);
    }

    void bucketStartsAreKeptToTheMinute()
    {
        HistoryBucket bucket;
        bucket.start = BaseTime;
        QCOMPARE(bucketOf(bucketRow(bucket), 60).start, BaseMinute);
    }

    void onlyTheLatencyMaximaKeepTheLarger()
    {
        QStringList maxima;
        for (const QString &column : bucketColumns()) {
            if (keepsMaximum(column))
                maxima += column;
        }
        QCOMPARE(maxima,
                 QStringList({QStringLiteral("dns_latency_max_us"),
                              QStringLiteral("check_latency_max_us")}));
    }

    void columnsAreTheSchemas_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QStringList>("columns");
        QTest::newRow("results") << QStringLiteral("results") << resultColumns();
        // The id orders events of one millisecond; it is the table's, not the event's.
        QTest::newRow("events") << QStringLiteral("events")
                                << QStringList{QStringLiteral("id")} + eventColumns();
        QTest::newRow("pins") << QStringLiteral("pins") << pinColumns();
        QTest::newRow("known_good") << QStringLiteral("known_good") << knownGoodColumns();
        QTest::newRow("cache_census") << QStringLiteral("cache_census") << censusColumns();
        QTest::newRow("minute_aggregates")
                << QStringLiteral("minute_aggregates") << bucketColumns();
        QTest::newRow("hour_aggregates") << QStringLiteral("hour_aggregates") << bucketColumns();
    }
    void columnsAreTheSchemas()
    {
        QFETCH(QString, table);
        QFETCH(QStringList, columns);
        QStringList schema;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                        QStringLiteral("schema"));
            db.setDatabaseName(QStringLiteral(":memory:"));
            QVERIFY(db.open());
            QSqlQuery query(db);
            for (const SchemaStep &step : HistorySchema::steps()) {
                for (const QString &sql : step.statements)
                    QVERIFY2(query.exec(sql), qPrintable(sql));
            }
            QVERIFY(query.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table)));
            while (query.next())
                schema += query.value(1).toString();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("schema"));
        QCOMPARE(columns, schema);
    }
};

QTEST_GUILESS_MAIN(TestHistoryRowCodec)
#include "tst_historyrowcodec.moc"
