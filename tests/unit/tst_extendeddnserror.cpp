// The words, machine names and JSON of Extended DNS Errors (RFC 8914).
#include "dns/extendeddnserror.h"

#include <QJsonObject>
#include <QSet>
#include <QTest>

class TestExtendedDnsError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wordsAndNames_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("words");
        QTest::addColumn<QString>("name");
        QTest::newRow("0") << 0 << QStringLiteral("Other Error") << QStringLiteral("other_error");
        QTest::newRow("3") << 3 << QStringLiteral("Stale Answer") << QStringLiteral("stale_answer");
        QTest::newRow("6") << 6 << QStringLiteral("DNSSEC Bogus") << QStringLiteral("dnssec_bogus");
        QTest::newRow("15") << 15 << QStringLiteral("Blocked") << QStringLiteral("blocked");
        QTest::newRow("18") << 18 << QStringLiteral("Prohibited") << QStringLiteral("prohibited");
        QTest::newRow("22") << 22 << QStringLiteral("No Reachable Authority")
                            << QStringLiteral("no_reachable_authority");
        QTest::newRow("23") << 23 << QStringLiteral("Network Error")
                            << QStringLiteral("network_error");
        QTest::newRow("24, the last of RFC 8914")
                << 24 << QStringLiteral("Invalid Data") << QStringLiteral("invalid_data");
        QTest::newRow("29, the last known")
                << 29 << QStringLiteral("Synthesized") << QStringLiteral("synthesized");
        QTest::newRow("30, not known")
                << 30 << QStringLiteral("EDE 30") << QStringLiteral("ede_30");
        QTest::newRow("4711") << 4711 << QStringLiteral("EDE 4711") << QStringLiteral("ede_4711");
        QTest::newRow("65535") << 65535 << QStringLiteral("EDE 65535")
                               << QStringLiteral("ede_65535");
    }

    void wordsAndNames()
    {
        QFETCH(int, code);
        QFETCH(QString, words);
        QFETCH(QString, name);
        QCOMPARE(ExtendedDnsErrors::words(quint16(code)), words);
        QCOMPARE(ExtendedDnsErrors::machineName(quint16(code)), name);
    }

    void everyKnownCodeHasItsOwnSnakeCaseName()
    {
        QSet<QString> names;
        for (quint16 code = 0; code <= ExtendedDnsErrors::LastKnownInfoCode; ++code) {
            const QString name = ExtendedDnsErrors::machineName(code);
            QVERIFY2(!name.startsWith(QLatin1String("ede_")), qPrintable(name));
            for (QChar c : name)
                QVERIFY2(c.isLower() || c.isDigit() || c == QLatin1Char('_'), qPrintable(name));
            names.insert(name);
        }
        QCOMPARE(names.size(), ExtendedDnsErrors::LastKnownInfoCode + 1);
    }

    void describe()
    {
        QCOMPARE(ExtendedDnsErrors::describe(QList<ExtendedDnsError>()), QString());
        QCOMPARE(ExtendedDnsErrors::describe({{18, QStringLiteral("client refused")}}),
                 QStringLiteral("Prohibited (EDE 18): client refused"));
        QCOMPARE(ExtendedDnsErrors::describe({{3, {}}, {4711, QStringLiteral("x")}}),
                 QStringLiteral("Stale Answer (EDE 3); EDE 4711: x"));
    }

    void jsonRoundTrip()
    {
        const QList<ExtendedDnsError> errors{{6, QStringLiteral("RRSIG expired")}, {4711, {}}};
        const QJsonArray json = ExtendedDnsErrors::toJson(errors);
        QCOMPARE(json.size(), 2);
        QCOMPARE(json[0].toObject(),
                 QJsonObject({{QStringLiteral("code"), 6},
                              {QStringLiteral("name"), QStringLiteral("dnssec_bogus")},
                              {QStringLiteral("text"), QStringLiteral("RRSIG expired")}}));
        QCOMPARE(json[1].toObject(),
                 QJsonObject({{QStringLiteral("code"), 4711},
                              {QStringLiteral("name"), QStringLiteral("ede_4711")}}));
        QCOMPARE(ExtendedDnsErrors::fromJson(json), errors);
    }

    void fromJsonSkipsWhatIsNoError()
    {
        const QJsonArray json{QJsonObject{{QStringLiteral("code"), QStringLiteral("6")}},
                              QJsonObject{{QStringLiteral("code"), -1}},
                              QJsonObject{{QStringLiteral("code"), 70000}}, 5,
                              QJsonObject{{QStringLiteral("code"), 23},
                                          {QStringLiteral("text"), QStringLiteral("a\nb")}}};
        const QList<ExtendedDnsError> expected{{23, QStringLiteral("a\\nb")}};
        QCOMPARE(ExtendedDnsErrors::fromJson(json), expected);
    }
};

QTEST_GUILESS_MAIN(TestExtendedDnsError)
#include "tst_extendeddnserror.moc"
