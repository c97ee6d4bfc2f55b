// DNSSEC end to end against real servers on loopback: a zone signed in the test (ldns-signzone),
// served by an authoritative unbound and validated by another (SignedZoneLab). The DO bit, the AD
// flag, a bogus signature, "require_validated" through the resolver, and the expiration of the
// zone's signatures. tst_dnssec_once does the same through the real `dnswatch --once`.
#include "clock.h"
#include "config/resolverfactory.h"
#include "dns/rrsig.h"
#include "probe/targetstate.h"
#include "probe/validationrequirement.h"
#include "probe/zonesignatures.h"
#include "resolver/directdnsbackend.h"
#include "signedzonelab.h"
#include "testconfig.h"

#include <QSignalSpy>
#include <QTest>

class TestDnssecLab : public QObject
{
    Q_OBJECT

private:
    enum class Dnssec { Off, On };

    DnsClientOptions clientOptions(const QString &server, Dnssec dnssec) const
    {
        DnsClientOptions options;
        options.servers = {*NameServer::parse(server)};
        options.timeoutMs = 3000;
        options.attempts = 1;
        options.dnssecOk = dnssec == Dnssec::On;
        return options;
    }

    BackendAnswer lookup(const QString &server, const QString &host, Dnssec dnssec)
    {
        DirectDnsBackend backend(QStringLiteral("lab"), clientOptions(server, dnssec), &m_clock);
        std::optional<BackendAnswer> answer;
        backend.lookup(host, RecordKind::A, this, [&](const BackendAnswer &a) { answer = a; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 15000); }();
        return answer.value_or(BackendAnswer());
    }

    DnsExchange exchange(const QString &server, const QString &name, DnsWire::RecordType type)
    {
        DnsClient client(clientOptions(server, Dnssec::On), &m_clock);
        std::optional<DnsExchange> result;
        client.query(name, quint16(type), this, [&](const DnsExchange &e) { result = e; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000); }();
        return result.value_or(DnsExchange());
    }

    SystemClock m_clock;
    SignedZoneLab m_lab;
    QDateTime m_expiration;

private Q_SLOTS:
    void initTestCase()
    {
        m_expiration = SignedZoneLab::twentyDaysAhead();
        QString error;
        QVERIFY2(m_lab.start(m_expiration, &error), qPrintable(error));
    }

    void goodNameValidatesWithDnssecOn()
    {
        const BackendAnswer answer = lookup(m_lab.validatingServer(),
                                            QLatin1String(SignedZoneLab::GoodName), Dnssec::On);
        QCOMPARE(answer.cause, FailureCause::None);
        QCOMPARE(addressStrings(answer.addresses),
                 QStringList{QLatin1String(SignedZoneLab::GoodAddress)});
        QCOMPARE(answer.validation, DnssecValidation::Validated);
    }

    void withoutDnssecNothingIsClaimed()
    {
        // No DO: the resolver does not say (unbound sets AD only when asked, RFC 6840 5.7).
        const BackendAnswer answer = lookup(m_lab.validatingServer(),
                                            QLatin1String(SignedZoneLab::GoodName), Dnssec::Off);
        QCOMPARE(answer.cause, FailureCause::None);
        QCOMPARE(answer.validation, DnssecValidation::NotAsked);
    }

    void nonValidatingServerGivesNoAd()
    {
        const BackendAnswer answer = lookup(m_lab.authoritativeServer(),
                                            QLatin1String(SignedZoneLab::GoodName), Dnssec::On);
        QCOMPARE(answer.cause, FailureCause::None);
        QCOMPARE(answer.validation, DnssecValidation::NotValidated);
    }

    void bogusSignatureGivesServfail()
    {
        const BackendAnswer answer = lookup(m_lab.validatingServer(),
                                            QLatin1String(SignedZoneLab::BogusName), Dnssec::On);
        QCOMPARE(answer.cause, FailureCause::ServFail);
        QVERIFY(answer.addresses.isEmpty());
        // The validator says why (RFC 8914): "DNSSEC Bogus", with the SERVFAIL.
        const auto bogus = std::find_if(
                answer.extendedErrors.cbegin(), answer.extendedErrors.cend(),
                [](const ExtendedDnsError &error) { return error.infoCode == 6; });
        QVERIFY2(bogus != answer.extendedErrors.cend(),
                 qPrintable(ExtendedDnsErrors::describe(answer.extendedErrors)));
        QCOMPARE(ExtendedDnsErrors::words(bogus->infoCode), QStringLiteral("DNSSEC Bogus"));
        QVERIFY2(answer.detail.contains(QLatin1String("DNSSEC Bogus")), qPrintable(answer.detail));
        // The authoritative server, which does not validate, still gives the address.
        const BackendAnswer unchecked = lookup(m_lab.authoritativeServer(),
                                               QLatin1String(SignedZoneLab::BogusName), Dnssec::On);
        QCOMPARE(unchecked.addresses.size(), 1);
    }

    void signaturesOfTheZoneExpireWhenSigned()
    {
        const DnsExchange soa = exchange(m_lab.validatingServer(),
                                         QLatin1String(SignedZoneLab::Zone),
                                         DnsWire::RecordType::SOA);
        QCOMPARE(soa.error, DnsExchange::Error::None);
        QVERIFY(soa.response.authenticData);
        int signatures = 0;
        for (const DnsWire::Record &record : soa.response.answers) {
            if (record.type != quint16(DnsWire::RecordType::RRSIG))
                continue;
            QString error;
            const std::optional<DnsWire::Rrsig> rrsig = DnsWire::parseRrsig(record.rdata, &error);
            QVERIFY2(rrsig, qPrintable(error));
            QCOMPARE(rrsig->typeCovered, quint16(DnsWire::RecordType::SOA));
            QCOMPARE(rrsig->algorithm, quint8(13)); // ECDSAP256SHA256
            QCOMPARE(rrsig->signerName, QStringLiteral("signed.test."));
            QCOMPARE(qint64(rrsig->expiration), m_expiration.toSecsSinceEpoch());
            const qint64 now = QDateTime::currentSecsSinceEpoch();
            QCOMPARE(DnsWire::secondsUntilExpiration(*rrsig, now) / 86400, 20);
            ++signatures;
        }
        QCOMPARE(signatures, 1);
    }

    void requireValidatedThroughTheResolver()
    {
        // The resolver as the probes use it, built from a config; the probe's rule applied.
        const AppConfig config = testConfig(labConfig(m_lab));
        const std::unique_ptr<Resolver> resolver(buildResolver(config, EnvFallback(), &m_clock));
        for (const TargetConfig &target : config.targets) {
            std::optional<LookupResult> result;
            resolver->resolve({target.host, target.resolver, target.record}, this,
                              [&](const LookupResult &r) { result = r; });
            QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000);
            applyValidationRequirement(target, &*result);
            ProbeResult probe;
            probe.resolution = *result;
            const TargetVerdict verdict = judgeProbe(probe);
            if (target.name == QLatin1String("good")) {
                QCOMPARE(result->validation, DnssecValidation::Validated);
                QCOMPARE(verdict.state, TargetState::Healthy);
            } else if (target.name == QLatin1String("unvalidated")) {
                QCOMPARE(result->validation, DnssecValidation::NotValidated);
                QCOMPARE(result->cause, FailureCause::NotValidated);
                QCOMPARE(result->addresses.size(), 1);
                QCOMPARE(verdict.state, TargetState::Degraded);
            } else {
                QCOMPARE(result->cause, FailureCause::ServFail);
                QCOMPARE(verdict.state, TargetState::Down);
            }
        }
    }

    void zoneSignatureCheckAgainstTheLab()
    {
        const AppConfig config = testConfig(labConfig(m_lab));
        ZoneSignatureCheck check(config, &m_clock);
        QSignalSpy finished(&check, &ZoneSignatureCheck::finished);
        check.start();
        QVERIFY(finished.wait(15000));
        QCOMPARE(check.statuses().size(), 2);
        const ZoneSignatureStatus &warned = check.statuses().at(0);
        QCOMPARE(warned.level, ZoneSignatureStatus::Level::Warning); // 20 days, under 30
        QCOMPARE(warned.daysLeft(), std::optional<qint64>(20));
        QCOMPARE(warned.expiresAt, m_expiration);
        QCOMPARE(warned.validation, DnssecValidation::Validated);
        const ZoneSignatureStatus &fine = check.statuses().at(1);
        QCOMPARE(fine.level, ZoneSignatureStatus::Level::Ok); // 20 days, not under 7
        QCOMPARE(fine.validation, DnssecValidation::NotValidated);
    }

    void expiredSignaturesStillShowTheirExpiry()
    {
        // Signed valid from a day ago until 12 hours ago (beyond unbound's skew): the validating
        // resolver answers SERVFAIL; asked again with CD it still gives the expired RRSIG.
        SignedZoneLab expired;
        const QDateTime expiration = QDateTime::fromSecsSinceEpoch(
                QDateTime::currentSecsSinceEpoch() - 12 * 3600, Qt::UTC);
        QString error;
        QVERIFY2(expired.start(expiration, &error), qPrintable(error));
        const DnsExchange refused = exchange(expired.validatingServer(),
                                             QString::fromLatin1(SignedZoneLab::Zone),
                                             DnsWire::RecordType::SOA);
        QCOMPARE(refused.response.rcode, quint16(DnsWire::ResponseCode::ServFail));

        const AppConfig config = testConfig(labConfig(expired));
        ZoneSignatureCheck check(config, &m_clock);
        QSignalSpy finished(&check, &ZoneSignatureCheck::finished);
        check.start();
        QVERIFY(finished.wait(15000));
        const ZoneSignatureStatus &validating = check.statuses().at(0);
        QCOMPARE(validating.zone.resolver, QStringLiteral("validating"));
        QCOMPARE(validating.level, ZoneSignatureStatus::Level::Expired);
        QCOMPARE(validating.expiresAt, expiration);
        QVERIFY(validating.secondsLeft && *validating.secondsLeft < 0);
        QCOMPARE(validating.validation, DnssecValidation::NotValidated);
    }
};

QTEST_GUILESS_MAIN(TestDnssecLab)
#include "tst_dnssec_lab.moc"
