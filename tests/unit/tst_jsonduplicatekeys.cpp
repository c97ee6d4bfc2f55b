// findDuplicateJsonKey(): a key given twice in one object, which QJsonDocument silently drops,
// found with its JSON path and both lines; anything else, however broken, is no finding. And the
// config fuzzer's seed corpus, replayed through the whole parser.
#include "config/appconfig.h"
#include "config/jsonduplicatekeys.h"

#include <QDir>
#include <QTest>

class TestJsonDuplicateKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void finds_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("firstLine");
        QTest::newRow("top level")
                << QByteArray("{\"a\": 1,\n\"a\": 2}") << QStringLiteral("$.a") << 2 << 1;
        QTest::newRow("in an array element")
                << QByteArray("{\"targets\": [\n {\"name\": \"x\"},\n {\"name\": \"y\",\n"
                              "  \"host\": \"h\", \"name\": \"z\"}]}")
                << QStringLiteral("$.targets[1].name") << 4 << 3;
        QTest::newRow("nested object")
                << QByteArray(R"({"cache": {"min_ttl_s": 1, "x": [1, {"a": 2}], "min_ttl_s": 2}})")
                << QStringLiteral("$.cache.min_ttl_s") << 1 << 1;
        QTest::newRow("same key after escapes") << QByteArray("{\"name\": 1, \"n\\u0061me\": 2}")
                                                << QStringLiteral("$.name") << 1 << 1;
        QTest::newRow("escaped quote in a key") << QByteArray("{\"a\\\"b\": 1, \"a\\\"b\": 2}")
                                                << QStringLiteral("$.a\"b") << 1 << 1;
    }
    void finds()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, path);
        QFETCH(int, line);
        QFETCH(int, firstLine);
        const std::optional<DuplicateJsonKey> duplicate = findDuplicateJsonKey(json);
        QVERIFY(duplicate);
        QCOMPARE(duplicate->path, path);
        QCOMPARE(duplicate->line, line);
        QCOMPARE(duplicate->firstLine, firstLine);
    }

    // What the fuzzer found: in text that is no JSON, an object without a key before it still
    // has a path under the root.
    void pathsStayUnderTheRootInBrokenText()
    {
        const std::optional<DuplicateJsonKey> duplicate = findDuplicateJsonKey(
                QByteArray("{\n { {\"nam\": [\n   { {\"name\": 1, \"name\": 2}"));
        QVERIFY(duplicate);
        QCOMPARE(duplicate->path, QStringLiteral("$.nam[0].name"));
        QCOMPARE(duplicate->line, 3);
    }

    void noFinding_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("same key in sibling objects")
                << QByteArray(R"([{"name": 1}, {"name": 2}, {"a": {"name": 3}}])");
        QTest::newRow("key text as a value") << QByteArray(R"({"a": "a", "b": "a"})");
        QTest::newRow("keys differing in case") << QByteArray(R"({"a": 1, "A": 2})");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("unbalanced") << QByteArray("]]}}{\"a\":[\"a\\");
        QTest::newRow("escape at the end") << QByteArray("{\"a\\u00");
    }
    void noFinding()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!findDuplicateJsonKey(json));
    }

    void seedCorpusReplays_data()
    {
        QTest::addColumn<QString>("path");
        const QDir corpus(QStringLiteral(DNSWATCH_CONFIG_FUZZ_CORPUS));
        const QStringList files = corpus.entryList(QDir::Files, QDir::Name);
        QVERIFY2(files.size() >= 5, qPrintable(corpus.path()));
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << corpus.filePath(file);
    }
    void seedCorpusReplays()
    {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        const ConfigLoadResult loaded = parseConfig(json, path);
        QCOMPARE(loaded.config.has_value(), loaded.errors.isEmpty());
        // The seeds named for a key given twice are refused for it, at the key's place.
        if (QFileInfo(path).fileName().startsWith(QLatin1String("duplicate"))) {
            QVERIFY(findDuplicateJsonKey(json));
            QVERIFY(!loaded.config);
            QVERIFY2(loaded.errors.first().message.contains(QLatin1String("given twice")),
                     qPrintable(loaded.errors.first().toString()));
        }
    }
};

QTEST_GUILESS_MAIN(TestJsonDuplicateKeys)
#include "tst_jsonduplicatekeys.moc"
