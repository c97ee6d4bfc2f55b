// Serial number arithmetic (RFC 1982) as zone serials are compared: order, wrap, the undefined
// pair 2^31 apart, how far behind, and the newest of several.
#include "dns/serialnumber.h"

#include <QTest>

using namespace DnsWire;

Q_DECLARE_METATYPE(DnsWire::SerialOrder)

class TestSerialNumber : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compare_data()
    {
        QTest::addColumn<quint32>("a");
        QTest::addColumn<quint32>("b");
        QTest::addColumn<SerialOrder>("order");

        QTest::newRow("equal") << 2026120604u << 2026120604u << SerialOrder::Equal;
        QTest::newRow("older") << 2026120601u << 2026120604u << SerialOrder::Older;
        QTest::newRow("newer") << 2026120604u << 2026120601u << SerialOrder::Newer;
        // A serial that wrapped past 2^32 is newer than the large one before it.
        QTest::newRow("wrapped is newer") << 5u << 0xFFFFFFF0u << SerialOrder::Newer;
        QTest::newRow("before the wrap is older") << 0xFFFFFFF0u << 5u << SerialOrder::Older;
        QTest::newRow("zero after max") << 0u << 0xFFFFFFFFu << SerialOrder::Newer;
        QTest::newRow("just under half the range") << 0x7FFFFFFFu << 0u << SerialOrder::Newer;
        QTest::newRow("just over half the range") << 0x80000001u << 0u << SerialOrder::Older;
        QTest::newRow("exactly half the range") << 0x80000000u << 0u << SerialOrder::Undefined;
        QTest::newRow("exactly half the range, reversed")
                << 0u << 0x80000000u << SerialOrder::Undefined;
    }

    void compare()
    {
        QFETCH(quint32, a);
        QFETCH(quint32, b);
        QFETCH(SerialOrder, order);
        QCOMPARE(compareSerials(a, b), order);
    }

    void behind_data()
    {
        QTest::addColumn<quint32>("serial");
        QTest::addColumn<quint32>("newer");
        QTest::addColumn<quint32>("behind");

        QTest::newRow("same") << 7u << 7u << 0u;
        QTest::newRow("three") << 2026120601u << 2026120604u << 3u;
        QTest::newRow("across the wrap") << 0xFFFFFFFEu << 1u << 3u;
    }

    void behind()
    {
        QFETCH(quint32, serial);
        QFETCH(quint32, newer);
        QFETCH(quint32, behind);
        QCOMPARE(serialsBehind(serial, newer), behind);
    }

    void newest_data()
    {
        QTest::addColumn<QList<quint32>>("serials");
        QTest::addColumn<std::optional<quint32>>("newest");

        QTest::newRow("none") << QList<quint32>{} << std::optional<quint32>();
        QTest::newRow("one") << QList<quint32>{42} << std::optional<quint32>(42);
        QTest::newRow("all agree") << QList<quint32>{9, 9, 9} << std::optional<quint32>(9);
        QTest::newRow("largest, first or last")
                << QList<quint32>{2026120604u, 2026120601u, 2026120603u}
                << std::optional<quint32>(2026120604u);
        QTest::newRow("the wrapped one")
                << QList<quint32>{0xFFFFFFF0u, 3u, 0xFFFFFFFFu} << std::optional<quint32>(3u);
        QTest::newRow("too far apart to order")
                << QList<quint32>{0u, 0x80000000u} << std::optional<quint32>();
        // 0 < 0x60000000 < 0xC0000000 < 0 (each step under 2^31): a cycle has no newest.
        QTest::newRow("a cycle") << QList<quint32>{0u, 0x60000000u, 0xC0000000u}
                                 << std::optional<quint32>();
    }

    void newest()
    {
        QFETCH(QList<quint32>, serials);
        QFETCH(std::optional<quint32>, newest);
        QCOMPARE(newestSerial(serials), newest);
    }
};

QTEST_GUILESS_MAIN(TestSerialNumber)
#include "tst_serialnumber.moc"
