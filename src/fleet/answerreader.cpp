#include "answerreader.h"

#include <cmath>

QString AnswerReader::errorText() const
{
    QStringList lines;
    for (const ConfigError &error : m_validator.errors())
        lines.append(error.toString());
    return lines.join(QLatin1Char('\n'));
}

std::optional<QJsonValue> AnswerReader::value(const QJsonObject &object, const QString &path,
                                              QLatin1String key, QJsonValue::Type type,
                                              Presence presence)
{
    const QString at = JsonValidator::childPath(path, key);
    const QJsonValue found = object.value(key);
    if (found.isUndefined() || found.isNull()) {
        if (presence == Presence::Required)
            m_validator.failExpected(at, JsonValidator::typeDescription(type), found);
        return std::nullopt;
    }
    if (!m_validator.hasType(found, type, at))
        return std::nullopt;
    return found;
}

QString AnswerReader::text(const QJsonObject &object, const QString &path, QLatin1String key,
                           Presence presence)
{
    const auto found = value(object, path, key, QJsonValue::String, presence);
    return found ? found->toString() : QString();
}

std::optional<double> AnswerReader::number(const QJsonObject &object, const QString &path,
                                           QLatin1String key, Presence presence)
{
    const auto found = value(object, path, key, QJsonValue::Double, presence);
    return found ? std::optional(found->toDouble()) : std::nullopt;
}

std::optional<qint64> AnswerReader::count(const QJsonObject &object, const QString &path,
                                          QLatin1String key, Presence presence)
{
    constexpr double LargestExact = 9007199254740992.0; // 2^53
    const std::optional<double> found = number(object, path, key, presence);
    if (!found)
        return std::nullopt;
    if (*found < 0 || *found > LargestExact || std::floor(*found) != *found) {
        fail(JsonValidator::childPath(path, key),
             QStringLiteral("expected a whole number from 0 to 2^53, found %1")
                     .arg(*found, 0, 'g', 17));
        return std::nullopt;
    }
    return qint64(*found);
}

std::optional<bool> AnswerReader::boolean(const QJsonObject &object, const QString &path,
                                          QLatin1String key, Presence presence)
{
    const auto found = value(object, path, key, QJsonValue::Bool, presence);
    return found ? std::optional(found->toBool()) : std::nullopt;
}

QDateTime AnswerReader::time(const QJsonObject &object, const QString &path, QLatin1String key,
                             Presence presence)
{
    const QString written = text(object, path, key, presence);
    if (written.isEmpty())
        return QDateTime();
    const QDateTime parsed = QDateTime::fromString(written, Qt::ISODateWithMs);
    if (!parsed.isValid())
        m_validator.failExpected(JsonValidator::childPath(path, key),
                                 QStringLiteral("an ISO 8601 time"), QJsonValue(written));
    return parsed.toUTC();
}

QStringList AnswerReader::texts(const QJsonObject &object, const QString &path, QLatin1String key)
{
    const QJsonArray list = array(object, path, key);
    const QString at = JsonValidator::childPath(path, key);
    QStringList out;
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (m_validator.hasType(list[i], QJsonValue::String, JsonValidator::elementPath(at, i)))
            out.append(list[i].toString());
    }
    return out;
}

QJsonObject AnswerReader::object(const QJsonObject &object, const QString &path, QLatin1String key,
                                 Presence presence)
{
    const auto found = value(object, path, key, QJsonValue::Object, presence);
    return found ? found->toObject() : QJsonObject();
}

QJsonArray AnswerReader::array(const QJsonObject &object, const QString &path, QLatin1String key,
                               Presence presence)
{
    const auto found = value(object, path, key, QJsonValue::Array, presence);
    return found ? found->toArray() : QJsonArray();
}

std::optional<QJsonObject> AnswerReader::element(const QJsonArray &array, const QString &path,
                                                 qsizetype index)
{
    const QJsonValue found = array.at(index);
    if (!m_validator.hasType(found, QJsonValue::Object, JsonValidator::elementPath(path, index)))
        return std::nullopt;
    return found.toObject();
}
