// The history store on real SQLite files in a temporary directory: what goes in comes back out,
// aggregates add up, retention removes what it should, writes are batched as promised, failed
// writes are kept, and files it must not use (newer, foreign, damaged) are refused untouched.
#include "clock.h"
#include "store/historystore.h"
#include "testaddresses.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QDateTime BaseTime = QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);

ProbeResult result(const QString &target, const QDateTime &time, ResolutionSource source,
                   bool reachable, qint64 dnsUs = 1000, qint64 checkUs = 3000)
{
    ProbeResult r;
    r.time = time;
    r.target = target;
    r.resolution.host = target + QStringLiteral(".test");
    r.resolution.resolver = QStringLiteral("lab");
    r.resolution.kind = RecordKind::A;
    r.resolution.source = source;
    if (source != ResolutionSource::None)
        r.resolution.addresses = ips({QStringLiteral("10.0.0.1"), QStringLiteral("fd00::1")});
    if (isFallbackSource(source) || source == ResolutionSource::None)
        r.resolution.cause = FailureCause::Timeout;
    r.resolution.latencyUs = dnsUs;
    r.resolution.server = QStringLiteral("127.0.0.1:5300");
    r.checked = source != ResolutionSource::None;
    r.check.ok = reachable;
    r.check.address = QHostAddress(QStringLiteral("10.0.0.1"));
    r.check.latencyUs = r.checked ? checkUs : 0;
    r.check.detail = reachable ? QString() : QStringLiteral("HTTP 503");
    r.check.attempts = {{QStringLiteral("GET /health"), 503, QStringLiteral("HTTP 503"), 1200},
                        {QStringLiteral("GET /health"), 200, QString(), 900}};
    r.reachable = reachable;
    return r;
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// Raw SQL on a file, as another program would do it.
bool rawSql(const QString &path, const QStringList &statements)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                    QStringLiteral("raw"));
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery query(db);
        for (const QString &sql : statements) {
            if (ok && !query.exec(sql)) {
                qWarning() << sql << query.lastError().text();
                ok = false;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return ok;
}

} // namespace

class TestHistoryStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    QString freshPath() { return m_dir.filePath(QStringLiteral("history-%1.db").arg(++m_files)); }

    // A store on path, opened; fails the test when it does not open.
    std::unique_ptr<HistoryStore> openStore(const QString &path, Clock *clock,
                                            HistoryPolicy policy = HistoryPolicy(),
                                            SchemaReport *reportOut = nullptr)
    {
        auto store = std::make_unique<HistoryStore>(policy, 3600, clock);
        std::optional<SchemaReport> report;
        store->open(path, [&](const SchemaReport &r) { report = r; });
        if (!QTest::qWaitFor([&] { return report.has_value(); }, 10'000))
            return nullptr;
        if (reportOut)
            *reportOut = *report;
        if (!report->ok)
            qWarning() << report->error;
        return report->ok ? std::move(store) : nullptr;
    }

    template<typename T>
    static std::optional<T> waitFor(std::function<void(HistoryStore::ReadCallback<T>)> start)
    {
        std::optional<T> value;
        bool answered = false;
        start([&](const std::optional<T> &v, const QString &error) {
            if (!v)
                qWarning() << error;
            value = v;
            answered = true;
        });
        if (!QTest::qWaitFor([&] { return answered; }, 10'000))
            qWarning() << "the store did not answer within 10 s";
        return value;
    }

    static SchemaReport openReport(const QString &path,
                                   const QList<SchemaStep> &steps = HistorySchema::steps())
    {
        HistoryDatabase db(QStringLiteral("probe"));
        return db.open(path, steps);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void newFileGetsTheLayout()
    {
        const QString path = freshPath();
        const SchemaReport report = openReport(path);
        QVERIFY2(report.ok, qPrintable(report.error));
        QVERIFY(report.created);
        QCOMPARE(report.fromVersion, 0);
        QCOMPARE(report.toVersion, HistorySchema::currentVersion());
        QVERIFY(report.backupPath.isEmpty()); // nothing to back up
        // Opening it again finds it current and changes nothing.
        const SchemaReport again = openReport(path);
        QVERIFY2(again.ok, qPrintable(again.error));
        QVERIFY(!again.created);
        QCOMPARE(again.fromVersion, HistorySchema::currentVersion());
    }

    void resultsComeBackAsWritten()
    {
        ManualClock clock;
        auto store = openStore(freshPath(), &clock);
        QVERIFY(store);
        ProbeResult stale = result(QStringLiteral("api"), BaseTime, ResolutionSource::Stale, true);
        stale.resolution.detail = QStringLiteral("timeout from 127.0.0.1:5300");
        const ProbeResult down = result(QStringLiteral("api"), BaseTime.addSecs(10),
                                        ResolutionSource::None, false);
        store->recordResult(stale);
        store->recordResult(down);
        store->recordResult(result(QStringLiteral("db"), BaseTime, ResolutionSource::Fresh, true));
        const auto read = waitFor<QList<ProbeResult>>([&](auto done) {
            store->readResults(QStringLiteral("api"), BaseTime, BaseTime.addSecs(60), 100, this,
                               done);
        });
        QVERIFY(read);
        QCOMPARE(read->size(), 2);
        const ProbeResult &first = read->at(0);
        QCOMPARE(first.time, stale.time);
        QCOMPARE(first.resolution.source, ResolutionSource::Stale);
        QCOMPARE(first.resolution.cause, FailureCause::Timeout);
        QCOMPARE(first.resolution.addresses, stale.resolution.addresses);
        QCOMPARE(first.resolution.kind, RecordKind::A);
        QCOMPARE(first.resolution.detail, stale.resolution.detail);
        QCOMPARE(first.resolution.server, stale.resolution.server);
        QCOMPARE(first.check.attempts.size(), 2);
        QCOMPARE(first.check.attempts[0].httpStatus, 503);
        QCOMPARE(first.check.attempts[0].error, QStringLiteral("HTTP 503"));
        QCOMPARE(first.check.attempts[1].latencyUs, 900);
        QVERIFY(first.keptReachableByFallback());
        QCOMPARE(read->at(1).resolution.source, ResolutionSource::None);
        QVERIFY(!read->at(1).reachable);
        QCOMPARE(read->at(1).check.detail, QStringLiteral("HTTP 503"));
        // The newest n of a range, oldest first.
        const auto newest = waitFor<QList<ProbeResult>>([&](auto done) {
            store->readResults(QStringLiteral("api"), BaseTime, BaseTime.addSecs(60), 1, this, done);
        });
        QCOMPARE(newest->size(), 1);
        QCOMPARE(newest->at(0).time, down.time);
    }

    void aggregatesAddUpPerMinuteAndHour()
    {
        ManualClock clock;
        auto store = openStore(freshPath(), &clock);
        QVERIFY(store);
        // 100 probes over 100 s: 0-9 fail outright, 10-19 reach through the stale tier.
        for (int i = 0; i < 100; ++i) {
            const auto source = i < 10 ? ResolutionSource::None
                    : i < 20           ? ResolutionSource::Stale
                                       : ResolutionSource::Fresh;
            store->recordResult(result(QStringLiteral("api"), BaseTime.addSecs(i), source, i >= 10,
                                       1000 + i, 2000));
        }
        const auto minutes = waitFor<QList<HistoryBucket>>([&](auto done) {
            store->readBuckets(BaseTime, BaseTime.addSecs(3600), 60, this, done);
        });
        QVERIFY(minutes);
        QCOMPARE(minutes->size(), 2);
        QCOMPARE(minutes->at(0).start, BaseTime);
        QCOMPARE(minutes->at(0).probes, 60);
        QCOMPARE(minutes->at(1).probes, 40);
        qint64 dnsOk = 0, checkOk = 0, checks = 0, viaFallback = 0;
        for (const HistoryBucket &bucket : *minutes) {
            dnsOk += bucket.dnsOk;
            checkOk += bucket.checkOk;
            checks += bucket.checks;
            viaFallback += bucket.viaFallback;
        }
        QCOMPARE(dnsOk, 80);
        QCOMPARE(checkOk, 90);
        QCOMPARE(checks, 90);
        QCOMPARE(viaFallback, 10);
        QCOMPARE(minutes->at(1).dnsLatencyMaxUs, 1099);
        QCOMPARE(minutes->at(0).checkLatencySumUs, 50 * 2000); // 10 of 60 had nothing to check

        // An hour bucket (read from the hour rows) holds the same sums.
        const auto hours = waitFor<QList<HistoryBucket>>([&](auto done) {
            store->readBuckets(BaseTime, BaseTime.addSecs(3600), 3600, this, done);
        });
        QCOMPARE(hours->size(), 1);
        QCOMPARE(hours->at(0).probes, 100);
        QCOMPARE(hours->at(0).dnsOk, 80);
        QCOMPARE(hours->at(0).viaFallback, 10);
        QCOMPARE(hours->at(0).widthS, 3600);
        // Five-minute buckets come from the minute rows.
        const auto fives = waitFor<QList<HistoryBucket>>([&](auto done) {
            store->readBuckets(BaseTime, BaseTime.addSecs(3600), 300, this, done);
        });
        QCOMPARE(fives->size(), 1);
        QCOMPARE(fives->at(0).probes, 100);
    }

    // "All targets": every target's bucket summed by SQLite, one row per bucket, equal to the
    // per-target rows added up.
    void summedBucketsAddEveryTargetUp()
    {
        ManualClock clock;
        auto store = openStore(freshPath(), &clock);
        QVERIFY(store);
        for (int i = 0; i < 120; ++i) {
            const QString target = QStringLiteral("t%1").arg(i % 3);
            store->recordResult(result(target, BaseTime.addSecs(i * 60), ResolutionSource::Fresh,
                                       i % 4 != 0, 1000 + i * 10, 2000));
        }
        for (const int widthS : {600, 3600}) {
            const auto each = waitFor<QList<HistoryBucket>>([&](auto done) {
                store->readBuckets(BaseTime, BaseTime.addSecs(7200), widthS, this, done);
            });
            const auto summed = waitFor<QList<HistoryBucket>>([&](auto done) {
                store->readSummedBuckets(BaseTime, BaseTime.addSecs(7200), widthS, this, done);
            });
            QVERIFY(each && summed);
            QCOMPARE(summed->size(), 7200 / widthS);
            QCOMPARE(each->size(), 3 * summed->size());
            for (const HistoryBucket &bucket : *summed) {
                QVERIFY(bucket.target.isEmpty());
                QCOMPARE(bucket.widthS, widthS);
                qint64 probes = 0, checkOk = 0, dnsSum = 0;
                LatencyHistogram latency;
                for (const HistoryBucket &one : *each) {
                    if (one.start != bucket.start)
                        continue;
                    probes += one.probes;
                    checkOk += one.checkOk;
                    dnsSum += one.dnsLatencySumUs;
                    latency.merge(one.dnsLatency);
                }
                QCOMPARE(bucket.probes, probes);
                QCOMPARE(bucket.checkOk, checkOk);
                QCOMPARE(bucket.dnsLatencySumUs, dnsSum);
                QVERIFY(bucket.dnsLatency == latency);
            }
        }
    }

    // Latencies are kept as histograms per minute and hour, so quantiles hold over any range:
    // 90 answers at 2 ms and 10 at 80 ms put p50 in (1, 2.5] ms and p95 in (50, 100] ms.
    void aggregatesKeepLatencyHistograms()
    {
        ManualClock clock;
        auto store = openStore(freshPath(), &clock);
        QVERIFY(store);
        for (int i = 0; i < 100; ++i) {
            const bool slow = i % 10 == 9;
            // The first 5 had no address, so no check: they are not 0 ms checks.
            store->recordResult(result(QStringLiteral("api"), BaseTime.addSecs(i),
                                       i < 5 ? ResolutionSource::None : ResolutionSource::Fresh,
                                       i >= 5, slow ? 80'000 : 2'000, 30'000));
        }
        for (const int widthS : {60, 300, 3600}) {
            const auto buckets = waitFor<QList<HistoryBucket>>([&](auto done) {
                store->readBuckets(BaseTime, BaseTime.addSecs(3600), widthS, this, done);
            });
            QVERIFY(buckets);
            LatencyHistogram dns, check;
            for (const HistoryBucket &bucket : *buckets) {
                dns.merge(bucket.dnsLatency);
                check.merge(bucket.checkLatency);
            }
            QCOMPARE(dns.count(), 100u);
            QCOMPARE(dns.bucketCount(2), 90u); // (1, 2.5] ms
            QCOMPARE(dns.bucketCount(7), 10u); // (50, 100] ms
            QVERIFY2(dns.quantile(0.5) > 0.001 && dns.quantile(0.5) <= 0.0025,
                     qPrintable(QString::number(dns.quantile(0.5))));
            QVERIFY2(dns.quantile(0.95) > 0.05 && dns.quantile(0.95) <= 0.1,
                     qPrintable(QString::number(dns.quantile(0.95))));
            QCOMPARE(check.count(), 95u);
            QCOMPARE(check.bucketCount(6), 95u); // (25, 50] ms
        }
    }

    void cacheCensusIsKeptByTheMinute()
    {
        ManualClock clock;
        auto store = openStore(freshPath(), &clock);
        QVERIFY(store);
        // Minute 0: 4 fresh and 1 stale; minute 1: 2 fresh, 2 stale, 1 missing; a later census
        // of minute 1 replaces the first.
        const auto census = [](const QDateTime &time, double fresh, double stale, double missing) {
            CacheCensus one;
            one.time = time;
            one.counts[size_t(CacheEntrySnapshot::State::Fresh)] = fresh;
            one.counts[size_t(CacheEntrySnapshot::State::Stale)] = stale;
            one.counts[size_t(CacheEntrySnapshot::State::Missing)] = missing;
            return one;
        };
        store->recordCensus(census(BaseTime, 4, 1, 0));
        store->recordCensus(census(BaseTime.addSecs(60), 5, 0, 0));
        store->recordCensus(census(BaseTime.addSecs(60), 2, 2, 1));
        const auto minutes = waitFor<QList<CacheCensus>>([&](auto done) {
            store->readCensus(BaseTime, BaseTime.addSecs(600), 60, this, done);
        });
        QVERIFY(minutes);
        QCOMPARE(minutes->size(), 2);
        QCOMPARE(minutes->at(0), census(BaseTime, 4, 1, 0));
        QCOMPARE(minutes->at(1), census(BaseTime.addSecs(60), 2, 2, 1));
        // Wider buckets hold the mean of their minutes.
        const auto fives = waitFor<QList<CacheCensus>>([&](auto done) {
            store->readCensus(BaseTime, BaseTime.addSecs(600), 300, this, done);
        });
        QCOMPARE(fives->size(), 1);
        QCOMPARE(fives->at(0), census(BaseTime, 3, 1.5, 0.5));
    }

    // A schema-1 file (as the last release wrote it) is migrated: its aggregates stay, with no
    // histogram, and what is written from now on has one.
    void schemaOneFileIsMigratedWithItsAggregates()
    {
        const QString path = freshPath();
        QVERIFY(openReport(path, HistorySchema::steps().mid(0, 1)).ok);
        const qint64 minute = BaseTime.toMSecsSinceEpoch() / 60'000;
        QVERIFY(rawSql(path,
                       {QStringLiteral("INSERT INTO minute_aggregates VALUES ('api', %1, 6, 6, 6,"
                                       " 6, 0, 6000, 1000, 18000, 3000)")
                                .arg(minute)}));
        ManualClock clock;
        SchemaReport report;
        auto store = openStore(path, &clock, HistoryPolicy(), &report);
        QVERIFY(store);
        QCOMPARE(report.fromVersion, 1);
        QCOMPARE(report.toVersion, HistorySchema::currentVersion());
        QVERIFY(QFile::exists(report.backupPath));
        store->recordResult(result(QStringLiteral("api"), BaseTime.addSecs(30),
                                   ResolutionSource::Fresh, true, 2000, 3000));
        const auto buckets = waitFor<QList<HistoryBucket>>([&](auto done) {
            store->readBuckets(BaseTime, BaseTime.addSecs(60), 60, this, done);
        });
        QVERIFY(buckets);
        QCOMPARE(buckets->size(), 1);
        QCOMPARE(buckets->at(0).probes, 7);
        QCOMPARE(buckets->at(0).dnsLatencySumUs, 8000);
        QCOMPARE(buckets->at(0).dnsLatency.count(), 1u); // only the new result has a histogram
        QCOMPARE(buckets->at(0).dnsLatency.bucketCount(2), 1u);
    }

    void eventsPinsAndKnownGoodSurviveReopening()
    {
        ManualClock clock;
        const QString path = freshPath();
        {
            auto store = openStore(path, &clock);
            QVERIFY(store);
            ResolverEvent fallback;
            fallback.time = BaseTime;
            fallback.kind = ResolverEvent::Kind::FallbackEntered;
            fallback.resolver = QStringLiteral("lab");
            fallback.host = QStringLiteral("api.test");
            fallback.tier = ResolutionSource::Stale;
            fallback.cause = FailureCause::ServFail;
            fallback.before = ips({QStringLiteral("10.0.0.1")});
            fallback.detail = QStringLiteral("SERVFAIL from 127.0.0.1:5300; serving stale answer");
            store->recordEvent(StoredEvent::fromResolverEvent(fallback));
            store->recordEvent(StoredEvent::fromStateChange(
                    BaseTime.addSecs(1), QStringLiteral("api"), TargetState::Healthy,
                    TargetState::Degraded, QString()));
            PinnedFallback pin;
            pin.addresses = ips({QStringLiteral("10.1.1.1"), QStringLiteral("fd00::9")});
            pin.reason = QStringLiteral("INC-42");
            pin.pinnedAt = clock.wallTime();
            store->savePin(QStringLiteral("api.test"), pin);
            pin.expiresAt = clock.wallTime().addSecs(-1); // already over: not restored
            store->savePin(QStringLiteral("old.test"), pin);
            store->savePin(QStringLiteral("gone.test"), pin);
            store->removePin(QStringLiteral("gone.test"));
            KnownGoodAnswer answer;
            answer.resolver = QStringLiteral("lab");
            answer.host = QStringLiteral("api.test");
            answer.kind = RecordKind::AAAA;
            answer.addresses = ips({QStringLiteral("fd00::1")});
            answer.server = QStringLiteral("127.0.0.1:5300");
            answer.resolvedAt = clock.wallTime();
            answer.expiresAt = clock.wallTime().addSecs(300);
            store->keepKnownGood(answer);
            QString error;
            QVERIFY2(store->close(&error), qPrintable(error)); // close() writes what is queued
        }
        auto store = openStore(path, &clock);
        QVERIFY(store);
        const auto events = waitFor<QList<StoredEvent>>([&](auto done) {
            store->readEvents(BaseTime, BaseTime.addSecs(60), 100, this, done);
        });
        QVERIFY(events);
        QCOMPARE(events->size(), 2);
        QCOMPARE(events->at(0).kind, QStringLiteral("fallback_entered"));
        QCOMPARE(events->at(0).tier, QStringLiteral("stale"));
        QCOMPARE(events->at(0).cause, QStringLiteral("servfail"));
        QCOMPARE(events->at(0).before, QStringList{QStringLiteral("10.0.0.1")});
        QCOMPARE(events->at(0).host, QStringLiteral("api.test"));
        QCOMPARE(events->at(1).kind, StoredEvent::stateChangedKind());
        QCOMPARE(events->at(1).target, QStringLiteral("api"));
        QCOMPARE(events->at(1).after, QStringList{QStringLiteral("degraded")});
        // One kind only: the limit counts that kind's events alone.
        const auto fallbacks = waitFor<QList<StoredEvent>>([&](auto done) {
            store->readEvents(BaseTime, BaseTime.addSecs(60), 1, this, done,
                              QStringLiteral("fallback_entered"));
        });
        QVERIFY(fallbacks);
        QCOMPARE(fallbacks->size(), 1);
        QCOMPARE(fallbacks->at(0).kind, QStringLiteral("fallback_entered"));
        const auto none = waitFor<QList<StoredEvent>>([&](auto done) {
            store->readEvents(BaseTime, BaseTime.addSecs(60), 100, this, done,
                              QStringLiteral("addresses_changed"));
        });
        QVERIFY(none);
        QVERIFY(none->isEmpty());

        const auto state = waitFor<RestoredState>(
                [&](auto done) { store->readRestoredState(this, done); });
        QVERIFY(state);
        QCOMPARE(state->pins.keys(), QStringList{QStringLiteral("api.test")});
        const PinnedFallback &pin = state->pins.value(QStringLiteral("api.test"));
        QCOMPARE(pin.addresses, ips({QStringLiteral("10.1.1.1"), QStringLiteral("fd00::9")}));
        QCOMPARE(pin.reason, QStringLiteral("INC-42"));
        QCOMPARE(pin.origin, PinnedFallback::Origin::Operator);
        QVERIFY(!pin.expiresAt);
        QCOMPARE(state->knownGood.size(), 1);
        QCOMPARE(state->knownGood[0].kind, RecordKind::AAAA);
        QCOMPARE(state->knownGood[0].addresses, ips({QStringLiteral("fd00::1")}));
        QCOMPARE(state->knownGood[0].expiresAt, clock.wallTime().addSecs(300));
    }

    // Rows of a schema 4 file (before the DNSSEC verdict and the Extended DNS Errors had columns)
    // read as "not asked" and "none"; rows written after the migration keep both.
    void schemaFourRowsReadWithoutVerdictOrErrors()
    {
        ManualClock clock;
        const QString path = freshPath();
        QVERIFY(openReport(path, HistorySchema::steps().mid(0, 4)).ok);
        const qint64 ms = BaseTime.toMSecsSinceEpoch();
        QVERIFY(rawSql(
                path,
                {QStringLiteral("INSERT INTO results VALUES (%1, 'api', 'api.test', 'lab', 'A',"
                                " 'stale', 'servfail', '10.0.0.1', '127.0.0.1:5300',"
                                " 'SERVFAIL: DNSSEC Bogus (EDE 6)', 1000, 1, 1, '10.0.0.1', 3000,"
                                " '', '[]', 1)")
                         .arg(ms),
                 QStringLiteral("INSERT INTO events (time_ms, kind, target, resolver, host, tier,"
                                " cause, before, after, detail, ttl_s) VALUES (%1,"
                                " 'fallback_entered', '', 'lab', 'api.test', 'stale', 'servfail',"
                                " '', '10.0.0.1', 'DNSSEC Bogus (EDE 6)', NULL)")
                         .arg(ms),
                 QStringLiteral("INSERT INTO known_good VALUES ('lab', 'api.test', 'A',"
                                " '10.0.0.1', '127.0.0.1:5300', %1, %2)")
                         .arg(clock.wallTime().toMSecsSinceEpoch())
                         .arg(clock.wallTime().addSecs(60).toMSecsSinceEpoch())}));
        SchemaReport report;
        auto store = openStore(path, &clock, HistoryPolicy(), &report);
        QVERIFY(store);
        QCOMPARE(report.fromVersion, 4);
        ProbeResult validated = result(QStringLiteral("api"), BaseTime.addSecs(1),
                                       ResolutionSource::Fresh, true);
        validated.resolution.validation = DnssecValidation::Validated;
        validated.resolution.extendedErrors = {{3, QStringLiteral("upstream down")}};
        store->recordResult(validated);
        ResolverEvent failed;
        failed.time = BaseTime.addSecs(2);
        failed.kind = ResolverEvent::Kind::ResolutionFailed;
        failed.host = QStringLiteral("api.test");
        failed.validation = DnssecValidation::NotValidated;
        failed.extendedErrors = {{6, QString()}};
        store->recordEvent(StoredEvent::fromResolverEvent(failed));
        KnownGoodAnswer kept;
        kept.resolver = QStringLiteral("lab");
        kept.host = QStringLiteral("db.test");
        kept.addresses = ips({QStringLiteral("10.0.0.2")});
        kept.resolvedAt = clock.wallTime();
        kept.expiresAt = clock.wallTime().addSecs(60);
        kept.validation = DnssecValidation::Validated;
        store->keepKnownGood(kept);
        store->flush();

        const auto results = waitFor<QList<ProbeResult>>([&](auto done) {
            store->readResults(QStringLiteral("api"), BaseTime, BaseTime.addSecs(60), 100, this,
                               done);
        });
        QVERIFY(results);
        QCOMPARE(results->size(), 2);
        QCOMPARE(results->at(0).resolution.cause, FailureCause::ServFail);
        QCOMPARE(results->at(0).resolution.validation, DnssecValidation::NotAsked);
        QVERIFY(results->at(0).resolution.extendedErrors.isEmpty());
        QCOMPARE(results->at(1).resolution.validation, DnssecValidation::Validated);
        QCOMPARE(results->at(1).resolution.extendedErrors, validated.resolution.extendedErrors);

        const auto events = waitFor<QList<StoredEvent>>([&](auto done) {
            store->readEvents(BaseTime, BaseTime.addSecs(60), 100, this, done);
        });
        QVERIFY(events);
        QCOMPARE(events->size(), 2);
        QCOMPARE(events->at(0).detail, QStringLiteral("DNSSEC Bogus (EDE 6)"));
        QCOMPARE(events->at(0).validation, DnssecValidation::NotAsked);
        QVERIFY(events->at(0).extendedErrors.isEmpty());
        QCOMPARE(events->at(1).validation, DnssecValidation::NotValidated);
        QCOMPARE(events->at(1).extendedErrors, failed.extendedErrors);

        const auto state = waitFor<RestoredState>(
                [&](auto done) { store->readRestoredState(this, done); });
        QVERIFY(state);
        QCOMPARE(state->knownGood.size(), 2);
        for (const KnownGoodAnswer &answer : state->knownGood)
            QCOMPARE(answer.validation,
                     answer.host == QLatin1String("db.test") ? DnssecValidation::Validated
                                                             : DnssecValidation::NotAsked);
    }

    void theEventFeedsLastIdIsKeptNeverLoweredAndOldFilesOpen()
    {
        ManualClock clock;
        const QString path = freshPath();
        // A file of the layout before the meta table.
        QVERIFY(openReport(path, HistorySchema::steps().mid(0, 2)).ok);
        {
            SchemaReport report;
            auto store = openStore(path, &clock, HistoryPolicy(), &report);
            QVERIFY(store);
            QCOMPARE(report.fromVersion, 2);
            const auto none = waitFor<RestoredState>(
                    [&](auto done) { store->readRestoredState(this, done); });
            QVERIFY(none);
            QCOMPARE(none->eventFeedLastId, 0);
            store->keepEventFeedLastId(1'700'000'000'000'042);
            store->flush();
            store->keepEventFeedLastId(1'700'000'000'000'007); // an older one never lowers it
            QString error;
            QVERIFY2(store->close(&error), qPrintable(error));
        }
        auto store = openStore(path, &clock);
        QVERIFY(store);
        const auto state = waitFor<RestoredState>(
                [&](auto done) { store->readRestoredState(this, done); });
        QVERIFY(state);
        QCOMPARE(state->eventFeedLastId, 1'700'000'000'000'042);
    }

    void restartTakesBackTheLastDayOfCounts()
    {
        ManualClock clock;
        clock.advance(1234); // a restart is rarely on a whole second: nothing counts twice
        auto store = openStore(freshPath(), &clock);
        QVERIFY(store);
        const QDateTime now = clock.wallTime();
        // Ten results 5 h ago, four 10 min ago, two 2 days ago (outside the day).
        for (int i = 0; i < 10; ++i)
            store->recordResult(result(QStringLiteral("api"), now.addSecs(-5 * 3600 + i),
                                       ResolutionSource::Fresh, true));
        for (int i = 0; i < 4; ++i)
            store->recordResult(result(QStringLiteral("api"), now.addSecs(-600 + i),
                                       ResolutionSource::Stale, true));
        for (int i = 0; i < 2; ++i)
            store->recordResult(result(QStringLiteral("api"), now.addDays(-2).addSecs(i),
                                       ResolutionSource::Fresh, true));
        const auto state = waitFor<RestoredState>(
                [&](auto done) { store->readRestoredState(this, done); });
        QVERIFY(state);
        qint64 probes = 0, dnsOk = 0, minuteBuckets = 0;
        for (const HistoryBucket &bucket : state->lastDay) {
            probes += bucket.probes;
            dnsOk += bucket.dnsOk;
            minuteBuckets += bucket.widthS == 60;
        }
        QCOMPARE(probes, 14);
        QCOMPARE(dnsOk, 10);
        QCOMPARE(minuteBuckets, 1); // the recent ones by the minute, the older by the hour
    }

    void resultsWaitForTheFlushIntervalEventsDoNot()
    {
        ManualClock clock;
        HistoryPolicy policy;
        policy.flushIntervalMs = 1000;
        auto store = openStore(freshPath(), &clock, policy);
        QVERIFY(store);
        QSignalSpy written(store.get(), &HistoryStore::batchWritten);
        store->recordResult(result(QStringLiteral("api"), BaseTime, ResolutionSource::Fresh, true));
        store->recordResult(result(QStringLiteral("api"), BaseTime, ResolutionSource::Fresh, true));
        // The clock does not move: both stay queued here, nothing went to the writer.
        QCoreApplication::processEvents();
        QCOMPARE(store->counters().unwrittenResults, 2);
        QCOMPARE(written.size(), 0);
        clock.advance(999);
        QCoreApplication::processEvents();
        QCOMPARE(store->counters().unwrittenResults, 2);
        QCOMPARE(written.size(), 0);
        clock.advance(1);
        QTRY_COMPARE(written.size(), 1);
        QCOMPARE(written[0][0].toInt(), 2); // both results in one transaction
        // An event is written at once, and takes queued results along.
        store->recordResult(result(QStringLiteral("api"), BaseTime, ResolutionSource::Fresh, true));
        store->recordEvent(StoredEvent::fromStateChange(BaseTime, QStringLiteral("api"),
                                                        TargetState::Unknown, TargetState::Healthy,
                                                        QString()));
        QTRY_COMPARE(written.size(), 2);
        QCOMPARE(written[1][0].toInt(), 1);
        QCOMPARE(written[1][1].toInt(), 1);
        QCOMPARE(store->counters().resultsWritten, 3u);
        QCOMPARE(store->counters().eventsWritten, 1u);
    }

    void failedWriteIsKeptAndWrittenLater()
    {
        ManualClock clock;
        const QString path = freshPath();
        auto store = openStore(path, &clock);
        QVERIFY(store);
        // Another program makes every insert fail for a while.
        QVERIFY(rawSql(path,
                       {QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON events"
                                       " BEGIN SELECT RAISE(ABORT, 'disk says no'); END")}));
        QSignalSpy failed(store.get(), &HistoryStore::writeFailed);
        QSignalSpy written(store.get(), &HistoryStore::batchWritten);
        store->recordResult(result(QStringLiteral("api"), BaseTime, ResolutionSource::Fresh, true));
        store->recordEvent(StoredEvent::fromStateChange(BaseTime, QStringLiteral("api"),
                                                        TargetState::Unknown, TargetState::Healthy,
                                                        QString()));
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY2(failed[0][0].toString().contains(QStringLiteral("disk says no")),
                 qPrintable(failed[0][0].toString()));
        QCOMPARE(store->counters().failedBatches, 1u);
        QCOMPARE(store->counters().unwrittenResults, 1);
        QVERIFY(rawSql(path, {QStringLiteral("DROP TRIGGER refuse")}));
        store->recordEvent(StoredEvent::fromStateChange(BaseTime.addSecs(1), QStringLiteral("api"),
                                                        TargetState::Healthy, TargetState::Down,
                                                        QString()));
        QTRY_COMPARE(written.size(), 1);
        QCOMPARE(written[0][0].toInt(), 1); // the held-back result
        QCOMPARE(written[0][1].toInt(), 2); // and both events
        QCOMPARE(store->counters().unwrittenResults, 0);
    }

    void retentionRemovesOnlyWhatIsOld()
    {
        ManualClock clock; // wall time is BaseTime-independent: records are placed around it
        HistoryPolicy policy;
        policy.rawRetentionH = 24;
        policy.aggregateRetentionD = 30;
        auto store = openStore(freshPath(), &clock, policy);
        QVERIFY(store);
        const QDateTime now = clock.wallTime();
        for (const qint64 ageH : {1, 23, 25, 24 * 29, 24 * 31})
            store->recordResult(result(QStringLiteral("api"), now.addSecs(-ageH * 3600),
                                       ResolutionSource::Fresh, true));
        for (const qint64 ageD : {29, 31})
            store->recordEvent(StoredEvent::fromStateChange(
                    now.addDays(-ageD), QStringLiteral("api"), TargetState::Unknown,
                    TargetState::Healthy, QString()));
        KnownGoodAnswer answer;
        answer.resolver = QStringLiteral("lab");
        answer.host = QStringLiteral("old.test");
        answer.addresses = ips({QStringLiteral("10.0.0.1")});
        answer.expiresAt = now.addSecs(-3601); // past expiry + max-stale (3600 s)
        answer.resolvedAt = answer.expiresAt.addSecs(-60);
        store->keepKnownGood(answer);
        answer.host = QStringLiteral("recent.test");
        answer.expiresAt = now.addSecs(-3500);
        store->keepKnownGood(answer);
        for (const qint64 ageD : {29, 31}) {
            CacheCensus census;
            census.time = now.addDays(-ageD);
            census.counts[0] = 1;
            store->recordCensus(census);
        }
        store->flush();
        QSignalSpy pruned(store.get(), &HistoryStore::pruned);
        store->prune();
        // The pass made at open may report too: the last one is the one asked for here.
        QTRY_VERIFY(!pruned.isEmpty() && pruned.constLast()[0].value<PruneReport>().results > 0);
        const auto report = pruned.constLast()[0].value<PruneReport>();
        QCOMPARE(report.results, 3); // 25 h, 29 d and 31 d old
        QCOMPARE(report.events, 1);
        QCOMPARE(report.knownGood, 1);
        QCOMPARE(report.aggregates, 2); // the 31-day-old minute and hour rows
        QCOMPARE(report.census, 1);

        const auto counts = waitFor<QVariant>([&](auto done) {
            store->readAside(
                    this,
                    [](HistoryDatabase &db) {
                        return QVariant(QVariantList{*db.count(QStringLiteral("results")),
                                                     *db.count(QStringLiteral("minute_aggregates")),
                                                     *db.count(QStringLiteral("known_good"))});
                    },
                    done);
        });
        QCOMPARE(counts->toList(), (QVariantList{2, 4, 1}));
    }

    void newerFileIsRefusedUntouched()
    {
        const QString path = freshPath();
        QVERIFY(openReport(path).ok);
        QVERIFY(rawSql(
                path,
                {QStringLiteral("PRAGMA user_version=%1").arg(HistorySchema::currentVersion() + 1)}));
        const QByteArray before = fileHash(path);
        ManualClock clock;
        SchemaReport report;
        QVERIFY(!openStore(path, &clock, HistoryPolicy(), &report));
        QVERIFY2(report.error.contains(QStringLiteral("written by a newer DNS Watch (history "
                                                      "schema %1; this build reads up to %2)")
                                               .arg(HistorySchema::currentVersion() + 1)
                                               .arg(HistorySchema::currentVersion())),
                 qPrintable(report.error));
        QVERIFY(report.error.startsWith(path));
        QVERIFY(report.error.contains(QStringLiteral("left as it is")));
        QCOMPARE(fileHash(path), before);
    }

    void foreignFileIsRefusedUntouched()
    {
        const QString path = freshPath();
        QVERIFY(rawSql(path,
                       {QStringLiteral("CREATE TABLE invoices (id INTEGER)"),
                        QStringLiteral("INSERT INTO invoices VALUES (1)")}));
        const QByteArray before = fileHash(path);
        const SchemaReport report = openReport(path);
        QVERIFY(!report.ok);
        QVERIFY2(report.error.contains(QStringLiteral("not a DNS Watch history database")),
                 qPrintable(report.error));
        QCOMPARE(fileHash(path), before);
    }

    void garbageFileIsRefusedUntouched()
    {
        const QString path = freshPath();
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("this is a text file, not a database\n").repeated(200));
        file.close();
        const QByteArray before = fileHash(path);
        const SchemaReport report = openReport(path);
        QVERIFY(!report.ok);
        QVERIFY2(report.error.contains(QStringLiteral("not a readable SQLite database")),
                 qPrintable(report.error));
        QCOMPARE(fileHash(path), before);
    }

    bool makeFileWithOneResult(const QString &path)
    {
        ManualClock clock;
        auto store = openStore(path, &clock);
        if (!store)
            return false;
        store->recordResult(result(QStringLiteral("api"), BaseTime, ResolutionSource::Fresh, true));
        return store->close();
    }

    // A file with 3,000 results whose b-tree pages were then scribbled over.
    bool makeDamagedFile(const QString &path)
    {
        {
            ManualClock clock;
            auto store = openStore(path, &clock);
            if (!store)
                return false;
            for (int i = 0; i < 3000; ++i)
                store->recordResult(result(QStringLiteral("t%1").arg(i % 7), BaseTime.addSecs(i),
                                           ResolutionSource::Fresh, true));
            if (!store->close())
                return false;
        }
        if (!rawSql(path, {QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")}))
            return false;
        // Past the catalogue and every table's root page (made first, when the file was
        // created): the file still opens, and only reading its pages through finds the damage.
        qint64 lastRootPage = 0;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                        QStringLiteral("pages"));
            db.setDatabaseName(path);
            QSqlQuery query(db);
            if (db.open() && query.exec(QStringLiteral("SELECT max(rootpage) FROM sqlite_schema"))
                && query.next())
                lastRootPage = query.value(0).toLongLong();
            query = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("pages"));
        QFile file(path);
        if (lastRootPage == 0 || !file.open(QIODevice::ReadWrite) || file.size() < 64 * 1024)
            return false;
        for (qint64 offset = 4096 * (lastRootPage + 1); offset < file.size() - 4096;
             offset += 4096 * 3) {
            file.seek(offset);
            file.write(QByteArray(64, '\xA5'));
        }
        return true;
    }

    void damagedFileIsRefusedUntouched()
    {
        const QString path = freshPath();
        QVERIFY(makeDamagedFile(path));
        const QByteArray before = fileHash(path);
        const SchemaReport report = openReport(path);
        QVERIFY(!report.ok);
        QVERIFY2(report.error.contains(QStringLiteral("damaged")), qPrintable(report.error));
        QCOMPARE(fileHash(path), before);
    }

    void damageFoundInTheBackgroundStopsEveryWrite()
    {
        const QString path = freshPath();
        QVERIFY(makeDamagedFile(path));
        const QByteArray before = fileHash(path);
        ManualClock clock;
        HistoryStore store(HistoryPolicy(), 3600, &clock);
        QSignalSpy damaged(&store, &HistoryStore::damaged);
        QSignalSpy written(&store, &HistoryStore::batchWritten);
        std::optional<SchemaReport> report;
        store.open(
                path, [&](const SchemaReport &r) { report = r; }, PageCheck::InBackground);
        QTRY_VERIFY(report);
        QVERIFY2(report->ok, qPrintable(report->error)); // the header is fine: open at once
        QVERIFY(!report->pagesChecked);
        store.recordEvent(StoredEvent::fromStateChange(BaseTime, QStringLiteral("api"),
                                                       TargetState::Unknown, TargetState::Healthy,
                                                       QString()));
        QTRY_COMPARE_WITH_TIMEOUT(damaged.size(), 1, 10000);
        const QString why = damaged[0][0].toString();
        QVERIFY2(why.contains(QStringLiteral("damaged: quick_check says")), qPrintable(why));
        QVERIFY2(why.contains(QStringLiteral("nothing more is written")), qPrintable(why));
        QVERIFY(!store.isWritable());
        store.recordResult(result(QStringLiteral("api"), BaseTime, ResolutionSource::Fresh, true));
        QString error;
        QVERIFY(!store.close(&error));
        QCOMPARE(error, why);
        // close() let the writer finish: had anything been written, its word would be here.
        QCoreApplication::processEvents();
        QCOMPARE(written.size(), 0);
        QCOMPARE(fileHash(path), before);
    }

    void readsRunWhileTheBackgroundCheckHoldsWrites()
    {
        const QString path = freshPath();
        QVERIFY(makeFileWithOneResult(path));
        ManualClock clock;
        HistoryStore store(HistoryPolicy(), 3600, &clock);
        QSignalSpy checked(&store, &HistoryStore::pagesChecked);
        QSignalSpy written(&store, &HistoryStore::batchWritten);
        std::optional<SchemaReport> report;
        store.open(
                path, [&](const SchemaReport &r) { report = r; }, PageCheck::InBackground);
        // Recorded before the file is even open: it waits, then goes in.
        store.recordEvent(StoredEvent::fromStateChange(BaseTime, QStringLiteral("api"),
                                                       TargetState::Unknown, TargetState::Healthy,
                                                       QString()));
        QTRY_VERIFY(report);
        QVERIFY(report->ok);
        const auto read = waitFor<QList<ProbeResult>>([&](auto done) {
            store.readResults(QStringLiteral("api"), BaseTime, BaseTime.addSecs(1), 10, this, done);
        });
        QCOMPARE(read.value_or(QList<ProbeResult>()).size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, 10000);
        QVERIFY(store.isWritable());
        QVERIFY(store.counters().pageCheckMs >= 0);
        QTRY_COMPARE(written.size(), 1);
        QCOMPARE(written[0][1].toInt(), 1);
    }

    void migrationKeepsABackupFirst()
    {
        const QString path = freshPath();
        QVERIFY(makeFileWithOneResult(path));
        // A later build's layout: this one plus one step.
        QList<SchemaStep> later = HistorySchema::steps();
        later.append({HistorySchema::currentVersion() + 1,
                      {QStringLiteral("CREATE TABLE notes (time_ms INTEGER, text TEXT)")}});
        const SchemaReport report = openReport(path, later);
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.fromVersion, HistorySchema::currentVersion());
        QCOMPARE(report.toVersion, HistorySchema::currentVersion() + 1);
        QVERIFY(!report.backupPath.isEmpty());
        QVERIFY(QFile::exists(report.backupPath));
        // The backup is the old file, data and all, and opens with this build.
        HistoryDatabase backup(QStringLiteral("backup"));
        const SchemaReport backupReport = backup.open(report.backupPath);
        QVERIFY2(backupReport.ok, qPrintable(backupReport.error));
        QCOMPARE(backupReport.fromVersion, HistorySchema::currentVersion());
        QCOMPARE(backup.count(QStringLiteral("results")).value_or(-1), 1);
        // And the migrated file is now too new for this build.
        QVERIFY(!openReport(path).ok);
    }

    void longReadsAsideSeeOneSnapshotAndLetWritesGoOn()
    {
        ManualClock clock;
        HistoryPolicy policy;
        policy.flushIntervalMs = 60'000; // only flush() and reads hand results over
        auto store = openStore(freshPath(), &clock, policy);
        QVERIFY(store);
        QSignalSpy written(store.get(), &HistoryStore::batchWritten);
        store->recordResult(result(QStringLiteral("api"), BaseTime, ResolutionSource::Fresh, true));
        // The read counts, holds its connection until released (as a long report would), and
        // counts again.
        auto release = std::make_shared<QSemaphore>();
        const auto releaseOnExit = qScopeGuard([release] { release->release(); });
        std::atomic<QThread *> readOn = nullptr;
        std::optional<QVariant> counted;
        QString unread;
        bool answered = false;
        store->readAside(
                this,
                [release, &readOn](HistoryDatabase &db) {
                    readOn = QThread::currentThread();
                    const qint64 before = db.count(QStringLiteral("results")).value_or(-1);
                    release->acquire();
                    const qint64 after = db.count(QStringLiteral("results")).value_or(-1);
                    return QVariant(QVariantList{before, after});
                },
                [&](const std::optional<QVariant> &value, const QString &error) {
                    counted = value;
                    unread = error;
                    answered = true;
                });
        QTRY_VERIFY(readOn.load() != nullptr);
        QVERIFY(readOn.load() != QThread::currentThread());
        // While it reads, a write is committed (the writer's thread is not the reader's).
        store->recordResult(
                result(QStringLiteral("api"), BaseTime.addSecs(10), ResolutionSource::Fresh, true));
        store->flush();
        QTRY_COMPARE(written.size(), 2);
        QVERIFY(!answered);
        release->release();
        QTRY_VERIFY(answered);
        QVERIFY2(counted, qPrintable(unread));
        // What was recorded before it, not after, and the same in both of its reads.
        QCOMPARE(counted->toList(), (QVariantList{1, 1}));
        QVERIFY(store->close());
    }

    void closeLetsALongReadFinishThenStopsOne()
    {
        ManualClock clock;
        HistoryPolicy policy;
        policy.shutdownTimeoutMs = 1000;
        auto store = openStore(freshPath(), &clock, policy);
        QVERIFY(store);
        auto finished = std::make_shared<std::atomic<bool>>(false);
        auto started = std::make_shared<std::atomic<bool>>(false);
        // The reader goes on only once close() waits for it, so close() returning with it
        // finished shows that close() waited.
        auto closeBegun = std::make_shared<QSemaphore>();
        connect(store.get(), &HistoryStore::waitingForReaders, this, [closeBegun](int readers) {
            if (readers == 1)
                closeBegun->release();
        });
        store->readAside(
                this,
                [finished, started, closeBegun](HistoryDatabase &db) {
                    *started = true;
                    if (!closeBegun->tryAcquire(1, 20'000))
                        return QVariant();
                    *finished = !db.stopRequested();
                    return QVariant(QStringLiteral("done"));
                },
                [](const std::optional<QVariant> &, const QString &) {});
        QTRY_VERIFY(started->load());
        QVERIFY(!finished->load());
        QVERIFY(store->close()); // waits for the reader, within the shutdown timeout
        QVERIFY(finished->load());

        // One that would outlive the timeout has its reads stopped, and knows it.
        auto second = openStore(freshPath(), &clock, policy);
        QVERIFY(second);
        auto sawStop = std::make_shared<std::atomic<bool>>(false);
        started->store(false);
        second->readAside(
                this,
                [sawStop, started](HistoryDatabase &db) {
                    *started = true;
                    QDeadlineTimer limit(20'000);
                    while (!db.stopRequested() && !limit.hasExpired())
                        QThread::msleep(10);
                    *sawStop = db.stopRequested();
                    return QVariant();
                },
                [](const std::optional<QVariant> &, const QString &) {});
        QTRY_VERIFY(started->load());
        QElapsedTimer closing;
        closing.start();
        QVERIFY(second->close()); // writes were all done: a stopped report is not a failure
        QVERIFY2(closing.elapsed() < 5000, qPrintable(QString::number(closing.elapsed())));
        QVERIFY(sawStop->load());

        // Once closed, no more.
        QString error;
        bool refused = false;
        second->readAside(
                this, [](HistoryDatabase &) { return QVariant(1); },
                [&](const std::optional<QVariant> &v, const QString &e) {
                    refused = !v;
                    error = e;
                });
        QTRY_VERIFY(refused);
        QCOMPARE(error, QStringLiteral("the history is closed"));
    }

    void readingOnlyRefusesOldOrEmptyFilesAndChangesNothing()
    {
        const QString old = freshPath();
        QVERIFY(openReport(old, HistorySchema::steps().mid(0, 1)).ok);
        const QByteArray before = fileHash(old);
        HistoryDatabase reading(QStringLiteral("reading"));
        const SchemaReport refused = reading.openForReading(old);
        QVERIFY(!refused.ok);
        QVERIFY2(refused.error.contains(QStringLiteral("history schema 1"))
                         && refused.error.contains(QStringLiteral("migrates")),
                 qPrintable(refused.error));
        QCOMPARE(fileHash(old), before);
        QVERIFY(!reading.isOpen());

        const QString empty = freshPath();
        QVERIFY(rawSql(empty, {QStringLiteral("PRAGMA user_version=0")}));
        HistoryDatabase nothing(QStringLiteral("nothing"));
        QVERIFY(nothing.openForReading(empty).error.contains(QStringLiteral("no history yet")));

        const QString current = freshPath();
        QVERIFY(makeFileWithOneResult(current));
        HistoryDatabase reader(QStringLiteral("reader"));
        const SchemaReport opened = reader.openForReading(current);
        QVERIFY2(opened.ok, qPrintable(opened.error));
        QCOMPARE(reader.count(QStringLiteral("results")).value_or(-1), 1);
        HistoryWriteBatch batch;
        batch.results = {result(QStringLiteral("api"), BaseTime, ResolutionSource::Fresh, true)};
        QVERIFY(!reader.write(batch));
        QVERIFY(!reader.lastError().isEmpty());
        HistoryDatabase check(QStringLiteral("check"));
        QVERIFY(check.openForReading(current).ok);
        QCOMPARE(check.count(QStringLiteral("results")).value_or(-1), 1);
    }

    void closedStoreAnswersReadsWithAnError()
    {
        ManualClock clock;
        auto store = openStore(freshPath(), &clock);
        QVERIFY(store);
        QVERIFY(store->close());
        QString error;
        bool answered = false;
        store->readEvents(BaseTime, BaseTime.addSecs(1), 10, this,
                          [&](const std::optional<QList<StoredEvent>> &value, const QString &e) {
                              answered = !value.has_value();
                              error = e;
                          });
        QTRY_VERIFY(answered);
        QCOMPARE(error, QStringLiteral("the history is closed"));
    }
};

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
