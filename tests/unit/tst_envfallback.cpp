#include "resolver/envfallback.h"

#include <QTest>

class TestEnvFallback : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesWellFormedValue()
    {
        const EnvFallback env = EnvFallback::parse(
                QStringLiteral("mlflow.internal=10.0.0.5,10.0.0.6;API.internal=fd00::7 ; "));
        QVERIFY2(env.errors.isEmpty(), qPrintable(env.errors.join(QLatin1Char('\n'))));
        QCOMPARE(env.addressesByHost.size(), 2);
        QCOMPARE(env.addressesByHost.value(QStringLiteral("mlflow.internal")),
                 QList<QHostAddress>({QHostAddress(QStringLiteral("10.0.0.5")),
                                      QHostAddress(QStringLiteral("10.0.0.6"))}));
        QCOMPARE(env.addressesByHost.value(QStringLiteral("api.internal")),
                 QList<QHostAddress>({QHostAddress(QStringLiteral("fd00::7"))}));
    }

    void malformedEntriesAreReportedAndSkipped_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("errorFragment");
        QTest::addColumn<int>("kept");
        QTest::newRow("no equals")
                << QStringLiteral("good.test=10.0.0.1;bad")
                << QStringLiteral("entry 2 \"bad\" ignored: expected host=IP") << 1;
        QTest::newRow("bad ip") << QStringLiteral("a.test=10.0.0.300;good.test=10.0.0.1")
                                << QStringLiteral("\"10.0.0.300\" is not an IPv4 or IPv6 address")
                                << 1;
        QTest::newRow("short ip") << QStringLiteral("a.test=10.5")
                                  << QStringLiteral("\"10.5\" is not") << 0;
        QTest::newRow("empty ip") << QStringLiteral("a.test=") << QStringLiteral("\"\" is not")
                                  << 0;
        QTest::newRow("bad host") << QStringLiteral("bad host=10.0.0.1")
                                  << QStringLiteral("not a valid host name") << 0;
        QTest::newRow("host twice")
                << QStringLiteral("a.test=10.0.0.1;b.test=10.0.0.2;A.test.=10.0.0.3")
                << QStringLiteral("entry 3 \"A.test.=10.0.0.3\" ignored: host A.test. is "
                                  "already given in entry 1; give all its addresses in one entry")
                << 2;
        // A bad entry gives the host nothing, so a corrected one after it is its first.
        QTest::newRow("host again after a bad entry")
                << QStringLiteral("a.test=10.0.0.300;a.test=10.0.0.3")
                << QStringLiteral("entry 1 \"a.test=10.0.0.300\" ignored") << 1;
        QTest::newRow("unspecified IPv4")
                << QStringLiteral("a.test=0.0.0.0")
                << QStringLiteral("\"0.0.0.0\" is the unspecified address; expected the unicast "
                                  "address of a server")
                << 0;
        QTest::newRow("unspecified IPv6")
                << QStringLiteral("a.test=::")
                << QStringLiteral("\"::\" is the unspecified address") << 0;
        QTest::newRow("broadcast")
                << QStringLiteral("a.test=10.0.0.1,255.255.255.255")
                << QStringLiteral("\"255.255.255.255\" is the broadcast address") << 0;
        QTest::newRow("multicast") << QStringLiteral("a.test=224.0.0.251")
                                   << QStringLiteral("\"224.0.0.251\" is a multicast group") << 0;
        QTest::newRow("empty host")
                << QStringLiteral("=10.0.0.1") << QStringLiteral("it is empty") << 0;
    }
    void malformedEntriesAreReportedAndSkipped()
    {
        QFETCH(QString, value);
        QFETCH(QString, errorFragment);
        QFETCH(int, kept);
        const EnvFallback env = EnvFallback::parse(value);
        QCOMPARE(env.errors.size(), 1);
        QVERIFY2(env.errors[0].contains(errorFragment), qPrintable(env.errors[0]));
        QVERIFY(env.errors[0].startsWith(QLatin1String("DNSWATCH_FALLBACK_IPS: ")));
        QCOMPARE(env.addressesByHost.size(), kept);
    }

    void emptyValueIsNoFallback()
    {
        const EnvFallback env = EnvFallback::parse(QString());
        QVERIFY(env.errors.isEmpty());
        QVERIFY(env.addressesByHost.isEmpty());
    }

    void hostNameRules_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << QStringLiteral("mlflow.internal") << true;
        QTest::newRow("trailing dot") << QStringLiteral("a.test.") << true;
        QTest::newRow("underscore") << QStringLiteral("_srv.a.test") << true;
        QTest::newRow("single label") << QStringLiteral("localhost") << true;
        QTest::newRow("empty label") << QStringLiteral("a..test") << false;
        QTest::newRow("leading hyphen") << QStringLiteral("-a.test") << false;
        QTest::newRow("space") << QStringLiteral("a b.test") << false;
        QTest::newRow("long label")
                << QString(64, QLatin1Char('a')) + QStringLiteral(".test") << false;
        QTest::newRow("too long")
                << QString(QString(60, QLatin1Char('a')) + QLatin1Char('.')).repeated(5) << false;
    }
    void hostNameRules()
    {
        QFETCH(QString, host);
        QFETCH(bool, valid);
        QString error;
        QCOMPARE(isValidHostName(host, &error), valid);
        QCOMPARE(error.isEmpty(), valid);
    }
};

QTEST_GUILESS_MAIN(TestEnvFallback)
#include "tst_envfallback.moc"
