#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

// One bearer token the agent takes: who holds it (its name, which the log and the events show as
// the actor) and what it may do. The secret itself is never shown anywhere.
struct AgentToken
{
    enum class Role {
        Read, // every GET under /api/v1, /readyz and /metrics
        Operate, // those, and the actions
    };

    QString name;
    Role role = Role::Read;
    QByteArray secret;
};

QString roleName(AgentToken::Role role); // "read", "operate"

// The tokens the agent takes, and the one a request presents. The presented token is compared
// with every configured one, each in the same time whether or not it matched or how much of it
// did, so the time an answer takes says nothing about the tokens.
class AgentTokens
{
public:
    // The name --token, --token-file and DNSWATCH_TOKEN give their one operate token.
    static QString singleTokenName() { return QStringLiteral("token"); }

    AgentTokens() = default;
    explicit AgentTokens(const QList<AgentToken> &tokens);
    // One operate token named "token"; none when secret is empty.
    static AgentTokens single(const QString &secret);

    bool isEmpty() const { return m_tokens.isEmpty(); }
    qsizetype size() const { return m_tokens.size(); }
    const QList<AgentToken> &tokens() const { return m_tokens; }
    // The configured token equal to presented, or none.
    std::optional<AgentToken> match(QByteArrayView presented) const;

private:
    QList<AgentToken> m_tokens;
    QList<QByteArray> m_digests; // SHA-256 of each secret, in the same order
};

// What reading a tokens file gave: the tokens, or why the file is refused.
struct AgentTokensLoad
{
    std::optional<AgentTokens> tokens;
    QString error; // "FILE:LINE: what was found; what was expected"; never holds a secret
};

// A tokens file's text: one token a line, "NAME ROLE TOKEN" separated by spaces or tabs; blank
// lines and lines starting with '#' are skipped. path only names the file in errors.
AgentTokensLoad parseAgentTokens(QByteArrayView text, const QString &path);
// --tokens FILE: refused, like ssh refuses a private key, when it is not a regular file or when
// group or others have any permission on it (checked on the file opened, not on its name).
AgentTokensLoad loadAgentTokens(const QString &path);
