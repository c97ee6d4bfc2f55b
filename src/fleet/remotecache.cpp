#include "remotecache.h"

#include "answerreader.h"

namespace {

using Presence = AnswerReader::Presence;

// The resolution contract's tier as the cache inspector's state; a cached NXDOMAIN or NODATA
// (no addresses, a cause) is the negative entry it is.
std::optional<CacheEntrySnapshot::State> stateFromSource(const QString &source, bool negative)
{
    using State = CacheEntrySnapshot::State;
    if (source == QLatin1String("cache"))
        return negative ? State::Negative : State::Fresh;
    if (source == QLatin1String("stale"))
        return State::Stale;
    if (source == QLatin1String("pinned"))
        return State::Pinned;
    if (source == QLatin1String("env"))
        return State::Env;
    if (source == QLatin1String("none"))
        return State::Missing;
    return std::nullopt;
}

CacheEntrySnapshot readAnswer(AnswerReader &reader, const QJsonObject &object, const QString &path,
                              const QString &host)
{
    CacheEntrySnapshot entry;
    entry.host = host;
    entry.resolver = reader.text(object, path, QLatin1String("resolver"), Presence::Required);
    if (entry.resolver.isEmpty() && object.value(QLatin1String("resolver")).isString())
        reader.fail(JsonValidator::childPath(path, QLatin1String("resolver")),
                    QStringLiteral("expected a resolver's name, found an empty one"));
    const QString record = reader.text(object, path, QLatin1String("record"), Presence::Required);
    if (const std::optional<RecordKind> kind = recordKindFromName(record))
        entry.kind = *kind;
    else if (!record.isEmpty())
        reader.fail(JsonValidator::childPath(path, QLatin1String("record")),
                    QStringLiteral("expected A, AAAA or A+AAAA, found \"%1\"").arg(record));
    for (const QString &address : reader.texts(object, path, QLatin1String("addresses"))) {
        const QHostAddress parsed(address);
        if (parsed.isNull())
            reader.fail(JsonValidator::childPath(path, QLatin1String("addresses")),
                        QStringLiteral("expected IP addresses, found \"%1\"").arg(address));
        else
            entry.addresses.append(parsed);
    }
    const QString error = reader.text(object, path, QLatin1String("error"));
    if (!error.isEmpty()) {
        if (const std::optional<FailureCause> cause = causeFromName(error))
            entry.lastFailure = *cause;
        else
            reader.fail(JsonValidator::childPath(path, QLatin1String("error")),
                        QStringLiteral("expected a failure cause (timeout, servfail, ...), found "
                                       "\"%1\"")
                                .arg(error));
    }
    const QString source = reader.text(object, path, QLatin1String("source"), Presence::Required);
    const bool negative = entry.addresses.isEmpty() && entry.lastFailure != FailureCause::None;
    if (const std::optional<CacheEntrySnapshot::State> state = stateFromSource(source, negative))
        entry.state = *state;
    else if (!source.isEmpty())
        reader.fail(JsonValidator::childPath(path, QLatin1String("source")),
                    QStringLiteral("expected cache, stale, pinned, env or none, found \"%1\"")
                            .arg(source));
    if (const std::optional<qint64> ttl = reader.count(object, path, QLatin1String("ttl_left_s")))
        entry.ttlLeftMs = *ttl * 1000;
    if (const QDateTime since = reader.time(object, path, QLatin1String("stale_since"));
        since.isValid())
        entry.staleSince = since;
    entry.lookupInFlight = reader.boolean(object, path, QLatin1String("lookup_in_flight"))
                                   .value_or(false);
    return entry;
}

} // namespace

std::optional<QList<CacheEntrySnapshot>> parseRemoteCache(const QByteArray &json,
                                                          const QString &source, QString *error)
{
    AnswerReader reader(source);
    const std::optional<QJsonObject> root = reader.parse(json);
    QList<CacheEntrySnapshot> entries;
    if (root) {
        const QString path = QStringLiteral("$");
        const QString host = reader.text(*root, path, QLatin1String("host"), Presence::Required);
        const QString answersPath = QStringLiteral("$.answers");
        const QJsonArray answers = reader.array(*root, path, QLatin1String("answers"),
                                                Presence::Required);
        for (qsizetype i = 0; i < answers.size(); ++i) {
            if (const std::optional<QJsonObject> object = reader.element(answers, answersPath, i))
                entries.append(readAnswer(reader, *object,
                                          QStringLiteral("%1[%2]").arg(answersPath).arg(i), host));
        }
    }
    if (reader.hasErrors()) {
        *error = reader.errorText();
        return std::nullopt;
    }
    return entries;
}
