// What an answer to "zone SOA" (asked with DO) says of the zone's signatures: the earliest RRSIG
// of the SOA, whole days left, the warning under warn_days, and why it is unknown otherwise.
#include "dns/dnsmessage.h"
#include "probe/zonesignatures.h"
#include "rrsigrecord.h"

#include <QTest>

namespace {
constexpr qint64 Now = 1796083200; // 2026-12-01T00:00:00Z
constexpr qint64 Day = 86400;

DnsWire::Record rrsigOf(quint16 covered, quint32 expiration, const char *owner = "signed.test")
{
    DnsWire::Record record;
    record.name = QString::fromLatin1(owner);
    record.type = quint16(DnsWire::RecordType::RRSIG);
    record.rdata = rrsigRdata(covered, expiration, quint32(Now - Day));
    return record;
}

DnsExchange answerWith(const QList<DnsWire::Record> &answers, bool ad = true)
{
    DnsExchange exchange;
    exchange.server = *NameServer::parse(QStringLiteral("127.0.0.1:5300"));
    exchange.response.authenticData = ad;
    exchange.response.answers = answers;
    return exchange;
}

DnssecZoneConfig zone(int warnDays = 7)
{
    return DnssecZoneConfig{QStringLiteral("signed.test"), QStringLiteral("lab"), warnDays};
}

constexpr quint16 Soa = quint16(DnsWire::RecordType::SOA);
constexpr quint16 A = quint16(DnsWire::RecordType::A);
} // namespace

class TestZoneSignatures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void earliestSignatureOfTheSoaCounts()
    {
        // Two keys sign the SOA; an RRSIG of another type or owner does not count.
        const ZoneSignatureStatus status = zoneSignatureStatus(
                zone(),
                answerWith({rrsigOf(Soa, quint32(Now + 30 * Day)),
                            rrsigOf(Soa, quint32(Now + 20 * Day + 3600)),
                            rrsigOf(A, quint32(Now + 2 * Day)),
                            rrsigOf(Soa, quint32(Now + Day), "other.test")}),
                Now);
        QCOMPARE(status.level, ZoneSignatureStatus::Level::Ok);
        QCOMPARE(status.secondsLeft, std::optional<qint64>(20 * Day + 3600));
        QCOMPARE(status.daysLeft(), std::optional<qint64>(20));
        QCOMPARE(status.expiresAt, QDateTime::fromSecsSinceEpoch(Now + 20 * Day + 3600, Qt::UTC));
        QCOMPARE(status.validation, DnssecValidation::Validated);
        QCOMPARE(zoneSignatureSentence(status),
                 QStringLiteral("signed.test via lab: signatures expire in 20 days "
                                "(2026-12-21T01:00:00Z)"));
        const QJsonObject json = zoneSignatureJson(status);
        QCOMPARE(json.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(json.value(QLatin1String("expires_in_days")).toInt(), 20);
        QCOMPARE(json.value(QLatin1String("server")).toString(), QStringLiteral("127.0.0.1:5300"));
        QVERIFY(json.value(QLatin1String("detail")).isNull());
    }

    void warningUnderWarnDaysAndExpired()
    {
        const ZoneSignatureStatus warned = zoneSignatureStatus(
                zone(30), answerWith({rrsigOf(Soa, quint32(Now + 29 * Day))}), Now);
        QCOMPARE(warned.level, ZoneSignatureStatus::Level::Warning);
        QVERIFY(zoneSignatureSentence(warned).endsWith(QStringLiteral("WARNING: under 30 days")));
        const ZoneSignatureStatus expired = zoneSignatureStatus(
                zone(), answerWith({rrsigOf(Soa, quint32(Now - 3600))}, false), Now);
        QCOMPARE(expired.level, ZoneSignatureStatus::Level::Expired);
        QCOMPARE(expired.daysLeft(), std::optional<qint64>(-1));
        QCOMPARE(expired.validation, DnssecValidation::NotValidated);
        QCOMPARE(zoneSignatureLevelName(expired.level), QStringLiteral("expired"));
    }

    void unknownSaysWhy()
    {
        const ZoneSignatureStatus unsigned_ = zoneSignatureStatus(zone(), answerWith({}), Now);
        QCOMPARE(unsigned_.level, ZoneSignatureStatus::Level::Unknown);
        QCOMPARE(unsigned_.detail,
                 QStringLiteral("127.0.0.1:5300 gave no RRSIG for the SOA of signed.test (is the "
                                "zone signed?)"));
        QVERIFY(!unsigned_.daysLeft());

        DnsExchange servfail = answerWith({});
        servfail.response.rcode = quint16(DnsWire::ResponseCode::ServFail);
        QCOMPARE(zoneSignatureStatus(zone(), servfail, Now).detail,
                 QStringLiteral("127.0.0.1:5300 answered SERVFAIL for the SOA of signed.test"));

        DnsWire::Record broken = rrsigOf(Soa, quint32(Now + Day));
        broken.rdata.truncate(10);
        const ZoneSignatureStatus unreadable = zoneSignatureStatus(zone(), answerWith({broken}),
                                                                   Now);
        QCOMPARE(unreadable.level, ZoneSignatureStatus::Level::Unknown);
        QVERIFY2(unreadable.detail.startsWith(QStringLiteral("from 127.0.0.1:5300: RRSIG data of "
                                                             "10 bytes")),
                 qPrintable(unreadable.detail));

        DnsExchange timeout;
        timeout.error = DnsExchange::Error::Timeout;
        timeout.detail = QStringLiteral("no answer from 127.0.0.1:5300");
        const ZoneSignatureStatus timedOut = zoneSignatureStatus(zone(), timeout, Now);
        QCOMPARE(timedOut.detail, QStringLiteral("no answer from 127.0.0.1:5300"));
        QCOMPARE(timedOut.validation, DnssecValidation::NotAsked);
        QCOMPARE(zoneSignatureSentence(timedOut),
                 QStringLiteral("signed.test via lab: signatures unknown: no answer from "
                                "127.0.0.1:5300"));
    }
};

QTEST_GUILESS_MAIN(TestZoneSignatures)
#include "tst_zonesignatures.moc"
