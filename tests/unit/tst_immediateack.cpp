#include "dns/immediateack.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace {

// TCP_QUICKACK reads 1 while the socket acknowledges at once, 0 while it delays ACKs
// (Linux's "interactive" mode).
int quickAck(qintptr descriptor)
{
    int value = -1;
    socklen_t size = sizeof value;
    if (::getsockopt(int(descriptor), IPPROTO_TCP, TCP_QUICKACK, &value, &size) != 0)
        return -1;
    return value;
}

} // namespace

// The immediate ACK that keeps a server's Nagle from holding the second answer of a DNS over TLS
// burst for the delayed-ACK time.
class TestImmediateAck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void leavesTheDelayedAckMode()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, server.serverPort());
        QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
        QTRY_VERIFY(server.hasPendingConnections());

        // Into the mode the kernel takes on its own once a connection goes back and forth.
        const int off = 0;
        QCOMPARE(::setsockopt(int(client.socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &off,
                              sizeof off),
                 0);
        QCOMPARE(quickAck(client.socketDescriptor()), 0);

        acknowledgeReceivedNow(client.socketDescriptor());
        QCOMPARE(quickAck(client.socketDescriptor()), 1);
    }
};

QTEST_GUILESS_MAIN(TestImmediateAck)
#include "tst_immediateack.moc"
