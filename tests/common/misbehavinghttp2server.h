#pragma once

#include "testtlsserver.h"

#include <QList>

#include <memory>
#include <unordered_map>

struct nghttp2_session;

// A DNS over HTTPS server on loopback (ALPN "h2", libnghttp2's server side) that answers every
// request in one of the ways a broken or hostile server might, and notes the RST_STREAM error
// codes the client sends.
class MisbehavingHttp2Server : public TestTlsServer
{
public:
    enum class Answer {
        OversizedBody, // status 200, application/dns-message, 70,000 bytes
        ClosedWithoutEnd, // headers submitted, then RST_STREAM(NO_ERROR): never an END_STREAM
    };

    MisbehavingHttp2Server(const TestCertificate &identity, Answer answer);
    ~MisbehavingHttp2Server() override;

    QString url() const;
    QList<quint32> resetsReceived; // error codes of the client's RST_STREAM frames

private:
    struct Connection;
    struct Callbacks;

    Connection *connectionOf(QSslSocket *socket);
    void respond(Connection *connection, qint32 streamId);
    static void send(Connection *connection);

    Answer m_answer;
    std::unordered_map<QSslSocket *, std::unique_ptr<Connection>> m_connections;
};
