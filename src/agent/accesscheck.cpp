#include "accesscheck.h"

#include "apierror.h"

#include <QHostAddress>
#include <QHttpServerRequest>

namespace {

QHttpServerResponse unauthorized(const QString &why)
{
    QHttpServerResponse response = apiError(QHttpServerResponse::StatusCode::Unauthorized, why);
    response.setHeader("WWW-Authenticate", "Bearer");
    return response;
}

// "localhost:9108", "127.0.0.1", "[::1]:9108".
bool hostIsLoopback(const QByteArray &hostHeader)
{
    QByteArray host = hostHeader.trimmed().toLower();
    if (host.startsWith('[')) {
        host = host.mid(1, host.indexOf(']') - 1);
    } else if (host.count(':') == 1) {
        host = host.left(host.indexOf(':'));
    }
    if (host == "localhost")
        return true;
    const QHostAddress address(QString::fromLatin1(host));
    return !address.isNull() && address.isLoopback();
}

} // namespace

std::optional<AgentToken> AccessCheck::presented(const QHttpServerRequest &request) const
{
    const QByteArray header = request.value("Authorization");
    const qsizetype space = header.indexOf(' ');
    if (space < 0 || header.left(space).compare("bearer", Qt::CaseInsensitive) != 0)
        return std::nullopt;
    return m_tokens.match(header.mid(space + 1).trimmed());
}

std::optional<QHttpServerResponse> AccessCheck::readRefusal(const QHttpServerRequest &request) const
{
    if (hasTokens()) {
        if (presented(request))
            return std::nullopt;
        return unauthorized(QStringLiteral("a token is required: Authorization: Bearer <token> "
                                           "(a read or operate token)"));
    }
    // Without tokens only loopback can reach us, but a web page can too, through DNS rebinding
    // (evil.example resolving to 127.0.0.1): then the Host header names the page's host.
    const QByteArray host = request.value("Host");
    if (host.isEmpty() || hostIsLoopback(host))
        return std::nullopt;
    return apiError(QHttpServerResponse::StatusCode::Forbidden,
                    QStringLiteral("the Host header must name this machine (localhost or a "
                                   "loopback address)"));
}

std::optional<QHttpServerResponse> AccessCheck::actionRefusal(const QHttpServerRequest &request,
                                                              QString *actor) const
{
    if (!hasTokens())
        return unauthorized(QStringLiteral("actions need an operate token, and this agent has "
                                           "none: start it with --tokens FILE or --token-file "
                                           "FILE"));
    const std::optional<AgentToken> token = presented(request);
    if (!token)
        return unauthorized(QStringLiteral("an operate token is required: Authorization: Bearer "
                                           "<token>"));
    if (token->role != AgentToken::Role::Operate)
        return apiError(QHttpServerResponse::StatusCode::Forbidden,
                        QStringLiteral("the token %1 may only read; actions need an operate token")
                                .arg(token->name));
    *actor = token->name;
    return std::nullopt;
}
