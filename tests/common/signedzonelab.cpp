#include "signedzonelab.h"

#include <QFile>
#include <QProcess>

namespace {
const char ZoneText[] = "$ORIGIN signed.test.\n"
                        "$TTL 300\n"
                        "@ IN SOA ns.signed.test. admin.signed.test. 1 3600 600 86400 60\n"
                        "@ IN NS ns.signed.test.\n"
                        "ns IN A 127.0.0.1\n"
                        "good IN A 10.53.0.1\n"
                        "bogus IN A 10.53.0.2\n";

QString ldnsTime(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMddhhmmss"));
}
} // namespace

bool SignedZoneLab::run(const QString &tool, const QStringList &arguments, QByteArray *output,
                        QString *error)
{
    const QString program = DnsServerFixture::findTool(tool);
    if (program.isEmpty()) {
        *error = QStringLiteral("%1 not found (Debian package ldnsutils; scripts/deps.sh test "
                                "installs it)")
                         .arg(tool);
        return false;
    }
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        *error = QStringLiteral("%1 %2 failed: %3")
                         .arg(tool, arguments.join(QLatin1Char(' ')),
                              QString::fromLocal8Bit(process.readAllStandardError()));
        return false;
    }
    if (output)
        *output = process.readAllStandardOutput().trimmed();
    return true;
}

bool SignedZoneLab::makeSignedZone(const QDateTime &expiration, QString *error)
{
    QFile zone(m_dir.filePath(QStringLiteral("signed.test.zone")));
    if (!zone.open(QIODevice::WriteOnly) || zone.write(ZoneText) < 0) {
        *error = QStringLiteral("cannot write %1").arg(zone.fileName());
        return false;
    }
    zone.close();
    const QString algorithm = QStringLiteral("ECDSAP256SHA256");
    QByteArray ksk, zsk;
    if (!run(QStringLiteral("ldns-keygen"),
             {QStringLiteral("-a"), algorithm, QStringLiteral("-k"), QLatin1String(Zone)}, &ksk,
             error)
        || !run(QStringLiteral("ldns-keygen"),
                {QStringLiteral("-a"), algorithm, QLatin1String(Zone)}, &zsk, error))
        return false;
    m_dsFile = m_dir.filePath(QString::fromLatin1(ksk) + QStringLiteral(".ds"));
    const QDateTime inception = QDateTime::currentDateTimeUtc().addDays(-1);
    return run(QStringLiteral("ldns-signzone"),
               {QStringLiteral("-e"), ldnsTime(expiration), QStringLiteral("-i"),
                ldnsTime(inception), zone.fileName(), QString::fromLatin1(ksk),
                QString::fromLatin1(zsk)},
               nullptr, error)
            && breakBogusSignature(error);
}

bool SignedZoneLab::breakBogusSignature(QString *error)
{
    // One character of the signature of bogus.signed.test.'s A record changed: still base64, no
    // longer a signature of that record.
    QFile signedZone(m_dir.filePath(QStringLiteral("signed.test.zone.signed")));
    if (!signedZone.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(signedZone.fileName());
        return false;
    }
    QList<QByteArray> lines = signedZone.readAll().split('\n');
    signedZone.close();
    bool changed = false;
    for (QByteArray &line : lines) {
        const QList<QByteArray> fields = line.split('\t');
        if (fields.size() < 5 || fields[0] != "bogus.signed.test." || fields[3] != "RRSIG"
            || !fields[4].startsWith("A "))
            continue;
        const qsizetype at = line.size() - 10;
        line[at] = line[at] == 'B' ? 'C' : 'B';
        changed = true;
    }
    if (!changed || !signedZone.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("no RRSIG of bogus.signed.test. A to break in %1")
                         .arg(signedZone.fileName());
        return false;
    }
    signedZone.write(lines.join('\n'));
    return true;
}

QDateTime SignedZoneLab::twentyDaysAhead()
{
    return QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() + 20 * 86400 + 6 * 3600,
                                         Qt::UTC);
}

bool SignedZoneLab::start(const QDateTime &expiration, QString *error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary directory");
        return false;
    }
    if (!makeSignedZone(expiration, error))
        return false;
    const quint16 nowhere = DnsServerFixture::freePort(); // "." goes there: refused at once
    m_authoritative.setExtraUnboundClauses(
            {QStringLiteral("auth-zone:"), QStringLiteral("  name: \"signed.test.\""),
             QStringLiteral("  zonefile: \"%1\"")
                     .arg(m_dir.filePath(QStringLiteral("signed.test.zone.signed"))),
             QStringLiteral("  for-downstream: yes"), QStringLiteral("  for-upstream: no")});
    if (!m_authoritative.startUnbound({}, nowhere, error))
        return false;
    m_validating.setExtraUnboundClauses(
            {QStringLiteral("stub-zone:"), QStringLiteral("  name: \"signed.test.\""),
             QStringLiteral("  stub-addr: 127.0.0.1@%1").arg(m_authoritative.port())});
    // "ede: yes": the validator says why it fails (RFC 8914), e.g. "DNSSEC Bogus" (6).
    return m_validating.startUnbound({QStringLiteral("module-config: \"validator iterator\""),
                                      QStringLiteral("trust-anchor-file: \"%1\"").arg(m_dsFile),
                                      QStringLiteral("ede: yes")},
                                     nowhere, error);
}

QByteArray labConfig(const SignedZoneLab &lab)
{
    return QStringLiteral(R"({
  "resolvers": [
    {"name": "validating", "servers": ["%1"], "timeout_ms": 3000, "attempts": 1, "dnssec": true},
    {"name": "plain", "servers": ["%2"], "timeout_ms": 3000, "attempts": 1, "dnssec": true}
  ],
  "targets": [
    {"name": "good", "host": "good.signed.test", "resolver": "validating", "record": "A",
     "require_validated": true},
    {"name": "unvalidated", "host": "good.signed.test", "resolver": "plain", "record": "A",
     "require_validated": true},
    {"name": "bogus", "host": "bogus.signed.test", "resolver": "validating", "record": "A",
     "critical": false}
  ],
  "dnssec_zones": [
    {"zone": "signed.test", "resolver": "validating", "warn_days": 30},
    {"zone": "signed.test", "resolver": "plain"}
  ]
})")
            .arg(lab.validatingServer(), lab.authoritativeServer())
            .toUtf8();
}
