#include "dnshttpsexchange.h"

#include "dnshttp2connection.h"

namespace {
const QByteArray DnsMessageType = QByteArrayLiteral("application/dns-message");
constexpr qint64 MaxAnswerBytes = 65535; // the largest DNS message

DnsHttpsExchange::Outcome outcomeOf(DnsHttp2Connection::Failure failure)
{
    switch (failure) {
    case DnsHttp2Connection::Failure::Tls:
        return DnsHttpsExchange::Outcome::Tls;
    case DnsHttp2Connection::Failure::Network:
        return DnsHttpsExchange::Outcome::Network;
    case DnsHttp2Connection::Failure::Timeout:
        return DnsHttpsExchange::Outcome::Timeout;
    }
    return DnsHttpsExchange::Outcome::Network;
}
} // namespace

DnsHttpsExchange::DnsHttpsExchange(DnsHttp2Connection *connection, const NameServer &server,
                                   const QByteArray &query, Finished finished)
    : m_server(server), m_connection(connection), m_finished(std::move(finished))
{
    m_ticket = connection->send(
            query,
            [this](const DnsHttp2Connection::Response &response) {
                const QString where = m_server.toString();
                if (response.status != 200) {
                    m_finished(
                            Outcome::Network, {},
                            QStringLiteral("%1 answered HTTP %2").arg(where).arg(response.status));
                    return;
                }
                if (!response.contentType.trimmed().toLower().startsWith(DnsMessageType)) {
                    m_finished(Outcome::Malformed, {},
                               QStringLiteral("%1 answered with content type \"%2\", expected %3")
                                       .arg(where,
                                            QString::fromLatin1(response.contentType.left(64)),
                                            QString::fromLatin1(DnsMessageType)));
                    return;
                }
                if (response.tooLarge) {
                    m_finished(Outcome::Malformed, {},
                               QStringLiteral("%1 answered with more than %2 bytes")
                                       .arg(where)
                                       .arg(MaxAnswerBytes));
                    return;
                }
                m_finished(Outcome::Answer, response.body, QString());
            },
            [this](DnsHttp2Connection::Failure failure, const QString &detail) {
                m_finished(outcomeOf(failure), {}, detail);
            });
}

DnsHttpsExchange::~DnsHttpsExchange() { m_connection->forget(m_ticket); }
