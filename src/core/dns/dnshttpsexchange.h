#pragma once

#include "nameserver.h"

#include <QByteArray>
#include <QString>

#include <functional>

class DnsHttp2Connection;

// One query over DNS over HTTPS (RFC 8484): a POST of the query (ID 0) as
// application/dns-message on a stream of the server's HTTP/2 connection, which every query to
// that server shares. Checks the answer's status, type and size. Destroying the exchange
// abandons the request (its stream is cancelled).
class DnsHttpsExchange
{
public:
    enum class Outcome { Answer, Tls, Network, Malformed, Timeout };
    // reply holds the DNS message for Answer; detail says what went wrong otherwise.
    using Finished =
            std::function<void(Outcome outcome, const QByteArray &reply, const QString &detail)>;

    DnsHttpsExchange(DnsHttp2Connection *connection, const NameServer &server,
                     const QByteArray &query, Finished finished);
    ~DnsHttpsExchange();
    DnsHttpsExchange(const DnsHttpsExchange &) = delete;
    DnsHttpsExchange &operator=(const DnsHttpsExchange &) = delete;

private:
    NameServer m_server;
    DnsHttp2Connection *m_connection;
    quint64 m_ticket = 0;
    Finished m_finished;
};
