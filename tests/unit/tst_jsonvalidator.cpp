#include "config/jsonvalidator.h"

#include <QJsonArray>
#include <QTest>

// The generic half of the config loader on its own: what it says about JSON values, where, and
// that it collects every problem instead of stopping at the first.
class TestJsonValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void describesValues_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("description");
        QTest::newRow("null") << QJsonValue(QJsonValue::Null) << QStringLiteral("null");
        QTest::newRow("true") << QJsonValue(true) << QStringLiteral("true");
        QTest::newRow("number") << QJsonValue(2.5) << QStringLiteral("the number 2.5");
        QTest::newRow("big number") << QJsonValue(1e20) << QStringLiteral("the number 1e+20");
        QTest::newRow("string") << QJsonValue(QStringLiteral("10"))
                                << QStringLiteral("the string \"10\"");
        QTest::newRow("array") << QJsonValue(QJsonArray()) << QStringLiteral("an array");
        QTest::newRow("object") << QJsonValue(QJsonObject()) << QStringLiteral("an object");
        QTest::newRow("missing") << QJsonValue(QJsonValue::Undefined) << QStringLiteral("nothing");
    }

    void describesValues()
    {
        QFETCH(QJsonValue, value);
        QFETCH(QString, description);
        QCOMPARE(JsonValidator::describe(value), description);
    }

    void paths()
    {
        const QString targets = JsonValidator::childPath(QStringLiteral("$"),
                                                         QLatin1String("targets"));
        QCOMPARE(targets, QStringLiteral("$.targets"));
        QCOMPARE(JsonValidator::childPath(JsonValidator::elementPath(targets, 2),
                                          QLatin1String("host")),
                 QStringLiteral("$.targets[2].host"));
    }

    void parseObjectSaysWhereTheJsonBreaks()
    {
        // Qt reports the offset just past the 2 that lacks its ':' (line 3, column 8).
        JsonValidator validator(QStringLiteral("a.json"));
        QVERIFY(!validator.parseObject("{\n  \"a\": 1,\n  \"b\" 2\n}"));
        QCOMPARE(validator.errors().size(), 1);
        const ConfigError &error = validator.errors().first();
        QCOMPARE(error.file, QStringLiteral("a.json"));
        QCOMPARE(error.path, QStringLiteral("$"));
        QVERIFY2(error.message.startsWith(QLatin1String("invalid JSON at line 3, column 8: ")),
                 qPrintable(error.message));

        JsonValidator arrays(QStringLiteral("a.json"));
        QVERIFY(!arrays.parseObject("[1]"));
        QCOMPARE(arrays.errors().first().message,
                 QStringLiteral("expected an object at the top level, found an array"));

        JsonValidator valid(QStringLiteral("a.json"));
        const std::optional<QJsonObject> object = valid.parseObject(R"({"a": 1})");
        QVERIFY(object);
        QCOMPARE(object->value(QLatin1String("a")).toInt(), 1);
        QVERIFY(!valid.hasErrors());
    }

    void readIntChecksTypeWholenessAndRange()
    {
        const QJsonObject object{{QStringLiteral("good"), 7},
                                 {QStringLiteral("text"), QStringLiteral("7")},
                                 {QStringLiteral("fraction"), 7.5},
                                 {QStringLiteral("big"), 70}};
        const QString path = QStringLiteral("$.block");
        constexpr IntRange range{1, 10};
        JsonValidator validator(QStringLiteral("a.json"));
        int value = 0;
        QVERIFY(validator.readInt(object, path, QLatin1String("good"), range, &value));
        QCOMPARE(value, 7);
        QVERIFY(validator.readInt(object, path, QLatin1String("absent"), range, &value));
        QCOMPARE(value, 7); // left as it was
        QVERIFY(!validator.readInt(object, path, QLatin1String("text"), range, &value));
        QVERIFY(!validator.readInt(object, path, QLatin1String("fraction"), range, &value));
        QVERIFY(!validator.readInt(object, path, QLatin1String("big"), range, &value));
        QCOMPARE(value, 7);

        const QList<ConfigError> &errors = validator.errors();
        QCOMPARE(errors.size(), 3);
        QCOMPARE(errors.at(0).path, QStringLiteral("$.block.text"));
        QCOMPARE(errors.at(0).message,
                 QStringLiteral("expected an integer, found the string \"7\""));
        QCOMPARE(errors.at(1).message, QStringLiteral("expected a whole number, found 7.5"));
        QCOMPARE(errors.at(2).path, QStringLiteral("$.block.big"));
        QCOMPARE(errors.at(2).message, QStringLiteral("expected an integer from 1 to 10, found 70"));
    }

    void readBool()
    {
        const QJsonObject object{{QStringLiteral("on"), true}, {QStringLiteral("zero"), 0}};
        JsonValidator validator(QStringLiteral("a.json"));
        bool value = false;
        validator.readBool(object, QStringLiteral("$"), QLatin1String("on"), &value);
        QVERIFY(value);
        validator.readBool(object, QStringLiteral("$"), QLatin1String("zero"), &value);
        QVERIFY(value);
        QCOMPARE(validator.errors().size(), 1);
        QCOMPARE(validator.errors().first().toString(),
                 QStringLiteral("a.json: $.zero: expected true or false, found the number 0"));
    }

    void unknownKeysNameTheAllowedOnesInOrder()
    {
        const QJsonObject object{{QStringLiteral("b"), 1}, {QStringLiteral("x"), 2}};
        JsonValidator validator(QStringLiteral("a.json"));
        validator.checkKeys(object, QStringLiteral("$.block"),
                            {QLatin1String("c"), QLatin1String("b"), QLatin1String("a")});
        QCOMPARE(validator.errors().size(), 1);
        QCOMPARE(validator.errors().first().path, QStringLiteral("$.block"));
        QCOMPARE(validator.errors().first().message,
                 QStringLiteral("unknown key \"x\"; expected one of: c, b, a"));
    }

    void requiredAndOrder()
    {
        JsonValidator validator(QStringLiteral("a.json"));
        const QJsonValue missing = validator.required(QJsonObject(), QStringLiteral("$"),
                                                      QLatin1String("targets"),
                                                      QStringLiteral("an array"));
        QVERIFY(missing.isUndefined());
        validator.requireOrder(QStringLiteral("$.cache"), QLatin1String("low"), 5,
                               QLatin1String("high"), 5); // equal is in order
        validator.requireOrder(QStringLiteral("$.cache"), QLatin1String("low"), 5,
                               QLatin1String("high"), 4);
        QCOMPARE(validator.errors().size(), 2);
        QCOMPARE(validator.errors().at(0).message,
                 QStringLiteral("missing required key \"targets\" (an array)"));
        QCOMPARE(validator.errors().at(1).message,
                 QStringLiteral("expected high to be at least low, found high 4 and low 5"));
    }

    void names()
    {
        JsonValidator validator(QStringLiteral("a.json"));
        QCOMPARE(validator.toName(QJsonValue(QStringLiteral("corp")), QStringLiteral("$.n")),
                 QStringLiteral("corp"));
        QVERIFY(!validator.toName(QJsonValue(QStringLiteral("  ")), QStringLiteral("$.n")));
        QVERIFY(!validator.toName(QJsonValue(3), QStringLiteral("$.n")));
        QCOMPARE(validator.errors().size(), 2);
        QCOMPARE(validator.errors().at(0).message,
                 QStringLiteral("expected a non-empty name, found the string \"  \""));
        QCOMPARE(validator.errors().at(1).message,
                 QStringLiteral("expected a string, found the number 3"));
    }
};

QTEST_GUILESS_MAIN(TestJsonValidator)
#include "tst_jsonvalidator.moc"
