// A soa check's result as the dashboard words it from the servers and serials (for the agent's
// and the local core's targets alike): the lagging server with its serial, how far behind and
// for how long; a server that gave no serial with its reason; nothing when all agree.
#include "words/soacheckwords.h"

#include <QTest>

namespace {

SoaServerState server(const QString &name, std::optional<quint32> serial, quint32 behind = 0,
                      std::optional<qint64> behindForS = std::nullopt, const QString &error = {})
{
    SoaServerState state;
    state.server = name;
    state.serial = serial;
    state.behind = behind;
    state.behindForS = behindForS;
    state.error = error;
    return state;
}

} // namespace

class TestSoaCheckWords : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lagAndFailure()
    {
        SoaComparison soa;
        soa.zone = QStringLiteral("example.test");
        soa.newest = 2026120604;
        soa.servers = {server(QStringLiteral("127.0.0.1:5301"), 2026120604),
                       server(QStringLiteral("127.0.0.1:5302"), 2026120601, 3, 360),
                       server(QStringLiteral("[::1]:53"), std::nullopt, 0, std::nullopt,
                              QStringLiteral("not authoritative (no AA flag)"))};
        QCOMPARE(SoaCheckWords::describe(soa),
                 QStringLiteral("127.0.0.1:5302 serial 2026120601 is 3 behind 2026120604 (for 6 "
                                "min); [::1]:53 gave no serial: not authoritative (no AA flag)"));
    }

    void agreementSaysNothingAndTheCheckDetailStays()
    {
        SoaComparison soa;
        soa.zone = QStringLiteral("example.test");
        soa.newest = 7;
        soa.servers = {server(QStringLiteral("127.0.0.1:5301"), 7),
                       server(QStringLiteral("127.0.0.1:5302"), 7)};
        QVERIFY(SoaCheckWords::describe(soa).isEmpty());
        TargetSnapshot target;
        target.checkDetail = QStringLiteral("as the check said");
        QCOMPARE(SoaCheckWords::checkDetail(target), target.checkDetail);
        target.soa = soa;
        QCOMPARE(SoaCheckWords::checkDetail(target), target.checkDetail);
        target.soa->servers[1] = server(QStringLiteral("127.0.0.1:5302"), 6, 1, 45);
        QCOMPARE(SoaCheckWords::checkDetail(target),
                 QStringLiteral("127.0.0.1:5302 serial 6 is 1 behind 7 (for 45 s)"));
    }
};

QTEST_MAIN(TestSoaCheckWords)
#include "tst_soacheckwords.moc"
