#pragma once

#include "config/configerror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1String>
#include <QList>
#include <QString>

#include <optional>

// The whole numbers a key takes, both ends included.
struct IntRange
{
    int min = 0;
    int max = 0;
};

// Checks a JSON document against what is expected of it, knowing nothing of what the keys mean:
// every problem is collected (not only the first) as a ConfigError of one file, at a JSON path
// such as "$.targets[2].host", and says "expected X, found Y" in words a person can act on.
class JsonValidator
{
public:
    explicit JsonValidator(const QString &file) : m_file(file) { }

    const QList<ConfigError> &errors() const { return m_errors; }
    bool hasErrors() const { return !m_errors.isEmpty(); }

    // The document's top-level object; an error at "$" (with line and column) when it is no JSON
    // or not an object.
    std::optional<QJsonObject> parseObject(const QByteArray &json);

    void fail(const QString &path, const QString &message);
    void failExpected(const QString &path, const QString &expected, const QJsonValue &found);
    // Every key of object that is not in allowed is an error, naming the allowed ones in order.
    void checkKeys(const QJsonObject &object, const QString &path,
                   const QList<QLatin1String> &allowed);
    void reportUnknownKey(const QString &path, const QString &key,
                          const QList<QLatin1String> &allowed);
    // object's key; missing, an error that says what it should hold (what).
    QJsonValue required(const QJsonObject &object, const QString &path, QLatin1String key,
                        const QString &what);

    bool hasType(const QJsonValue &value, QJsonValue::Type type, const QString &path);
    std::optional<int> toInt(const QJsonValue &value, const QString &path, IntRange range);
    std::optional<QString> toName(const QJsonValue &value, const QString &path);
    // An optional integer key into *out; returns false only when it is present and wrong.
    bool readInt(const QJsonObject &object, const QString &path, QLatin1String key, IntRange range,
                 int *out);
    // An optional boolean key into *out.
    void readBool(const QJsonObject &object, const QString &path, QLatin1String key, bool *out);
    // Two keys of the object at path whose values must not decrease: low <= high.
    void requireOrder(const QString &path, QLatin1String lowKey, int low, QLatin1String highKey,
                      int high);

    // What a JSON value is, for "found ..." ("the string \"10\"", "an array").
    static QString describe(const QJsonValue &value);
    // What a value of type is, for "expected ..." ("true or false", "an object").
    static QString typeDescription(QJsonValue::Type type);
    static QString quoted(const QString &text); // in quotes, control characters escaped
    static QString joined(const QList<QLatin1String> &keys); // "a, b, c"
    static QString childPath(const QString &path, QLatin1String key); // "$.targets" + "host"
    static QString elementPath(const QString &path, qsizetype index); // "$.targets" + 2

private:
    QString m_file;
    QList<ConfigError> m_errors;
};
