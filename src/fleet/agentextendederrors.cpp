#include "agentextendederrors.h"

QList<ExtendedDnsError> readAgentExtendedErrors(AnswerReader &reader, const QJsonObject &object,
                                                const QString &path)
{
    const QLatin1String key("ede");
    const QJsonArray entries = reader.array(object, path, key);
    const QString listPath = JsonValidator::childPath(path, key);
    QList<ExtendedDnsError> errors;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const std::optional<QJsonObject> entry = reader.element(entries, listPath, i);
        if (!entry)
            continue;
        const QString at = JsonValidator::elementPath(listPath, i);
        const std::optional<qint64> code = reader.count(*entry, at, QLatin1String("code"),
                                                        AnswerReader::Presence::Required);
        const QString text = reader.text(*entry, at, QLatin1String("text"));
        if (!code)
            continue;
        if (*code > 0xFFFF) {
            reader.fail(
                    JsonValidator::childPath(at, QLatin1String("code")),
                    QStringLiteral("expected an info code from 0 to 65535, found %1").arg(*code));
            continue;
        }
        errors.append({quint16(*code), ExtendedDnsErrors::boundedExtraText(text)});
    }
    return errors;
}
