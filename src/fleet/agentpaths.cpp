#include "agentpaths.h"

namespace {

using Presence = AnswerReader::Presence;

// A value from a closed list of names, or an error naming what was expected.
template<typename Value>
std::optional<Value> named(AnswerReader &reader, const QString &at, const QString &name,
                           const std::optional<Value> &known, const QString &expected)
{
    if (!known)
        reader.fail(
                at,
                QStringLiteral("expected %1, found %2").arg(expected, JsonValidator::quoted(name)));
    return known;
}

// A number from 0 up: latencies and TTLs.
std::optional<double> amount(AnswerReader &reader, const QJsonObject &object, const QString &path,
                             QLatin1String key)
{
    const std::optional<double> found = reader.number(object, path, key);
    if (found && !(*found >= 0 && *found <= 1e12)) {
        reader.fail(JsonValidator::childPath(path, key),
                    QStringLiteral("expected a number from 0 to 1e12, found %1").arg(*found));
        return std::nullopt;
    }
    return found;
}

QList<QHostAddress> readAddresses(AnswerReader &reader, const QJsonObject &object,
                                  const QString &path)
{
    const QStringList written = reader.texts(object, path, QLatin1String("addresses"));
    QList<QHostAddress> addresses;
    for (qsizetype i = 0; i < written.size(); ++i) {
        const QHostAddress address(written[i]);
        if (address.isNull())
            reader.fail(JsonValidator::elementPath(
                                JsonValidator::childPath(path, QLatin1String("addresses")), i),
                        QStringLiteral("expected an IP address, found %1")
                                .arg(JsonValidator::quoted(written[i])));
        else
            addresses.append(address);
    }
    return addresses;
}

PathAnswer readPath(AnswerReader &reader, const QJsonObject &object, const QString &path,
                    const QString &host)
{
    PathAnswer answer;
    LookupResult &result = answer.result;
    result.host = host;
    result.resolver = reader.text(object, path, QLatin1String("resolver"), Presence::Required);
    const QString expected = reader.text(object, path, QLatin1String("expected"));
    if (expected == QLatin1String("may_differ"))
        answer.expectation = PathAnswer::Expectation::MayDiffer;
    else if (!expected.isEmpty() && expected != QLatin1String("same"))
        reader.fail(JsonValidator::childPath(path, QLatin1String("expected")),
                    QStringLiteral("expected same or may_differ, found %1")
                            .arg(JsonValidator::quoted(expected)));
    const QString source = reader.text(object, path, QLatin1String("source"), Presence::Required);
    if (!source.isEmpty())
        result.source = named(reader, JsonValidator::childPath(path, QLatin1String("source")),
                              source, sourceFromName(source),
                              QStringLiteral("fresh, cache, stale, pinned, env or none"))
                                .value_or(ResolutionSource::None);
    const QString error = reader.text(object, path, QLatin1String("error"));
    if (!error.isEmpty())
        result.cause = named(reader, JsonValidator::childPath(path, QLatin1String("error")), error,
                             causeFromName(error), QStringLiteral("a failure cause"))
                               .value_or(FailureCause::None);
    result.addresses = readAddresses(reader, object, path);
    if (const auto ttl = amount(reader, object, path, QLatin1String("ttl_s")))
        result.ttlLeftMs = qRound64(*ttl * 1000);
    result.latencyUs = qRound64(
            amount(reader, object, path, QLatin1String("latency_ms")).value_or(0) * 1000);
    result.server = reader.text(object, path, QLatin1String("server"));
    return answer;
}

} // namespace

PathComparison readAgentPaths(AnswerReader &reader, const QJsonObject &target, const QString &path,
                              const QString &host)
{
    const QJsonObject paths = reader.object(target, path, QLatin1String("paths"));
    PathComparison comparison;
    if (paths.isEmpty())
        return comparison;
    const QString at = JsonValidator::childPath(path, QLatin1String("paths"));
    comparison.agree = reader.boolean(paths, at, QLatin1String("agree"), Presence::Required)
                               .value_or(true);
    const QString listAt = JsonValidator::childPath(at, QLatin1String("paths"));
    const QJsonArray list = reader.array(paths, at, QLatin1String("paths"), Presence::Required);
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (const auto object = reader.element(list, listAt, i))
            comparison.paths.append(
                    readPath(reader, *object, JsonValidator::elementPath(listAt, i), host));
    }
    return comparison;
}
