// The read routes in-process, over a resolver with a fake backend on a frozen clock: what
// /api/v1/resolve says for each tier without ever starting a lookup, and /api/v1/pins for an
// operator's pin that expires.
#include "config/appconfig.h"
#include "fakebackend.h"
#include "pinsroute.h"
#include "resolver/resolver.h"
#include "resolveroute.h"

#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

class TestAgentRoutes : public QObject
{
    Q_OBJECT

private:
    struct Rig
    {
        Rig() : resolver(CachePolicy(), &clock)
        {
            backend = new FakeBackend(QStringLiteral("fake"));
            resolver.addBackend(backend);
            TargetConfig target;
            target.name = QStringLiteral("api");
            target.host = QStringLiteral("Api.Test.");
            target.resolver = QStringLiteral("fake");
            config.targets = {target};
        }

        QJsonObject resolve(const QString &host, int *status = nullptr)
        {
            const QHttpServerResponse response = ResolveRoute::answer(
                    QUrlQuery(QStringLiteral("host=") + host), config, resolver);
            if (status)
                *status = int(response.statusCode());
            return QJsonDocument::fromJson(response.data()).object();
        }

        QJsonObject firstAnswer(const QString &host)
        {
            return resolve(host).value(QStringLiteral("answers")).toArray().first().toObject();
        }

        ManualClock clock;
        Resolver resolver;
        FakeBackend *backend;
        AppConfig config;
        QObject context;
    };

private Q_SLOTS:
    void resolveNeverLooksUp()
    {
        Rig rig;
        // Nothing asked yet: said so, and no lookup started.
        QJsonObject answer = rig.firstAnswer(QStringLiteral("api.test"));
        QCOMPARE(answer.value(QStringLiteral("source")).toString(), QStringLiteral("none"));
        QCOMPARE(answer.value(QStringLiteral("addresses")).toArray(), QJsonArray());
        QCOMPARE(rig.backend->lookupCount(QStringLiteral("api.test")), 0);

        // The agent's probe fills the cache: the route reads it.
        rig.resolver.resolve({QStringLiteral("api.test"), QStringLiteral("fake")}, &rig.context,
                             [](const LookupResult &) {});
        QVERIFY(rig.backend->answer(QStringLiteral("api.test"),
                                    FakeBackend::addresses({QStringLiteral("10.0.0.1")}, 60)));
        answer = rig.firstAnswer(QStringLiteral("API.test"));
        QCOMPARE(answer.value(QStringLiteral("source")).toString(), QStringLiteral("cache"));
        QCOMPARE(answer.value(QStringLiteral("ttl_left_s")).toInt(), 60);
        QCOMPARE(answer.value(QStringLiteral("targets")).toArray(),
                 QJsonArray{QStringLiteral("api")});

        // Expired: the route serves what it has, and still asks nobody.
        rig.clock.advance(61'000);
        answer = rig.firstAnswer(QStringLiteral("api.test."));
        QCOMPARE(answer.value(QStringLiteral("source")).toString(), QStringLiteral("stale"));
        QCOMPARE(answer.value(QStringLiteral("addresses")).toArray(),
                 QJsonArray{QStringLiteral("10.0.0.1")});
        QVERIFY(answer.value(QStringLiteral("ttl_left_s")).isNull());
        QCOMPARE(rig.backend->lookupCount(QStringLiteral("api.test")), 1);
        QCOMPARE(rig.backend->pendingCount(), 0);
    }

    void resolveOfAPinnedHostBeforeAnyLookup()
    {
        Rig rig;
        PinnedFallback pin;
        pin.addresses = {QHostAddress(QStringLiteral("10.9.9.9"))};
        rig.resolver.pinAddresses(QStringLiteral("api.test"), pin);
        const QJsonObject answer = rig.firstAnswer(QStringLiteral("api.test"));
        QCOMPARE(answer.value(QStringLiteral("source")).toString(), QStringLiteral("pinned"));
        QCOMPARE(answer.value(QStringLiteral("addresses")).toArray(),
                 QJsonArray{QStringLiteral("10.9.9.9")});
        QCOMPARE(rig.backend->lookupCount(QStringLiteral("api.test")), 0);
    }

    void resolveRefusesWithoutAsking()
    {
        Rig rig;
        int status = 0;
        rig.resolve(QStringLiteral("other.test"), &status);
        QCOMPARE(status, 404);
        rig.resolve(QStringLiteral("bad%20name"), &status);
        QCOMPARE(status, 400);
        QCOMPARE(rig.backend->lookupCount(QStringLiteral("other.test")), 0);
        QCOMPARE(rig.backend->pendingCount(), 0);
    }

    void operatorPinWithItsExpiry()
    {
        Rig rig;
        PinnedFallback pin;
        pin.addresses = {QHostAddress(QStringLiteral("10.9.9.9")),
                         QHostAddress(QStringLiteral("fd00::9"))};
        pin.reason = QStringLiteral("DNS migration");
        pin.pinnedAt = QDateTime(QDate(2026, 12, 6), QTime(9, 0), Qt::UTC);
        pin.expiresAt = QDateTime(QDate(2026, 12, 6), QTime(11, 0), Qt::UTC);
        const QJsonObject json = PinsRoute::pinJson(QStringLiteral("api.test"), pin);
        QCOMPARE(json,
                 (QJsonObject{{QStringLiteral("host"), QStringLiteral("api.test")},
                              {QStringLiteral("addresses"),
                               QJsonArray{QStringLiteral("10.9.9.9"), QStringLiteral("fd00::9")}},
                              {QStringLiteral("origin"), QStringLiteral("operator")},
                              {QStringLiteral("reason"), QStringLiteral("DNS migration")},
                              {QStringLiteral("pinned_at"), QStringLiteral("2026-12-06T09:00:00Z")},
                              {QStringLiteral("expires"), QStringLiteral("2026-12-06T11:00:00Z")}}));
    }
};

QTEST_GUILESS_MAIN(TestAgentRoutes)
#include "tst_agentroutes.moc"
