#include "dnshttp2connection.h"

#include "clock.h"
#include "encrypteddnssocket.h"
#include "encryptedsocketerror.h"
#include "logging.h"

#include <QPointer>
#include <QScopedValueRollback>
#include <QSslSocket>

#include <nghttp2/nghttp2.h>

namespace {
const QByteArray DnsMessageType = QByteArrayLiteral("application/dns-message");
constexpr qsizetype MaxAnswerBytes = 65535; // the largest DNS message
constexpr quint32 StreamsWeAccept = 100; // pushes are off; this only bounds what the server opens
constexpr qsizetype MaxContentTypeBytes = 256;
constexpr qint64 MaxUnwrittenBytes = 64 * 1024; // more waits for the socket to catch up
constexpr int MaxHeadersPerStream = 64; // an answer needs three or four

nghttp2_nv header(const QByteArray &name, const QByteArray &value)
{
    // nghttp2 copies names and values when the request is submitted.
    return {reinterpret_cast<uint8_t *>(const_cast<char *>(name.constData())),
            reinterpret_cast<uint8_t *>(const_cast<char *>(value.constData())), size_t(name.size()),
            size_t(value.size()), NGHTTP2_NV_FLAG_NONE};
}
} // namespace

struct DnsHttp2Connection::Stream
{
    qint32 id = 0; // HTTP/2's, in this session
    QByteArray query;
    qsizetype sent = 0;
    Answered answered;
    Failed failed;
    Response response;
    int headers = 0;
    bool complete = false; // the server ended the stream (END_STREAM), not just closed it
    bool forgotten = false;
};

// nghttp2's callbacks, which get the connection as user data.
struct DnsHttp2Connection::SessionCallbacks
{
    static DnsHttp2Connection *connection(void *userData)
    {
        return static_cast<DnsHttp2Connection *>(userData);
    }

    static int onHeader(nghttp2_session *, const nghttp2_frame *frame, const uint8_t *name,
                        size_t nameLength, const uint8_t *value, size_t valueLength, uint8_t,
                        void *userData)
    {
        if (frame->hd.type != NGHTTP2_HEADERS)
            return 0;
        Stream *stream = connection(userData)->streamOf(frame->hd.stream_id);
        if (!stream)
            return 0;
        if (++stream->headers > MaxHeadersPerStream)
            return NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE; // nghttp2 resets the stream
        const QByteArrayView key(name, qsizetype(nameLength));
        const QByteArrayView text(value, qsizetype(valueLength));
        Response &response = stream->response;
        if (key == ":status")
            response.status = text.toInt();
        else if (key == "content-type" && response.contentType.isEmpty()
                 && text.size() <= MaxContentTypeBytes)
            response.contentType = text.toByteArray();
        return 0;
    }

    static int onFrame(nghttp2_session *, const nghttp2_frame *frame, void *userData)
    {
        const bool ends = frame->hd.flags & NGHTTP2_FLAG_END_STREAM;
        const bool carriesAnswer = frame->hd.type == NGHTTP2_DATA
                || frame->hd.type == NGHTTP2_HEADERS;
        if (!ends || !carriesAnswer)
            return 0;
        if (Stream *stream = connection(userData)->streamOf(frame->hd.stream_id))
            stream->complete = true;
        return 0;
    }

    static int onDataChunk(nghttp2_session *session, uint8_t, int32_t streamId, const uint8_t *data,
                           size_t length, void *userData)
    {
        Stream *stream = connection(userData)->streamOf(streamId);
        if (!stream || stream->response.tooLarge)
            return 0;
        QByteArray &body = stream->response.body;
        if (body.size() + qsizetype(length) > MaxAnswerBytes) {
            // No use reading the rest: the stream is cancelled and reported as too large.
            stream->response.tooLarge = true;
            nghttp2_submit_rst_stream(session, NGHTTP2_FLAG_NONE, streamId, NGHTTP2_CANCEL);
        } else {
            body.append(reinterpret_cast<const char *>(data), qsizetype(length));
        }
        return 0;
    }

    static int onStreamClose(nghttp2_session *, int32_t streamId, uint32_t errorCode, void *userData)
    {
        // Handled once nghttp2 has returned: the handlers may submit new requests.
        connection(userData)->m_closed.append({streamId, errorCode});
        return 0;
    }

    static ssize_t readBody(nghttp2_session *, int32_t, uint8_t *buffer, size_t length,
                            uint32_t *flags, nghttp2_data_source *source, void *)
    {
        auto *stream = static_cast<Stream *>(source->ptr);
        const qsizetype count = qMin(qsizetype(length), stream->query.size() - stream->sent);
        memcpy(buffer, stream->query.constData() + stream->sent, size_t(count));
        stream->sent += count;
        if (stream->sent == stream->query.size())
            *flags |= NGHTTP2_DATA_FLAG_EOF;
        return count;
    }
};

DnsHttp2Connection::DnsHttp2Connection(const NameServer &server, const QSslConfiguration &tls,
                                       const QString &peerName, int handshakeTimeoutMs,
                                       int idleCloseMs, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_tls(tls)
    , m_peerName(peerName)
    , m_path(server.path.toUtf8())
    , m_handshakeTimeoutMs(handshakeTimeoutMs)
    , m_idleCloseMs(idleCloseMs)
    , m_clock(clock)
{
    const bool ipv6 = server.address.protocol() == QAbstractSocket::IPv6Protocol;
    m_authority = (ipv6 ? QStringLiteral("[%1]:%2") : QStringLiteral("%1:%2"))
                          .arg(server.host)
                          .arg(server.port)
                          .toUtf8();
    m_tls.setAllowedNextProtocols({QSslConfiguration::ALPNProtocolHTTP2});
}

DnsHttp2Connection::~DnsHttp2Connection()
{
    cancelTimer();
    closeSession();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
    }
}

DnsHttp2Connection::Stream *DnsHttp2Connection::streamOf(qint32 streamId) const
{
    const auto ticket = m_tickets.constFind(streamId);
    if (ticket == m_tickets.cend())
        return nullptr;
    const auto stream = m_streams.find(ticket.value());
    return stream == m_streams.end() ? nullptr : stream->second.get();
}

quint64 DnsHttp2Connection::send(const QByteArray &query, Answered answered, Failed failed)
{
    const QScopedValueRollback<bool> sending(m_sending, true);
    if (m_session && !nghttp2_session_check_request_allowed(m_session))
        retireEndedSession();
    const quint64 ticket = m_nextTicket++;
    auto owned = std::make_unique<Stream>();
    Stream *stream = owned.get();
    stream->query = query;
    stream->answered = std::move(answered);
    stream->failed = std::move(failed);
    // Registered before connecting: a connection that fails at once takes this query with it.
    m_streams.emplace(ticket, std::move(owned));
    if (!m_socket)
        open();
    else if (m_socket->isEncrypted())
        cancelTimer(); // the idle close
    if (!m_socket)
        return ticket; // Qt failed the socket at once; drop() reports it later
    nghttp2_data_provider body;
    body.source.ptr = stream;
    body.read_callback = &SessionCallbacks::readBody;
    static const QByteArray Method = QByteArrayLiteral(":method");
    static const QByteArray Post = QByteArrayLiteral("POST");
    static const QByteArray Scheme = QByteArrayLiteral(":scheme");
    static const QByteArray Https = QByteArrayLiteral("https");
    static const QByteArray Authority = QByteArrayLiteral(":authority");
    static const QByteArray Path = QByteArrayLiteral(":path");
    static const QByteArray ContentType = QByteArrayLiteral("content-type");
    static const QByteArray Accept = QByteArrayLiteral("accept");
    static const QByteArray ContentLength = QByteArrayLiteral("content-length");
    const QByteArray length = QByteArray::number(query.size());
    const nghttp2_nv headers[] = {header(Method, Post),
                                  header(Scheme, Https),
                                  header(Authority, m_authority),
                                  header(Path, m_path),
                                  header(ContentType, DnsMessageType),
                                  header(Accept, DnsMessageType),
                                  header(ContentLength, length)};
    const int32_t streamId = nghttp2_submit_request(m_session, nullptr, headers, std::size(headers),
                                                    &body, nullptr);
    if (streamId < 0) {
        // Only this request fails: the streams in flight are fine.
        const QString detail = QStringLiteral("%1: HTTP/2 request not made: %2")
                                       .arg(m_server.toString(),
                                            QString::fromLatin1(nghttp2_strerror(streamId)));
        Failed failedHandler = std::move(stream->failed);
        m_streams.erase(ticket);
        failLater(ticket, std::move(failedHandler), Failure::Network, detail);
        if (m_streams.empty())
            armIdleClose();
        return ticket;
    }
    stream->id = streamId;
    m_tickets.insert(streamId, ticket);
    if (m_socket->isEncrypted())
        scheduleFlush();
    return ticket;
}

void DnsHttp2Connection::retireEndedSession()
{
    // A GOAWAY (the server's, or ours after a protocol error) or stream IDs used up: no new
    // stream can start here, so the next one goes over a new connection.
    drop(Failure::Network, QStringLiteral("%1 ended the HTTP/2 session").arg(m_server.toString()));
}

void DnsHttp2Connection::failLater(quint64 ticket, Failed failed, Failure failure,
                                   const QString &detail)
{
    m_lateFailures.insert(ticket, {std::move(failed), failure, detail});
    QMetaObject::invokeMethod(
            this, [this, ticket] { deliverLateFailure(ticket); }, Qt::QueuedConnection);
}

void DnsHttp2Connection::deliverLateFailure(quint64 ticket)
{
    const auto found = m_lateFailures.find(ticket);
    if (found == m_lateFailures.end())
        return; // forgotten
    const LateFailure late = std::move(found.value());
    m_lateFailures.erase(found);
    late.failed(late.failure, late.detail);
}

void DnsHttp2Connection::forget(quint64 ticket)
{
    m_lateFailures.remove(ticket);
    const auto found = m_streams.find(ticket);
    if (found == m_streams.end() || found->second->forgotten)
        return;
    Stream *stream = found->second.get();
    stream->forgotten = true;
    stream->answered = nullptr;
    stream->failed = nullptr;
    // nghttp2 may still read the body: the stream stays until nghttp2 closes it.
    if (m_session) {
        nghttp2_submit_rst_stream(m_session, NGHTTP2_FLAG_NONE, stream->id, NGHTTP2_CANCEL);
        scheduleFlush();
    }
}

void DnsHttp2Connection::open()
{
    ++m_connectionsOpened;
    m_certificateProblem.clear();
    m_closed.clear();
    nghttp2_session_callbacks *callbacks = nullptr;
    nghttp2_session_callbacks_new(&callbacks);
    nghttp2_session_callbacks_set_on_header_callback(callbacks, &SessionCallbacks::onHeader);
    nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks,
                                                              &SessionCallbacks::onDataChunk);
    nghttp2_session_callbacks_set_on_stream_close_callback(callbacks,
                                                           &SessionCallbacks::onStreamClose);
    nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks, &SessionCallbacks::onFrame);
    nghttp2_session_client_new(&m_session, callbacks, this);
    nghttp2_session_callbacks_del(callbacks);
    const nghttp2_settings_entry settings[] = {
            {NGHTTP2_SETTINGS_ENABLE_PUSH, 0},
            {NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS, StreamsWeAccept}};
    nghttp2_submit_settings(m_session, NGHTTP2_FLAG_NONE, settings, std::size(settings));

    m_socket = newEncryptedDnsSocket(this, m_tls, m_peerName, &m_certificateProblem);
    connect(m_socket, &QSslSocket::encrypted, this, &DnsHttp2Connection::onEncrypted);
    connect(m_socket, &QSslSocket::encryptedBytesWritten, this, [this] {
        if (m_session && nghttp2_session_want_write(m_session))
            scheduleFlush();
    });
    connect(m_socket, &QSslSocket::readyRead, this, &DnsHttp2Connection::onReadyRead);
    connect(m_socket, &QSslSocket::errorOccurred, this, &DnsHttp2Connection::onSocketError);
    connect(m_socket, &QSslSocket::disconnected, this, &DnsHttp2Connection::onDisconnected);
    qCDebug(lcDns) << "opening HTTP/2 to" << m_server.toString() << "checked as" << m_peerName;
    m_socket->connectToHostEncrypted(m_server.hostName(), m_server.port, m_peerName);
    if (!m_socket)
        return; // Qt failed the socket at once (no file descriptors left, say)
    cancelTimer();
    m_timer = m_clock->callAfter(m_handshakeTimeoutMs, this, [this] { onHandshakeTimeout(); });
}

void DnsHttp2Connection::onHandshakeTimeout()
{
    m_timer = 0;
    if (m_socket && !m_socket->isEncrypted())
        drop(Failure::Timeout,
             QStringLiteral("%1: no TLS connection within %2 ms")
                     .arg(m_server.toString())
                     .arg(m_handshakeTimeoutMs));
}

void DnsHttp2Connection::onEncrypted()
{
    cancelTimer();
    const QByteArray protocol = m_socket->sslConfiguration().nextNegotiatedProtocol();
    if (protocol != QSslConfiguration::ALPNProtocolHTTP2) {
        drop(Failure::Network,
             QStringLiteral("%1 did not agree to HTTP/2 (ALPN \"h2\"; it chose \"%2\")")
                     .arg(m_server.toString(), QString::fromLatin1(protocol)));
        return;
    }
    flush();
    if (m_socket && m_streams.empty())
        armIdleClose();
}

void DnsHttp2Connection::scheduleFlush()
{
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    QMetaObject::invokeMethod(this, &DnsHttp2Connection::flush, Qt::QueuedConnection);
}

void DnsHttp2Connection::flush()
{
    m_flushScheduled = false;
    if (!m_socket || !m_socket->isEncrypted() || !m_session)
        return;
    const qint64 unwritten = m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite();
    // Past the limit nghttp2 keeps the rest; encryptedBytesWritten brings the next flush.
    while (unwritten + m_outgoing.size() <= MaxUnwrittenBytes) {
        const uint8_t *data = nullptr;
        const ssize_t length = nghttp2_session_mem_send(m_session, &data);
        if (length < 0) {
            drop(Failure::Network,
                 QStringLiteral("%1: HTTP/2 error: %2")
                         .arg(m_server.toString(),
                              QString::fromLatin1(nghttp2_strerror(int(length)))));
            return;
        }
        if (length == 0)
            break;
        m_outgoing.append(reinterpret_cast<const char *>(data), qsizetype(length));
    }
    if (!m_outgoing.isEmpty()) {
        ++m_writes;
        m_socket->write(m_outgoing);
        m_outgoing.clear();
    }
    QPointer<DnsHttp2Connection> alive(this);
    finishClosedStreams(); // streams cancelled by this write
    if (alive)
        dropIfSessionEnded();
}

void DnsHttp2Connection::dropIfSessionEnded()
{
    // After a GOAWAY, sent or received, once nothing is left to read or write.
    if (m_session && !nghttp2_session_want_read(m_session) && !nghttp2_session_want_write(m_session))
        drop(Failure::Network,
             QStringLiteral("%1 ended the HTTP/2 session").arg(m_server.toString()));
}

void DnsHttp2Connection::onReadyRead()
{
    const QByteArray received = m_socket->readAll();
    const ssize_t used = nghttp2_session_mem_recv(
            m_session, reinterpret_cast<const uint8_t *>(received.constData()),
            size_t(received.size()));
    QPointer<DnsHttp2Connection> alive(this);
    finishClosedStreams(); // answers completed before any error are still answers
    if (!alive || !m_session)
        return;
    if (used < 0) {
        drop(Failure::Network,
             QStringLiteral("%1: HTTP/2 error: %2")
                     .arg(m_server.toString(), QString::fromLatin1(nghttp2_strerror(int(used)))));
        return;
    }
    dropIfSessionEnded();
    if (alive && m_session)
        scheduleFlush(); // acknowledgements and window updates
}

void DnsHttp2Connection::finishClosedStreams()
{
    QPointer<DnsHttp2Connection> alive(this);
    while (!m_closed.isEmpty() && alive) {
        const auto [streamId, errorCode] = m_closed.takeFirst();
        const quint64 ticket = m_tickets.take(streamId);
        auto found = m_streams.find(ticket);
        if (!ticket || found == m_streams.end())
            continue;
        const std::unique_ptr<Stream> stream = std::move(found->second);
        m_streams.erase(found);
        if (m_streams.empty())
            armIdleClose();
        if (stream->forgotten)
            continue;
        if (stream->response.tooLarge) {
            stream->answered(stream->response); // we cancelled it, reported as too large
            continue;
        }
        if (stream->headers > MaxHeadersPerStream) {
            stream->failed(Failure::Network,
                           QStringLiteral("%1 sent more than %2 HTTP/2 headers")
                                   .arg(m_server.toString())
                                   .arg(MaxHeadersPerStream));
            continue;
        }
        if (errorCode != NGHTTP2_NO_ERROR) {
            stream->failed(Failure::Network,
                           QStringLiteral("%1 reset the HTTP/2 stream (error code %2)")
                                   .arg(m_server.toString())
                                   .arg(errorCode));
            continue;
        }
        if (!stream->complete) {
            stream->failed(Failure::Network,
                           QStringLiteral("%1: HTTP/2 stream ended before the answer was complete")
                                   .arg(m_server.toString()));
            continue;
        }
        stream->answered(stream->response);
    }
}

void DnsHttp2Connection::onSocketError()
{
    const EncryptedSocketError error = encryptedSocketErrorOf(*m_socket, m_certificateProblem);
    switch (error.kind) {
    case EncryptedSocketError::Kind::ClosedByPeer:
        onDisconnected();
        return;
    case EncryptedSocketError::Kind::Tls:
        drop(Failure::Tls, QStringLiteral("%1: %2").arg(m_server.toString(), error.why));
        return;
    case EncryptedSocketError::Kind::Network:
        drop(Failure::Network, QStringLiteral("%1: %2").arg(m_server.toString(), error.why));
        return;
    }
}

void DnsHttp2Connection::onDisconnected()
{
    qsizetype awaited = 0;
    for (const auto &[ticket, stream] : m_streams)
        awaited += stream->forgotten ? 0 : 1;
    if (awaited == 0) {
        drop(Failure::Network, QString()); // closed while idle: reopened when needed
        return;
    }
    drop(Failure::Network,
         QStringLiteral("%1 closed the connection with %2 answer(s) awaited")
                 .arg(m_server.toString())
                 .arg(awaited));
}

void DnsHttp2Connection::closeSession()
{
    if (m_session)
        nghttp2_session_del(m_session); // before the streams whose bodies it reads
    m_session = nullptr;
    m_tickets.clear();
    m_closed.clear();
    m_outgoing.clear();
}

void DnsHttp2Connection::drop(Failure failure, const QString &detail)
{
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater(); // its signal may be on the stack
    m_socket = nullptr;
    cancelTimer();
    closeSession();
    std::unordered_map<quint64, std::unique_ptr<Stream>> lost = std::exchange(m_streams, {});
    if (detail.isEmpty())
        return;
    qCDebug(lcDns) << "lost" << detail;
    QPointer<DnsHttp2Connection> alive(this);
    for (auto &[ticket, stream] : lost) {
        if (stream->forgotten || !alive)
            continue;
        if (m_sending) // whoever sent must not hear of a failure before send() returns
            failLater(ticket, std::move(stream->failed), failure, detail);
        else
            stream->failed(failure, detail);
    }
}

void DnsHttp2Connection::armIdleClose()
{
    if (!m_socket || !m_socket->isEncrypted())
        return; // the handshake's deadline runs; the idle time starts once it is done
    cancelTimer();
    m_timer = m_clock->callAfter(m_idleCloseMs, this, [this] { closeIdle(); });
}

void DnsHttp2Connection::cancelTimer()
{
    if (m_timer)
        m_clock->cancel(m_timer);
    m_timer = 0;
}

void DnsHttp2Connection::closeIdle()
{
    m_timer = 0;
    if (!m_socket || !m_streams.empty())
        return;
    ++m_idleCloses;
    qCDebug(lcDns) << "closing idle" << m_server.toString();
    m_socket->disconnect(this);
    m_socket->disconnectFromHost();
    m_socket->deleteLater();
    m_socket = nullptr;
    closeSession();
}
