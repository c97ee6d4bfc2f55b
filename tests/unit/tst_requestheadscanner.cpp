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

Q_DECLARE_METATYPE(RequestHeadScanner::Body)

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
        const QByteArray fourthBody = "a\n\n"; // looks like a blank line: a body is not read
        const QByteArray partial = "GET /slow HTTP/1.1\r\nX-A: b";
        RequestHeadScanner scanner;
        const QList<RequestHeadScanner::Head> heads = scan(
                first + "\r\n" + second + third + fourth + fourthBody + partial, chunk, &scanner);
        QCOMPARE(heads.size(), 4);
        QCOMPARE(heads[0].endOffset, qint64(first.size()));
        QCOMPARE(heads[0].size, qint64(first.size()));
        QVERIFY(!heads[0].closesConnection);
        QCOMPARE(heads[1].endOffset, qint64(first.size() + 2 + second.size())); // CRLF skipped
        QCOMPARE(heads[1].size, qint64(second.size()));
        QVERIFY(!heads[1].closesConnection); // HTTP/1.0 asking for keep-alive
        QVERIFY(heads[2].closesConnection);
        QCOMPARE(heads[2].body, RequestHeadScanner::Body::None);
        QCOMPARE(heads[3].body, RequestHeadScanner::Body::Length);
        QVERIFY(scanner.inHead());
        QCOMPARE(scanner.partialSize(), qint64(partial.size()));
        QCOMPARE(heads[3].size, qint64(fourth.size()));
        QCOMPARE(heads[3].bodyBytes, qint64(3));
        QCOMPARE(heads[3].endOffset,
                 qint64(first.size() + 2 + second.size() + third.size() + fourth.size()
                        + fourthBody.size()));
        QCOMPARE(scanner.offset(),
                 qint64(first.size() + 2 + second.size() + third.size() + fourth.size()
                        + fourthBody.size() + partial.size()));
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
        QCOMPARE(heads[0].body, RequestHeadScanner::Body::None);
        heads = scanner.feed("GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n");
        QCOMPARE(heads.size(), 1);
        QCOMPARE(heads[0].body, RequestHeadScanner::Body::TransferEncoding);
    }

    void aBodyIsSkippedByItsLength_data()
    {
        QTest::addColumn<qsizetype>("chunk");
        for (qsizetype chunk : {1, 5, 4096})
            QTest::addRow("%lld byte(s) at a time", qlonglong(chunk)) << chunk;
    }
    void aBodyIsSkippedByItsLength()
    {
        QFETCH(qsizetype, chunk);
        // The body holds what would be a whole request: it is the body's, not a request.
        const QByteArray body = "GET /hidden HTTP/1.1\r\n\r\n";
        const QByteArray put = "PUT /api/v1/pins/a HTTP/1.1\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n";
        const QByteArray next = "GET /healthz HTTP/1.1\r\n\r\n";
        RequestHeadScanner scanner;
        QList<RequestHeadScanner::Head> heads = scan(put + body.first(3), chunk, &scanner);
        QCOMPARE(heads.size(), 1);
        QVERIFY(scanner.inBody());
        QVERIFY(!scanner.inHead());
        QCOMPARE(scanner.partialSize(), qint64(0));
        heads += scan(body.sliced(3) + next, chunk, &scanner);
        QCOMPARE(heads.size(), 2);
        QCOMPARE(heads[0].size, qint64(put.size()));
        QCOMPARE(heads[0].endOffset, qint64(put.size() + body.size()));
        QCOMPARE(heads[1].endOffset, qint64(put.size() + body.size() + next.size()));
        QCOMPARE(heads[1].size, qint64(next.size()));
        QVERIFY(!scanner.inBody());
    }

    void aLengthMustBeDigitsGivenOnce_data()
    {
        QTest::addColumn<QByteArray>("headers");
        QTest::addColumn<RequestHeadScanner::Body>("body");
        using Body = RequestHeadScanner::Body;
        QTest::newRow("digits") << QByteArray("Content-Length: 12\r\n") << Body::Length;
        QTest::newRow("sign") << QByteArray("Content-Length: +12\r\n") << Body::BadLength;
        QTest::newRow("negative") << QByteArray("Content-Length: -1\r\n") << Body::BadLength;
        QTest::newRow("list") << QByteArray("Content-Length: 5, 5\r\n") << Body::BadLength;
        QTest::newRow("twice") << QByteArray("Content-Length: 5\r\nContent-Length: 5\r\n")
                               << Body::BadLength;
        QTest::newRow("empty") << QByteArray("Content-Length:\r\n") << Body::BadLength;
        QTest::newRow("huge") << QByteArray("Content-Length: 99999999999999999999\r\n")
                              << Body::BadLength;
        QTest::newRow("chunked and a length")
                << QByteArray("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n")
                << Body::TransferEncoding;
        QTest::newRow("a length and chunked")
                << QByteArray("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n")
                << Body::TransferEncoding;
    }
    void aLengthMustBeDigitsGivenOnce()
    {
        QFETCH(QByteArray, headers);
        QFETCH(RequestHeadScanner::Body, body);
        RequestHeadScanner scanner;
        const QList<RequestHeadScanner::Head> heads = scanner.feed(
                QByteArray("POST / HTTP/1.1\r\n" + headers + "\r\n"));
        QCOMPARE(heads.size(), 1);
        QCOMPARE(heads[0].body, body);
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
