// The RRSIG rdata decoder (RFC 4034 3.1): every field, the errors that say where and what was
// expected, and the expiration read with serial number arithmetic.
#include "dns/dnsmessage.h"
#include "dns/rrsig.h"

#include <QTest>

using namespace DnsWire;

namespace {
QByteArray name(const QByteArray &dotted)
{
    QByteArray wire;
    for (const QByteArray &label : dotted.split('.')) {
        if (label.isEmpty())
            continue;
        wire.append(char(label.size())).append(label);
    }
    return wire.append('\0');
}

QByteArray fixedFields(quint32 expiration, quint32 inception)
{
    QByteArray rdata;
    appendU16(&rdata, quint16(RecordType::A));
    rdata.append(char(13)).append(char(3));
    appendU32(&rdata, 300);
    appendU32(&rdata, expiration);
    appendU32(&rdata, inception);
    appendU16(&rdata, 11952);
    return rdata;
}
} // namespace

class TestRrsig : public QObject
{
    Q_OBJECT

private slots:
    void decodesEveryField()
    {
        const QByteArray rdata = fixedFields(1799539200, 1796083200) + name("signed.test.")
                + QByteArray::fromHex("0102030405");
        QString error;
        const std::optional<Rrsig> rrsig = parseRrsig(rdata, &error);
        QVERIFY2(rrsig, qPrintable(error));
        QCOMPARE(rrsig->typeCovered, quint16(RecordType::A));
        QCOMPARE(rrsig->algorithm, quint8(13));
        QCOMPARE(rrsig->labels, quint8(3));
        QCOMPARE(rrsig->originalTtl, quint32(300));
        QCOMPARE(rrsig->expiration, quint32(1799539200));
        QCOMPARE(rrsig->inception, quint32(1796083200));
        QCOMPARE(rrsig->keyTag, quint16(11952));
        QCOMPARE(rrsig->signerName, QStringLiteral("signed.test."));
        QCOMPARE(rrsig->signature, QByteArray::fromHex("0102030405"));
    }

    void rootSigner()
    {
        QString error;
        const std::optional<Rrsig> rrsig = parseRrsig(
                QByteArray(fixedFields(1, 0) + name(".") + "s"), &error);
        QVERIFY2(rrsig, qPrintable(error));
        QCOMPARE(rrsig->signerName, QStringLiteral("."));
    }

    void refusesWithWhereAndWhat_data()
    {
        QTest::addColumn<QByteArray>("rdata");
        QTest::addColumn<QString>("error");

        const QByteArray fixed = fixedFields(2, 1);
        QTest::newRow("empty") << QByteArray()
                               << QStringLiteral("RRSIG data of 0 bytes, expected at least 19 "
                                                 "(fixed fields and a signer name)");
        QTest::newRow("fixed fields cut") << fixed.left(10)
                                          << QStringLiteral("RRSIG data of 10 bytes, expected at "
                                                            "least 19 (fixed fields and a signer "
                                                            "name)");
        QTest::newRow("label past the end")
                << QByteArray(fixed + QByteArray("\x09signed"))
                << QStringLiteral("RRSIG signer name at byte 18: label of 9 bytes runs past the "
                                  "data");
        QTest::newRow("no root label")
                << QByteArray(fixed + QByteArray("\x04test"))
                << QStringLiteral("RRSIG signer name at byte 23: the data ends before the root "
                                  "label");
        QTest::newRow("compressed")
                << QByteArray(fixed + QByteArray("\xC0\x0C", 2) + "sig")
                << QStringLiteral("RRSIG signer name at byte 18: label length 192, expected at "
                                  "most 63 (the name must not be compressed)");
        QTest::newRow("no signature")
                << QByteArray(fixed + name("signed.test."))
                << QStringLiteral("RRSIG at byte 31: no signature after the signer name");
        QByteArray tooLong;
        for (int i = 0; i < 5; ++i)
            tooLong.append(char(63)).append(QByteArray(63, 'x'));
        QTest::newRow("name too long")
                << QByteArray(fixed + tooLong + '\0' + "s")
                << QStringLiteral("RRSIG signer name at byte 210: longer than 255 bytes");
    }

    void refusesWithWhereAndWhat()
    {
        QFETCH(QByteArray, rdata);
        QFETCH(QString, error);
        QString said;
        QVERIFY(!parseRrsig(rdata, &said));
        QCOMPARE(said, error);
    }

    void expirationInSerialArithmetic_data()
    {
        QTest::addColumn<quint32>("expiration");
        QTest::addColumn<qint64>("now");
        QTest::addColumn<qint64>("seconds");

        QTest::newRow("20 days ahead")
                << quint32(1796083200 + 20 * 86400) << qint64(1796083200) << qint64(20 * 86400);
        QTest::newRow("expired an hour ago")
                << quint32(1796083200 - 3600) << qint64(1796083200) << qint64(-3600);
        // After 2106 the 32-bit field wraps: 50 is 150 s after 2^32 - 100.
        QTest::newRow("across the wrap")
                << quint32(50) << qint64(0x100000000LL - 100) << qint64(150);
    }

    void expirationInSerialArithmetic()
    {
        QFETCH(quint32, expiration);
        QFETCH(qint64, now);
        QFETCH(qint64, seconds);
        Rrsig rrsig;
        rrsig.expiration = expiration;
        QCOMPARE(secondsUntilExpiration(rrsig, now), seconds);
    }
};

QTEST_GUILESS_MAIN(TestRrsig)
#include "tst_rrsig.moc"
