// The SOA serials of a zone across its servers: agreement, lags within and beyond max_lag_s as
// time passes (remembered per target and server), servers that give no serial, the wrap of
// RFC 1982, and the JSON the outputs share.
#include "probe/soacomparison.h"

#include <QJsonArray>
#include <QTest>

namespace {

const QString Zone = QStringLiteral("example.test");
const QString Ns1 = QStringLiteral("127.0.0.1:5301");
const QString Ns2 = QStringLiteral("127.0.0.1:5302");

SoaAnswer answered(const QString &server, quint32 serial)
{
    SoaAnswer answer;
    answer.server = server;
    DnsWire::Soa soa;
    soa.serial = serial;
    answer.soa = soa;
    return answer;
}

SoaAnswer failed(const QString &server, const QString &error)
{
    SoaAnswer answer;
    answer.server = server;
    answer.error = error;
    return answer;
}

constexpr qint64 Minute = 60 * 1000;

} // namespace

class TestSoaComparison : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void allAgree()
    {
        SoaLagMemory memory;
        const SoaComparison soa = compareSoaAnswers(
                Zone, {answered(Ns1, 2026120604), answered(Ns2, 2026120604)}, 300,
                QStringLiteral("zone"), &memory, 0);
        QVERIFY(soa.ok);
        QVERIFY(soa.agree());
        QVERIFY(!soa.lagFailed);
        QCOMPARE(soa.newest, std::optional<quint32>(2026120604));
        QVERIFY(soa.detail.isEmpty());
        QVERIFY(soa.lagging().isEmpty());
    }

    void lagFailsAtOnceWithMaxLagZero()
    {
        SoaLagMemory memory;
        const SoaComparison soa = compareSoaAnswers(
                Zone, {answered(Ns1, 2026120604), answered(Ns2, 2026120601)}, 0,
                QStringLiteral("zone"), &memory, 0);
        QVERIFY(!soa.ok);
        QVERIFY(soa.lagFailed);
        QCOMPARE(soa.detail,
                 QStringLiteral(
                         "127.0.0.1:5302 serial 2026120601 is 3 behind 2026120604 (for 0 s)"));
        QCOMPARE(soa.servers[1].behind, 3u);
        QCOMPARE(soa.lagging(), QStringList{QStringLiteral("127.0.0.1:5302 (2026120601)")});
    }

    void lagWithinMaxLagThenBeyond()
    {
        SoaLagMemory memory;
        const QList<SoaAnswer> answers{answered(Ns1, 2026120604), answered(Ns2, 2026120601)};
        const qint64 start = 1000 * Minute;
        SoaComparison soa = compareSoaAnswers(Zone, answers, 300, QStringLiteral("zone"), &memory,
                                              start);
        QVERIFY(soa.ok);
        QVERIFY(!soa.agree());
        QCOMPARE(soa.detail,
                 QStringLiteral("127.0.0.1:5302 serial 2026120601 is 3 behind 2026120604 (for 0 s, "
                                "within max_lag_s 300)"));
        soa = compareSoaAnswers(Zone, answers, 300, QStringLiteral("zone"), &memory,
                                start + 299 * 1000);
        QVERIFY(soa.ok);
        QCOMPARE(soa.servers[1].behindForS, std::optional<qint64>(299));
        soa = compareSoaAnswers(Zone, answers, 300, QStringLiteral("zone"), &memory,
                                start + 6 * Minute);
        QVERIFY(!soa.ok);
        QVERIFY(soa.lagFailed);
        QCOMPARE(soa.detail,
                 QStringLiteral(
                         "127.0.0.1:5302 serial 2026120601 is 3 behind 2026120604 (for 6 min)"));
        // Another target watching the same servers has its own memory of them.
        soa = compareSoaAnswers(Zone, answers, 300, QStringLiteral("other"), &memory,
                                start + 6 * Minute);
        QVERIFY(soa.ok);
    }

    void stuckServerKeepsItsTimeWhileTheNewestMovesOn()
    {
        SoaLagMemory memory;
        compareSoaAnswers(Zone, {answered(Ns1, 2), answered(Ns2, 1)}, 300, QStringLiteral("zone"),
                          &memory, 0);
        const SoaComparison soa = compareSoaAnswers(Zone, {answered(Ns1, 9), answered(Ns2, 1)}, 300,
                                                    QStringLiteral("zone"), &memory, 10 * Minute);
        QVERIFY(!soa.ok);
        QCOMPARE(soa.servers[1].behind, 8u);
        QCOMPARE(soa.servers[1].behindForS, std::optional<qint64>(600));
    }

    void silentNewestServerLeavesTheLagTimeAlone()
    {
        // ns1 has the newest serial; a round it does not answer must not make ns2 "caught up".
        SoaLagMemory memory;
        compareSoaAnswers(Zone, {answered(Ns1, 2), answered(Ns2, 1)}, 300, QStringLiteral("zone"),
                          &memory, 0);
        SoaAnswer silent;
        silent.server = Ns1;
        silent.error = QStringLiteral("no answer within 1000 ms");
        compareSoaAnswers(Zone, {silent, answered(Ns2, 1)}, 300, QStringLiteral("zone"), &memory,
                          4 * Minute);
        const SoaComparison soa = compareSoaAnswers(Zone, {answered(Ns1, 2), answered(Ns2, 1)}, 300,
                                                    QStringLiteral("zone"), &memory, 6 * Minute);
        QVERIFY(soa.lagFailed);
        QCOMPARE(soa.servers[1].behindForS, std::optional<qint64>(360));
    }

    void serverTakingUpdatesStartsAgain()
    {
        SoaLagMemory memory;
        compareSoaAnswers(Zone, {answered(Ns1, 3), answered(Ns2, 1)}, 300, QStringLiteral("zone"),
                          &memory, 0);
        // Moved on to 2, still behind 3: it takes updates, its lag starts again.
        SoaComparison soa = compareSoaAnswers(Zone, {answered(Ns1, 3), answered(Ns2, 2)}, 300,
                                              QStringLiteral("zone"), &memory, 10 * Minute);
        QVERIFY(soa.ok);
        QCOMPARE(soa.servers[1].behindForS, std::optional<qint64>(0));
        // Caught up, then behind again later: counted from then.
        soa = compareSoaAnswers(Zone, {answered(Ns1, 3), answered(Ns2, 3)}, 300,
                                QStringLiteral("zone"), &memory, 11 * Minute);
        QVERIFY(soa.agree());
        QCOMPARE(soa.servers[1].behindForS, std::optional<qint64>());
        soa = compareSoaAnswers(Zone, {answered(Ns1, 4), answered(Ns2, 3)}, 300,
                                QStringLiteral("zone"), &memory, 20 * Minute);
        QVERIFY(soa.ok);
        QCOMPARE(soa.servers[1].behindForS, std::optional<qint64>(0));
    }

    void wrappedSerialIsNewest()
    {
        SoaLagMemory memory;
        const SoaComparison soa = compareSoaAnswers(Zone,
                                                    {answered(Ns1, 0xFFFFFFFFu), answered(Ns2, 2)},
                                                    0, QStringLiteral("zone"), &memory, 0);
        QCOMPARE(soa.newest, std::optional<quint32>(2));
        QCOMPARE(soa.servers[0].behind, 3u);
        QCOMPARE(soa.servers[1].behind, 0u);
        QVERIFY(soa.detail.startsWith(
                QStringLiteral("127.0.0.1:5301 serial 4294967295 is 3 behind 2")));
    }

    void serialsTooFarApartFail()
    {
        SoaLagMemory memory;
        const SoaComparison soa = compareSoaAnswers(Zone,
                                                    {answered(Ns1, 0), answered(Ns2, 0x80000000u)},
                                                    300, QStringLiteral("zone"), &memory, 0);
        QVERIFY(!soa.ok);
        QVERIFY(!soa.newest);
        QVERIFY2(soa.detail.contains(QStringLiteral("cannot be ordered (RFC 1982)")),
                 qPrintable(soa.detail));
    }

    void serverWithoutSerialFails()
    {
        SoaLagMemory memory;
        const SoaComparison soa = compareSoaAnswers(
                Zone,
                {answered(Ns1, 7), failed(Ns2, QStringLiteral("not authoritative (no AA flag)"))},
                300, QStringLiteral("zone"), &memory, 0);
        QVERIFY(!soa.ok);
        QVERIFY(!soa.lagFailed);
        QVERIFY(!soa.agree());
        QCOMPARE(soa.detail, QStringLiteral("127.0.0.1:5302: not authoritative (no AA flag)"));
        QCOMPARE(soa.newest, std::optional<quint32>(7));
    }

    void json()
    {
        SoaLagMemory memory;
        const SoaComparison soa = compareSoaAnswers(
                Zone,
                {answered(Ns1, 10), answered(Ns2, 8),
                 failed(QStringLiteral("[::1]:53"), QStringLiteral("refused"))},
                300, QStringLiteral("zone"), &memory, 0);
        const QJsonObject object = soaJson(soa);
        QCOMPARE(object.value(QStringLiteral("zone")).toString(), Zone);
        QCOMPARE(object.value(QStringLiteral("newest")).toInteger(), 10);
        const QJsonArray servers = object.value(QStringLiteral("servers")).toArray();
        QCOMPARE(servers.size(), 3);
        QCOMPARE(servers[0][QStringLiteral("server")].toString(), Ns1);
        QCOMPARE(servers[0][QStringLiteral("behind")].toInteger(), 0);
        QVERIFY(servers[0][QStringLiteral("error")].isNull());
        QCOMPARE(servers[1][QStringLiteral("serial")].toInteger(), 8);
        QCOMPARE(servers[1][QStringLiteral("behind")].toInteger(), 2);
        QCOMPARE(servers[1][QStringLiteral("behind_for_s")].toInteger(), 0);
        QVERIFY(servers[2][QStringLiteral("serial")].isNull());
        QVERIFY(servers[2][QStringLiteral("behind")].isNull());
        QCOMPARE(servers[2][QStringLiteral("error")].toString(), QStringLiteral("refused"));
    }

    void durationWords_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("seconds") << qint64(45) << QStringLiteral("45 s");
        QTest::newRow("minutes") << qint64(6 * 60 + 59) << QStringLiteral("6 min");
        QTest::newRow("hours") << qint64(3 * 3600 + 5) << QStringLiteral("3 h");
    }

    void durationWords()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, text);
        QCOMPARE(lagDurationText(seconds), text);
    }
};

QTEST_GUILESS_MAIN(TestSoaComparison)
#include "tst_soacomparison.moc"
