#include "extendeddnserror.h"

#include "printabletext.h"

#include <QJsonObject>

#include <array>

namespace ExtendedDnsErrors {

namespace {

    // The IANA "Extended DNS Error Codes" registry, 0 to 24 from RFC 8914 itself.
    constexpr std::array<const char *, LastKnownInfoCode + 1> KnownWords = {
            "Other Error",
            "Unsupported DNSKEY Algorithm",
            "Unsupported DS Digest Type",
            "Stale Answer",
            "Forged Answer",
            "DNSSEC Indeterminate",
            "DNSSEC Bogus",
            "Signature Expired",
            "Signature Not Yet Valid",
            "DNSKEY Missing",
            "RRSIGs Missing",
            "No Zone Key Bit Set",
            "NSEC Missing",
            "Cached Error",
            "Not Ready",
            "Blocked",
            "Censored",
            "Filtered",
            "Prohibited",
            "Stale NXDomain Answer",
            "Not Authoritative",
            "Not Supported",
            "No Reachable Authority",
            "Network Error",
            "Invalid Data",
            "Signature Expired before Valid",
            "Too Early",
            "Unsupported NSEC3 Iterations Value",
            "Unable to conform to policy",
            "Synthesized",
    };

    const QString CodeKey = QStringLiteral("code");
    const QString NameKey = QStringLiteral("name");
    const QString TextKey = QStringLiteral("text");

    // "Prohibited (EDE 18)": the words and the number people look up; a code without words is
    // its number alone.
    QString infoCodeLabel(quint16 infoCode)
    {
        if (infoCode > LastKnownInfoCode)
            return words(infoCode);
        return QStringLiteral("%1 (EDE %2)").arg(words(infoCode)).arg(infoCode);
    }

} // namespace

QString words(quint16 infoCode)
{
    if (infoCode <= LastKnownInfoCode)
        return QString::fromLatin1(KnownWords[infoCode]);
    return QStringLiteral("EDE %1").arg(infoCode);
}

QString machineName(quint16 infoCode)
{
    if (infoCode <= LastKnownInfoCode)
        return words(infoCode).toLower().replace(QLatin1Char(' '), QLatin1Char('_'));
    return QStringLiteral("ede_%1").arg(infoCode);
}

QString describe(const ExtendedDnsError &error)
{
    QString text = infoCodeLabel(error.infoCode);
    if (!error.extraText.isEmpty())
        text += QStringLiteral(": ") + error.extraText;
    return text;
}

QString describe(const QList<ExtendedDnsError> &errors)
{
    QStringList parts;
    parts.reserve(errors.size());
    for (const ExtendedDnsError &error : errors)
        parts.append(describe(error));
    return parts.join(QStringLiteral("; "));
}

QString boundedExtraText(QStringView text)
{
    QString shown = printable(text);
    if (shown.size() > MaxExtraTextLength) {
        qsizetype keep = MaxExtraTextLength - 1;
        if (shown.at(keep - 1).isHighSurrogate()) // never half a character
            --keep;
        shown.truncate(keep);
        shown.append(QChar(0x2026));
    }
    return shown;
}

QJsonArray toJson(const QList<ExtendedDnsError> &errors)
{
    QJsonArray array;
    for (const ExtendedDnsError &error : errors) {
        QJsonObject object{{CodeKey, int(error.infoCode)}, {NameKey, machineName(error.infoCode)}};
        if (!error.extraText.isEmpty())
            object.insert(TextKey, error.extraText);
        array.append(object);
    }
    return array;
}

QList<ExtendedDnsError> fromJson(const QJsonArray &array)
{
    QList<ExtendedDnsError> errors;
    for (const QJsonValue &value : array) {
        const QJsonValue code = value[CodeKey];
        if (!code.isDouble() || code.toDouble() < 0 || code.toDouble() > 0xFFFF)
            continue;
        errors.append({quint16(code.toInt()), boundedExtraText(value[TextKey].toString())});
    }
    return errors;
}

} // namespace ExtendedDnsErrors
