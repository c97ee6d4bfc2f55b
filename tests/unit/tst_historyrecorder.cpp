// The recorder between a resolver and the history: operator pins and last-known-good answers
// are kept as they change and come back after a restart, so the stale and pinned tiers serve
// with DNS down; events are kept; config pins are not.
#include "clock.h"
#include "fakebackend.h"
#include "store/historyrecorder.h"
#include "testaddresses.h"

#include <QTemporaryDir>
#include <QTest>

namespace {

CachePolicy policy()
{
    CachePolicy p;
    p.maxStaleS = 3600;
    return p;
}
} // namespace

class TestHistoryRecorder : public QObject
{
    Q_OBJECT

private:
    // One run of the program: a resolver over a fake backend, a store on the file, a recorder.
    struct Run
    {
        explicit Run(const QString &path, ManualClock *clock) : resolver(policy(), clock)
        {
            backend = new FakeBackend(QStringLiteral("fake"));
            resolver.addBackend(backend);
            store = std::make_unique<HistoryStore>(HistoryPolicy(), policy().maxStaleS, clock);
            store->open(path, [this](const SchemaReport &r) { report = r; });
        }
        bool start()
        {
            if (!QTest::qWaitFor([&] { return report.has_value(); }, 10'000) || !report->ok)
                return false;
            std::optional<RestoredState> state;
            store->readRestoredState(&context, [&](const auto &value, const QString &) {
                state = value.value_or(RestoredState());
            });
            if (!QTest::qWaitFor([&] { return state.has_value(); }, 10'000))
                return false;
            recorder = std::make_unique<HistoryRecorder>(&resolver, store.get(), *state);
            return true;
        }
        // The answer lands in `answer`, now (cache) or when the backend answers.
        void ask(const QString &host)
        {
            answer.reset();
            resolver.resolve({host, QStringLiteral("fake")}, &context,
                             [this](const LookupResult &r) { answer = r; });
        }

        Resolver resolver;
        FakeBackend *backend;
        std::unique_ptr<HistoryStore> store;
        std::optional<SchemaReport> report;
        std::unique_ptr<HistoryRecorder> recorder;
        std::optional<LookupResult> answer;
        QObject context;
    };

    QTemporaryDir m_dir;

private Q_SLOTS:
    void restartWithDnsDownServesKeptAnswersAndPins()
    {
        const QString path = m_dir.filePath(QStringLiteral("restart.db"));
        ManualClock clock;
        {
            Run first(path, &clock);
            QVERIFY(first.start());
            QCOMPARE(first.recorder->restoredAnswers(), 0);
            first.ask(QStringLiteral("api.test"));
            QVERIFY(first.backend->answer(QStringLiteral("api.test"),
                                          FakeBackend::addresses({QStringLiteral("10.0.0.7")}, 60)));
            PinnedFallback pin;
            pin.addresses = ips({QStringLiteral("10.9.0.1")});
            pin.reason = QStringLiteral("INC-7");
            pin.pinnedAt = clock.wallTime();
            first.resolver.pinAddresses(QStringLiteral("db.test"), pin);
            first.resolver.pinAddresses(QStringLiteral("tmp.test"), pin);
            first.resolver.unpinAddresses(QStringLiteral("tmp.test"));
            first.resolver.setConfigPins(
                    {{QStringLiteral("cfg.test"), ips({QStringLiteral("10.8.0.1")})}});
            QVERIFY(first.store->close());
        }
        clock.advance(10 * 60'000); // ten minutes later, past the 60 s TTL
        Run second(path, &clock);
        QVERIFY(second.start());
        QCOMPARE(second.recorder->restoredAnswers(), 1);
        QCOMPARE(second.recorder->restoredPins(),
                 1); // db.test; not the unpinned nor the config one
        QVERIFY(!second.resolver.pin(QStringLiteral("cfg.test")));
        QCOMPARE(second.resolver.pin(QStringLiteral("db.test"))->reason, QStringLiteral("INC-7"));

        // DNS is down: the kept answer serves from the stale tier, the pin from the pinned one.
        second.ask(QStringLiteral("api.test"));
        QVERIFY(!second.answer); // not served as fresh: DNS is asked first
        QVERIFY(second.backend->answer(QStringLiteral("api.test"),
                                       FakeBackend::failure(FailureCause::Timeout)));
        QVERIFY(second.answer);
        QCOMPARE(second.answer->source, ResolutionSource::Stale);
        QCOMPARE(second.answer->addresses, ips({QStringLiteral("10.0.0.7")}));
        second.ask(QStringLiteral("db.test"));
        QVERIFY(second.backend->answer(QStringLiteral("db.test"),
                                       FakeBackend::failure(FailureCause::Timeout)));
        QVERIFY(second.answer);
        QCOMPARE(second.answer->source, ResolutionSource::Pinned);
        QCOMPARE(second.answer->addresses, ips({QStringLiteral("10.9.0.1")}));

        // What happened in the first run is in the event history.
        std::optional<QList<StoredEvent>> events;
        second.store->readEvents(QDateTime::fromSecsSinceEpoch(0), clock.wallTime().addSecs(1), 100,
                                 &second.context,
                                 [&](const auto &value, const QString &) { events = value; });
        QTRY_VERIFY(events);
        QStringList kinds;
        for (const StoredEvent &event : *events)
            kinds.append(event.kind + QLatin1Char(' ') + event.host);
        QVERIFY2(kinds.contains(QStringLiteral("pinned db.test")), qPrintable(kinds.join(u',')));
        QVERIFY2(kinds.contains(QStringLiteral("unpinned tmp.test")), qPrintable(kinds.join(u',')));
        QVERIFY2(kinds.contains(QStringLiteral("fallback_entered api.test")),
                 qPrintable(kinds.join(u',')));
    }

    void deletedNameAndClearedCacheAreForgotten()
    {
        const QString path = m_dir.filePath(QStringLiteral("forget.db"));
        ManualClock clock;
        {
            Run first(path, &clock);
            QVERIFY(first.start());
            for (const QString &host :
                 {QStringLiteral("a.test"), QStringLiteral("b.test"), QStringLiteral("c.test")}) {
                first.ask(host);
                QVERIFY(first.backend->answer(
                        host, FakeBackend::addresses({QStringLiteral("10.0.0.1")}, 5)));
            }
            clock.advance(6000);
            // a.test was deleted: NXDOMAIN (with an SOA, so it is cached negatively).
            first.ask(QStringLiteral("a.test"));
            QVERIFY(first.backend->answer(QStringLiteral("a.test"),
                                          FakeBackend::failure(FailureCause::NxDomain, 60)));
            first.resolver.clearHost(QStringLiteral("b.test"));
            QVERIFY(first.store->close());
        }
        Run second(path, &clock);
        QVERIFY(second.start());
        QCOMPARE(second.recorder->restoredAnswers(), 1); // c.test only
        second.ask(QStringLiteral("c.test"));
        QVERIFY(second.backend->answer(QStringLiteral("c.test"),
                                       FakeBackend::failure(FailureCause::ServFail)));
        QVERIFY(second.answer);
        QCOMPARE(second.answer->source, ResolutionSource::Stale);
    }

    // Seeded last-known-good answers keep the resolver's DNSSEC verdict: after a restart with
    // DNS down, the stale serve of a validated answer still reads validated.
    void restartKeepsTheValidationOfKeptAnswers()
    {
        const QString path = m_dir.filePath(QStringLiteral("validated.db"));
        ManualClock clock;
        {
            Run first(path, &clock);
            QVERIFY(first.start());
            BackendAnswer validated = FakeBackend::addresses({QStringLiteral("10.0.0.7")}, 60);
            validated.validation = DnssecValidation::Validated;
            first.ask(QStringLiteral("api.test"));
            QVERIFY(first.backend->answer(QStringLiteral("api.test"), validated));
            QVERIFY(first.store->close());
        }
        clock.advance(120'000);
        Run second(path, &clock);
        QVERIFY(second.start());
        QCOMPARE(second.recorder->restoredAnswers(), 1);
        second.ask(QStringLiteral("api.test"));
        QVERIFY(second.backend->answer(QStringLiteral("api.test"),
                                       FakeBackend::failure(FailureCause::Timeout)));
        QVERIFY(second.answer);
        QCOMPARE(second.answer->source, ResolutionSource::Stale);
        QCOMPARE(second.answer->validation, DnssecValidation::Validated);
    }

    // With a monitor watched, the cache census is sampled and kept as each minute's mean: two
    // targets, both missing at first, then one of them stale for the second half of the minute.
    void cacheCensusIsKeptAsTheMeanOfEachMinute()
    {
        const QString path = m_dir.filePath(QStringLiteral("census.db"));
        ManualClock clock;
        const ConfigLoadResult loaded = parseConfig(
                R"({"targets": [{"name": "a", "host": "a.test"}, {"name": "b", "host": "b.test"}]})",
                QStringLiteral("test"));
        QVERIFY(loaded.config);
        Monitor monitor(*loaded.config, EnvFallback(), MlflowCredentials(), &clock);
        HistoryStore store(HistoryPolicy(), policy().maxStaleS, &clock);
        std::optional<SchemaReport> report;
        store.open(path, [&](const SchemaReport &r) { report = r; });
        QTRY_VERIFY(report && report->ok);
        HistoryRecorder recorder(monitor.resolver(), &store, RestoredState());

        // Watched from a whole minute on, so its six samples (at once, then every 10 s of the
        // monitor's clock) share one.
        const qint64 intoMinute = clock.wallTime().toMSecsSinceEpoch() % 60'000;
        clock.advance(intoMinute == 0 ? 0 : 60'000 - intoMinute);
        const QDateTime minute = clock.wallTime().toUTC();
        recorder.watch(&monitor);
        KnownGoodAnswer kept;
        kept.resolver = QStringLiteral("system");
        kept.host = QStringLiteral("a.test");
        kept.addresses = {QHostAddress(QStringLiteral("10.0.0.7"))};
        kept.resolvedAt = minute.addSecs(-120);
        kept.expiresAt = minute.addSecs(-60);
        for (int sample = 1; sample <= 6; ++sample) {
            if (sample == 3)
                QCOMPARE(monitor.resolver()->restoreKnownGood({kept}), 1);
            // The sixth is the next minute's first: the last one's mean goes.
            clock.advance(HistoryRecorder::CensusIntervalMs);
        }
        store.flush();
        std::optional<QList<CacheCensus>> census;
        store.readCensus(minute.addSecs(-60), minute.addSecs(120), 60, this,
                         [&](const auto &value, const QString &) { census = value; });
        QTRY_VERIFY(census);
        QCOMPARE(census->size(), 1);
        QCOMPARE(census->at(0).time, minute);
        QCOMPARE(census->at(0).count(CacheEntrySnapshot::State::Stale), 0.5);
        QCOMPARE(census->at(0).count(CacheEntrySnapshot::State::Missing), 1.5);
        QCOMPARE(census->at(0).count(CacheEntrySnapshot::State::Fresh), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestHistoryRecorder)
#include "tst_historyrecorder.moc"
