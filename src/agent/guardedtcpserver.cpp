#include "guardedtcpserver.h"

#include "clock.h"

#include <QHash>
#include <QSslSocket>
#include <QStringList>

#include <algorithm>
#include <optional>
#include <unistd.h>

namespace {

QByteArray refusal(const QByteArray &status, const QByteArray &why)
{
    return "HTTP/1.1 " + status + "\r\nContent-Type: text/plain\r\nContent-Length: "
            + QByteArray::number(why.size()) + "\r\nConnection: close\r\n\r\n" + why;
}

struct BodyRefusal
{
    QByteArray status;
    QByteArray why;
};

// Bodies are taken with a Content-Length up to max_body_bytes, and in no other framing: Qt
// HttpServer 6.4 would read a chunked one without a bound.
std::optional<BodyRefusal> bodyRefusal(const RequestHeadScanner::Head &head, qint64 maxBodyBytes)
{
    switch (head.body) {
    case RequestHeadScanner::Body::None:
        return std::nullopt;
    case RequestHeadScanner::Body::Length:
        if (head.bodyBytes <= maxBodyBytes)
            return std::nullopt;
        return BodyRefusal{"413 Content Too Large",
                           "the request body is larger than agent.max_body_bytes ("
                                   + QByteArray::number(maxBodyBytes) + ")\n"};
    case RequestHeadScanner::Body::TransferEncoding:
        return BodyRefusal{"411 Length Required",
                           "a request body needs a Content-Length; Transfer-Encoding (chunked) "
                           "is not taken\n"};
    case RequestHeadScanner::Body::BadLength:
        return BodyRefusal{"400 Bad Request", "Content-Length must be given once, as digits\n"};
    }
    return std::nullopt;
}

} // namespace

GuardedTcpServer::GuardedTcpServer(const AgentPolicy &limits, Clock *clock, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
    , m_clock(clock)
    , m_sweep(std::make_unique<ClockInterval>(clock, SweepIntervalMs, [this] { sweep(); }))
{ }

GuardedTcpServer::~GuardedTcpServer() = default;

qint64 GuardedTcpServer::idleTimeoutNowMs() const
{
    const double max = m_limits.maxConnections;
    const double scale = std::clamp(2.0 * double(max - bounded()) / max, 0.1, 1.0);
    return qint64(m_limits.idleTimeoutMs * scale);
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    QTcpSocket *socket = m_tls ? new QSslSocket(this) : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        ::close(int(descriptor)); // not the socket's: it refused it
        return;
    }
    if (!admit(socket->peerAddress())) {
        socket->abort();
        delete socket;
        return;
    }
    track(socket);
    if (m_tls)
        encrypt(static_cast<QSslSocket *>(socket));
    else
        handOver(socket);
}

bool GuardedTcpServer::admit(const QHostAddress &client)
{
    const int share = std::min(m_limits.maxConnectionsPerClient, m_limits.maxConnections);
    if (bounded(&client) >= share) {
        Connection *own = evictionCandidate(&client);
        if (!own) {
            count(CloseReason::ClientLimit);
            return false;
        }
        close(own->socket, CloseReason::ClientLimit);
    }
    if (bounded() >= m_limits.maxConnections) {
        Connection *victim = evictionCandidate(nullptr);
        if (!victim) {
            count(CloseReason::ConnectionLimit);
            return false;
        }
        close(victim->socket, CloseReason::Evicted);
    }
    return true;
}

// Idle ones (or that never asked) first, then ones whose head is still arriving; never one that
// is being answered. Among them, one of the client holding the most connections, so that a
// client with a few is not pushed out by one with many; of its, the one idle longest.
GuardedTcpServer::Connection *GuardedTcpServer::evictionCandidate(const QHostAddress *client) const
{
    const auto tier = [](Phase phase) {
        return phase == Phase::Fresh || phase == Phase::Idle ? 0
                : phase == Phase::ReadingHead                ? 1
                                                             : 2;
    };
    QHash<QHostAddress, qsizetype> held;
    for (const auto &open : m_connections) {
        if (open->phase != Phase::Waiting)
            ++held[open->client];
    }
    Connection *best = nullptr;
    qsizetype bestHeld = 0;
    for (const auto &open : m_connections) {
        if ((client && open->client != *client) || tier(open->phase) == 2)
            continue;
        const qsizetype openHeld = held.value(open->client);
        const bool better = !best || tier(open->phase) < tier(best->phase)
                || (tier(open->phase) == tier(best->phase)
                    && (openHeld > bestHeld
                        || (openHeld == bestHeld && open->sinceMs < best->sinceMs)));
        if (better) {
            best = open.get();
            bestHeld = openHeld;
        }
    }
    return best;
}

qsizetype GuardedTcpServer::bounded(const QHostAddress *client) const
{
    return std::count_if(m_connections.begin(), m_connections.end(), [client](const auto &open) {
        return open->phase != Phase::Waiting && (!client || open->client == *client);
    });
}

bool GuardedTcpServer::holdLongPoll(QTcpSocket *socket, qint64 answerByMs)
{
    Connection *connection = find(socket);
    if (!connection || connection->phase == Phase::Closing
        || m_waitingPolls >= m_limits.maxWaitingPolls) {
        ++m_refusedPolls;
        return false;
    }
    connection->longPoll = true;
    connection->answerByMs = answerByMs;
    updatePhase(*connection);
    return true;
}

void GuardedTcpServer::releaseLongPoll(QTcpSocket *socket)
{
    Connection *connection = find(socket);
    if (!connection || !connection->longPoll)
        return;
    connection->longPoll = false;
    if (connection->closeWhenReleased) {
        closeAfterAnswer(*connection);
        return;
    }
    updatePhase(*connection);
}

void GuardedTcpServer::deferAnswer(QTcpSocket *socket)
{
    if (Connection *connection = find(socket)) {
        ++connection->deferredAnswers;
        updatePhase(*connection);
    }
}

void GuardedTcpServer::answerSent(QTcpSocket *socket)
{
    Connection *connection = find(socket);
    if (!connection || connection->deferredAnswers == 0)
        return;
    --connection->deferredAnswers;
    if (connection->deferredAnswers == 0 && connection->closeWhenReleased) {
        closeAfterAnswer(*connection);
        return;
    }
    updatePhase(*connection);
}

void GuardedTcpServer::track(QTcpSocket *socket)
{
    auto connection = std::make_unique<Connection>();
    connection->socket = socket;
    connection->client = socket->peerAddress();
    connection->sinceMs = m_clock->nowMs();
    m_connections.push_back(std::move(connection));
    wake();
    // Connected before the HTTP server's own readyRead handler, which reads what came and
    // answers the complete requests; onServed after it (handOver).
    connect(socket, &QIODevice::readyRead, this, [this, socket] { onArrived(socket); });
    connect(socket, &QAbstractSocket::disconnected, this, [this, socket] { forget(socket); });
    connect(socket, &QObject::destroyed, this, [this, socket] { forget(socket); });
}

void GuardedTcpServer::encrypt(QSslSocket *socket)
{
    // Until the HTTP server has it (and deletes it when it disconnects), it is ours to delete.
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QSslSocket::encrypted, this, [this, socket] {
        disconnect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        handOver(socket);
    });
    connect(socket, &QAbstractSocket::errorOccurred, this,
            [this, socket](QAbstractSocket::SocketError error) {
                // A client that goes away before its handshake is only forgotten, as one that
                // goes away before its request; one that spoke no TLS is counted.
                if (!socket->isEncrypted() && find(socket)
                    && error != QAbstractSocket::RemoteHostClosedError)
                    close(socket, CloseReason::TlsHandshake);
            });
    socket->setSslConfiguration(*m_tls);
    socket->startServerEncryption();
}

void GuardedTcpServer::handOver(QTcpSocket *socket)
{
    addPendingConnection(socket); // the HTTP server takes it here (pendingConnectionAvailable)
    connect(socket, &QIODevice::readyRead, this, [this, socket] { onServed(socket); });
    connect(socket, &QIODevice::bytesWritten, this, [this, socket] { onWritten(socket); });
}

GuardedTcpServer::Connection *GuardedTcpServer::find(const QTcpSocket *socket)
{
    const auto it = std::find_if(m_connections.begin(), m_connections.end(),
                                 [socket](const auto &open) { return open->socket == socket; });
    return it == m_connections.end() ? nullptr : it->get();
}

void GuardedTcpServer::onArrived(QTcpSocket *socket)
{
    Connection *connection = find(socket);
    if (!connection || connection->phase == Phase::Closing)
        return;
    // What the HTTP server has not read yet: what it left last time, then what just came. Only
    // what just came is scanned, so each byte is counted once.
    const qint64 available = socket->bytesAvailable();
    const qint64 arrived = available - connection->unread;
    if (arrived > 0) {
        const QByteArray unread = socket->peek(available);
        connection->waiting += connection->scanner.feed(QByteArrayView(unread).last(arrived));
    }
    connection->unread = available;
    if ((connection->phase == Phase::Waiting || connection->deferredAnswers > 0)
        && !connection->waiting.isEmpty()) {
        // Its answer would overtake the held one's: a poll's connection asks nothing more, nor
        // does one whose answer is still being made.
        close(socket, CloseReason::Pipeline);
        return;
    }
    if (checkNextRequest(*connection))
        updatePhase(*connection);
}

void GuardedTcpServer::onServed(QTcpSocket *socket)
{
    Connection *connection = find(socket);
    if (!connection || connection->phase == Phase::Closing)
        return;
    // The HTTP server took the requests whose heads end within what it has read.
    const qint64 read = connection->scanner.offset() - socket->bytesAvailable();
    bool closing = false;
    while (!connection->waiting.isEmpty() && connection->waiting.first().endOffset <= read)
        closing = connection->waiting.takeFirst().closesConnection || closing;
    connection->unread = socket->bytesAvailable();
    if (closing) {
        // Pipelined requests after it are not answered.
        detachHttpServer(socket);
        if (connection->longPoll || connection->deferredAnswers > 0)
            connection->closeWhenReleased = true; // its answer is still to come
        else
            closeAfterAnswer(*connection);
        return;
    }
    if (checkNextRequest(*connection))
        updatePhase(*connection);
}

void GuardedTcpServer::closeAfterAnswer(Connection &connection)
{
    if (connection.phase == Phase::Waiting)
        --m_waitingPolls;
    connection.phase = Phase::Closing;
    connection.sinceMs = m_clock->nowMs();
    connection.socket->disconnectFromHost(); // once the answer is written
}

void GuardedTcpServer::onWritten(QTcpSocket *socket)
{
    Connection *connection = find(socket);
    if (!connection || connection->phase == Phase::Closing || socket->bytesToWrite() > 0)
        return;
    // Every answer so far has left: a request that came before it was out (back to back, the
    // connection never idle between) has its own request_timeout_ms from now.
    connection->sinceMs = m_clock->nowMs();
    updatePhase(*connection);
}

bool GuardedTcpServer::checkNextRequest(Connection &connection)
{
    if (connection.waiting.size() > MaxPipelined) {
        close(connection.socket, CloseReason::Pipeline);
        return false;
    }
    const qint64 max = m_limits.maxRequestBytes;
    const bool tooLarge = connection.scanner.partialSize() > max
            || std::any_of(connection.waiting.cbegin(), connection.waiting.cend(),
                           [max](const RequestHeadScanner::Head &head) { return head.size > max; });
    if (tooLarge) {
        refuse(connection, CloseReason::Oversized,
               refusal("431 Request Header Fields Too Large",
                       "the request is larger than agent.max_request_bytes\n"));
        return false;
    }
    // The HTTP server takes one request at a time: those before it are answered first.
    if (connection.waiting.isEmpty())
        return true;
    if (std::optional<BodyRefusal> refused = bodyRefusal(connection.waiting.first(),
                                                         m_limits.maxBodyBytes)) {
        refuse(connection, CloseReason::Body, refusal(refused->status, refused->why));
        return false;
    }
    return true;
}

void GuardedTcpServer::refuse(Connection &connection, CloseReason reason, const QByteArray &answer)
{
    QTcpSocket *socket = connection.socket;
    detachHttpServer(socket);
    count(reason);
    if (connection.phase == Phase::Waiting)
        --m_waitingPolls;
    connection.phase = Phase::Closing;
    connection.sinceMs = m_clock->nowMs();
    socket->write(answer);
    socket->disconnectFromHost(); // once the answer is written
}

void GuardedTcpServer::close(QTcpSocket *socket, CloseReason reason)
{
    detachHttpServer(socket);
    count(reason);
    forget(socket);
    socket->abort(); // the HTTP server deletes it (disconnected)
}

void GuardedTcpServer::detachHttpServer(QTcpSocket *socket)
{
    // The HTTP server reads in its readyRead handler (connected with itself, our parent once
    // bound, as the receiver): without it, it reads no further request from this socket.
    if (parent())
        disconnect(socket, &QIODevice::readyRead, parent(), nullptr);
}

void GuardedTcpServer::forget(const QTcpSocket *socket)
{
    std::erase_if(m_connections, [this, socket](const auto &open) {
        if (open->socket != socket)
            return false;
        if (open->phase == Phase::Waiting)
            --m_waitingPolls;
        return true;
    });
}

void GuardedTcpServer::count(CloseReason reason)
{
    ++m_closed[size_t(reason)];
    ++m_unreported[size_t(reason)];
    wake();
}

void GuardedTcpServer::wake()
{
    if (!m_sweep->isActive())
        m_sweep->start();
}

void GuardedTcpServer::updatePhase(Connection &connection)
{
    Phase next = Phase::Idle;
    if (connection.longPoll)
        next = Phase::Waiting;
    // A body still arriving is part of its request's arrival, with the head's deadline.
    else if (connection.scanner.inBody())
        next = Phase::ReadingHead;
    else if (!connection.waiting.isEmpty() || connection.socket->bytesToWrite() > 0
             || connection.deferredAnswers > 0)
        next = Phase::Answering;
    else if (connection.scanner.inHead())
        next = Phase::ReadingHead;
    else if (connection.phase == Phase::Fresh)
        next = Phase::Fresh;
    if (next == connection.phase)
        return;
    m_waitingPolls += int(next == Phase::Waiting) - int(connection.phase == Phase::Waiting);
    // A new connection has header_timeout_ms from when it opened to send its first request.
    if (connection.phase != Phase::Fresh || next != Phase::ReadingHead)
        connection.sinceMs = m_clock->nowMs();
    connection.phase = next;
}

void GuardedTcpServer::sweep()
{
    const qint64 now = m_clock->nowMs();
    const qint64 idleTimeoutMs = idleTimeoutNowMs();
    std::vector<std::pair<QTcpSocket *, CloseReason>> expired;
    for (const auto &open : m_connections) {
        const qint64 age = now - open->sinceMs;
        switch (open->phase) {
        case Phase::Fresh:
        case Phase::ReadingHead:
            if (age >= m_limits.headerTimeoutMs)
                expired.emplace_back(open->socket, CloseReason::HeaderTimeout);
            break;
        case Phase::Idle:
            if (age >= idleTimeoutMs)
                expired.emplace_back(open->socket, CloseReason::IdleTimeout);
            break;
        case Phase::Waiting:
            if (now >= open->answerByMs)
                expired.emplace_back(open->socket, CloseReason::RequestTimeout);
            break;
        case Phase::Answering:
        case Phase::Closing:
            if (age >= m_limits.requestTimeoutMs)
                expired.emplace_back(open->socket, CloseReason::RequestTimeout);
            break;
        }
    }
    for (const auto &[socket, reason] : expired)
        close(socket, reason);
    summarize();
    // Asleep while there is nothing to watch and nothing to say.
    if (m_connections.empty() && m_unreported == CloseCounts{})
        m_sweep->stop();
}

void GuardedTcpServer::summarize()
{
    const qint64 now = m_clock->nowMs();
    quint64 total = 0;
    QStringList parts;
    for (int reason = 0; reason < CloseReasonCount; ++reason) {
        if (const quint64 count = m_unreported[size_t(reason)]) {
            total += count;
            parts.append(
                    QStringLiteral("%1 %2").arg(closeReasonName(CloseReason(reason))).arg(count));
        }
    }
    if (total == 0 || (m_lastSummaryMs >= 0 && now - m_lastSummaryMs < SummaryIntervalMs))
        return;
    m_lastSummaryMs = now;
    m_unreported = {};
    Q_EMIT closuresSummarized(
            QStringLiteral("http: %1 connection(s) closed or refused since the last report: %2; "
                           "%3 of %4 open")
                    .arg(total)
                    .arg(parts.join(QStringLiteral(", ")))
                    .arg(openConnections())
                    .arg(m_limits.maxConnections));
}
