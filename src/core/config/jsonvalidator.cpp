#include "jsonvalidator.h"

#include "config/jsonduplicatekeys.h"
#include "printabletext.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace {
QString formatNumber(double number) { return QString::number(number, 'g', 15); }

struct TextPosition
{
    int line = 1;
    int column = 1;
};

// Line and column (both from 1, columns in characters) of a byte offset into UTF-8 text.
TextPosition positionAt(const QByteArray &text, qsizetype offset)
{
    TextPosition position;
    const qsizetype end = std::clamp<qsizetype>(offset, 0, text.size());
    for (qsizetype i = 0; i < end; ++i) {
        const char c = text.at(i);
        if (c == '\n') {
            ++position.line;
            position.column = 1;
        } else if ((uchar(c) & 0xC0) != 0x80) { // not a UTF-8 continuation byte
            ++position.column;
        }
    }
    return position;
}
} // namespace

std::optional<QJsonObject> JsonValidator::parseObject(const QByteArray &json)
{
    const QString root = QStringLiteral("$");
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const TextPosition position = positionAt(json, parseError.offset);
        fail(root,
             QStringLiteral("invalid JSON at line %1, column %2: %3")
                     .arg(QString::number(position.line), QString::number(position.column),
                          parseError.errorString()));
        return std::nullopt;
    }
    if (const std::optional<DuplicateJsonKey> duplicate = findDuplicateJsonKey(json)) {
        fail(duplicate->path,
             QStringLiteral("the key is given twice in one object, at line %1 and again at line "
                            "%2; expected each key once")
                     .arg(duplicate->firstLine)
                     .arg(duplicate->line));
        return std::nullopt;
    }
    if (!document.isObject()) {
        fail(root, QStringLiteral("expected an object at the top level, found an array"));
        return std::nullopt;
    }
    return document.object();
}

void JsonValidator::fail(const QString &path, const QString &message)
{
    m_errors.append(ConfigError{m_file, path, message});
}

void JsonValidator::failExpected(const QString &path, const QString &expected,
                                 const QJsonValue &found)
{
    fail(path, QStringLiteral("expected %1, found %2").arg(expected, describe(found)));
}

void JsonValidator::checkKeys(const QJsonObject &object, const QString &path,
                              const QList<QLatin1String> &allowed)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!allowed.contains(it.key()))
            reportUnknownKey(path, it.key(), allowed);
    }
}

void JsonValidator::reportUnknownKey(const QString &path, const QString &key,
                                     const QList<QLatin1String> &allowed)
{
    fail(path,
         QStringLiteral("unknown key %1; expected one of: %2").arg(quoted(key), joined(allowed)));
}

QJsonValue JsonValidator::required(const QJsonObject &object, const QString &path,
                                   QLatin1String key, const QString &what)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        fail(path, QStringLiteral("missing required key %1 (%2)").arg(quoted(key), what));
    return value;
}

bool JsonValidator::hasType(const QJsonValue &value, QJsonValue::Type type, const QString &path)
{
    if (value.type() == type)
        return true;
    failExpected(path, typeDescription(type), value);
    return false;
}

std::optional<int> JsonValidator::toInt(const QJsonValue &value, const QString &path, IntRange range)
{
    if (!value.isDouble()) {
        failExpected(path, QStringLiteral("an integer"), value);
        return std::nullopt;
    }
    const double number = value.toDouble();
    if (std::trunc(number) != number) {
        fail(path, QStringLiteral("expected a whole number, found ") + formatNumber(number));
        return std::nullopt;
    }
    if (number < range.min || number > range.max) {
        fail(path,
             QStringLiteral("expected an integer from %1 to %2, found %3")
                     .arg(QString::number(range.min), QString::number(range.max),
                          formatNumber(number)));
        return std::nullopt;
    }
    return int(number);
}

std::optional<QString> JsonValidator::toName(const QJsonValue &value, const QString &path)
{
    if (!hasType(value, QJsonValue::String, path))
        return std::nullopt;
    const QString name = value.toString();
    if (name.trimmed().isEmpty()) {
        failExpected(path, QStringLiteral("a non-empty name"), value);
        return std::nullopt;
    }
    // A name is shown in terminals, logs, tables and reports: it must not steer them.
    if (hasUnprintable(name)) {
        fail(path,
             QStringLiteral("expected a name without control characters (line breaks, escapes, "
                            "bidi overrides), found %1")
                     .arg(quoted(name)));
        return std::nullopt;
    }
    return name;
}

bool JsonValidator::readInt(const QJsonObject &object, const QString &path, QLatin1String key,
                            IntRange range, int *out)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return true;
    const std::optional<int> number = toInt(value, childPath(path, key), range);
    if (number)
        *out = *number;
    return number.has_value();
}

void JsonValidator::readBool(const QJsonObject &object, const QString &path, QLatin1String key,
                             bool *out)
{
    const QJsonValue value = object.value(key);
    if (!value.isUndefined() && hasType(value, QJsonValue::Bool, childPath(path, key)))
        *out = value.toBool();
}

void JsonValidator::requireOrder(const QString &path, QLatin1String lowKey, int low,
                                 QLatin1String highKey, int high)
{
    if (high >= low)
        return;
    fail(path,
         QStringLiteral("expected %1 to be at least %2, found %1 %3 and %2 %4")
                 .arg(highKey, lowKey, QString::number(high), QString::number(low)));
}

QString JsonValidator::describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QStringLiteral("the number ") + formatNumber(value.toDouble());
    case QJsonValue::String:
        return QStringLiteral("the string ") + quoted(value.toString());
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

QString JsonValidator::typeDescription(QJsonValue::Type type)
{
    switch (type) {
    case QJsonValue::Bool:
        return QStringLiteral("true or false");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("null");
}

QString JsonValidator::quoted(const QString &text)
{
    return QLatin1Char('"') + printable(text) + QLatin1Char('"');
}

QString JsonValidator::joined(const QList<QLatin1String> &keys)
{
    QStringList names;
    for (QLatin1String key : keys)
        names.append(key);
    return names.join(QLatin1String(", "));
}

QString JsonValidator::childPath(const QString &path, QLatin1String key)
{
    return path + QLatin1Char('.') + key;
}

QString JsonValidator::elementPath(const QString &path, qsizetype index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}
