#include "resolveroute.h"

#include "apierror.h"
#include "config/appconfig.h"
#include "queryparameters.h"
#include "resolver/resolver.h"

#include <QJsonArray>
#include <QJsonObject>

namespace {
using State = CacheEntrySnapshot::State;

// The tier a resolve() would be served from now, in LookupResult's words: an unexpired answer
// (positive or negative) is the cache's.
ResolutionSource sourceOf(State state)
{
    switch (state) {
    case State::Fresh:
    case State::Negative:
        return ResolutionSource::Cache;
    case State::Stale:
        return ResolutionSource::Stale;
    case State::Pinned:
        return ResolutionSource::Pinned;
    case State::Env:
        return ResolutionSource::Env;
    case State::Missing:
        break;
    }
    return ResolutionSource::None;
}

QJsonValue timeOrNull(const std::optional<QDateTime> &time)
{
    return time ? QJsonValue(time->toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonObject answerJson(const Resolver &resolver, const ResolveRequest &request,
                       const QStringList &targets)
{
    CacheEntrySnapshot entry = resolver.snapshotOf(request);
    // A host pinned before anything asked for it has no cache entry yet, and is still answered.
    if (entry.state == State::Missing) {
        if (const std::optional<PinnedFallback> pin = resolver.pin(request.host)) {
            entry.state = State::Pinned;
            entry.addresses = addressesOfKind(pin->addresses, request.kind);
        }
    }
    const QString error = causeName(entry.lastFailure);
    return QJsonObject{
            {QStringLiteral("resolver"), request.resolver},
            {QStringLiteral("record"), recordKindName(request.kind)},
            {QStringLiteral("targets"), QJsonArray::fromStringList(targets)},
            {QStringLiteral("source"), sourceName(sourceOf(entry.state))},
            {QStringLiteral("addresses"),
             QJsonArray::fromStringList(addressStrings(entry.addresses))},
            {QStringLiteral("ttl_left_s"),
             entry.ttlLeftMs ? QJsonValue(double(*entry.ttlLeftMs / 1000))
                             : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("stale_since"), timeOrNull(entry.staleSince)},
            {QStringLiteral("error"), error.isEmpty() ? QJsonValue(QJsonValue::Null) : error},
            {QStringLiteral("lookup_in_flight"), entry.lookupInFlight}};
}
} // namespace

QHttpServerResponse ResolveRoute::answer(const QUrlQuery &query, const AppConfig &config,
                                         const Resolver &resolver)
{
    QueryParameters parameters(query, {QStringLiteral("host")});
    const std::optional<QString> host = parameters.text(QStringLiteral("host"),
                                                        QueryParameters::Need::Required);
    QString invalid;
    if (host && !isValidHostName(*host, &invalid))
        parameters.fail(QStringLiteral("host: %1").arg(invalid));
    if (!parameters.ok())
        return apiError(QHttpServerResponse::StatusCode::BadRequest, parameters.error());

    // Each resolver and record kind the config asks this host through, in the config's order.
    const QString wanted = canonicalHost(*host);
    QList<ResolveRequest> requests;
    QList<QStringList> targetsOf;
    for (const TargetConfig &target : config.targets) {
        if (canonicalHost(target.host) != wanted)
            continue;
        const ResolveRequest request{target.host, target.resolver, target.record};
        qsizetype index = 0;
        while (index < requests.size()
               && !(requests[index].resolver == request.resolver
                    && requests[index].kind == request.kind))
            ++index;
        if (index == requests.size()) {
            requests.append(request);
            targetsOf.append(QStringList());
        }
        targetsOf[index].append(target.name);
    }
    if (requests.isEmpty())
        return apiError(QHttpServerResponse::StatusCode::NotFound,
                        QStringLiteral("host: \"%1\" is not the host of any target in this "
                                       "agent's config; it answers only for those")
                                .arg(wanted));
    QJsonArray answers;
    for (qsizetype i = 0; i < requests.size(); ++i)
        answers.append(answerJson(resolver, requests[i], targetsOf[i]));
    return QHttpServerResponse(
            QJsonObject{{QStringLiteral("host"), wanted}, {QStringLiteral("answers"), answers}});
}
