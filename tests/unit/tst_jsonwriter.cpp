// JsonWriter: the text QJsonDocument::toJson(Compact) gives for the same values (keys written in
// its sorted order), for the strings, numbers and nestings the agent's status carries.
#include "jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

QByteArray compact(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
}

// One value alone in an array, as the writer writes it.
QByteArray written(const std::function<void(JsonWriter &)> &write)
{
    JsonWriter json;
    json.beginArray();
    write(json);
    json.endArray();
    return json.take();
}

QString everyControlCharacter()
{
    QString text;
    for (char16_t code = 0; code < 0x20; ++code)
        text.append(QChar(code));
    return text;
}

} // namespace

class TestJsonWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stringsAreEscapedAsQtEscapesThem_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("plain") << u"svc.test answered 503"_s;
        QTest::newRow("quote and backslash") << u"say \"hi\" \\ bye"_s;
        QTest::newRow("every control character") << everyControlCharacter();
        QTest::newRow("delete") << u"a\x7f"_s;
        QTest::newRow("not ASCII") << u"Grüße, 東京"_s;
        QTest::newRow("outside the BMP") << u"\U0001F525 fire"_s;
        QTest::newRow("escape at the end") << u"ends in a quote\""_s;
    }
    void stringsAreEscapedAsQtEscapesThem()
    {
        QFETCH(QString, text);
        QCOMPARE(written([&](JsonWriter &json) { json.value(text); }), compact(text));
        // As a key too.
        JsonWriter json;
        json.beginObject();
        json.key(text).value(true);
        json.endObject();
        QCOMPARE(json.take(), compact(QJsonObject{{text, true}}));
    }

    void numbersAreSaidAsQtSaysThem_data()
    {
        QTest::addColumn<double>("number");
        QTest::newRow("zero") << 0.0;
        QTest::newRow("negative zero") << -0.0;
        QTest::newRow("one") << 1.0;
        QTest::newRow("minus one") << -1.0;
        QTest::newRow("a tenth") << 0.1;
        QTest::newRow("latency") << 12.345;
        QTest::newRow("small") << 1e-7;
        QTest::newRow("a rate") << 2.0 / 3.0;
        QTest::newRow("milliseconds since 1970") << 1733600000000.0;
        QTest::newRow("2^53") << 9007199254740992.0;
        QTest::newRow("past 2^53") << 9007199254740994.0;
        QTest::newRow("large") << 1e18;
        QTest::newRow("huge") << 1e21;
        QTest::newRow("not a number") << std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("infinite") << std::numeric_limits<double>::infinity();
    }
    void numbersAreSaidAsQtSaysThem()
    {
        QFETCH(double, number);
        QCOMPARE(written([&](JsonWriter &json) { json.value(number); }), compact(number));
    }

    // Qt escapes an unpaired surrogate as \uD800, which strict parsers refuse: here it becomes
    // "?" (as QString::toUtf8 makes it), and the text stays valid UTF-8.
    void anUnpairedSurrogateBecomesAQuestionMark()
    {
        const QString text = u"a"_s + QChar(0xd800) + u"b"_s;
        const QByteArray json = written([&](JsonWriter &writer) { writer.value(text); });
        QCOMPARE(json, QByteArray("[\"a?b\"]"));
    }

    // Keys beyond ASCII are UTF-8 like every other string.
    void aLatin1KeyBeyondAsciiIsConverted()
    {
        JsonWriter json;
        json.beginObject();
        json.key(QLatin1StringView("gr\xfc\xdf")).value(true);
        json.endObject();
        QCOMPARE(json.take(), compact(QJsonObject{{u"grüß"_s, true}}));
    }

    // An integer beyond 2^53 in a QJsonValue is said exactly, as Qt says it.
    void aLargeIntegerValueKeepsEveryDigit()
    {
        const QJsonValue large(qint64(9007199254740993));
        QCOMPARE(written([&](JsonWriter &json) { json.value(large); }), compact(large));
        QCOMPARE(written([&](JsonWriter &json) { json.value(large); }),
                 QByteArray("[9007199254740993]"));
    }

    void nestedValuesAndSeparators()
    {
        const QJsonObject inner{{u"a"_s, 1}, {u"b"_s, QJsonArray{}}};
        const QJsonObject expected{
                {u"access"_s, QJsonObject{}},
                {u"empty"_s, QJsonArray{}},
                {u"events"_s, QJsonArray{inner, inner}},
                {u"flag"_s, false},
                {u"nothing"_s, QJsonValue()},
                {u"targets"_s, QJsonArray{QJsonObject{{u"x"_s, u"y"_s}}, QJsonArray{1, 2}}},
                {u"text"_s, u"t"_s},
        };
        JsonWriter json;
        json.beginObject();
        json.key("access"_L1).beginObject();
        json.endObject();
        json.key("empty"_L1).value(QJsonValue(QJsonArray{}));
        json.key("events"_L1).beginArray();
        json.value(QJsonValue(inner)); // whole, as built the usual way
        json.value(QJsonValue(inner));
        json.endArray();
        json.key("flag"_L1).value(false);
        json.key("nothing"_L1).null();
        json.key("targets"_L1).beginArray();
        json.beginObject();
        json.key("x"_L1).value("y"_L1);
        json.endObject();
        json.beginArray();
        json.value(1.0);
        json.value(QJsonValue(2));
        json.endArray();
        json.endArray();
        json.key("text"_L1).value(QJsonValue(u"t"_s));
        json.endObject();
        const QByteArray text = json.take();
        QCOMPARE(text, compact(expected));
        QCOMPARE(QJsonDocument::fromJson(text).object(), expected);
    }

    void takeLeavesAnEmptyWriter()
    {
        JsonWriter json(1024);
        json.beginArray();
        json.value(true);
        json.endArray();
        QCOMPARE(json.take(), QByteArray("[true]"));
        json.beginObject();
        json.endObject();
        QCOMPARE(json.take(), QByteArray("{}"));
    }
};

QTEST_APPLESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
