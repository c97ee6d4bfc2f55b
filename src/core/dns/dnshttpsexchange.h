#pragma once

#include "nameserver.h"

#include <QByteArray>
#include <QSslConfiguration>
#include <QString>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

// One query over DNS over HTTPS (RFC 8484): a POST of the query (ID 0) as
// application/dns-message, HTTP/2 when the server offers it. The manager keeps the connections,
// so queries to one server share them. Destroying the exchange abandons the request.
class DnsHttpsExchange
{
public:
    enum class Outcome { Answer, Tls, Network, Malformed };
    // reply holds the DNS message for Answer; detail says what went wrong otherwise.
    using Finished =
            std::function<void(Outcome outcome, const QByteArray &reply, const QString &detail)>;

    DnsHttpsExchange(QNetworkAccessManager *manager, const NameServer &server,
                     const QSslConfiguration &tls, const QString &peerName, const QByteArray &query,
                     Finished finished);
    ~DnsHttpsExchange();
    DnsHttpsExchange(const DnsHttpsExchange &) = delete;
    DnsHttpsExchange &operator=(const DnsHttpsExchange &) = delete;

private:
    void onFinished();

    NameServer m_server;
    QString m_peerName;
    QNetworkReply *m_reply = nullptr;
    Finished m_finished;
    QString m_certificateProblem;
};
