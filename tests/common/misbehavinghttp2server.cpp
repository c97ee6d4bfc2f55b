#include "misbehavinghttp2server.h"

#include <QSslSocket>

#include <nghttp2/nghttp2.h>

#include <list>

namespace {
constexpr qsizetype OversizedBytes = 70000;

nghttp2_nv header(const char *name, const char *value)
{
    return {reinterpret_cast<uint8_t *>(const_cast<char *>(name)),
            reinterpret_cast<uint8_t *>(const_cast<char *>(value)), strlen(name), strlen(value),
            NGHTTP2_NV_FLAG_NONE};
}

struct Body
{
    QByteArray bytes;
    qsizetype sent = 0;
};
} // namespace

struct MisbehavingHttp2Server::Connection
{
    MisbehavingHttp2Server *server = nullptr;
    QSslSocket *socket = nullptr;
    nghttp2_session *session = nullptr;
    std::list<Body> bodies; // stable addresses for nghttp2's data sources

    ~Connection() { nghttp2_session_del(session); }
};

struct MisbehavingHttp2Server::Callbacks
{
    static int onFrame(nghttp2_session *, const nghttp2_frame *frame, void *userData)
    {
        auto *connection = static_cast<Connection *>(userData);
        if (frame->hd.type == NGHTTP2_RST_STREAM) {
            connection->server->resetsReceived.append(frame->rst_stream.error_code);
            return 0;
        }
        const bool requestEnded = (frame->hd.type == NGHTTP2_DATA
                                   || frame->hd.type == NGHTTP2_HEADERS)
                && (frame->hd.flags & NGHTTP2_FLAG_END_STREAM);
        if (requestEnded)
            connection->server->respond(connection, frame->hd.stream_id);
        return 0;
    }

    static ssize_t readBody(nghttp2_session *, int32_t, uint8_t *buffer, size_t length,
                            uint32_t *flags, nghttp2_data_source *source, void *)
    {
        auto *body = static_cast<Body *>(source->ptr);
        const qsizetype count = qMin(qsizetype(length), body->bytes.size() - body->sent);
        memcpy(buffer, body->bytes.constData() + body->sent, size_t(count));
        body->sent += count;
        if (body->sent == body->bytes.size())
            *flags |= NGHTTP2_DATA_FLAG_EOF;
        return count;
    }
};

MisbehavingHttp2Server::MisbehavingHttp2Server(const TestCertificate &identity, Answer answer)
    : TestTlsServer(identity, {QByteArrayLiteral("h2")}), m_answer(answer)
{
    onReadyRead = [this](QSslSocket *socket) {
        Connection *connection = connectionOf(socket);
        const QByteArray received = socket->readAll();
        nghttp2_session_mem_recv(connection->session,
                                 reinterpret_cast<const uint8_t *>(received.constData()),
                                 size_t(received.size()));
        send(connection);
    };
}

MisbehavingHttp2Server::~MisbehavingHttp2Server() = default;

QString MisbehavingHttp2Server::url() const
{
    return QStringLiteral("https://127.0.0.1:%1/dns-query").arg(serverPort());
}

MisbehavingHttp2Server::Connection *MisbehavingHttp2Server::connectionOf(QSslSocket *socket)
{
    std::unique_ptr<Connection> &connection = m_connections[socket];
    if (connection)
        return connection.get();
    connection = std::make_unique<Connection>();
    connection->server = this;
    connection->socket = socket;
    nghttp2_session_callbacks *callbacks = nullptr;
    nghttp2_session_callbacks_new(&callbacks);
    nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks, &Callbacks::onFrame);
    nghttp2_session_server_new(&connection->session, callbacks, connection.get());
    nghttp2_session_callbacks_del(callbacks);
    nghttp2_submit_settings(connection->session, NGHTTP2_FLAG_NONE, nullptr, 0);
    QObject::connect(socket, &QObject::destroyed, this,
                     [this, socket] { m_connections.erase(socket); });
    return connection.get();
}

void MisbehavingHttp2Server::respond(Connection *connection, qint32 streamId)
{
    const nghttp2_nv headers[] = {header(":status", "200"),
                                  header("content-type", "application/dns-message")};
    switch (m_answer) {
    case Answer::OversizedBody: {
        Body &body = connection->bodies.emplace_back();
        body.bytes = QByteArray(OversizedBytes, 'x');
        nghttp2_data_provider provider;
        provider.source.ptr = &body;
        provider.read_callback = &Callbacks::readBody;
        nghttp2_submit_response(connection->session, streamId, headers, std::size(headers),
                                &provider);
        return;
    }
    case Answer::ClosedWithoutEnd:
        nghttp2_submit_headers(connection->session, NGHTTP2_FLAG_NONE, streamId, nullptr, headers,
                               std::size(headers), nullptr);
        nghttp2_submit_rst_stream(connection->session, NGHTTP2_FLAG_NONE, streamId,
                                  NGHTTP2_NO_ERROR);
        return;
    }
}

void MisbehavingHttp2Server::send(Connection *connection)
{
    for (;;) {
        const uint8_t *data = nullptr;
        const ssize_t length = nghttp2_session_mem_send(connection->session, &data);
        if (length <= 0)
            return;
        connection->socket->write(reinterpret_cast<const char *>(data), length);
    }
}
