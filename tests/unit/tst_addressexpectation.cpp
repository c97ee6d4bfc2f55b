// "expect_addresses": ranges read from text (and refused with what was expected), the config's
// errors naming the bad entry, and the resolver, over a fake backend on a manual clock, never
// caching an answer outside them: it fails with unexpected_answer naming the address, and the
// fallback tiers answer as for any failure.
#include "clock.h"
#include "config/appconfig.h"
#include "config/appconfigjson.h"
#include "config/resolverfactory.h"
#include "fakebackend.h"
#include "resolver/addressexpectation.h"
#include "resolver/resolver.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

namespace {

AddressExpectation expectation(const QStringList &texts)
{
    AddressExpectation result;
    for (const QString &text : texts) {
        QString error;
        const auto range = AddressExpectation::parseRange(text, &error);
        if (range)
            result.add(*range);
    }
    return result;
}

QList<QHostAddress> addresses(const QStringList &texts)
{
    QList<QHostAddress> list;
    for (const QString &text : texts)
        list.append(QHostAddress(text));
    return list;
}

} // namespace

class TestAddressExpectation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsRanges_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("range"); // empty: refused
        QTest::addColumn<QString>("error"); // a piece of the refusal
        QTest::newRow("v4") << QStringLiteral("10.0.0.0/8") << QStringLiteral("10.0.0.0/8")
                            << QString();
        QTest::newRow("v6") << QStringLiteral("2001:db8::/32") << QStringLiteral("2001:db8::/32")
                            << QString();
        QTest::newRow("address alone")
                << QStringLiteral("192.0.2.7") << QStringLiteral("192.0.2.7/32") << QString();
        QTest::newRow("v6 alone") << QStringLiteral("fd00::1") << QStringLiteral("fd00::1/128")
                                  << QString();
        QTest::newRow("everything")
                << QStringLiteral("0.0.0.0/0") << QStringLiteral("0.0.0.0/0") << QString();
        QTest::newRow("prefix too long")
                << QStringLiteral("10.0.0.0/33") << QString()
                << QStringLiteral("10.0.0.0/33: the prefix length after \"/\" must be 0 to 32");
        QTest::newRow("v6 prefix too long") << QStringLiteral("2001:db8::/129") << QString()
                                            << QStringLiteral("must be 0 to 128");
        QTest::newRow("no prefix")
                << QStringLiteral("10.0.0.0/") << QString() << QStringLiteral("the prefix length");
        QTest::newRow("signed prefix") << QStringLiteral("10.0.0.0/+8") << QString()
                                       << QStringLiteral("the prefix length");
        QTest::newRow("host bits")
                << QStringLiteral("10.1.2.3/8") << QString()
                << QStringLiteral("10.1.2.3/8 has host bits set after the prefix: the range is "
                                  "10.0.0.0/8");
        QTest::newRow("name") << QStringLiteral("corp.example/8") << QString()
                              << QStringLiteral("corp.example/8 is not an address range such as");
        QTest::newRow("empty") << QString() << QString() << QStringLiteral("\"\" is not");
        QTest::newRow("spaces") << QStringLiteral(" 10.0.0.0/8") << QString()
                                << QStringLiteral("is not an address range");
        QTest::newRow("scope") << QStringLiteral("fe80::1%eth0") << QString()
                               << QStringLiteral("is not an address range");
    }

    void readsRanges()
    {
        QFETCH(QString, text);
        QFETCH(QString, range);
        QFETCH(QString, error);
        QString why;
        const auto parsed = AddressExpectation::parseRange(text, &why);
        if (range.isEmpty()) {
            QVERIFY(!parsed);
            QVERIFY2(why.contains(error), qPrintable(why));
        } else {
            QVERIFY2(parsed, qPrintable(why));
            QCOMPARE(AddressExpectation::rangeText(*parsed), range);
        }
    }

    void acceptsWhatARangeHolds()
    {
        const AddressExpectation expected = expectation(
                {QStringLiteral("10.0.0.0/8"), QStringLiteral("2001:db8::/32")});
        QVERIFY(expected.accepts(QHostAddress(QStringLiteral("10.200.0.1"))));
        QVERIFY(expected.accepts(QHostAddress(QStringLiteral("2001:db8:1::5"))));
        QVERIFY(!expected.accepts(QHostAddress(QStringLiteral("11.0.0.1"))));
        QVERIFY(!expected.accepts(QHostAddress(QStringLiteral("0.0.0.0"))));
        QVERIFY(!expected.accepts(QHostAddress(QStringLiteral("2001:db9::1"))));
        QCOMPARE(expected.firstUnexpected(
                         addresses({QStringLiteral("10.0.0.1"), QStringLiteral("192.0.2.1"),
                                    QStringLiteral("0.0.0.0")})),
                 std::optional(QHostAddress(QStringLiteral("192.0.2.1"))));
        QCOMPARE(expected.firstUnexpected(addresses({QStringLiteral("10.0.0.1")})), std::nullopt);
        QVERIFY(AddressExpectation().accepts(QHostAddress(QStringLiteral("0.0.0.0"))));
    }

    void configNamesTheBadEntry()
    {
        const ConfigLoadResult loaded = parseConfig(
                R"({"targets":[{"name":"a","host":"a.test",
                    "expect_addresses":["10.0.0.0/8","10.0.0.0/33",7,"10.1.2.3/8"]},
                   {"name":"b","host":"b.test","expect_addresses":[]},
                   {"name":"c","host":"c.test","expect_addresses":"10.0.0.0/8",
                    "alert_on_change":"yes"}]})",
                QStringLiteral("dnswatch.json"));
        QVERIFY(!loaded.config);
        QStringList errors;
        for (const ConfigError &error : loaded.errors)
            errors.append(error.toString());
        const QString all = errors.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("$.targets[0].expect_addresses[1]: 10.0.0.0/33: the "
                                             "prefix length")),
                 qPrintable(all));
        QVERIFY2(
                all.contains(QStringLiteral("$.targets[0].expect_addresses[2]: expected a string")),
                qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("$.targets[0].expect_addresses[3]: 10.1.2.3/8 has "
                                             "host bits")),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("$.targets[1].expect_addresses: expected at least "
                                             "one address range")),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("$.targets[2].expect_addresses: expected an array")),
                 qPrintable(all));
        QVERIFY2(all.contains(
                         QStringLiteral("$.targets[2].alert_on_change: expected true or false")),
                 qPrintable(all));
        QVERIFY2(!all.contains(QStringLiteral("expect_addresses[0]")), qPrintable(all));
    }

    void configKeepsTheRanges()
    {
        const ConfigLoadResult loaded = parseConfig(
                R"({"targets":[{"name":"a","host":"A.test.","alert_on_change":true,
                    "expect_addresses":["10.0.0.0/8","2001:db8::/32"]},
                   {"name":"b","host":"a.test","resolver":"system",
                    "expect_addresses":["192.0.2.0/24"]},
                   {"name":"c","host":"c.test"}]})",
                QStringLiteral("dnswatch.json"));
        QVERIFY(loaded.config);
        const TargetConfig &a = loaded.config->targets.at(0);
        QVERIFY(a.alertOnChange);
        QCOMPARE(a.expectAddresses.texts(),
                 (QStringList{QStringLiteral("10.0.0.0/8"), QStringLiteral("2001:db8::/32")}));
        QVERIFY(!loaded.config->targets.at(2).alertOnChange);
        QVERIFY(loaded.config->targets.at(2).expectAddresses.isEmpty());
        // By host as the cache keys it: the targets of one host accept what any of them does.
        const auto byHost = addressExpectations(*loaded.config);
        QCOMPARE(byHost.size(), 1);
        QCOMPARE(byHost.value(QStringLiteral("a.test")).texts(),
                 (QStringList{QStringLiteral("10.0.0.0/8"), QStringLiteral("2001:db8::/32"),
                              QStringLiteral("192.0.2.0/24")}));
        // Written back as read.
        const ConfigLoadResult again = parseConfig(
                QJsonDocument(configToJson(*loaded.config)).toJson(), QStringLiteral("again"));
        QVERIFY(again.config);
        QCOMPARE(again.config->targets.at(0).expectAddresses, a.expectAddresses);
        QVERIFY(again.config->targets.at(0).alertOnChange);
        QVERIFY(!again.config->targets.at(2).alertOnChange);
    }

    void resolverNeverCachesAnUnexpectedAnswer()
    {
        ManualClock clock;
        CachePolicy policy;
        policy.minTtlS = 1;
        policy.maxStaleS = 3600;
        Resolver resolver(policy, &clock);
        auto *backend = new FakeBackend(QStringLiteral("fake"));
        resolver.addBackend(backend);
        resolver.setAddressExpectations(
                {{QStringLiteral("a.test"), expectation({QStringLiteral("10.0.0.0/8")})}});
        QObject context;
        QList<LookupResult> results;
        const auto ask = [&] {
            resolver.resolve({QStringLiteral("A.test"), QStringLiteral("fake"), RecordKind::A},
                             &context, [&](const LookupResult &r) { results.append(r); });
        };
        QSignalSpy events(&resolver, &Resolver::eventOccurred);

        // With nothing good before it: a failure that names the address, no addresses.
        ask();
        QVERIFY(backend->answer(QStringLiteral("a.test"),
                                FakeBackend::addresses({QStringLiteral("0.0.0.0")}, 60)));
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.last().source, ResolutionSource::None);
        QCOMPARE(results.last().cause, FailureCause::UnexpectedAnswer);
        QVERIFY(results.last().addresses.isEmpty());
        QVERIFY2(results.last().detail.contains(QStringLiteral("unexpected address 0.0.0.0")),
                 qPrintable(results.last().detail));
        QVERIFY(resolver.knownGood().isEmpty());

        // A good answer is cached; once it expired, an unexpected one is not: stale serves.
        ask();
        QVERIFY(backend->answer(QStringLiteral("a.test"),
                                FakeBackend::addresses({QStringLiteral("10.0.0.1")}, 60)));
        QCOMPARE(results.last().source, ResolutionSource::Fresh);
        clock.advance(61'000);
        ask();
        QVERIFY(backend->answer(
                QStringLiteral("a.test"),
                FakeBackend::addresses({QStringLiteral("10.0.0.2"), QStringLiteral("192.0.2.9")},
                                       60)));
        QCOMPARE(results.last().source, ResolutionSource::Stale);
        QCOMPARE(results.last().cause, FailureCause::UnexpectedAnswer);
        QCOMPARE(results.last().addresses, addresses({QStringLiteral("10.0.0.1")}));
        QVERIFY(results.last().detail.contains(QStringLiteral("192.0.2.9")));
        // The next ask finds no fresh answer in the cache: it is not served as fresh.
        const int lookups = backend->lookupCount(QStringLiteral("a.test"));
        ask();
        QVERIFY(results.last().source != ResolutionSource::Fresh
                && results.last().source != ResolutionSource::Cache);
        QVERIFY(backend->lookupCount(QStringLiteral("a.test")) > lookups
                || results.last().source == ResolutionSource::Stale);
        for (const QList<QVariant> &event : std::as_const(events))
            QVERIFY(event.at(0).value<ResolverEvent>().kind
                    != ResolverEvent::Kind::AddressesChanged);
        const QList<KnownGoodAnswer> kept = resolver.knownGood();
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept.first().addresses, addresses({QStringLiteral("10.0.0.1")}));
    }

    void changeCarriesItsTtl()
    {
        ManualClock clock;
        CachePolicy policy;
        policy.minTtlS = 5;
        Resolver resolver(policy, &clock);
        auto *backend = new FakeBackend(QStringLiteral("fake"));
        resolver.addBackend(backend);
        QObject context;
        QSignalSpy events(&resolver, &Resolver::eventOccurred);
        const auto answerWith = [&](const QString &address, quint32 ttl) {
            resolver.resolve(
                    {QStringLiteral("a.test"), QStringLiteral("fake"), RecordKind::A}, &context,
                    [](const LookupResult &) {}, Resolver::CacheUse::BypassCache);
            QVERIFY(backend->answer(QStringLiteral("a.test"),
                                    FakeBackend::addresses({address}, ttl)));
        };
        answerWith(QStringLiteral("10.0.0.1"), 60);
        answerWith(QStringLiteral("10.0.0.2"), 2); // clamped up to min_ttl_s
        QCOMPARE(events.size(), 1);
        const auto change = events.first().at(0).value<ResolverEvent>();
        QCOMPARE(change.kind, ResolverEvent::Kind::AddressesChanged);
        QCOMPARE(change.resolver, QStringLiteral("fake"));
        QCOMPARE(change.ttlS, std::optional<qint64>(5));
    }
};

QTEST_GUILESS_MAIN(TestAddressExpectation)
#include "tst_addressexpectation.moc"
