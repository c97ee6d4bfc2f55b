// soa_serials_diverged when a soa check starts failing on a lag, soa_serials_agree when every
// server has the same serial again; nothing while either holds, for lags within max_lag_s, or
// for a server that does not answer.
#include "probe/soaserialswatch.h"

#include <QTest>

namespace {

ProbeResult resultWith(const QList<std::optional<quint32>> &serials, int maxLagS,
                       SoaLagMemory *memory, qint64 nowMs)
{
    QList<SoaAnswer> answers;
    int port = 5301;
    for (const std::optional<quint32> &serial : serials) {
        SoaAnswer answer;
        answer.server = QStringLiteral("127.0.0.1:%1").arg(port++);
        if (serial) {
            DnsWire::Soa soa;
            soa.serial = *serial;
            answer.soa = soa;
        } else {
            answer.error = QStringLiteral("no answer within 1000 ms");
        }
        answers.append(answer);
    }
    ProbeResult result;
    result.target = QStringLiteral("zone");
    result.resolution.host = QStringLiteral("zone.test");
    result.resolution.resolver = QStringLiteral("system");
    result.checked = true;
    result.check.soa = compareSoaAnswers(QStringLiteral("example.test"), answers, maxLagS,
                                         result.target, memory, nowMs);
    result.check.ok = result.check.soa->ok;
    return result;
}

} // namespace

class TestSoaSerialsWatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void divergedOnceThenAgreeOnce()
    {
        SoaLagMemory memory;
        SoaSerialsWatch watch;
        QVERIFY(!watch.observe(resultWith({5, 5}, 0, &memory, 0))); // agrees from the start
        const std::optional<ResolverEvent> diverged = watch.observe(
                resultWith({5, 4}, 0, &memory, 1000));
        QVERIFY(diverged.has_value());
        QCOMPARE(diverged->kind, ResolverEvent::Kind::SoaSerialsDiverged);
        QCOMPARE(diverged->host, QStringLiteral("zone.test"));
        QCOMPARE(diverged->target, QStringLiteral("zone"));
        QVERIFY2(diverged->detail.contains(
                         QStringLiteral("127.0.0.1:5302 serial 4 is 1 behind 5 (for 0 s)")),
                 qPrintable(diverged->detail));
        QVERIFY(!watch.observe(resultWith({5, 4}, 0, &memory, 2000))); // still diverged
        // A server that stops answering is the check's failure, not a new divergence or agreement.
        QVERIFY(!watch.observe(resultWith({5, std::nullopt}, 0, &memory, 3000)));
        const std::optional<ResolverEvent> agree = watch.observe(
                resultWith({5, 5}, 0, &memory, 4000));
        QVERIFY(agree.has_value());
        QCOMPARE(agree->kind, ResolverEvent::Kind::SoaSerialsAgree);
        QVERIFY2(agree->detail.contains(QStringLiteral("5 on every server")),
                 qPrintable(agree->detail));
        QVERIFY(!watch.observe(resultWith({5, 5}, 0, &memory, 5000)));
    }

    void withinMaxLagAgainEndsTheDivergence()
    {
        // A zone that changes often rarely has one serial everywhere when it is checked: once no
        // server lags beyond max_lag_s the divergence is over, though a serial still differs.
        SoaLagMemory memory;
        SoaSerialsWatch watch;
        QVERIFY(watch.observe(resultWith({5, 4}, 60, &memory, 0)) == std::nullopt);
        const std::optional<ResolverEvent> diverged = watch.observe(
                resultWith({5, 4}, 60, &memory, 60 * 1000));
        QVERIFY(diverged.has_value());
        QCOMPARE(diverged->kind, ResolverEvent::Kind::SoaSerialsDiverged);
        // ns2 took 5 and ns1 moved on to 6 meanwhile: ns2 lags again, but only just.
        const std::optional<ResolverEvent> over = watch.observe(
                resultWith({6, 5}, 60, &memory, 70 * 1000));
        QVERIFY(over.has_value());
        QCOMPARE(over->kind, ResolverEvent::Kind::SoaSerialsAgree);
        QVERIFY2(over->detail.contains(QStringLiteral("no longer than max_lag_s")),
                 qPrintable(over->detail));
    }

    void lagWithinMaxLagIsNoEvent()
    {
        SoaLagMemory memory;
        SoaSerialsWatch watch;
        QVERIFY(!watch.observe(resultWith({5, 4}, 300, &memory, 0)));
        QVERIFY(!watch.observe(resultWith({5, 4}, 300, &memory, 299 * 1000)));
        const std::optional<ResolverEvent> late = watch.observe(
                resultWith({5, 4}, 300, &memory, 300 * 1000));
        QVERIFY(late.has_value());
        QCOMPARE(late->kind, ResolverEvent::Kind::SoaSerialsDiverged);
    }
};

QTEST_GUILESS_MAIN(TestSoaSerialsWatch)
#include "tst_soaserialswatch.moc"
