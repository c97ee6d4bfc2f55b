#pragma once

#include <QCoreApplication>
#include <QString>

class QUrl;

// The rules for an agent's base URL ("https://agent-fra1.example.net:9108"), shared by the
// connect dialog and the remembered agents so both accept the same URLs.
class AgentUrlCheck
{
    Q_DECLARE_TR_FUNCTIONS(AgentUrlCheck)
public:
    // What is wrong with url as an agent's base, for the user; empty when nothing is: http or
    // https, a host, no user name or password (the token has a field of its own and must not
    // land in the settings), no query or fragment (requests add their own).
    static QString problem(const QUrl &url);

    // Whether a token sent to url would cross the network unencrypted: http:// to a host that
    // is not this machine (neither "localhost" nor a loopback address).
    static bool sendsTokenInClear(const QUrl &url);
};
