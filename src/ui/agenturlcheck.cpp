#include "agenturlcheck.h"

#include <QHostAddress>
#include <QUrl>

QString AgentUrlCheck::problem(const QUrl &url)
{
    if (url.isEmpty())
        return tr("Enter the agent's URL, e.g. https://agent.example.net:9108.");
    if (!url.isValid())
        return tr("The URL is not valid: check the host and the port number.");
    if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        return tr("The URL must start with https:// (or http://).");
    if (url.host().isEmpty())
        return tr("The URL names no host.");
    if (!url.userInfo().isEmpty())
        return tr("The URL must not hold a user name or password: the token has its own field.");
    if (url.hasQuery() || url.hasFragment())
        return tr("The URL must not have a query (?) or fragment (#).");
    return {};
}

bool AgentUrlCheck::sendsTokenInClear(const QUrl &url)
{
    if (url.scheme() != QLatin1String("http"))
        return false;
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return false;
    const QHostAddress address(host);
    return address.isNull() || !address.isLoopback();
}
