#include "requestbody.h"

#include "config/jsonduplicatekeys.h"

#include <QJsonDocument>
#include <QJsonParseError>

std::optional<QJsonObject> jsonObjectBody(const QByteArray &body, const QStringList &keys,
                                          QString *error)
{
    const QString expected = QStringLiteral("a JSON object with %1")
                                     .arg(keys.isEmpty() ? QStringLiteral("no keys")
                                                         : keys.join(QStringLiteral(", ")));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("the body is not JSON (%1 at byte %2); expected %3")
                         .arg(parseError.errorString())
                         .arg(parseError.offset)
                         .arg(expected);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = QStringLiteral("the body is %1; expected %2")
                         .arg(document.isArray() ? QStringLiteral("an array")
                                                 : QStringLiteral("not an object"),
                              expected);
        return std::nullopt;
    }
    // QJsonDocument keeps the last of two equal keys: which one the sender meant is unknown.
    if (const std::optional<DuplicateJsonKey> twice = findDuplicateJsonKey(body)) {
        *error = QStringLiteral("%1 is given twice; expected each key once").arg(twice->path);
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!keys.contains(it.key())) {
            *error = QStringLiteral("unknown key \"%1\"; expected %2").arg(it.key(), expected);
            return std::nullopt;
        }
    }
    return object;
}
