#include "appconfig.h"

#include "cacertificatefile.h"
#include "configschema.h"
#include "jsonvalidator.h"
#include "logging.h"
#include "printabletext.h"

#include "resolver/envfallback.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>

#include <algorithm>
#include <functional>

namespace {
constexpr CheckConfig::Type CheckTypes[] = {
        CheckConfig::Type::Dns,    CheckConfig::Type::Tcp, CheckConfig::Type::Http,
        CheckConfig::Type::Mlflow, CheckConfig::Type::Soa,
};

std::optional<CheckConfig::Type> checkTypeFromName(const QString &name)
{
    for (CheckConfig::Type type : CheckTypes) {
        if (checkTypeName(type) == name)
            return type;
    }
    return std::nullopt;
}

bool isResolverName(const QString &name)
{
    if (name.isEmpty())
        return false;
    return std::all_of(name.begin(), name.end(), [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
                || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
                || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_')
                || c == QLatin1Char('.') || c == QLatin1Char('-');
    });
}

// What is wrong with the port of a URL ("found port 99999; a port is ..."), or empty when it has
// no port or a good one. The port's text is only repeated when it is a number: in a mangled URL
// what looks like a port may be a password.
QString urlPortProblem(const QString &text)
{
    const QString range = QStringLiteral("a port is a number from 1 to 65535");
    qsizetype start = text.indexOf(QLatin1String("://"));
    if (start < 0)
        return QString();
    start += 3;
    qsizetype end = start;
    while (end < text.size() && !QStringView(u"/?#").contains(text[end]))
        ++end;
    QStringView authority = QStringView(text).mid(start, end - start);
    authority = authority.mid(authority.lastIndexOf(QLatin1Char('@')) + 1);
    // An IPv6 address in brackets holds colons of its own.
    const qsizetype hostEnd = authority.startsWith(QLatin1Char('['))
            ? authority.indexOf(QLatin1Char(']'))
            : 0;
    if (hostEnd < 0)
        return QString();
    const qsizetype colon = authority.indexOf(QLatin1Char(':'), hostEnd);
    if (colon < 0)
        return QString();
    const QStringView port = authority.mid(colon + 1);
    if (port.isEmpty())
        return QString();
    const bool digits = std::all_of(port.begin(), port.end(), [](QChar c) {
        return c >= QLatin1Char('0') && c <= QLatin1Char('9');
    });
    if (!digits)
        return QStringLiteral("found a port that is not a number; ") + range;
    const qulonglong number = port.size() > 6 ? 999999 : port.toULongLong();
    if (number < 1 || number > 65535)
        return QStringLiteral("found port %1; ")
                       .arg(port.size() > 6 ? port.left(6) + QLatin1String("...") : port.toString())
                + range;
    return QString();
}

// An http:// or https:// URL with a host (a host name or an IP address). User info is left for
// the caller to reject or strip; *error never repeats the URL, which may hold a password.
std::optional<QUrl> parseHttpUrl(const QString &text, QString *error)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString expected = QStringLiteral("expected an http:// or https:// URL with a host");
    if (const QString portProblem = urlPortProblem(text.trimmed()); !portProblem.isEmpty()) {
        *error = expected + QStringLiteral(", ") + portProblem;
        return std::nullopt;
    }
    if (!url.isValid()) {
        *error = expected + QStringLiteral(", found a string that is not a valid URL");
        return std::nullopt;
    }
    if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) {
        const QString scheme = url.scheme().isEmpty()
                ? QStringLiteral("no scheme")
                : QStringLiteral("scheme ") + JsonValidator::quoted(url.scheme());
        *error = expected + QStringLiteral(", found ") + scheme;
        return std::nullopt;
    }
    const QString host = url.host(QUrl::FullyEncoded);
    if (host.isEmpty()) {
        *error = expected + QStringLiteral(", found no host");
        return std::nullopt;
    }
    if (QHostAddress(host).isNull() && !isValidHostName(host, error))
        return std::nullopt;
    return url;
}

// The config schema over the generic checks of JsonValidator: one document, every problem.
class ConfigParser : private JsonValidator
{
public:
    explicit ConfigParser(const QString &source) : JsonValidator(source), m_source(source) { }

    ConfigLoadResult parse(const QByteArray &json);

private:
    void parseResolvers(const QJsonValue &value, AppConfig *config);
    void parseResolver(const QJsonObject &object, const QString &path, AppConfig *config);
    QList<NameServer> parseServers(const QJsonValue &value, const QString &path);
    void parseResolverTls(const QJsonObject &object, const QString &path, ResolverConfig *resolver);
    // A flat block of root by its table: every key and the order rules.
    template<class Policy>
    void parsePolicy(const QJsonObject &root, const PolicyBlock<Policy> &block, Policy *policy);
    enum class Emptiness { Refused, Allowed }; // an empty "targets": allowed beside agents
    void parseTargets(const QJsonValue &value, Emptiness emptiness, AppConfig *config);
    // Calls read for each element of the array at path that is an object; says what else is.
    void forEachObject(const QJsonValue &value, const QString &path,
                       const std::function<void(const QJsonObject &, const QString &)> &read);
    void parseAgents(const QJsonValue &value, AppConfig *config);
    AgentLinkConfig parseAgent(const QJsonObject &object, const QString &path);
    void parseDnssecZones(const QJsonValue &value, AppConfig *config);
    DnssecZoneConfig parseDnssecZone(const QJsonObject &object, const QString &path);
    QString parseFileName(const QJsonObject &object, const QString &path, QLatin1String key);
    // The required name at key, unique among those in *seen (name -> where), where it is added.
    QString uniqueName(const QJsonObject &object, const QString &path, QLatin1String key,
                       const QString &what, const QString &kind, QHash<QString, QString> *seen);
    TargetConfig parseTarget(const QJsonObject &object, const QString &path);
    QList<QHostAddress> parseFallbackIps(const QJsonValue &value, const QString &path);
    // Resolver names, each once, each one of allowed (named in the error as what they may be).
    QStringList parseResolverNames(const QJsonValue &value, const QString &path,
                                   const QStringList &allowed, const QString &allowedWords);
    AddressExpectation parseAddressExpectation(const QJsonValue &value, const QString &path);
    CheckConfig parseCheck(const QJsonValue &value, const QString &path);
    void parseCheckKeys(const QJsonObject &object, const QString &path, CheckConfig *check);
    QStringList parseExpectedAddresses(const QJsonValue &value, const QString &path);
    void parseExpectStatus(const QJsonValue &value, const QString &path, CheckConfig *check);
    std::optional<QUrl> parseCheckUrl(const QJsonValue &value, const QString &path);
    void parseSoaCheck(const QJsonObject &object, const QString &path, CheckConfig *check);
    QList<NameServer> parseSoaServers(const QJsonValue &value, const QString &path);

    QString m_source;
    QStringList m_resolverNames; // "system" first, then the file's, for "defined: ..."
    QHash<QString, QString> m_resolverPaths; // name -> where the file defined it
    QSet<QString> m_dnssecResolvers; // those with "dnssec": true
    QHash<QString, QString> m_targetPaths; // name -> where the file defined it
    QHash<QString, QString> m_agentPaths; // name -> where the file defined it
};

ConfigLoadResult ConfigParser::parse(const QByteArray &json)
{
    const QString root = QStringLiteral("$");
    if (const std::optional<QJsonObject> document = parseObject(json)) {
        const QJsonObject &object = *document;
        AppConfig config;
        config.source = m_source;
        checkKeys(object, root, ConfigSchema::keyNames(ConfigSchema::topLevel()));
        parseResolvers(object.value(BlockKey::Resolvers), &config);
        parsePolicy(object, ConfigSchema::cache(), &config.cache);
        parsePolicy(object, ConfigSchema::probes(), &config.probes);
        parsePolicy(object, ConfigSchema::history(), &config.history);
        parsePolicy(object, ConfigSchema::agent(), &config.agent);
        parsePolicy(object, ConfigSchema::agentWatch(), &config.agentWatch);
        parsePolicy(object, ConfigSchema::metrics(), &config.metrics);
        parseAgents(object.value(BlockKey::Agents), &config);
        const QJsonValue targets = object.value(BlockKey::Targets);
        if (targets.isUndefined() && config.agents.isEmpty())
            required(object, root, BlockKey::Targets,
                     QStringLiteral("an array with at least one target (or \"agents\" to "
                                    "watch)"));
        parseTargets(targets, config.agents.isEmpty() ? Emptiness::Refused : Emptiness::Allowed,
                     &config);
        parseDnssecZones(object.value(BlockKey::DnssecZones), &config);
        if (!hasErrors())
            return ConfigLoadResult{std::move(config), {}};
    }
    return ConfigLoadResult{std::nullopt, errors()};
}

void ConfigParser::parseResolvers(const QJsonValue &value, AppConfig *config)
{
    config->resolvers = {ResolverConfig::system()};
    m_resolverNames = {config->resolvers.first().name};

    const QString path = QStringLiteral("$.resolvers");
    if (value.isUndefined() || !hasType(value, QJsonValue::Array, path))
        return;
    const QJsonArray entries = value.toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString entryPath = elementPath(path, i);
        if (hasType(entries.at(i), QJsonValue::Object, entryPath))
            parseResolver(entries.at(i).toObject(), entryPath, config);
    }
}

void ConfigParser::parseResolver(const QJsonObject &object, const QString &path, AppConfig *config)
{
    checkKeys(object, path, ConfigSchema::keyNames(ConfigSchema::resolver()));
    ResolverConfig resolver;
    const QString namePath = childPath(path, ResolverKey::Name);
    const QJsonValue nameValue = required(object, path, ResolverKey::Name,
                                          QStringLiteral("a resolver name"));
    if (!nameValue.isUndefined()) {
        if (const std::optional<QString> name = toName(nameValue, namePath)) {
            resolver.name = *name;
            if (!isResolverName(resolver.name)) {
                failExpected(namePath,
                             QStringLiteral("a name made of letters, digits, '_', '.' and '-'"),
                             nameValue);
            } else if (m_resolverPaths.contains(resolver.name)) {
                fail(namePath,
                     QStringLiteral("duplicate resolver name %1; first defined at %2")
                             .arg(quoted(resolver.name), m_resolverPaths.value(resolver.name)));
            } else {
                m_resolverPaths.insert(resolver.name, path);
                if (!resolver.isSystem())
                    m_resolverNames.append(resolver.name);
            }
        }
    }

    if (resolver.isSystem()) {
        // Only the timeout of the implicit system resolver can be tuned.
        for (QLatin1String key :
             {ResolverKey::Servers, ResolverKey::Attempts, ResolverKey::Dnssec,
              ResolverKey::TlsName, ResolverKey::CaFile, ResolverKey::TlsIdleMs}) {
            if (object.contains(key))
                fail(childPath(path, key),
                     QStringLiteral("the \"system\" resolver uses the operating system's "
                                    "settings; expected no %1 key")
                             .arg(quoted(key)));
        }
        readInt(object, path, ResolverKey::TimeoutMs, ResolverKey::TimeoutMsRange,
                &config->resolvers.first().timeoutMs);
        return;
    }
    const QJsonValue servers = required(
            object, path, ResolverKey::Servers,
            QStringLiteral("an array of nameserver addresses such as \"192.0.2.53:53\" or "
                           "\"tls://192.0.2.53:853\""));
    if (!servers.isUndefined())
        resolver.servers = parseServers(servers, childPath(path, ResolverKey::Servers));
    readInt(object, path, ResolverKey::TimeoutMs, ResolverKey::TimeoutMsRange, &resolver.timeoutMs);
    readInt(object, path, ResolverKey::Attempts, ResolverKey::AttemptsRange, &resolver.attempts);
    readBool(object, path, ResolverKey::Dnssec, &resolver.dnssec);
    if (resolver.dnssec)
        m_dnssecResolvers.insert(resolver.name);
    readInt(object, path, ResolverKey::TlsIdleMs, ResolverKey::TlsIdleMsRange, &resolver.tlsIdleMs);
    parseResolverTls(object, path, &resolver);
    config->resolvers.append(resolver);
}

void ConfigParser::parseResolverTls(const QJsonObject &object, const QString &path,
                                    ResolverConfig *resolver)
{
    const QString tlsNamePath = childPath(path, ResolverKey::TlsName);
    const QJsonValue tlsName = object.value(ResolverKey::TlsName);
    if (!tlsName.isUndefined() && hasType(tlsName, QJsonValue::String, tlsNamePath)) {
        QString error;
        resolver->tlsName = tlsName.toString();
        if (QHostAddress(resolver->tlsName).isNull() && !isValidHostName(resolver->tlsName, &error))
            fail(tlsNamePath, QStringLiteral("expected a host name or IP address: %1").arg(error));
    }
    resolver->caFile = parseFileName(object, path, ResolverKey::CaFile);
    if (!resolver->caFile.isEmpty()) {
        QString error;
        resolver->caCertificates = readCaCertificateFile(resolver->caFile, m_source, &error);
        if (!error.isEmpty())
            fail(childPath(path, ResolverKey::CaFile), error);
    }
    const bool encrypted = std::any_of(
            resolver->servers.cbegin(), resolver->servers.cend(),
            [](const NameServer &server) { return server.isEncrypted(); });
    for (QLatin1String key : {ResolverKey::TlsName, ResolverKey::CaFile}) {
        if (object.contains(key) && !encrypted && !resolver->servers.isEmpty())
            fail(childPath(path, key),
                 QStringLiteral("%1 is for tls:// and https:// servers; expected one in "
                                "\"servers\"")
                         .arg(quoted(key)));
    }
}

QList<NameServer> ConfigParser::parseServers(const QJsonValue &value, const QString &path)
{
    QList<NameServer> servers;
    if (!hasType(value, QJsonValue::Array, path))
        return servers;
    const QJsonArray entries = value.toArray();
    if (entries.isEmpty())
        fail(path, QStringLiteral("expected at least one nameserver, found an empty array"));
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString entryPath = elementPath(path, i);
        if (!hasType(entries.at(i), QJsonValue::String, entryPath))
            continue;
        QString error;
        if (const std::optional<NameServer> server = NameServer::parseAnyTransport(
                    entries.at(i).toString(), &error))
            servers.append(*server);
        else
            fail(entryPath, error);
    }
    return servers;
}

template<class Policy>
void ConfigParser::parsePolicy(const QJsonObject &root, const PolicyBlock<Policy> &block,
                               Policy *policy)
{
    const QJsonValue value = root.value(block.name);
    const QString path = childPath(QStringLiteral("$"), block.name);
    if (value.isUndefined() || !hasType(value, QJsonValue::Object, path))
        return;
    const QJsonObject object = value.toObject();
    checkKeys(object, path, block.keyNames());
    QList<QLatin1String> wrong; // present but not taken: no order rule speaks of them
    for (const PolicyKey<Policy> &key : block.keys) {
        if (const auto *number = std::get_if<int Policy::*>(&key.member)) {
            if (!readInt(object, path, key.key, key.range, &(policy->**number)))
                wrong.append(key.key);
        } else {
            readBool(object, path, key.key, &(policy->*std::get<bool Policy::*>(key.member)));
        }
    }
    for (const OrderRule<Policy> &rule : block.orderRules) {
        const QLatin1String low = block.find(rule.low)->key;
        const QLatin1String high = block.find(rule.high)->key;
        if (!wrong.contains(low) && !wrong.contains(high))
            requireOrder(path, low, policy->*rule.low, high, policy->*rule.high);
    }
}

void ConfigParser::parseTargets(const QJsonValue &value, Emptiness emptiness, AppConfig *config)
{
    const QString path = QStringLiteral("$.targets");
    if (value.isUndefined() || !hasType(value, QJsonValue::Array, path))
        return;
    const QJsonArray entries = value.toArray();
    if (entries.isEmpty() && emptiness == Emptiness::Refused)
        fail(path,
             QStringLiteral("expected at least one target (or \"agents\" to watch), found an "
                            "empty array"));
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString entryPath = elementPath(path, i);
        if (!hasType(entries.at(i), QJsonValue::Object, entryPath))
            continue;
        config->targets.append(parseTarget(entries.at(i).toObject(), entryPath));
    }
}

void ConfigParser::forEachObject(
        const QJsonValue &value, const QString &path,
        const std::function<void(const QJsonObject &, const QString &)> &read)
{
    if (value.isUndefined() || !hasType(value, QJsonValue::Array, path))
        return;
    const QJsonArray entries = value.toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString entryPath = elementPath(path, i);
        if (hasType(entries.at(i), QJsonValue::Object, entryPath))
            read(entries.at(i).toObject(), entryPath);
    }
}

void ConfigParser::parseAgents(const QJsonValue &value, AppConfig *config)
{
    forEachObject(value, childPath(QStringLiteral("$"), BlockKey::Agents),
                  [&](const QJsonObject &object, const QString &path) {
                      config->agents.append(parseAgent(object, path));
                  });
}

void ConfigParser::parseDnssecZones(const QJsonValue &value, AppConfig *config)
{
    QHash<QString, QString> seen; // "zone resolver" -> where
    forEachObject(
            value, childPath(QStringLiteral("$"), BlockKey::DnssecZones),
            [&](const QJsonObject &object, const QString &path) {
                const DnssecZoneConfig zone = parseDnssecZone(object, path);
                // One zone through one resolver is one watch (and one metrics series).
                const QString key = zone.zone.toLower() + QLatin1Char(' ') + zone.resolver;
                if (!zone.zone.isEmpty() && seen.contains(key))
                    fail(path,
                         QStringLiteral("%1 through %2 is watched already at %3")
                                 .arg(quoted(zone.zone), quoted(zone.resolver), seen.value(key)));
                seen.insert(key, path);
                config->dnssecZones.append(zone);
            });
}

DnssecZoneConfig ConfigParser::parseDnssecZone(const QJsonObject &object, const QString &path)
{
    checkKeys(object, path, ConfigSchema::keyNames(ConfigSchema::dnssecZone()));
    DnssecZoneConfig zone;
    const QString zonePath = childPath(path, DnssecZoneKey::Zone);
    const QJsonValue zoneValue = required(object, path, DnssecZoneKey::Zone,
                                          QStringLiteral("a zone name such as \"example.com\""));
    if (!zoneValue.isUndefined() && hasType(zoneValue, QJsonValue::String, zonePath)) {
        zone.zone = zoneValue.toString();
        QString error;
        if (!isValidHostName(zone.zone, &error))
            fail(zonePath, error);
    }
    const QString resolverPath = childPath(path, DnssecZoneKey::Resolver);
    const QJsonValue resolver = required(object, path, DnssecZoneKey::Resolver,
                                         QStringLiteral("the name of one of \"resolvers\""));
    if (!resolver.isUndefined() && hasType(resolver, QJsonValue::String, resolverPath)) {
        zone.resolver = resolver.toString();
        if (zone.resolver == ResolverConfig::system().name)
            fail(resolverPath,
                 QStringLiteral("the \"system\" resolver cannot give DNSSEC records; expected "
                                "one of \"resolvers\""));
        else if (!m_resolverNames.contains(zone.resolver))
            fail(resolverPath,
                 QStringLiteral("unknown resolver %1; defined: %2")
                         .arg(quoted(zone.resolver), m_resolverNames.join(QLatin1String(", "))));
    }
    readInt(object, path, DnssecZoneKey::WarnDays, DnssecZoneKey::WarnDaysRange, &zone.warnDays);
    readInt(object, path, DnssecZoneKey::IntervalS, DnssecZoneKey::IntervalSRange, &zone.intervalS);
    return zone;
}

AgentLinkConfig ConfigParser::parseAgent(const QJsonObject &object, const QString &path)
{
    checkKeys(object, path, ConfigSchema::keyNames(ConfigSchema::agentLink()));
    AgentLinkConfig agent;
    agent.name = uniqueName(object, path, AgentLinkKey::Name,
                            QStringLiteral("the agent's name, such as \"fra1\""),
                            QStringLiteral("agent"), &m_agentPaths);
    const QString urlPath = childPath(path, AgentLinkKey::Url);
    const QJsonValue urlValue = required(
            object, path, AgentLinkKey::Url,
            QStringLiteral("the agent's URL, such as \"https://agent.example:9108\""));
    if (!urlValue.isUndefined() && hasType(urlValue, QJsonValue::String, urlPath)) {
        QString error;
        if (const std::optional<QUrl> url = parseHttpUrl(urlValue.toString(), &error)) {
            if (!url->userInfo().isEmpty())
                fail(urlPath,
                     QStringLiteral("expected no user name or password in the URL (the "
                                    "token comes from \"token_file\")"));
            else if (url->hasQuery() || url->hasFragment())
                fail(urlPath, QStringLiteral("expected a URL without a query or fragment"));
            else
                agent.url = *url;
        } else {
            fail(urlPath, error);
        }
    }
    agent.tokenFile = parseFileName(object, path, AgentLinkKey::TokenFile);
    agent.caFile = parseFileName(object, path, AgentLinkKey::CaFile);
    if (!agent.caFile.isEmpty() && agent.url.isValid()
        && agent.url.scheme() != QLatin1String("https"))
        fail(childPath(path, AgentLinkKey::CaFile),
             QStringLiteral("a CA file is for an https:// URL; the URL is plain http"));
    return agent;
}

QString ConfigParser::uniqueName(const QJsonObject &object, const QString &path, QLatin1String key,
                                 const QString &what, const QString &kind,
                                 QHash<QString, QString> *seen)
{
    const QJsonValue value = required(object, path, key, what);
    const QString at = childPath(path, key);
    if (value.isUndefined())
        return QString();
    const std::optional<QString> name = toName(value, at);
    if (!name)
        return QString();
    if (seen->contains(*name))
        fail(at,
             QStringLiteral("duplicate %1 name %2; also used at %3")
                     .arg(kind, quoted(*name), seen->value(*name)));
    else
        seen->insert(*name, at);
    return *name;
}

QString ConfigParser::parseFileName(const QJsonObject &object, const QString &path,
                                    QLatin1String key)
{
    const QJsonValue value = object.value(key);
    const QString at = childPath(path, key);
    if (value.isUndefined() || !hasType(value, QJsonValue::String, at))
        return QString();
    const QString name = value.toString();
    if (name.trimmed().isEmpty() || name.contains(QChar(0)))
        failExpected(at, QStringLiteral("a file name"), value);
    return name;
}

TargetConfig ConfigParser::parseTarget(const QJsonObject &object, const QString &path)
{
    checkKeys(object, path, ConfigSchema::keyNames(ConfigSchema::target()));
    TargetConfig target;
    target.name = uniqueName(object, path, TargetKey::Name, QStringLiteral("a target name"),
                             QStringLiteral("target"), &m_targetPaths);

    const QJsonValue host = required(object, path, TargetKey::Host,
                                     QStringLiteral("a host name such as \"mlflow.internal\""));
    const QString hostPath = childPath(path, TargetKey::Host);
    if (!host.isUndefined() && hasType(host, QJsonValue::String, hostPath)) {
        target.host = host.toString();
        QString error;
        if (!isValidHostName(target.host, &error))
            fail(hostPath, error);
    }

    const QJsonValue resolver = object.value(TargetKey::Resolver);
    const QString resolverPath = childPath(path, TargetKey::Resolver);
    if (!resolver.isUndefined() && hasType(resolver, QJsonValue::String, resolverPath)) {
        target.resolver = resolver.toString();
        if (!m_resolverNames.contains(target.resolver))
            fail(resolverPath,
                 QStringLiteral("unknown resolver %1; defined: %2")
                         .arg(quoted(target.resolver), m_resolverNames.join(QLatin1String(", "))));
    }

    const QJsonValue record = object.value(TargetKey::Record);
    const QString recordPath = childPath(path, TargetKey::Record);
    if (!record.isUndefined() && hasType(record, QJsonValue::String, recordPath)) {
        if (const std::optional<RecordKind> kind = recordKindFromName(record.toString()))
            target.record = *kind;
        else
            failExpected(recordPath, QStringLiteral("\"A\", \"AAAA\" or \"A+AAAA\""), record);
    }

    readInt(object, path, TargetKey::IntervalS, TargetKey::IntervalSRange, &target.intervalS);
    readBool(object, path, TargetKey::Critical, &target.critical);
    const QJsonValue fallbackIps = object.value(TargetKey::FallbackIps);
    if (!fallbackIps.isUndefined())
        target.fallbackIps = parseFallbackIps(fallbackIps, childPath(path, TargetKey::FallbackIps));
    const QJsonValue check = object.value(TargetKey::Check);
    if (!check.isUndefined())
        target.check = parseCheck(check, childPath(path, TargetKey::Check));
    readBool(object, path, TargetKey::RequireValidated, &target.requireValidated);
    if (target.requireValidated && !m_dnssecResolvers.contains(target.resolver)
        && m_resolverNames.contains(target.resolver)) {
        // Without DO no resolver says whether it validated; the system resolver cannot be asked.
        fail(childPath(path, TargetKey::RequireValidated),
             target.resolver == ResolverConfig::system().name
                     ? QStringLiteral("the \"system\" resolver cannot show DNSSEC validation "
                                      "(getaddrinfo gives no AD flag); expected a resolver with "
                                      "\"dnssec\": true")
                     : QStringLiteral("resolver %1 does not ask for DNSSEC; expected a resolver "
                                      "with \"dnssec\": true")
                               .arg(quoted(target.resolver)));
    }
    const QJsonValue compare = object.value(TargetKey::Compare);
    if (!compare.isUndefined()) {
        target.compare = parseResolverNames(compare, childPath(path, TargetKey::Compare),
                                            m_resolverNames, QStringLiteral("a resolver; defined"));
        target.compare.removeAll(target.resolver); // always the first path
    }
    const QJsonValue divergence = object.value(TargetKey::ExpectDivergence);
    if (!divergence.isUndefined())
        target.expectDivergence = parseResolverNames(
                divergence, childPath(path, TargetKey::ExpectDivergence), target.paths(),
                QStringLiteral("one of the target's paths (its resolver and \"compare\")"));
    const QJsonValue expectAddresses = object.value(TargetKey::ExpectAddresses);
    if (!expectAddresses.isUndefined())
        target.expectAddresses = parseAddressExpectation(
                expectAddresses, childPath(path, TargetKey::ExpectAddresses));
    readBool(object, path, TargetKey::AlertOnChange, &target.alertOnChange);
    return target;
}

AddressExpectation ConfigParser::parseAddressExpectation(const QJsonValue &value,
                                                         const QString &path)
{
    AddressExpectation expectation;
    if (!hasType(value, QJsonValue::Array, path))
        return expectation;
    const QJsonArray entries = value.toArray();
    if (entries.isEmpty())
        failExpected(path, QStringLiteral("at least one address range (or no key for any)"), value);
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString entryPath = elementPath(path, i);
        if (!hasType(entries.at(i), QJsonValue::String, entryPath))
            continue;
        QString error;
        if (const auto range = AddressExpectation::parseRange(entries.at(i).toString(), &error))
            expectation.add(*range);
        else
            fail(entryPath, error);
    }
    return expectation;
}

QStringList ConfigParser::parseResolverNames(const QJsonValue &value, const QString &path,
                                             const QStringList &allowed,
                                             const QString &allowedWords)
{
    QStringList names;
    if (!hasType(value, QJsonValue::Array, path))
        return names;
    const QJsonArray entries = value.toArray();
    QHash<QString, QString> seenAt;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString entryPath = elementPath(path, i);
        if (!hasType(entries.at(i), QJsonValue::String, entryPath))
            continue;
        const QString name = entries.at(i).toString();
        if (!allowed.contains(name)) {
            fail(entryPath,
                 QStringLiteral("unknown resolver %1; expected %2: %3")
                         .arg(quoted(name), allowedWords, allowed.join(QLatin1String(", "))));
        } else if (seenAt.contains(name)) {
            fail(entryPath,
                 QStringLiteral("duplicate resolver %1; also listed at %2")
                         .arg(quoted(name), seenAt.value(name)));
        } else {
            seenAt.insert(name, entryPath);
            names.append(name);
        }
    }
    return names;
}

QList<QHostAddress> ConfigParser::parseFallbackIps(const QJsonValue &value, const QString &path)
{
    QList<QHostAddress> addresses;
    if (!hasType(value, QJsonValue::Array, path))
        return addresses;
    const QJsonArray entries = value.toArray();
    QHash<QHostAddress, QString> seenAt;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString entryPath = elementPath(path, i);
        if (!hasType(entries.at(i), QJsonValue::String, entryPath))
            continue;
        QHostAddress address;
        QString error;
        if (!parseFallbackAddress(entries.at(i).toString(), &address, &error)) {
            fail(entryPath, error);
        } else if (seenAt.contains(address)) {
            fail(entryPath,
                 QStringLiteral("duplicate address %1; also listed at %2")
                         .arg(quoted(address.toString()), seenAt.value(address)));
        } else {
            seenAt.insert(address, entryPath);
            addresses.append(address);
        }
    }
    return addresses;
}

CheckConfig ConfigParser::parseCheck(const QJsonValue &value, const QString &path)
{
    CheckConfig check;
    if (!hasType(value, QJsonValue::Object, path))
        return check;
    const QJsonObject object = value.toObject();
    const QString types = QStringLiteral("one of \"dns\", \"tcp\", \"http\", \"mlflow\", \"soa\"");
    const QJsonValue type = required(object, path, CheckKey::Type, types);
    const QString typePath = childPath(path, CheckKey::Type);
    if (type.isUndefined() || !hasType(type, QJsonValue::String, typePath))
        return check;
    const std::optional<CheckConfig::Type> checkType = checkTypeFromName(type.toString());
    if (!checkType) {
        failExpected(typePath, types, type);
        return check;
    }
    check.type = *checkType;
    parseCheckKeys(object, path, &check);
    return check;
}

void ConfigParser::parseCheckKeys(const QJsonObject &object, const QString &path, CheckConfig *check)
{
    const QList<QLatin1String> allowed = ConfigSchema::checkKeys(check->type);
    const QList<QLatin1String> anyCheck = ConfigSchema::keyNames(ConfigSchema::check());
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (allowed.contains(it.key()))
            continue;
        if (anyCheck.contains(it.key()))
            fail(path,
                 QStringLiteral("key %1 does not apply to a %2 check; expected one of: %3")
                         .arg(quoted(it.key()), quoted(checkTypeName(check->type)),
                              joined(allowed)));
        else
            reportUnknownKey(path, it.key(), allowed);
    }

    switch (check->type) {
    case CheckConfig::Type::Dns:
        if (const QJsonValue expect = object.value(CheckKey::Expect); !expect.isUndefined())
            check->expect = parseExpectedAddresses(expect, childPath(path, CheckKey::Expect));
        break;
    case CheckConfig::Type::Tcp:
        if (const QJsonValue port = required(object, path, CheckKey::Port,
                                             QStringLiteral("a TCP port from 1 to 65535"));
            !port.isUndefined())
            check->port = quint16(
                    toInt(port, childPath(path, CheckKey::Port), CheckKey::PortRange).value_or(0));
        break;
    case CheckConfig::Type::Http:
        if (const QJsonValue status = object.value(CheckKey::ExpectStatus); !status.isUndefined())
            parseExpectStatus(status, childPath(path, CheckKey::ExpectStatus), check);
        [[fallthrough]];
    case CheckConfig::Type::Mlflow:
        if (const QJsonValue url = required(object, path, CheckKey::Url,
                                            QStringLiteral("an http:// or https:// URL"));
            !url.isUndefined())
            check->url = parseCheckUrl(url, childPath(path, CheckKey::Url)).value_or(QUrl());
        break;
    case CheckConfig::Type::Soa:
        parseSoaCheck(object, path, check);
        break;
    }
}

void ConfigParser::parseSoaCheck(const QJsonObject &object, const QString &path, CheckConfig *check)
{
    const QString zonePath = childPath(path, CheckKey::Zone);
    const QJsonValue zone = required(object, path, CheckKey::Zone,
                                     QStringLiteral("a zone name such as \"example.com\""));
    if (!zone.isUndefined() && hasType(zone, QJsonValue::String, zonePath)) {
        check->zone = zone.toString();
        QString error;
        if (!isValidHostName(check->zone, &error))
            fail(zonePath, error);
    }
    const QJsonValue servers = required(
            object, path, CheckKey::Servers,
            QStringLiteral("an array of the zone's authoritative servers such as "
                           "[\"192.0.2.53\", \"[2001:db8::53]:5353\"]"));
    if (!servers.isUndefined())
        check->servers = parseSoaServers(servers, childPath(path, CheckKey::Servers));
    readInt(object, path, CheckKey::MaxLagS, CheckKey::MaxLagSRange, &check->maxLagS);
}

QList<NameServer> ConfigParser::parseSoaServers(const QJsonValue &value, const QString &path)
{
    QList<NameServer> servers;
    if (!hasType(value, QJsonValue::Array, path))
        return servers;
    const QJsonArray entries = value.toArray();
    if (entries.size() < 2)
        failExpected(path, QStringLiteral("at least two servers to compare"), value);
    QHash<QString, QString> seenAt; // "IP:port" -> where
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString entryPath = elementPath(path, i);
        if (!hasType(entries.at(i), QJsonValue::String, entryPath))
            continue;
        QString error;
        const std::optional<NameServer> server = NameServer::parse(entries.at(i).toString(), &error);
        if (!server) {
            fail(entryPath, error);
            continue;
        }
        const QString key = server->toString();
        if (seenAt.contains(key)) {
            fail(entryPath,
                 QStringLiteral("duplicate server %1; also listed at %2")
                         .arg(quoted(key), seenAt.value(key)));
            continue;
        }
        seenAt.insert(key, entryPath);
        servers.append(*server);
    }
    return servers;
}

QStringList ConfigParser::parseExpectedAddresses(const QJsonValue &value, const QString &path)
{
    QStringList expected;
    if (!hasType(value, QJsonValue::Array, path))
        return expected;
    const QJsonArray entries = value.toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString entryPath = elementPath(path, i);
        if (!hasType(entries.at(i), QJsonValue::String, entryPath))
            continue;
        const QString text = entries.at(i).toString().trimmed();
        QHostAddress address;
        const bool valid = text.contains(QLatin1Char('/'))
                ? !QHostAddress::parseSubnet(text).first.isNull()
                : parseIpAddress(text, &address, nullptr);
        if (valid)
            expected.append(text);
        else
            failExpected(entryPath,
                         QStringLiteral("an IP address or a subnet such as \"10.0.0.0/8\""),
                         entries.at(i));
    }
    return expected;
}

void ConfigParser::parseExpectStatus(const QJsonValue &value, const QString &path,
                                     CheckConfig *check)
{
    if (value.isDouble()) {
        if (const std::optional<int> status = toInt(value, path, CheckKey::ExpectStatusRange))
            check->expectStatusMin = check->expectStatusMax = *status;
        return;
    }
    const QJsonArray bounds = value.toArray();
    if (!value.isArray() || bounds.size() != 2) {
        failExpected(path,
                     QStringLiteral("an HTTP status or a two-element array [min, max] such as "
                                    "[200, 399]"),
                     value);
        return;
    }
    const std::optional<int> min = toInt(bounds.at(0), elementPath(path, 0),
                                         CheckKey::ExpectStatusRange);
    const std::optional<int> max = toInt(bounds.at(1), elementPath(path, 1),
                                         CheckKey::ExpectStatusRange);
    if (!min || !max)
        return;
    if (*min > *max) {
        fail(path,
             QStringLiteral("expected [min, max] with min <= max, found [%1, %2]")
                     .arg(QString::number(*min), QString::number(*max)));
        return;
    }
    check->expectStatusMin = *min;
    check->expectStatusMax = *max;
}

std::optional<QUrl> ConfigParser::parseCheckUrl(const QJsonValue &value, const QString &path)
{
    if (!hasType(value, QJsonValue::String, path))
        return std::nullopt;
    QString error;
    const std::optional<QUrl> url = parseHttpUrl(value.toString(), &error);
    if (!url) {
        fail(path, error);
        return std::nullopt;
    }
    if (!url->userInfo().isEmpty()) {
        fail(path,
             QStringLiteral("expected a URL without a user name or password (DNS Watch does "
                            "not store credentials), found %1")
                     .arg(quoted(url->toDisplayString(QUrl::RemoveUserInfo))));
        return std::nullopt;
    }
    return url;
}

// The MLflow tracking server of MLFLOW_TRACKING_URI, without any credentials in it.
std::optional<TargetConfig> mlflowTarget(const QString &trackingUri)
{
    QString error;
    std::optional<QUrl> url = parseHttpUrl(trackingUri, &error);
    if (url && !isValidHostName(url->host(QUrl::FullyEncoded), nullptr)) {
        url.reset();
        error = QStringLiteral("expected a host name, found an IPv6 address (DNS Watch watches "
                               "how a name resolves)");
    }
    if (!url) {
        // Other schemes (databricks, file:...) are simply not ours to watch; a broken http(s)
        // URI deserves a word. The URI itself is not repeated: it may hold a password.
        if (trackingUri.startsWith(QLatin1String("http://"), Qt::CaseInsensitive)
            || trackingUri.startsWith(QLatin1String("https://"), Qt::CaseInsensitive))
            qCWarning(lcConfig).noquote()
                    << QStringLiteral("MLFLOW_TRACKING_URI: %1; the MLflow server is not watched")
                               .arg(printable(error));
        return std::nullopt;
    }
    url->setUserInfo(QString());
    TargetConfig target;
    target.name = QStringLiteral("MLflow");
    target.host = url->host(QUrl::FullyEncoded);
    target.check.type = CheckConfig::Type::Mlflow;
    target.check.url = *url;
    return target;
}
} // namespace

QString checkTypeName(CheckConfig::Type type)
{
    switch (type) {
    case CheckConfig::Type::Dns:
        return QStringLiteral("dns");
    case CheckConfig::Type::Tcp:
        return QStringLiteral("tcp");
    case CheckConfig::Type::Http:
        return QStringLiteral("http");
    case CheckConfig::Type::Mlflow:
        return QStringLiteral("mlflow");
    case CheckConfig::Type::Soa:
        return QStringLiteral("soa");
    }
    return QString();
}

ResolverConfig ResolverConfig::system()
{
    ResolverConfig system;
    system.name = QStringLiteral("system");
    system.timeoutMs = 5000;
    system.attempts = 1;
    return system;
}

const ResolverConfig *AppConfig::resolver(const QString &name) const
{
    for (const ResolverConfig &candidate : resolvers) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

ConfigLoadResult parseConfig(const QByteArray &json, const QString &source)
{
    return ConfigParser(source).parse(json);
}

ConfigLoadResult loadConfigFile(const QString &path)
{
    // A config is a few kilobytes; a bound keeps /dev/zero or a huge file from eating memory.
    constexpr qint64 MaxConfigBytes = 4 * 1024 * 1024;
    QFile file(path);
    QByteArray json;
    if (file.open(QIODevice::ReadOnly)) {
        while (json.size() <= MaxConfigBytes) {
            const QByteArray chunk = file.read(MaxConfigBytes + 1 - json.size());
            if (chunk.isEmpty())
                break;
            json += chunk;
        }
    }
    if (file.error() != QFileDevice::NoError) {
        const ConfigError error{path, QStringLiteral("$"),
                                QStringLiteral("cannot read the config file: ")
                                        + file.errorString()};
        return ConfigLoadResult{std::nullopt, {error}};
    }
    if (json.size() > MaxConfigBytes) {
        const ConfigError error{path, QStringLiteral("$"),
                                QStringLiteral("the file is larger than 4 MiB; expected a JSON "
                                               "config of a few kilobytes")};
        return ConfigLoadResult{std::nullopt, {error}};
    }
    return parseConfig(json, path);
}

AppConfig defaultConfig(const QString &mlflowTrackingUri)
{
    // resources/default-config.json, checked by the same rules as any config (a test holds it).
    QFile embedded(QStringLiteral(":/resources/default-config.json"));
    const QByteArray json = embedded.open(QIODevice::ReadOnly) ? embedded.readAll() : QByteArray();
    ConfigLoadResult loaded = parseConfig(json, QStringLiteral("(embedded default)"));
    if (!loaded.config) {
        for (const ConfigError &error : std::as_const(loaded.errors))
            qCCritical(lcConfig).noquote() << error.toString();
        qFatal("the embedded default config is invalid");
    }
    AppConfig config = std::move(*loaded.config);
    if (std::optional<TargetConfig> mlflow = mlflowTarget(mlflowTrackingUri))
        config.targets.append(std::move(*mlflow));
    return config;
}

QString localTargetsProblem(const AppConfig &config)
{
    if (!config.targets.isEmpty())
        return QString();
    return QStringLiteral("%1: no targets to probe on this machine (\"agents\" are for the "
                          "dashboard to watch); give \"targets\"")
            .arg(config.source);
}
