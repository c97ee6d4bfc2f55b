#pragma once

#include "config/jsonvalidator.h"

#include <QDateTime>
#include <QJsonArray>

#include <optional>

// Reads one JSON answer of an agent into plain values. Keys this dashboard does not know are let
// through (a newer agent may add some); a known key of the wrong type is an error at its path
// ("$.targets[2].status: expected a string, found the number 3"), and every error is collected.
class AnswerReader
{
public:
    enum class Presence { Required, Optional };

    explicit AnswerReader(const QString &source) : m_validator(source) { }

    std::optional<QJsonObject> parse(const QByteArray &json)
    {
        return m_validator.parseObject(json);
    }
    bool hasErrors() const { return m_validator.hasErrors(); }
    // Every error, one per line, as "SOURCE: PATH: what was expected".
    QString errorText() const;

    // A key's value; null, or missing when Optional, gives the empty value (or none).
    QString text(const QJsonObject &object, const QString &path, QLatin1String key,
                 Presence presence = Presence::Optional);
    std::optional<double> number(const QJsonObject &object, const QString &path, QLatin1String key,
                                 Presence presence = Presence::Optional);
    // A whole number from 0 to 2^53 (exact in a JSON number): IDs and counts.
    std::optional<qint64> count(const QJsonObject &object, const QString &path, QLatin1String key,
                                Presence presence = Presence::Optional);
    std::optional<bool> boolean(const QJsonObject &object, const QString &path, QLatin1String key,
                                Presence presence = Presence::Optional);
    // An ISO 8601 time; invalid when missing or null.
    QDateTime time(const QJsonObject &object, const QString &path, QLatin1String key,
                   Presence presence = Presence::Optional);
    QStringList texts(const QJsonObject &object, const QString &path, QLatin1String key);
    // An object or array key; empty when missing or null (an error when Required).
    QJsonObject object(const QJsonObject &object, const QString &path, QLatin1String key,
                       Presence presence = Presence::Optional);
    QJsonArray array(const QJsonObject &object, const QString &path, QLatin1String key,
                     Presence presence = Presence::Optional);
    // The element at index of an array, which must be an object.
    std::optional<QJsonObject> element(const QJsonArray &array, const QString &path,
                                       qsizetype index);

    void fail(const QString &path, const QString &message) { m_validator.fail(path, message); }

private:
    // The key's value when present and not null, after checking its type.
    std::optional<QJsonValue> value(const QJsonObject &object, const QString &path,
                                    QLatin1String key, QJsonValue::Type type, Presence presence);

    JsonValidator m_validator;
};
