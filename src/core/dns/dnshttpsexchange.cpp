#include "dnshttpsexchange.h"

#include "tlserrortext.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

namespace {
const QByteArray DnsMessageType = QByteArrayLiteral("application/dns-message");
constexpr qint64 MaxAnswerBytes = 65535; // the largest DNS message
} // namespace

DnsHttpsExchange::DnsHttpsExchange(QNetworkAccessManager *manager, const NameServer &server,
                                   const QSslConfiguration &tls, const QString &peerName,
                                   const QByteArray &query, Finished finished)
    : m_server(server), m_peerName(peerName), m_finished(std::move(finished))
{
    QNetworkRequest request(QUrl(server.toString(), QUrl::StrictMode));
    request.setHeader(QNetworkRequest::ContentTypeHeader, DnsMessageType);
    request.setRawHeader(QByteArrayLiteral("Accept"), DnsMessageType);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setSslConfiguration(tls);
    if (peerName != server.host)
        request.setPeerVerifyName(peerName);
    m_reply = manager->post(request, query);
    QObject::connect(m_reply, &QNetworkReply::sslErrors, m_reply,
                     [this](const QList<QSslError> &errors) {
                         m_certificateProblem = describeTlsErrors(errors, m_peerName);
                     });
    QObject::connect(m_reply, &QNetworkReply::finished, m_reply, [this] { onFinished(); });
}

DnsHttpsExchange::~DnsHttpsExchange()
{
    m_reply->disconnect();
    m_reply->abort();
    m_reply->deleteLater();
}

void DnsHttpsExchange::onFinished()
{
    const QString where = m_server.toString();
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = m_reply->error();
    if (!m_certificateProblem.isEmpty()) {
        m_finished(Outcome::Tls, {}, QStringLiteral("%1: %2").arg(where, m_certificateProblem));
        return;
    }
    if (error == QNetworkReply::SslHandshakeFailedError) {
        m_finished(
                Outcome::Tls, {},
                QStringLiteral("%1: TLS handshake failed: %2").arg(where, m_reply->errorString()));
        return;
    }
    if (status != 0 && status != 200) {
        const QString reason = m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute)
                                       .toString();
        m_finished(Outcome::Network, {},
                   QStringLiteral("%1 answered HTTP %2%3")
                           .arg(where)
                           .arg(status)
                           .arg(reason.isEmpty() ? QString() : QLatin1Char(' ') + reason));
        return;
    }
    if (error != QNetworkReply::NoError) {
        m_finished(Outcome::Network, {},
                   QStringLiteral("%1: %2").arg(where, m_reply->errorString()));
        return;
    }
    const QByteArray type = m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    if (!type.trimmed().toLower().startsWith(DnsMessageType)) {
        m_finished(Outcome::Malformed, {},
                   QStringLiteral("%1 answered with content type \"%2\", expected %3")
                           .arg(where, QString::fromLatin1(type.left(64)),
                                QString::fromLatin1(DnsMessageType)));
        return;
    }
    const QByteArray body = m_reply->read(MaxAnswerBytes + 1);
    if (body.size() > MaxAnswerBytes) {
        m_finished(
                Outcome::Malformed, {},
                QStringLiteral("%1 answered with more than %2 bytes").arg(where).arg(MaxAnswerBytes));
        return;
    }
    m_finished(Outcome::Answer, body, QString());
}
