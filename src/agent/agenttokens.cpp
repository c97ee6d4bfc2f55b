#include "agenttokens.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHash>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace {

// A line is far shorter; a longer one is refused rather than cut (a cut token never matches).
constexpr qsizetype MaxLineBytes = 4096;
constexpr qint64 MaxFileBytes = 1024 * 1024;
constexpr qsizetype MaxNameLength = 64;
// Shorter secrets can be guessed over the network.
constexpr qsizetype MinSecretLength = 16;

QByteArray digestOf(QByteArrayView secret)
{
    return QCryptographicHash::hash(secret, QCryptographicHash::Sha256);
}

bool isNameCharacter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
            || c == '_' || c == '-' || c == '@';
}

bool isValidName(QByteArrayView name)
{
    if (name.isEmpty() || name.size() > MaxNameLength)
        return false;
    return std::all_of(name.begin(), name.end(), isNameCharacter);
}

// Printable ASCII without spaces: what an Authorization header carries as it is.
bool isValidSecret(QByteArrayView secret)
{
    return std::all_of(secret.begin(), secret.end(), [](char c) { return c > ' ' && c < 127; });
}

std::optional<AgentToken::Role> roleFromName(QByteArrayView name)
{
    if (name == "read")
        return AgentToken::Role::Read;
    if (name == "operate")
        return AgentToken::Role::Operate;
    return std::nullopt;
}

QList<QByteArrayView> fieldsOf(QByteArrayView line)
{
    QList<QByteArrayView> fields;
    qsizetype at = 0;
    while (at < line.size()) {
        while (at < line.size() && (line[at] == ' ' || line[at] == '\t'))
            ++at;
        const qsizetype start = at;
        while (at < line.size() && line[at] != ' ' && line[at] != '\t')
            ++at;
        if (at > start)
            fields.append(line.sliced(start, at - start));
    }
    return fields;
}

AgentTokensLoad refusal(const QString &error) { return AgentTokensLoad{std::nullopt, error}; }

} // namespace

QString roleName(AgentToken::Role role)
{
    return role == AgentToken::Role::Operate ? QStringLiteral("operate") : QStringLiteral("read");
}

AgentTokens::AgentTokens(const QList<AgentToken> &tokens) : m_tokens(tokens)
{
    for (const AgentToken &token : tokens)
        m_digests.append(digestOf(token.secret));
}

AgentTokens AgentTokens::single(const QString &secret)
{
    if (secret.isEmpty())
        return AgentTokens();
    return AgentTokens({AgentToken{singleTokenName(), AgentToken::Role::Operate, secret.toUtf8()}});
}

std::optional<AgentToken> AgentTokens::match(QByteArrayView presented) const
{
    // Digests have one length whatever was presented; each is compared whole, every one of them,
    // and the match is picked without a branch on the bytes.
    const QByteArray given = digestOf(presented);
    qsizetype found = -1;
    for (qsizetype index = 0; index < m_digests.size(); ++index) {
        const QByteArray &expected = m_digests[index];
        unsigned difference = 0;
        for (qsizetype i = 0; i < expected.size(); ++i)
            difference |= unsigned(quint8(given[i] ^ expected[i]));
        const qsizetype equal = qsizetype(difference == 0);
        found = equal * index + (1 - equal) * found;
    }
    if (found < 0)
        return std::nullopt;
    return m_tokens[found];
}

AgentTokensLoad parseAgentTokens(QByteArrayView text, const QString &path)
{
    QList<AgentToken> tokens;
    QHash<QString, int> lineOfName;
    QHash<QByteArray, int> lineOfDigest;
    int lineNumber = 0;
    qsizetype at = 0;
    while (at < text.size()) {
        ++lineNumber;
        qsizetype end = text.indexOf('\n', at);
        if (end < 0)
            end = text.size();
        QByteArrayView line = text.sliced(at, end - at);
        at = end + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        const auto where = [&](const QString &what) {
            return refusal(QStringLiteral("%1:%2: %3").arg(path).arg(lineNumber).arg(what));
        };
        // No part of a refused line is quoted back: any of it may be a secret.
        if (line.size() > MaxLineBytes)
            return where(QStringLiteral("the line is longer than %1 bytes; expected NAME ROLE "
                                        "TOKEN")
                                 .arg(MaxLineBytes));
        const QByteArrayView content = line.trimmed();
        if (content.isEmpty() || content.startsWith('#'))
            continue;
        const QList<QByteArrayView> fields = fieldsOf(content);
        if (fields.size() != 3)
            return where(QStringLiteral("found %1 field(s); expected three: NAME ROLE TOKEN "
                                        "(e.g. \"alice operate <secret>\")")
                                 .arg(fields.size()));
        if (!isValidName(fields[0]))
            return where(QStringLiteral("the name (first field) must be 1 to %1 letters, digits, "
                                        "'.', '_', '-' or '@'")
                                 .arg(MaxNameLength));
        const QString name = QString::fromLatin1(fields[0]);
        const std::optional<AgentToken::Role> role = roleFromName(fields[1]);
        if (!role)
            return where(QStringLiteral("the role of %1 (second field) must be read or operate")
                                 .arg(name));
        if (fields[2].size() < MinSecretLength || !isValidSecret(fields[2]))
            return where(QStringLiteral("the token of %1 (third field) must be at least %2 "
                                        "printable characters without spaces")
                                 .arg(name)
                                 .arg(MinSecretLength));
        if (const int first = lineOfName.value(name); first > 0)
            return where(QStringLiteral("the name %1 is given again (first on line %2); each "
                                        "token needs a name of its own")
                                 .arg(name)
                                 .arg(first));
        const QByteArray digest = digestOf(fields[2]);
        if (const int first = lineOfDigest.value(digest); first > 0)
            return where(QStringLiteral("the token of %1 is the same as the one on line %2; each "
                                        "name needs a token of its own")
                                 .arg(name)
                                 .arg(first));
        lineOfName.insert(name, lineNumber);
        lineOfDigest.insert(digest, lineNumber);
        tokens.append(AgentToken{name, *role, fields[2].toByteArray()});
    }
    if (tokens.isEmpty())
        return refusal(QStringLiteral("%1: holds no token; expected lines NAME ROLE TOKEN "
                                      "(ROLE read or operate)")
                               .arg(path));
    return AgentTokensLoad{AgentTokens(tokens), QString()};
}

AgentTokensLoad loadAgentTokens(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return refusal(QStringLiteral("--tokens %1: %2").arg(path, file.errorString()));
    // The file opened, not the name looked up again: it cannot be swapped in between.
    struct stat status
    { };
    if (::fstat(file.handle(), &status) != 0)
        return refusal(QStringLiteral("--tokens %1: %2")
                               .arg(path, QString::fromLocal8Bit(::strerror(errno))));
    if (!S_ISREG(status.st_mode))
        return refusal(QStringLiteral("--tokens %1: not a regular file").arg(path));
    if ((status.st_mode & (S_IRWXG | S_IRWXO)) != 0)
        return refusal(QStringLiteral("--tokens %1: permissions %2 are too open: group or others "
                                      "may read or change the tokens; expected 0600 or 0400 "
                                      "(chmod 600 %1)")
                               .arg(path)
                               .arg(QString::number(status.st_mode & 07777, 8)
                                            .rightJustified(4, QLatin1Char('0'))));
    if (status.st_size > MaxFileBytes)
        return refusal(
                QStringLiteral("--tokens %1: larger than %2 bytes").arg(path).arg(MaxFileBytes));
    const QByteArray text = file.read(MaxFileBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return refusal(QStringLiteral("--tokens %1: %2").arg(path, file.errorString()));
    AgentTokensLoad load = parseAgentTokens(text, QStringLiteral("--tokens %1").arg(path));
    return load;
}
