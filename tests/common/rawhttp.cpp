#include "rawhttp.h"

#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

namespace {

bool wholeAnswer(const QByteArray &received, RawHttpAnswer *answer)
{
    const qsizetype headEnd = received.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return false;
    const QByteArray head = received.left(headEnd);
    static const QRegularExpression lengthHeader(QStringLiteral("\r\ncontent-length: *(\\d+)"),
                                                 QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch length = lengthHeader.match(QString::fromLatin1(head));
    const qsizetype bodyLength = length.hasMatch() ? length.captured(1).toLongLong() : 0;
    if (received.size() < headEnd + 4 + bodyLength)
        return false;
    answer->head = head;
    answer->status = head.mid(9, 3).toInt();
    answer->body = received.mid(headEnd + 4, bodyLength);
    return true;
}

} // namespace

std::unique_ptr<QTcpSocket> connectedClient(quint16 port, const QHostAddress &from)
{
    auto socket = std::make_unique<QTcpSocket>();
    if (!from.isNull() && !socket->bind(from))
        return nullptr;
    socket->connectToHost(QHostAddress::LocalHost, port);
    // The kernel completes the handshake; an in-process server accepts when the loop runs.
    if (!QTest::qWaitFor([&] { return socket->state() == QAbstractSocket::ConnectedState; }, 10000))
        return nullptr;
    return socket;
}

RawHttpAnswer readRawAnswer(QTcpSocket *socket, int timeoutMs)
{
    QByteArray received;
    RawHttpAnswer answer;
    // On timeout the caller's checks say what was missing.
    [[maybe_unused]] const bool done = QTest::qWaitFor(
            [&] {
                received += socket->readAll();
                return wholeAnswer(received, &answer)
                        || socket->state() != QAbstractSocket::ConnectedState;
            },
            timeoutMs);
    if (answer.status == 0)
        wholeAnswer(received + socket->readAll(), &answer);
    return answer;
}
