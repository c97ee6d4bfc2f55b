#include "dnsclient.h"

#include "clock.h"
#include "dnshttp2connection.h"
#include "dnshttpsexchange.h"
#include "dnstlsconnection.h"
#include "logging.h"

#include <QRandomGenerator>
#include <QTcpSocket>
#include <QUdpSocket>
#include <QtEndian>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <utility>

// One connected UDP socket to one server. Connected, so the kernel drops datagrams from other
// senders and reports ICMP "port unreachable" as an error instead of letting the try time out.
class DnsUdpChannel
{
public:
    DnsUdpChannel(DnsClient *client, int serverIndex, const NameServer &server, int budget)
        : serverIndex(serverIndex), sendsLeft(budget)
    {
        socket = new QUdpSocket(client);
        socket->connectToHost(server.address, server.port);
        socket->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 1 << 20);
        QObject::connect(socket, &QUdpSocket::readyRead, client, [this, client] {
            // A connected UDP socket also becomes readable for an ICMP error such as "port
            // unreachable", which Qt swallows. Peek first, so the error is seen and named.
            char peek = 0;
            if (::recv(int(socket->socketDescriptor()), &peek, 1, MSG_PEEK | MSG_DONTWAIT) < 0
                && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                client->onChannelError(this, QString::fromLocal8Bit(::strerror(errno)));
                return;
            }
            // readDatagram() into a reused buffer: receiveDatagram() would first ask the kernel
            // for the size, one more system call per answer.
            while (socket->hasPendingDatagrams()) {
                QHostAddress sender;
                quint16 senderPort = 0;
                QByteArray &buffer = client->m_receiveBuffer;
                const qint64 size = socket->readDatagram(buffer.data(), buffer.size(), &sender,
                                                         &senderPort);
                if (size < 0)
                    break;
                // Parsed before any callback runs, so the shared buffer may be reused after.
                client->onDatagram(this, QByteArray::fromRawData(buffer.constData(), size), sender,
                                   senderPort);
            }
        });
        QObject::connect(socket, &QUdpSocket::errorOccurred, client,
                         [this, client] { client->onChannelError(this, socket->errorString()); });
    }
    // Only ever destroyed from the client's queued sweep or its destructor, never from inside the
    // socket's own handlers: deleting the socket drops the lambdas that point at this channel.
    ~DnsUdpChannel() { delete socket; }

    QUdpSocket *socket;
    int serverIndex;
    int sendsLeft;
    QHash<quint16, quint64> pending; // DNS ID -> query serial
};

// One query over TCP (RFC 1035 4.2.2 / RFC 7766): connect, send the length-prefixed query, read
// one length-prefixed reply, close.
class DnsTcpExchange
{
public:
    DnsTcpExchange(DnsClient *client, const NameServer &server, const QByteArray &query,
                   quint64 serial, int tryNumber)
    {
        socket = new QTcpSocket(client);
        QByteArray framed;
        framed.resize(2);
        qToBigEndian<quint16>(quint16(query.size()), framed.data());
        framed.append(query);
        QObject::connect(socket, &QTcpSocket::connected, socket,
                         [this, framed] { socket->write(framed); });
        QObject::connect(socket, &QTcpSocket::readyRead, client, [=, this] {
            buffer.append(socket->readAll());
            if (buffer.size() < 2)
                return;
            const int length = qFromBigEndian<quint16>(buffer.constData());
            if (buffer.size() < 2 + length)
                return;
            client->onTcpFinished(serial, tryNumber, buffer.mid(2, length), QString());
        });
        QObject::connect(socket, &QTcpSocket::errorOccurred, client, [=, this] {
            client->onTcpFinished(
                    serial, tryNumber, QByteArray(),
                    QStringLiteral("TCP to %1: %2").arg(server.toString(), socket->errorString()));
        });
        socket->connectToHost(server.address, server.port);
    }
    ~DnsTcpExchange()
    {
        socket->disconnect();
        socket->abort();
        socket->deleteLater();
    }

    QTcpSocket *socket;
    QByteArray buffer;
};

namespace {
constexpr qint64 GiveUpGraceMs = 100;

DnsExchange::Error exchangeErrorOf(DnsTlsConnection::Failure failure)
{
    switch (failure) {
    case DnsTlsConnection::Failure::Tls:
        return DnsExchange::Error::Tls;
    case DnsTlsConnection::Failure::Network:
        return DnsExchange::Error::Network;
    case DnsTlsConnection::Failure::Timeout:
        return DnsExchange::Error::Timeout;
    }
    return DnsExchange::Error::Network;
}
} // namespace

struct DnsClient::Query
{
    quint64 serial = 0;
    QString name;
    quint16 type = 0;
    QByteArray packet; // ID patched for each try
    QPointer<QObject> context;
    bool hasContext = false;
    Callback callback;
    QElapsedTimer started;

    int tryNumber = -1; // index into the try sequence: round * servers + server
    int serverIndex = 0;
    QList<bool> serverGaveUp; // answered with SERVFAIL/REFUSED/...: not asked again
    DnsUdpChannel *channel = nullptr; // of the current UDP try
    quint16 id = 0; // of the current UDP try
    bool onWire = false; // the current UDP try counts against maxOutstanding
    // Every UDP try stays registered until the query ends: a slow server's late answer to an
    // earlier try is still a good answer.
    struct UdpTry
    {
        DnsUdpChannel *channel;
        quint16 id;
    };
    QList<UdpTry> udpTries;
    bool waitingForSlot = false;
    std::unique_ptr<DnsTcpExchange> tcp;
    // DNS over TLS: like UDP tries, every try stays registered until the query ends.
    struct TlsTry
    {
        int serverIndex;
        quint16 id;
    };
    QList<TlsTry> tlsTries;
    bool tlsCurrent = false; // the current try went over TLS with tlsId
    quint16 tlsId = 0;
    std::unique_ptr<DnsHttpsExchange> https; // the current try over HTTPS
    bool overTcp = false;
    int sends = 0; // UDP and TCP tries that went out
    qint64 giveUpAtMs = 0;
    bool sawMalformed = false;
    QString malformedDetail;
    std::optional<DnsWire::Message> lastFailureResponse; // last SERVFAIL/REFUSED answer
    NameServer lastFailureServer;
    DnsExchange::Error lastError = DnsExchange::Error::Timeout;
    QString lastDetail;
};

DnsClient::DnsClient(const DnsClientOptions &options, Clock *clock, QObject *parent)
    : QObject(parent), m_options(options), m_clock(clock)
{
    m_options.attempts = qMax(1, m_options.attempts);
    m_options.timeoutMs = qMax(1, m_options.timeoutMs);
    m_options.socketsPerServer = qMax(1, m_options.socketsPerServer);
    m_options.queriesPerSocket = qMax(1, m_options.queriesPerSocket);
    m_options.maxOutstanding = qMax(1, m_options.maxOutstanding);
    m_channels.resize(m_options.servers.size());
    m_nextChannel.fill(0, m_options.servers.size());
    m_tlsConnections.fill(nullptr, m_options.servers.size());
    m_tlsPending.resize(m_options.servers.size());
    m_httpsConnections.fill(nullptr, m_options.servers.size());
    // Only a client with encrypted servers wakes the TLS backend (and reads the system's CAs).
    if (std::any_of(m_options.servers.cbegin(), m_options.servers.cend(),
                    [](const NameServer &server) { return server.isEncrypted(); })) {
        m_tls = QSslConfiguration::defaultConfiguration();
        if (!m_options.caCertificates.isEmpty())
            m_tls->addCaCertificates(m_options.caCertificates);
    }
}

DnsClient::~DnsClient()
{
    if (m_deadlineTimer)
        m_clock->cancel(m_deadlineTimer);
    m_queries.clear();
    for (const auto &channels : std::as_const(m_channels))
        qDeleteAll(channels);
    qDeleteAll(m_retired);
    qDeleteAll(m_tlsConnections);
    qDeleteAll(m_httpsConnections); // after the queries, whose exchanges use them
}

DnsClient::Stats DnsClient::stats() const
{
    Stats stats = m_stats;
    for (const DnsTlsConnection *connection : m_tlsConnections) {
        if (!connection)
            continue;
        stats.tlsConnections += connection->connectionsOpened();
        stats.tlsIdleCloses += connection->idleCloses();
    }
    for (const DnsHttp2Connection *connection : m_httpsConnections) {
        if (connection)
            stats.httpsConnections += connection->connectionsOpened();
    }
    return stats;
}

void DnsClient::query(const QString &name, quint16 type, QObject *context, Callback callback)
{
    auto query = std::make_unique<Query>();
    query->serial = m_nextSerial++;
    query->name = name;
    query->type = type;
    query->context = context;
    query->hasContext = context != nullptr;
    query->callback = std::move(callback);
    query->started.start();
    query->serverGaveUp.fill(false, m_options.servers.size());
    ++m_stats.queries;

    QString error;
    DnsWire::QueryOptions wireOptions;
    wireOptions.ednsUdpPayload = m_options.ednsUdpPayload;
    wireOptions.dnssecOk = m_options.dnssecOk;
    wireOptions.recursionDesired = m_options.recursionDesired;
    wireOptions.checkingDisabled = m_options.checkingDisabled;
    query->packet = DnsWire::buildQuery(0, name, type, wireOptions, &error);
    Query *raw = query.get();
    m_queries.emplace(raw->serial, std::move(query));
    if (raw->packet.isEmpty()) {
        finishLater(raw, DnsExchange::Error::BadQuery, error);
        return;
    }
    if (m_options.servers.isEmpty()) {
        finishLater(raw, DnsExchange::Error::Network, QStringLiteral("no nameservers configured"));
        return;
    }
    const qint64 budget = qint64(m_options.timeoutMs) * m_options.attempts
            * m_options.servers.size();
    // A little grace, so a query whose tries all went out in time ends by its own last timeout.
    raw->giveUpAtMs = m_clock->nowMs() + budget + GiveUpGraceMs;
    m_giveUps.push_back({raw->giveUpAtMs, raw->serial, 0});
    startNextTry(raw);
}

void DnsClient::finishLater(Query *query, DnsExchange::Error error, const QString &detail)
{
    const quint64 serial = query->serial;
    QMetaObject::invokeMethod(
            this,
            [this, serial, error, detail] {
                auto found = m_queries.find(serial);
                if (found != m_queries.end())
                    finish(found->second.get(), error, detail);
            },
            Qt::QueuedConnection);
}

void DnsClient::startNextTry(Query *query)
{
    leaveWire(query);
    query->tcp.reset();
    query->https.reset();
    query->tlsCurrent = false;
    const int servers = int(m_options.servers.size());
    const int totalTries = servers * m_options.attempts;
    for (++query->tryNumber; query->tryNumber < totalTries; ++query->tryNumber) {
        const int server = query->tryNumber % servers;
        if (!query->serverGaveUp[server]) {
            query->serverIndex = server;
            sendTry(query);
            return;
        }
    }
    // Out of tries.
    if (deliverRcodeAnswer(query))
        return;
    if (query->sawMalformed)
        finish(query, DnsExchange::Error::Malformed, query->malformedDetail);
    else
        finish(query, query->lastError, query->lastDetail);
}

void DnsClient::sendTry(Query *query)
{
    switch (m_options.servers[query->serverIndex].transport) {
    case NameServer::Transport::Udp:
        sendUdp(query);
        return;
    case NameServer::Transport::Tls:
        sendTls(query);
        return;
    case NameServer::Transport::Https:
        sendHttps(query);
        return;
    }
}

QString DnsClient::peerNameOf(const NameServer &server) const
{
    return m_options.tlsName.isEmpty() ? server.hostName() : m_options.tlsName;
}

DnsTlsConnection *DnsClient::tlsConnectionFor(int serverIndex)
{
    DnsTlsConnection *&connection = m_tlsConnections[serverIndex];
    if (connection)
        return connection;
    const NameServer &server = m_options.servers[serverIndex];
    connection = new DnsTlsConnection(server, *m_tls, peerNameOf(server), m_options.timeoutMs,
                                      m_options.tlsIdleCloseMs, m_clock);
    connect(connection, &DnsTlsConnection::replyReceived, this,
            [this, serverIndex](quint16 id, const QByteArray &reply) {
                onTlsReply(serverIndex, id, reply);
            });
    connect(connection, &DnsTlsConnection::failed, this,
            [this, serverIndex](const QList<quint16> &ids, DnsTlsConnection::Failure failure,
                                const QString &detail) {
                onTlsFailed(serverIndex, ids, exchangeErrorOf(failure), detail);
            });
    connect(connection, &DnsTlsConnection::strayReplyReceived, this,
            [this] { ++m_stats.mismatched; });
    return connection;
}

void DnsClient::sendTls(Query *query)
{
    DnsTlsConnection *connection = tlsConnectionFor(query->serverIndex);
    quint16 id = 0;
    do {
        id = quint16(QRandomGenerator::global()->bounded(65536));
    } while (connection->awaits(id) || m_tlsPending[query->serverIndex].contains(id));
    qToBigEndian<quint16>(id, query->packet.data());
    query->overTcp = false;
    query->tlsCurrent = true;
    query->tlsId = id;
    query->tlsTries.append({query->serverIndex, id});
    m_tlsPending[query->serverIndex].insert(id, query->serial);
    ++query->sends;
    ++m_stats.triesSent;
    armDeadline(query);
    connection->send(id, query->packet);
}

void DnsClient::onTlsReply(int serverIndex, quint16 id, const QByteArray &reply)
{
    const auto pending = m_tlsPending[serverIndex].constFind(id);
    if (pending == m_tlsPending[serverIndex].cend()) {
        ++m_stats.mismatched;
        return;
    }
    const quint64 serial = pending.value();
    m_tlsPending[serverIndex].erase(pending);
    auto found = m_queries.find(serial);
    if (found == m_queries.end())
        return;
    Query *query = found->second.get();
    query->tlsTries.removeIf([&](const Query::TlsTry &tlsTry) {
        return tlsTry.serverIndex == serverIndex && tlsTry.id == id;
    });
    const bool currentTry = query->tlsCurrent && query->serverIndex == serverIndex
            && query->tlsId == id;
    handleStreamReply(query, reply, id, serverIndex, currentTry);
}

void DnsClient::handleStreamReply(Query *query, const QByteArray &reply, quint16 expectedId,
                                  int serverIndex, bool currentTry)
{
    DnsWire::ParseResult parsed = DnsWire::parseMessage(reply);
    DnsWire::Message header;
    DnsWire::parseHeader(reply, &header);
    if (!parsed.ok() || header.id != expectedId || !matchesQuestion(*query, parsed.message)) {
        ++m_stats.malformed;
        query->sawMalformed = true;
        query->malformedDetail = QStringLiteral("malformed answer from %1: %2")
                                         .arg(m_options.servers[serverIndex].toString(),
                                              parsed.ok() ? QStringLiteral("wrong ID or question")
                                                          : parsed.describe());
        // Nobody can slip a forged answer into TLS: this server's answer is all this try gets.
        if (currentTry)
            tryFailed(query, DnsExchange::Error::Malformed, query->malformedDetail);
        return;
    }
    ++m_stats.responses;
    handleResponse(query, std::move(parsed.message), serverIndex, currentTry);
}

void DnsClient::onTlsFailed(int serverIndex, const QList<quint16> &ids, DnsExchange::Error error,
                            const QString &detail)
{
    for (quint16 id : ids) {
        const quint64 serial = m_tlsPending[serverIndex].take(id);
        auto found = m_queries.find(serial);
        if (!serial || found == m_queries.end())
            continue;
        Query *query = found->second.get();
        query->tlsTries.removeIf([&](const Query::TlsTry &tlsTry) {
            return tlsTry.serverIndex == serverIndex && tlsTry.id == id;
        });
        if (query->tlsCurrent && query->serverIndex == serverIndex && query->tlsId == id)
            tryFailed(query, error, detail);
    }
}

DnsHttp2Connection *DnsClient::httpsConnectionFor(int serverIndex)
{
    DnsHttp2Connection *&connection = m_httpsConnections[serverIndex];
    if (!connection) {
        const NameServer &server = m_options.servers[serverIndex];
        connection = new DnsHttp2Connection(server, *m_tls, peerNameOf(server), m_options.timeoutMs,
                                            m_options.tlsIdleCloseMs, m_clock);
    }
    return connection;
}

void DnsClient::sendHttps(Query *query)
{
    qToBigEndian<quint16>(0, query->packet.data()); // RFC 8484 4.1: ID 0, friendly to caches
    query->overTcp = false;
    ++query->sends;
    ++m_stats.triesSent;
    armDeadline(query);
    const NameServer &server = m_options.servers[query->serverIndex];
    const quint64 serial = query->serial;
    const int tryNumber = query->tryNumber;
    query->https = std::make_unique<DnsHttpsExchange>(
            httpsConnectionFor(query->serverIndex), server, query->packet,
            [this, serial, tryNumber](DnsHttpsExchange::Outcome outcome, const QByteArray &reply,
                                      const QString &detail) {
                DnsExchange::Error error = DnsExchange::Error::None;
                switch (outcome) {
                case DnsHttpsExchange::Outcome::Answer:
                    break;
                case DnsHttpsExchange::Outcome::Tls:
                    error = DnsExchange::Error::Tls;
                    break;
                case DnsHttpsExchange::Outcome::Network:
                    error = DnsExchange::Error::Network;
                    break;
                case DnsHttpsExchange::Outcome::Malformed:
                    error = DnsExchange::Error::Malformed;
                    break;
                case DnsHttpsExchange::Outcome::Timeout:
                    error = DnsExchange::Error::Timeout;
                    break;
                }
                // Leave the reply's own signal before the exchange is destroyed.
                QMetaObject::invokeMethod(
                        this,
                        [this, serial, tryNumber, error, reply, detail] {
                            onHttpsFinished(serial, tryNumber, error, reply, detail);
                        },
                        Qt::QueuedConnection);
            });
}

void DnsClient::onHttpsFinished(quint64 serial, int tryNumber, DnsExchange::Error error,
                                const QByteArray &reply, const QString &detail)
{
    auto found = m_queries.find(serial);
    if (found == m_queries.end() || found->second->tryNumber != tryNumber || !found->second->https)
        return;
    Query *query = found->second.get();
    if (error != DnsExchange::Error::None) {
        if (error == DnsExchange::Error::Malformed) {
            query->sawMalformed = true;
            query->malformedDetail = detail;
        }
        tryFailed(query, error, detail);
        return;
    }
    handleStreamReply(query, reply, 0, query->serverIndex, /*currentTry=*/true);
}

void DnsClient::sendUdp(Query *query)
{
    if (m_outstandingUdp >= m_options.maxOutstanding) {
        query->waitingForSlot = true;
        m_waiting.push_back(query->serial);
        return;
    }
    DnsUdpChannel *channel = channelFor(query->serverIndex);
    quint16 id = 0;
    do {
        id = quint16(QRandomGenerator::global()->bounded(65536));
    } while (channel->pending.contains(id));
    qToBigEndian<quint16>(id, query->packet.data());
    query->id = id;
    query->channel = channel;
    query->overTcp = false;
    query->onWire = true;
    query->udpTries.append({channel, id});
    channel->pending.insert(id, query->serial);
    --channel->sendsLeft;
    ++query->sends;
    ++m_outstandingUdp;
    ++m_stats.triesSent;
    armDeadline(query);
    if (channel->socket->write(query->packet) < 0) {
        // A pending ICMP error is reported by this send and then gone: it concerns every try
        // on the socket, not just this one.
        const int sendError = errno; // Qt names this one "Unknown error"
        const QString error = QStringLiteral("send: %1")
                                      .arg(sendError ? QString::fromLocal8Bit(::strerror(sendError))
                                                     : channel->socket->errorString());
        // Out of rotation now; the tries fail from the event loop, never inside query() and
        // never one nested inside the next.
        channel->sendsLeft = 0;
        QMetaObject::invokeMethod(
                this,
                [this, socket = channel->socket, error] {
                    if (DnsUdpChannel *failed = channelOf(socket))
                        onChannelError(failed, error);
                },
                Qt::QueuedConnection);
    }
}

DnsUdpChannel *DnsClient::channelOf(const QUdpSocket *socket) const
{
    for (const QList<DnsUdpChannel *> &channels : m_channels) {
        for (DnsUdpChannel *channel : channels) {
            if (channel->socket == socket)
                return channel;
        }
    }
    return nullptr; // already released
}

void DnsClient::sendTcp(Query *query)
{
    leaveWire(query);
    ++m_stats.tcpFallbacks;
    ++m_stats.triesSent;
    query->overTcp = true;
    ++query->sends;
    query->tcp = std::make_unique<DnsTcpExchange>(this, m_options.servers[query->serverIndex],
                                                  query->packet, query->serial, query->tryNumber);
    armDeadline(query);
}

void DnsClient::armDeadline(Query *query)
{
    const qint64 at = m_clock->nowMs() + m_options.timeoutMs;
    m_deadlines.push_back({at, query->serial, query->tryNumber * 2 + (query->overTcp ? 1 : 0)});
    scheduleSweep();
}

void DnsClient::scheduleSweep()
{
    qint64 next = -1;
    if (!m_deadlines.empty())
        next = m_deadlines.front().atMs;
    if (!m_giveUps.empty() && (next < 0 || m_giveUps.front().atMs < next))
        next = m_giveUps.front().atMs;
    if (next < 0 || (m_deadlineTimer && m_deadlineTimerAt <= next))
        return;
    if (m_deadlineTimer)
        m_clock->cancel(m_deadlineTimer);
    m_deadlineTimerAt = next;
    m_deadlineTimer = m_clock->callAt(next, this, [this] { onDeadline(); });
}

void DnsClient::onDeadline()
{
    m_deadlineTimer = 0;
    const qint64 now = m_clock->nowMs();
    while (!m_deadlines.empty() && m_deadlines.front().atMs <= now) {
        const Deadline deadline = m_deadlines.front();
        m_deadlines.pop_front();
        auto found = m_queries.find(deadline.serial);
        if (found == m_queries.end())
            continue;
        Query *query = found->second.get();
        const int current = query->tryNumber * 2 + (query->overTcp ? 1 : 0);
        if (current != deadline.tryNumber || query->waitingForSlot)
            continue;
        ++m_stats.timeouts;
        tryFailed(query, DnsExchange::Error::Timeout,
                  QStringLiteral("no answer from %1 within %2 ms%3")
                          .arg(m_options.servers[query->serverIndex].toString())
                          .arg(m_options.timeoutMs)
                          .arg(query->overTcp ? QStringLiteral(" over TCP") : QString()));
    }
    while (!m_giveUps.empty() && m_giveUps.front().atMs <= now) {
        const quint64 serial = m_giveUps.front().serial;
        m_giveUps.pop_front();
        auto found = m_queries.find(serial);
        if (found != m_queries.end())
            giveUp(found->second.get());
    }
    scheduleSweep();
}

bool DnsClient::deliverRcodeAnswer(Query *query)
{
    // An rcode answer (SERVFAIL, REFUSED...) beats a timeout: it says what the server thinks.
    if (!query->lastFailureResponse)
        return false;
    DnsExchange exchange;
    exchange.response = std::move(*query->lastFailureResponse);
    exchange.server = query->lastFailureServer;
    query->lastFailureResponse.reset();
    deliver(query, std::move(exchange));
    return true;
}

void DnsClient::giveUp(Query *query)
{
    ++m_stats.timeouts;
    const qint64 budget = qint64(m_options.timeoutMs) * m_options.attempts
            * m_options.servers.size();
    if (deliverRcodeAnswer(query))
        return;
    if (query->sends == 0) {
        finish(query, DnsExchange::Error::Timeout,
               QStringLiteral("not sent within %1 ms: %2 queries were ahead of it")
                       .arg(budget)
                       .arg(m_outstandingUdp + m_waiting.size()));
        return;
    }
    if (query->sawMalformed) {
        finish(query, DnsExchange::Error::Malformed, query->malformedDetail);
        return;
    }
    finish(query, DnsExchange::Error::Timeout,
           QStringLiteral("no answer from %1 within %2 ms (%3 tries)")
                   .arg(m_options.servers[query->serverIndex].toString())
                   .arg(budget)
                   .arg(query->sends));
}

void DnsClient::onDatagram(DnsUdpChannel *channel, const QByteArray &datagram,
                           const QHostAddress &sender, quint16 senderPort)
{
    const NameServer &server = m_options.servers[channel->serverIndex];
    DnsWire::Message header;
    if (!DnsWire::parseHeader(datagram, &header) || !header.isResponse
        || !server.address.isEqual(sender, QHostAddress::ConvertV4MappedToIPv4)
        || senderPort != server.port) {
        ++m_stats.mismatched;
        return;
    }
    const auto pending = channel->pending.constFind(header.id);
    if (pending == channel->pending.cend()) {
        ++m_stats.mismatched;
        return;
    }
    Query *query = m_queries.at(pending.value()).get();
    // An answer to an earlier try of this query (late, not wrong) counts as much as one to the
    // current try; only the current try's answer can change what the query does next.
    const bool currentTry = query->onWire && query->channel == channel && query->id == header.id;
    DnsWire::ParseResult parsed = DnsWire::parseMessage(datagram);
    if (!parsed.ok()) {
        if (header.truncated) {
            if (currentTry)
                sendTcp(query);
            return;
        }
        // Possibly spoofed: keep waiting for a good answer; report it if none comes.
        ++m_stats.malformed;
        query->sawMalformed = true;
        query->malformedDetail = QStringLiteral("malformed answer from %1: %2")
                                         .arg(server.toString(), parsed.describe());
        qCDebug(lcDns) << query->malformedDetail;
        return;
    }
    if (!matchesQuestion(*query, parsed.message)) {
        ++m_stats.mismatched;
        return;
    }
    ++m_stats.responses;
    if (parsed.message.truncated) {
        if (currentTry)
            sendTcp(query);
        return;
    }
    handleResponse(query, std::move(parsed.message), channel->serverIndex, currentTry);
}

void DnsClient::onChannelError(DnsUdpChannel *channel, const QString &error)
{
    // An ICMP error on a connected socket concerns every try on it: they all went to one server.
    channel->sendsLeft = 0; // out of rotation: the socket may stay in an error state
    const QString detail = QStringLiteral("%1: %2").arg(
            m_options.servers[channel->serverIndex].toString(), error);
    const QHash<quint16, quint64> tries = channel->pending;
    channel->pending.clear();
    for (auto it = tries.cbegin(); it != tries.cend(); ++it) {
        auto found = m_queries.find(it.value());
        if (found == m_queries.end())
            continue;
        Query *query = found->second.get();
        query->udpTries.removeIf([&](const Query::UdpTry &udpTry) {
            return udpTry.channel == channel && udpTry.id == it.key();
        });
        if (query->onWire && query->channel == channel && query->id == it.key())
            tryFailed(query, DnsExchange::Error::Network, detail);
    }
    releaseChannel(channel);
}

void DnsClient::onTcpFinished(quint64 serial, int tryNumber, const QByteArray &reply,
                              const QString &error)
{
    auto found = m_queries.find(serial);
    if (found == m_queries.end())
        return;
    Query *query = found->second.get();
    if (query->tryNumber != tryNumber || !query->overTcp)
        return;
    if (!error.isEmpty()) {
        QMetaObject::invokeMethod(
                this,
                [this, serial, tryNumber, error] {
                    auto again = m_queries.find(serial);
                    if (again != m_queries.end() && again->second->tryNumber == tryNumber
                        && again->second->overTcp)
                        tryFailed(again->second.get(), DnsExchange::Error::Network, error);
                },
                Qt::QueuedConnection);
        return;
    }
    DnsWire::ParseResult parsed = DnsWire::parseMessage(reply);
    const NameServer &server = m_options.servers[query->serverIndex];
    DnsWire::Message header;
    DnsWire::parseHeader(reply, &header);
    if (!parsed.ok() || header.id != query->id || !matchesQuestion(*query, parsed.message)) {
        ++m_stats.malformed;
        query->sawMalformed = true;
        query->malformedDetail = QStringLiteral("malformed TCP answer from %1: %2")
                                         .arg(server.toString(),
                                              parsed.ok() ? QStringLiteral("wrong ID or question")
                                                          : parsed.describe());
        // The TCP reply is the only one this try gets; release the socket from its callback.
        QMetaObject::invokeMethod(
                this,
                [this, serial, tryNumber] {
                    auto again = m_queries.find(serial);
                    if (again != m_queries.end() && again->second->tryNumber == tryNumber)
                        tryFailed(again->second.get(), DnsExchange::Error::Malformed,
                                  again->second->malformedDetail);
                },
                Qt::QueuedConnection);
        return;
    }
    ++m_stats.responses;
    // Leave the socket's own callback before it is destroyed.
    auto message = std::make_shared<DnsWire::Message>(std::move(parsed.message));
    QMetaObject::invokeMethod(
            this,
            [this, serial, tryNumber, message] {
                auto again = m_queries.find(serial);
                if (again != m_queries.end() && again->second->tryNumber == tryNumber)
                    handleResponse(again->second.get(), std::move(*message),
                                   again->second->serverIndex, /*currentTry=*/true);
            },
            Qt::QueuedConnection);
}

void DnsClient::handleResponse(Query *query, DnsWire::Message &&response, int serverIndex,
                               bool currentTry)
{
    using DnsWire::ResponseCode;
    const quint16 rcode = response.rcode;
    const bool serverFailure = rcode == quint16(ResponseCode::ServFail)
            || rcode == quint16(ResponseCode::Refused) || rcode == quint16(ResponseCode::NotImp)
            || rcode == quint16(ResponseCode::FormErr);
    if (serverFailure) {
        // Ask the other servers; this one has said what it thinks.
        query->serverGaveUp[serverIndex] = true;
        query->lastFailureServer = m_options.servers[serverIndex];
        query->lastFailureResponse = std::move(response);
        if (currentTry)
            startNextTry(query);
        return;
    }
    DnsExchange exchange;
    exchange.response = std::move(response);
    exchange.server = m_options.servers[serverIndex];
    deliver(query, std::move(exchange));
}

void DnsClient::tryFailed(Query *query, DnsExchange::Error error, const QString &detail)
{
    query->lastError = error;
    query->lastDetail = detail;
    qCDebug(lcDns) << "try" << query->tryNumber << "for" << query->name << "failed:" << detail;
    startNextTry(query);
}

void DnsClient::finish(Query *query, DnsExchange::Error error, const QString &detail)
{
    DnsExchange exchange;
    exchange.error = error;
    exchange.detail = detail;
    if (!m_options.servers.isEmpty())
        exchange.server =
                m_options.servers[qBound(0, query->serverIndex, int(m_options.servers.size()) - 1)];
    deliver(query, std::move(exchange));
}

void DnsClient::deliver(Query *query, DnsExchange &&exchange)
{
    exchange.latencyUs = query->started.nsecsElapsed() / 1000;
    exchange.tries = query->sends;
    exchange.overTcp = query->overTcp;
    detachAll(query);
    auto owned = std::move(m_queries.at(query->serial));
    m_queries.erase(query->serial);
    if (!owned->hasContext || owned->context)
        owned->callback(exchange);
}

void DnsClient::leaveWire(Query *query)
{
    if (query->waitingForSlot) {
        query->waitingForSlot = false;
        m_waiting.erase(std::remove(m_waiting.begin(), m_waiting.end(), query->serial),
                        m_waiting.end());
    }
    query->channel = nullptr;
    if (!query->onWire)
        return;
    query->onWire = false;
    --m_outstandingUdp;
    pumpWaiting();
}

void DnsClient::detachAll(Query *query)
{
    leaveWire(query);
    const QList<Query::UdpTry> tries = std::exchange(query->udpTries, {});
    for (const Query::UdpTry &udpTry : tries) {
        udpTry.channel->pending.remove(udpTry.id);
        releaseChannel(udpTry.channel);
    }
    query->https.reset();
    const QList<Query::TlsTry> tlsTries = std::exchange(query->tlsTries, {});
    for (const Query::TlsTry &tlsTry : tlsTries) {
        m_tlsPending[tlsTry.serverIndex].remove(tlsTry.id);
        m_tlsConnections[tlsTry.serverIndex]->forget(tlsTry.id);
    }
}

DnsUdpChannel *DnsClient::channelFor(int serverIndex)
{
    // Up to socketsPerServer sockets take turns, each on its own random source port; a socket
    // whose sends are used up is retired (it stays until its last reply is in) and replaced.
    QList<DnsUdpChannel *> &channels = m_channels[serverIndex];
    QList<DnsUdpChannel *> active;
    for (DnsUdpChannel *channel : std::as_const(channels)) {
        if (channel->sendsLeft > 0)
            active.append(channel);
    }
    if (active.size() < m_options.socketsPerServer) {
        auto *channel = new DnsUdpChannel(this, serverIndex, m_options.servers[serverIndex],
                                          m_options.queriesPerSocket);
        channels.append(channel);
        return channel;
    }
    const int next = m_nextChannel[serverIndex]++ % int(active.size());
    return active[next];
}

void DnsClient::releaseChannel(DnsUdpChannel *channel)
{
    if (channel->sendsLeft > 0 || !channel->pending.isEmpty())
        return;
    if (!m_channels[channel->serverIndex].removeOne(channel))
        return; // already retired
    // Its readyRead handler may be on the stack: delete it once control is back in the loop.
    m_retired.append(channel);
    if (m_retired.size() == 1) {
        QMetaObject::invokeMethod(
                this,
                [this] {
                    qDeleteAll(m_retired);
                    m_retired.clear();
                },
                Qt::QueuedConnection);
    }
}

void DnsClient::pumpWaiting()
{
    if (m_pumping)
        return; // a send below freed a slot: the loop here takes care of it
    m_pumping = true;
    while (!m_waiting.empty() && m_outstandingUdp < m_options.maxOutstanding) {
        const quint64 serial = m_waiting.front();
        m_waiting.pop_front();
        auto found = m_queries.find(serial);
        if (found == m_queries.end())
            continue;
        found->second->waitingForSlot = false;
        if (found->second->giveUpAtMs <= m_clock->nowMs())
            continue; // out of time: the give-up sweep ends it without a pointless send
        sendUdp(found->second.get());
    }
    m_pumping = false;
}

bool DnsClient::matchesQuestion(const Query &query, const DnsWire::Message &response) const
{
    if (response.questions.size() != 1)
        return false;
    const DnsWire::Question &question = response.questions.first();
    return question.type == query.type && question.qclass == DnsWire::ClassIN
            && DnsWire::namesEqual(question.name, query.name);
}
