#pragma once

#include "dnsserverfixture.h"

#include <QDateTime>
#include <QString>
#include <QTemporaryDir>

// A DNSSEC lab on loopback: the zone signed.test., made and signed in a temporary directory with
// ldns-keygen and ldns-signzone (package ldnsutils), served authoritatively by one unbound
// (auth-zone) and validated by another (validator, the zone's DS as trust anchor, a stub zone to
// the first, "." forwarded to loopback). In the zone:
// - good.signed.test. A 10.53.0.1, correctly signed: the validating server answers with AD;
// - bogus.signed.test. A 10.53.0.2, its RRSIG's signature bytes altered: SERVFAIL there.
// The authoritative server answers the same names without AD (it does not validate).
class SignedZoneLab
{
public:
    static constexpr const char *Zone = "signed.test";
    static constexpr const char *GoodName = "good.signed.test";
    static constexpr const char *GoodAddress = "10.53.0.1";
    static constexpr const char *BogusName = "bogus.signed.test";

    // Signs with signatures valid from a day ago until expiration (whole seconds, UTC), then
    // starts both servers. On failure says why in *error (a missing tool names its package).
    bool start(const QDateTime &expiration, QString *error);
    // The expiration the lab's tests use: whole seconds, 20 days and 6 hours from now, so the
    // signatures "expire in 20 days".
    static QDateTime twentyDaysAhead();

    QString validatingServer() const { return m_validating.server(); }
    QString authoritativeServer() const { return m_authoritative.server(); }

private:
    bool run(const QString &tool, const QStringList &arguments, QByteArray *output, QString *error);
    bool makeSignedZone(const QDateTime &expiration, QString *error);
    bool breakBogusSignature(QString *error);

    QTemporaryDir m_dir;
    QString m_dsFile;
    DnsServerFixture m_authoritative;
    DnsServerFixture m_validating;
};

// A config over the lab: resolvers "validating" and "plain" (the authoritative server, which does
// not validate), both with "dnssec": true; targets "good" (require_validated, through
// validating), "unvalidated" (require_validated, through plain) and "bogus" (not critical); and
// the zone's signatures watched through both, warning under 30 days and under the default 7.
QByteArray labConfig(const SignedZoneLab &lab);
