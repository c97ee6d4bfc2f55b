// The bodies of the agent's actions, parsed strictly: PUT /api/v1/pins/{host}
// (parsePinRequest) and POST /api/v1/cache/clear (parseCacheClearRequest). A body that is not as
// expected is refused with what was wrong and what was expected: never half taken.
#include "cacheclearrequest.h"
#include "pinrequest.h"

#include <QTest>

namespace {

const QDateTime Now = QDateTime(QDate(2026, 12, 6), QTime(9, 0), Qt::UTC);

} // namespace

Q_DECLARE_METATYPE(CacheClearRequest::Scope)

class TestPinRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void takesAWellFormedPin()
    {
        QString error;
        const std::optional<PinRequest> pin = parsePinRequest(
                R"({"addresses": ["10.0.0.5", "2001:db8::5"], "expires": "2026-12-06T18:00:00Z",
                    "reason": "DNS outage"})",
                Now, &error);
        QVERIFY2(pin, qPrintable(error));
        QCOMPARE(pin->addresses,
                 (QList<QHostAddress>{QHostAddress(QStringLiteral("10.0.0.5")),
                                      QHostAddress(QStringLiteral("2001:db8::5"))}));
        QCOMPARE(*pin->expires, QDateTime(QDate(2026, 12, 6), QTime(18, 0), Qt::UTC));
        QCOMPARE(pin->reason, QStringLiteral("DNS outage"));

        // An offset is taken and kept as UTC; null, or no expiry, pins until unpinned.
        const auto withOffset = parsePinRequest(
                R"({"addresses": ["10.0.0.5"], "expires": "2026-12-06T12:00:00+02:00"})", Now,
                &error);
        QVERIFY2(withOffset, qPrintable(error));
        QCOMPARE(*withOffset->expires, QDateTime(QDate(2026, 12, 6), QTime(10, 0), Qt::UTC));
        const auto untilUnpinned = parsePinRequest(
                R"({"addresses": ["10.0.0.5"], "expires": null})", Now, &error);
        QVERIFY2(untilUnpinned, qPrintable(error));
        QVERIFY(!untilUnpinned->expires);
        QVERIFY(parsePinRequest(R"({"addresses": ["10.0.0.5"]})", Now, &error));
    }

    void refusesABadPin_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("error");
        QTest::newRow("an address out of range")
                << QByteArray(R"({"addresses": ["10.0.0.5", "10.0.0.300"]})")
                << QStringLiteral("\"addresses\"[1]: \"10.0.0.300\" is not an IPv4 or IPv6 "
                                  "address");
        QTest::newRow("multicast")
                << QByteArray(R"({"addresses": ["224.0.0.1"]})")
                << QStringLiteral("\"addresses\"[0]: \"224.0.0.1\" is a multicast group; "
                                  "expected the unicast address of a server");
        QTest::newRow("an address twice")
                << QByteArray(R"({"addresses": ["10.0.0.5", "10.0.0.5"]})")
                << QStringLiteral("\"addresses\"[1]: \"10.0.0.5\" is given twice; expected each "
                                  "address once");
        QTest::newRow("no addresses")
                << QByteArray(R"({"addresses": []})")
                << QStringLiteral("\"addresses\" is an array of 0; expected an array of 1 to 64 "
                                  "IP addresses as strings");
        QTest::newRow("addresses missing")
                << QByteArray(R"({"reason": "x"})")
                << QStringLiteral("\"addresses\" is missing; expected an array of 1 to 64 IP "
                                  "addresses as strings");
        QTest::newRow("addresses a string")
                << QByteArray(R"({"addresses": "10.0.0.5"})")
                << QStringLiteral("\"addresses\" is the string \"10.0.0.5\"; expected an array of "
                                  "1 to 64 IP "
                                  "addresses as strings");
        QTest::newRow("an address a number")
                << QByteArray(R"({"addresses": [167772165]})")
                << QStringLiteral(
                           "\"addresses\"[0] is the number 167772165; expected an IP address as a "
                           "string");
        QTest::newRow("expired")
                << QByteArray(R"({"addresses": ["10.0.0.5"], "expires": "2026-12-06T08:59:59Z"})")
                << QStringLiteral("\"expires\" 2026-12-06T08:59:59Z is not in the future (now "
                                  "2026-12-06T09:00:00Z); expected a later time, or null");
        QTest::newRow("expires without a zone")
                << QByteArray(R"({"addresses": ["10.0.0.5"], "expires": "2026-12-06T18:00:00"})")
                << QStringLiteral("\"expires\" is \"2026-12-06T18:00:00\"; expected an ISO 8601 "
                                  "time with a time zone, such as \"2026-12-06T18:00:00Z\", or "
                                  "null (until unpinned)");
        QTest::newRow("expires a number")
                << QByteArray(R"({"addresses": ["10.0.0.5"], "expires": 3600})")
                << QStringLiteral(
                           "\"expires\" is the number 3600; expected an ISO 8601 time with a time "
                           "zone, such as \"2026-12-06T18:00:00Z\", or null (until "
                           "unpinned)");
        QTest::newRow("reason not a string")
                << QByteArray(R"({"addresses": ["10.0.0.5"], "reason": ["x"]})")
                << QStringLiteral("\"reason\" is an array; expected a string of at most 500 "
                                  "characters");
        QTest::newRow("unknown key")
                << QByteArray(R"({"addresses": ["10.0.0.5"], "expiry": null})")
                << QStringLiteral("unknown key \"expiry\"; expected a JSON object with "
                                  "addresses, expires, reason");
        QTest::newRow("a key twice")
                << QByteArray(R"({"addresses": ["10.0.0.5"], "addresses": ["10.0.0.6"]})")
                << QStringLiteral("$.addresses is given twice; expected each key once");
        QTest::newRow("an array")
                << QByteArray(R"(["10.0.0.5"])")
                << QStringLiteral("the body is an array; expected a JSON object with addresses, "
                                  "expires, reason");
        QTest::newRow("not JSON")
                << QByteArray(R"({"addresses": ["10.0.0.5"],})")
                << QStringLiteral(
                           "the body is not JSON (object is missing after a comma at byte 28); "
                           "expected a JSON object with addresses, expires, reason");
        QTest::newRow("empty") << QByteArray()
                               << QStringLiteral("the body is not JSON (illegal value at byte 0); "
                                                 "expected a JSON object with addresses, "
                                                 "expires, reason");
    }
    void refusesABadPin()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, error);
        QString said;
        QVERIFY(!parsePinRequest(body, Now, &said));
        QCOMPARE(said, error);
    }

    void readsACacheClear_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<CacheClearRequest::Scope>("scope");
        QTest::addColumn<QString>("host");
        using Scope = CacheClearRequest::Scope;
        QTest::newRow("everything") << QByteArray("{}") << Scope::Everything << QString();
        QTest::newRow("not only stale")
                << QByteArray(R"({"stale_only": false})") << Scope::Everything << QString();
        QTest::newRow("stale") << QByteArray(R"({"stale_only": true})") << Scope::StaleOnly
                               << QString();
        QTest::newRow("a host") << QByteArray(R"({"host": "api.test", "stale_only": false})")
                                << Scope::OneHost << QStringLiteral("api.test");
    }
    void readsACacheClear()
    {
        QFETCH(QByteArray, body);
        QFETCH(CacheClearRequest::Scope, scope);
        QFETCH(QString, host);
        QString error;
        const std::optional<CacheClearRequest> clear = parseCacheClearRequest(body, &error);
        QVERIFY2(clear, qPrintable(error));
        QCOMPARE(clear->scope, scope);
        QCOMPARE(clear->host, host);
    }

    void refusesABadCacheClear_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("error");
        QTest::newRow("stale_only a string")
                << QByteArray(R"({"stale_only": "yes"})")
                << QStringLiteral("\"stale_only\" is the string \"yes\"; expected true or false");
        QTest::newRow("host a number")
                << QByteArray(R"({"host": 1})")
                << QStringLiteral("\"host\" is the number 1; expected a host "
                                  "name as a string");
        QTest::newRow("bad host")
                << QByteArray(R"({"host": "a b"})")
                << QStringLiteral("\"host\": \"a b\" is not a valid host name: character ' ' is "
                                  "not allowed (letters, digits, '-' and '_')");
        QTest::newRow("both")
                << QByteArray(R"({"host": "api.test", "stale_only": true})")
                << QStringLiteral("\"host\" and \"stale_only\": true together; expected one of "
                                  "them (a host's entries, or every stale entry)");
        QTest::newRow("unknown key") << QByteArray(R"({"all": true})")
                                     << QStringLiteral("unknown key \"all\"; expected a JSON "
                                                       "object with host, stale_only");
    }
    void refusesABadCacheClear()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, error);
        QString said;
        QVERIFY(!parseCacheClearRequest(body, &said));
        QCOMPARE(said, error);
    }
};

QTEST_GUILESS_MAIN(TestPinRequest)
#include "tst_pinrequest.moc"
