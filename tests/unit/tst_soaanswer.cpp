// What one server's answer to "zone SOA" says for the soa check: a serial only from an
// authoritative NOERROR answer holding the zone's SOA; every other answer names why not.
#include "dns/soaanswer.h"

#include <QTest>

using namespace DnsWire;

namespace {

const QString Zone = QStringLiteral("example.test");

DnsExchange exchangeWith(quint16 rcode, bool authoritative, const QString &owner)
{
    DnsExchange exchange;
    exchange.server = *NameServer::parse(QStringLiteral("127.0.0.1:5302"));
    exchange.response.isResponse = true;
    exchange.response.rcode = rcode;
    exchange.response.authoritative = authoritative;
    if (!owner.isEmpty()) {
        Record record;
        record.name = owner;
        record.type = quint16(RecordType::SOA);
        record.soa = Soa{QStringLiteral("ns1.example.test"),
                         QStringLiteral("host.example.test"),
                         2026120604,
                         3600,
                         900,
                         604800,
                         60};
        exchange.response.answers.append(record);
    }
    return exchange;
}

} // namespace

class TestSoaAnswer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serialFromAnAuthoritativeAnswer()
    {
        const SoaAnswer answer = soaAnswerOf(exchangeWith(0, true, QStringLiteral("Example.TEST.")),
                                             Zone);
        QVERIFY(answer.error.isEmpty());
        QVERIFY(answer.soa.has_value());
        QCOMPARE(answer.soa->serial, 2026120604u);
        QCOMPARE(answer.server, QStringLiteral("127.0.0.1:5302"));
    }

    void errors_data()
    {
        QTest::addColumn<int>("error"); // DnsExchange::Error
        QTest::addColumn<quint16>("rcode");
        QTest::addColumn<bool>("authoritative");
        QTest::addColumn<QString>("owner");
        QTest::addColumn<QString>("words");

        const int none = int(DnsExchange::Error::None);
        QTest::newRow("no AA") << none << quint16(0) << false << Zone
                               << QStringLiteral("not authoritative (no AA flag)");
        QTest::newRow("REFUSED") << none << quint16(ResponseCode::Refused) << false << QString()
                                 << QStringLiteral("refused (REFUSED): not serving the zone");
        QTest::newRow("NXDOMAIN") << none << quint16(ResponseCode::NxDomain) << true << QString()
                                  << QStringLiteral("NXDOMAIN for the zone: not serving it");
        QTest::newRow("SERVFAIL") << none << quint16(ResponseCode::ServFail) << false << QString()
                                  << QStringLiteral("answered SERVFAIL");
        QTest::newRow("no SOA in the answer")
                << none << quint16(0) << true << QString()
                << QStringLiteral("no SOA record for the zone in the answer");
        QTest::newRow("another zone's SOA")
                << none << quint16(0) << true << QStringLiteral("test")
                << QStringLiteral("no SOA record for the zone in the answer");
        QTest::newRow("timeout") << int(DnsExchange::Error::Timeout) << quint16(0) << false
                                 << QString() << QStringLiteral("no answer within 1000 ms");
    }

    void errors()
    {
        QFETCH(int, error);
        QFETCH(quint16, rcode);
        QFETCH(bool, authoritative);
        QFETCH(QString, owner);
        QFETCH(QString, words);

        DnsExchange exchange = exchangeWith(rcode, authoritative, owner);
        exchange.error = DnsExchange::Error(error);
        if (exchange.error != DnsExchange::Error::None)
            exchange.detail = words;
        const SoaAnswer answer = soaAnswerOf(exchange, Zone);
        QVERIFY(!answer.soa.has_value());
        QCOMPARE(answer.error, words);
    }
};

QTEST_GUILESS_MAIN(TestSoaAnswer)
#include "tst_soaanswer.moc"
