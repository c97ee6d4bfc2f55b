#pragma once

#include <QHash>
#include <QObject>
#include <QString>

namespace QKeychain {
class Job;
}

// Keeps the agents' bearer tokens in the desktop's secret store (Secret Service, KWallet)
// through QtKeychain, one entry per agent name under the service "DNS Watch agents". Every call
// returns at once and answers with a signal; nothing waits on the GUI thread.
//
// When the secret store cannot keep a token (no Secret Service on the session bus, access
// refused), the token is kept in this object's memory for the session only, and the signals say
// so with the reason, so the dashboard can tell the user. A token is never written to QSettings
// or to any file (QtKeychain's plain-text fallback stays off).
class AgentTokenStore : public QObject
{
    Q_OBJECT
public:
    enum class Persistence {
        SecretStore, // in the desktop's secret store: there after a restart
        SessionOnly, // in memory only: gone when the dashboard quits
    };
    Q_ENUM(Persistence)

    static QString defaultService(); // "DNS Watch agents"

    explicit AgentTokenStore(QObject *parent = nullptr);
    // service: the secret store's service name (tests use one of their own).
    explicit AgentTokenStore(const QString &service, QObject *parent = nullptr);

    // Answers with tokenSaved. An empty token is saved as given (the agent needs none).
    void save(const QString &agentName, const QString &token);
    // Answers with tokenLoaded; the token is empty when none is kept for the agent.
    void load(const QString &agentName);
    // Removes the token from memory and from the secret store; answers with tokenForgotten.
    void forget(const QString &agentName);

    // For the user: "Token kept in the desktop's secret store." or "Token kept for this
    // session only: <reason>".
    static QString describe(Persistence persistence, const QString &reason);

Q_SIGNALS:
    // reason: why the token is kept for this session only; empty with SecretStore.
    void tokenSaved(const QString &agentName, AgentTokenStore::Persistence persistence,
                    const QString &reason);
    void tokenLoaded(const QString &agentName, const QString &token,
                     AgentTokenStore::Persistence persistence, const QString &reason);
    // problem: empty when the token is gone everywhere; else why the secret store may still
    // hold it.
    void tokenForgotten(const QString &agentName, const QString &problem);

private:
    struct SessionToken
    {
        QString token;
        QString reason; // why the secret store did not keep it
    };

    void prepare(QKeychain::Job *job, const QString &agentName) const;
    static QString unavailableReason(const QKeychain::Job *job);

    QString m_service;
    QHash<QString, SessionToken> m_sessionTokens; // by agent name
};
