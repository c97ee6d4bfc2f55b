#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QStringView>

#include <vector>

// JSON written straight into one buffer, for answers too large to build as QJsonObject trees
// first (an agent's status of every target). The text is what QJsonDocument::toJson(Compact)
// gives for the same values, but for the order of an object's keys, which is the order they
// are written in, and for an unpaired surrogate in a string: Qt writes it as a \uD800 escape,
// which strict parsers refuse; here it is a "?", as QString::toUtf8() makes it. Values built the
// usual way (a QJsonObject of a few fields) go in whole.
//
//     JsonWriter json;
//     json.beginObject();
//     json.key("name").value(name);
//     json.key("addresses").beginArray();
//     ...
//     json.endArray();
//     json.endObject();
//     QByteArray text = json.take();
//
// A key belongs inside an object, before each of its values; the writer does not check that
// the calls nest: its callers are ours, and tests parse what they write.
class JsonWriter
{
public:
    explicit JsonWriter(qsizetype reserveBytes = 0);

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();

    JsonWriter &key(QLatin1StringView name);
    JsonWriter &key(const QString &name);

    void value(QStringView text);
    void value(const QString &text) { value(QStringView(text)); }
    void value(QLatin1StringView text);
    void value(bool flag);
    // As QJsonValue says a number: an integer exactly when it is one (to 2^53), null when it is
    // not finite.
    void value(double number);
    void null();
    void value(const QJsonValue &value);

    QByteArray take();

private:
    void beforeValue();
    void open(char bracket);
    void close(char bracket);
    void appendEscaped(QByteArrayView utf8);

    QByteArray m_out;
    std::vector<bool> m_empty; // per open object or array: nothing written in it yet
    bool m_afterKey = false;
};
