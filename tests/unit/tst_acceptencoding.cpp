// Which Accept-Encoding headers take gzip for /metrics (RFC 9110, 12.5.3): q-values, "*",
// case, and the refusals.
#include "acceptencoding.h"

#include <QTest>

class TestAcceptEncoding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gzipIsTakenAsTheHeaderSays_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("gzip");
        QTest::newRow("none") << QByteArray() << false;
        QTest::newRow("identity") << QByteArray("identity") << false;
        QTest::newRow("gzip") << QByteArray("gzip") << true;
        QTest::newRow("list") << QByteArray("deflate, gzip, br") << true;
        QTest::newRow("case and spaces") << QByteArray(" GZip ; Q=0.5 ") << true;
        QTest::newRow("x-gzip") << QByteArray("x-gzip") << true;
        QTest::newRow("q=0") << QByteArray("gzip;q=0") << false;
        QTest::newRow("q=0.000") << QByteArray("gzip; q=0.000, identity") << false;
        QTest::newRow("q=0.001") << QByteArray("gzip;q=0.001") << true;
        QTest::newRow("bad q") << QByteArray("gzip;q=high") << false;
        QTest::newRow("q above 1") << QByteArray("gzip;q=2") << false;
        QTest::newRow("star") << QByteArray("*") << true;
        QTest::newRow("star refused") << QByteArray("*;q=0") << false;
        QTest::newRow("gzip refused, star taken") << QByteArray("gzip;q=0, *") << false;
        QTest::newRow("star refused, gzip taken") << QByteArray("*;q=0, gzip") << true;
        QTest::newRow("gzip inside a name") << QByteArray("gzipped, notgzip") << false;
    }

    void gzipIsTakenAsTheHeaderSays()
    {
        QFETCH(QByteArray, header);
        QFETCH(bool, gzip);
        QCOMPARE(acceptsGzip(header), gzip);
    }
};

QTEST_GUILESS_MAIN(TestAcceptEncoding)
#include "tst_acceptencoding.moc"
