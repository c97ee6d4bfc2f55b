#include "extendederrorwords.h"

#include "printabletext.h"

#include <QStringList>

#include <array>

namespace {

// In info-code order, as ExtendedDnsErrors::words() has them in English.
constexpr std::array<const char *, ExtendedDnsErrors::LastKnownInfoCode + 1> Words = {
        QT_TRANSLATE_NOOP("ExtendedErrorWords", "Other Error"),
        QT_TRANSLATE_NOOP("ExtendedErrorWords", "Unsupported DNSKEY Algorithm"),
        QT_TRANSLATE_NOOP("ExtendedErrorWords", "Unsupported DS Digest Type"),
        QT_TRANSLATE_NOOP("ExtendedErrorWords", "Stale Answer"),
        QT_TRANSLATE_NOOP("ExtendedErrorWords", "Forged Answer"),
        QT_TRANSLATE_NOOP("ExtendedErrorWords", "DNSSEC Indeterminate"),
        QT_TRANSLATE_NOOP("ExtendedErrorWords", "DNSSEC Bogus"),
        QT_TRANSLATE_NOOP("ExtendedErrorWords", "Signature Expired"),
        QT_TRANSLATE_NOOP("ExtendedErrorWords", "Signature Not Yet Valid"),
        QT_TRANSLATE_NOOP("ExtendedErrorWords", "DNSKEY Missing"),
        QT_TRANSLATE_NOOP("ExtendedErrorWords", "RRSIGs Missing"),
        QT_TRANSLATE_NOOP("ExtendedErrorWords", "No Zone Key Bit Set"),
        QT_TRANSLATE_NOOP("ExtendedErrorWords", "NSEC Missing"),
        QT_TRANSLATE_NOOP("ExtendedErrorWords", "Cached Error"),
        QT_TRANSLATE_NOOP("ExtendedErrorWords", "Not Ready"),
        QT_TRANSLATE_NOOP("ExtendedErrorWords", "Blocked"),
        QT_TRANSLATE_NOOP("ExtendedErrorWords", "Censored"),
        QT_TRANSLATE_NOOP("ExtendedErrorWords", "Filtered"),
        QT_TRANSLATE_NOOP("ExtendedErrorWords", "Prohibited"),
        QT_TRANSLATE_NOOP("ExtendedErrorWords", "Stale NXDomain Answer"),
        QT_TRANSLATE_NOOP("ExtendedErrorWords", "Not Authoritative"),
        QT_TRANSLATE_NOOP("ExtendedErrorWords", "Not Supported"),
        QT_TRANSLATE_NOOP("ExtendedErrorWords", "No Reachable Authority"),
        QT_TRANSLATE_NOOP("ExtendedErrorWords", "Network Error"),
        QT_TRANSLATE_NOOP("ExtendedErrorWords", "Invalid Data"),
        QT_TRANSLATE_NOOP("ExtendedErrorWords", "Signature Expired before Valid"),
        QT_TRANSLATE_NOOP("ExtendedErrorWords", "Too Early"),
        QT_TRANSLATE_NOOP("ExtendedErrorWords", "Unsupported NSEC3 Iterations Value"),
        QT_TRANSLATE_NOOP("ExtendedErrorWords", "Unable to conform to policy"),
        QT_TRANSLATE_NOOP("ExtendedErrorWords", "Synthesized"),
};

} // namespace

QString ExtendedErrorWords::words(quint16 infoCode)
{
    if (infoCode < Words.size())
        return tr(Words[infoCode]);
    return tr("EDE %1").arg(infoCode);
}

QString ExtendedErrorWords::describe(const QList<ExtendedDnsError> &errors)
{
    QStringList parts;
    for (const ExtendedDnsError &error : errors) {
        QString part = error.infoCode < Words.size()
                ? tr("%1 (EDE %2)").arg(words(error.infoCode)).arg(error.infoCode)
                : words(error.infoCode);
        if (!error.extraText.isEmpty())
            part = tr("%1: %2").arg(part, printable(error.extraText));
        parts.append(part);
    }
    return parts.join(QStringLiteral("; "));
}
