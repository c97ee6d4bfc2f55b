// RequestHeadScanner on byte streams cut anywhere: where heads end, their sizes, whether they
// announce a body or close the connection; blank lines between requests belong to none.
#include "requestheadscanner.h"

#include <QTest>

namespace {

// Every head of stream, fed in pieces of chunk bytes.
QList<RequestHeadScanner::Head> scan(const QByteArray &stream, qsizetype chunk,
                                     RequestHeadScanner *scanner)
{
    QList<RequestHeadScanner::Head> heads;
    for (qsizetype at = 0; at < stream.size(); at += chunk)
        heads += scanner->feed(QByteArrayView(stream).sliced(at, qMin(chunk, stream.size() - at)));
    return heads;
}

} // namespace

class TestRequestHeadScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsEachHeadHoweverTheBytesArrive_data()
    {
        QTest::addColumn<qsizetype>("chunk");
        for (qsizetype chunk : {1, 2, 3, 7, 64, 4096})
            QTest::addRow("%lld byte(s) at a time", qlonglong(chunk)) << chunk;
    }
    void findsEachHeadHoweverTheBytesArrive()
    {
        QFETCH(qsizetype, chunk);
        const QByteArray first = "GET /metrics HTTP/1.1\r\nHost: a\r\n\r\n";
        const QByteArray second = "GET /healthz HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n";
        const QByteArray third = "GET /readyz HTTP/1.1\nconnection: TE, close\n\n";
        const QByteArray fourth = "POST /x HTTP/1.1\r\nContent-Length: 3\r\n\r\n";
        const QByteArray partial = "GET /slow HTTP/1.1\r\nX-A: b";
        RequestHeadScanner scanner;
        const QList<RequestHeadScanner::Head> heads = scan(
                first + "\r\n" + second + third + fourth + partial, chunk, &scanner);
        QCOMPARE(heads.size(), 4);
        QCOMPARE(heads[0].endOffset, qint64(first.size()));
        QCOMPARE(heads[0].size, qint64(first.size()));
        QVERIFY(!heads[0].closesConnection);
        QCOMPARE(heads[1].endOffset, qint64(first.size() + 2 + second.size())); // CRLF skipped
        QCOMPARE(heads[1].size, qint64(second.size()));
        QVERIFY(!heads[1].closesConnection); // HTTP/1.0 asking for keep-alive
        QVERIFY(heads[2].closesConnection);
        QVERIFY(!heads[2].announcesBody);
        QVERIFY(heads[3].announcesBody);
        QVERIFY(scanner.inHead());
        QCOMPARE(scanner.partialSize(), qint64(partial.size()));
        QCOMPARE(scanner.offset(),
                 qint64(first.size() + 2 + second.size() + third.size() + fourth.size()
                        + partial.size()));
    }

    void aPlainHttp10RequestClosesTheConnection()
    {
        RequestHeadScanner scanner;
        const QList<RequestHeadScanner::Head> heads = scanner.feed("GET / HTTP/1.0\r\n\r\n");
        QCOMPARE(heads.size(), 1);
        QVERIFY(heads[0].closesConnection);
        QVERIFY(!scanner.inHead());
    }

    void anHttp10RequestWithALongTargetClosesTheConnection()
    {
        // The kept part of a line is cut; the version at its end still counts.
        for (const qsizetype length : {qsizetype(200), qsizetype(300), qsizetype(5000)}) {
            RequestHeadScanner scanner;
            const QByteArray request = "GET /" + QByteArray(length, 'a') + " HTTP/1.0\r\n\r\n";
            const QList<RequestHeadScanner::Head> heads = scanner.feed(request);
            QCOMPARE(heads.size(), 1);
            QVERIFY2(heads[0].closesConnection, qPrintable(QString::number(length)));
            const QByteArray kept = "GET /" + QByteArray(length, 'a') + " HTTP/1.1\r\n\r\n";
            const QList<RequestHeadScanner::Head> keptAlive = scanner.feed(kept);
            QCOMPARE(keptAlive.size(), 1);
            QVERIFY(!keptAlive[0].closesConnection);
        }
    }

    void aZeroContentLengthIsNoBody()
    {
        RequestHeadScanner scanner;
        QList<RequestHeadScanner::Head> heads = scanner.feed(
                "GET / HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
        QCOMPARE(heads.size(), 1);
        QVERIFY(!heads[0].announcesBody);
        heads = scanner.feed("GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n");
        QCOMPARE(heads.size(), 1);
        QVERIFY(heads[0].announcesBody);
    }

    void longLinesAreCountedNotKept()
    {
        RequestHeadScanner scanner;
        const QByteArray line = "GET / HTTP/1.1\r\nX-Long: " + QByteArray(100000, 'x') + "\r\n";
        QVERIFY(scanner.feed(line).isEmpty());
        QCOMPARE(scanner.partialSize(), qint64(line.size()));
        const QList<RequestHeadScanner::Head> heads = scanner.feed("\r\n");
        QCOMPARE(heads.size(), 1);
        QCOMPARE(heads[0].size, qint64(line.size() + 2));
    }

    void blankBytesAloneAreNoRequest()
    {
        RequestHeadScanner scanner;
        QVERIFY(scanner.feed("\r\n\r\n \t\n").isEmpty());
        QVERIFY(!scanner.inHead());
        QCOMPARE(scanner.partialSize(), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestRequestHeadScanner)
#include "tst_requestheadscanner.moc"
