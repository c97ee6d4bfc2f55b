#include "actionroutes.h"

#include "accesscheck.h"
#include "apierror.h"
#include "cacheclearrequest.h"
#include "dns/dnsmessage.h"
#include "pinrequest.h"
#include "probe/monitor.h"
#include "store/storedevent.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QJsonObject>

namespace {

using StatusCode = QHttpServerResponse::StatusCode;

QJsonValue timeValue(const std::optional<QDateTime> &time)
{
    return time ? QJsonValue(time->toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonObject pinJson(const QString &host, const PinnedFallback &pin)
{
    return {{QStringLiteral("host"), host},
            {QStringLiteral("addresses"), QJsonArray::fromStringList(addressStrings(pin.addresses))},
            {QStringLiteral("origin"),
             pin.origin == PinnedFallback::Origin::Config ? QStringLiteral("config")
                                                          : QStringLiteral("operator")},
            {QStringLiteral("reason"), pin.reason},
            {QStringLiteral("pinned_at"), timeValue(pin.pinnedAt)},
            {QStringLiteral("expires"), timeValue(pin.expiresAt)}};
}

QHttpServerResponse noSuchTarget(const QString &name)
{
    return apiError(StatusCode::NotFound,
                    QStringLiteral("no target is named \"%1\"; expected the name of a target of "
                                   "the config, as /api/v1/status lists them")
                            .arg(name));
}

} // namespace

ActionRoutes::ActionRoutes(Monitor *monitor, const AccessCheck *access, QObject *parent)
    : QObject(parent), m_monitor(monitor), m_access(access)
{ }

void ActionRoutes::addTo(QHttpServer &server)
{
    const auto onTargetRoute = [this, &server](const QString &verb, TargetAction action) {
        server.route(QStringLiteral("/api/v1/targets/<arg>/%1").arg(verb),
                     QHttpServerRequest::Method::Post,
                     [this, action](const QString &name, const QHttpServerRequest &request) {
                         return onTarget(action, name, request);
                     });
    };
    onTargetRoute(QStringLiteral("resolve"), TargetAction::Resolve);
    onTargetRoute(QStringLiteral("probe"), TargetAction::Probe);
    onTargetRoute(QStringLiteral("pause"), TargetAction::Pause);
    onTargetRoute(QStringLiteral("resume"), TargetAction::Resume);
    server.route(QStringLiteral("/api/v1/pins/<arg>"), QHttpServerRequest::Method::Put,
                 [this](const QString &host, const QHttpServerRequest &request) {
                     return putPin(host, request);
                 });
    server.route(QStringLiteral("/api/v1/pins/<arg>"), QHttpServerRequest::Method::Delete,
                 [this](const QString &host, const QHttpServerRequest &request) {
                     return deletePin(host, request);
                 });
    server.route(QStringLiteral("/api/v1/cache/clear"), QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request) { return clearCache(request); });
}

const TargetConfig *ActionRoutes::target(const QString &name) const
{
    for (const TargetConfig &target : m_monitor->config().targets) {
        if (target.name == name)
            return &target;
    }
    return nullptr;
}

const TargetConfig *ActionRoutes::targetWithHost(const QString &host) const
{
    for (const TargetConfig &target : m_monitor->config().targets) {
        if (DnsWire::namesEqual(target.host, host))
            return &target;
    }
    return nullptr;
}

QHttpServerResponse ActionRoutes::targetState(const QString &name) const
{
    const TargetHealth health = m_monitor->statistics()->health(name);
    return QHttpServerResponse(QJsonObject{
            {QStringLiteral("target"), name},
            {QStringLiteral("state"), targetStateName(health.state)},
            {QStringLiteral("paused"), m_monitor->engine()->scheduler()->isPaused(name)}});
}

void ActionRoutes::report(const QString &kind, const QString &target, const QString &actor,
                          const QString &words)
{
    Q_EMIT actionTaken(
            AgentAction{kind, target, QStringLiteral("%1 by %2").arg(words, actor), actor});
}

QHttpServerResponse ActionRoutes::onTarget(TargetAction action, const QString &name,
                                           const QHttpServerRequest &request)
{
    QString actor;
    if (std::optional<QHttpServerResponse> refused = m_access->actionRefusal(request, &actor))
        return std::move(*refused);
    const TargetConfig *config = target(name);
    if (!config)
        return noSuchTarget(name);
    ProbeScheduler *scheduler = m_monitor->engine()->scheduler();
    switch (action) {
    case TargetAction::Resolve: {
        Resolver *resolver = m_monitor->resolver();
        const Resolver::ActingFor acting(resolver, actor);
        // The probe that follows shows the new answer in the status and the metrics.
        resolver->forceResolve(
                {config->host, config->resolver, config->record}, this,
                [scheduler, name](const LookupResult &) { scheduler->probeNow(name); });
        Q_EMIT acted(QStringLiteral("%1 re-resolved %2 (%3 through %4)")
                             .arg(actor, name, config->host, config->resolver));
        return QHttpServerResponse(
                QJsonObject{{QStringLiteral("target"), name},
                            {QStringLiteral("host"), config->host},
                            {QStringLiteral("resolver"), config->resolver},
                            {QStringLiteral("started"), QStringLiteral("resolve")}},
                StatusCode::Accepted);
    }
    case TargetAction::Probe:
        scheduler->probeNow(name);
        report(StoredEvent::probeRequestedKind(), name, actor, QStringLiteral("probe requested"));
        Q_EMIT acted(QStringLiteral("%1 asked to probe %2 now").arg(actor, name));
        return QHttpServerResponse(QJsonObject{{QStringLiteral("target"), name},
                                               {QStringLiteral("started"), QStringLiteral("probe")}},
                                   StatusCode::Accepted);
    case TargetAction::Pause:
        m_monitor->pause(name);
        report(StoredEvent::pausedKind(), name, actor, QStringLiteral("paused"));
        Q_EMIT acted(QStringLiteral("%1 paused %2").arg(actor, name));
        return targetState(name);
    case TargetAction::Resume:
        m_monitor->resume(name);
        report(StoredEvent::resumedKind(), name, actor, QStringLiteral("resumed"));
        Q_EMIT acted(QStringLiteral("%1 resumed %2").arg(actor, name));
        return targetState(name);
    }
    Q_UNREACHABLE();
}

QHttpServerResponse ActionRoutes::putPin(const QString &host, const QHttpServerRequest &request)
{
    QString actor;
    if (std::optional<QHttpServerResponse> refused = m_access->actionRefusal(request, &actor))
        return std::move(*refused);
    if (!targetWithHost(host))
        return apiError(StatusCode::NotFound,
                        QStringLiteral("no target watches the host \"%1\"; expected the host of "
                                       "a target of the config")
                                .arg(host));
    QString error;
    const std::optional<PinRequest> asked = parsePinRequest(request.body(),
                                                            m_monitor->clock()->wallTime(), &error);
    if (!asked)
        return apiError(StatusCode::BadRequest, error);
    PinnedFallback pin;
    pin.addresses = asked->addresses;
    pin.origin = PinnedFallback::Origin::Operator;
    pin.reason = asked->reason;
    pin.expiresAt = asked->expires;
    Resolver *resolver = m_monitor->resolver();
    {
        const Resolver::ActingFor acting(resolver, actor);
        resolver->pinAddresses(host, pin);
    }
    const std::optional<PinnedFallback> stored = resolver->pin(host);
    Q_EMIT acted(QStringLiteral("%1 pinned %2 to %3%4")
                         .arg(actor, canonicalHost(host),
                              addressStrings(pin.addresses).join(QStringLiteral(", ")),
                              pin.expiresAt ? QStringLiteral(" until %1")
                                                      .arg(pin.expiresAt->toString(Qt::ISODate))
                                            : QString()));
    return QHttpServerResponse(pinJson(canonicalHost(host), stored.value_or(pin)));
}

QHttpServerResponse ActionRoutes::deletePin(const QString &host, const QHttpServerRequest &request)
{
    QString actor;
    if (std::optional<QHttpServerResponse> refused = m_access->actionRefusal(request, &actor))
        return std::move(*refused);
    Resolver *resolver = m_monitor->resolver();
    const std::optional<PinnedFallback> pin = resolver->pin(host);
    if (!pin)
        return apiError(StatusCode::NotFound,
                        QStringLiteral("\"%1\" has no pin; expected a host pinned with PUT "
                                       "/api/v1/pins/{host}")
                                .arg(host));
    if (pin->origin == PinnedFallback::Origin::Config)
        return apiError(StatusCode::Conflict,
                        QStringLiteral("the pin of \"%1\" comes from the config (fallback_ips); "
                                       "remove it there")
                                .arg(host));
    {
        const Resolver::ActingFor acting(resolver, actor);
        resolver->unpinAddresses(host, QStringLiteral("unpinned by %1").arg(actor));
    }
    Q_EMIT acted(QStringLiteral("%1 unpinned %2").arg(actor, canonicalHost(host)));
    QJsonObject removed = pinJson(canonicalHost(host), *pin);
    removed.insert(QStringLiteral("unpinned"), true);
    return QHttpServerResponse(removed);
}

QHttpServerResponse ActionRoutes::clearCache(const QHttpServerRequest &request)
{
    QString actor;
    if (std::optional<QHttpServerResponse> refused = m_access->actionRefusal(request, &actor))
        return std::move(*refused);
    QString error;
    const std::optional<CacheClearRequest> asked = parseCacheClearRequest(request.body(), &error);
    if (!asked)
        return apiError(StatusCode::BadRequest, error);
    Resolver *resolver = m_monitor->resolver();
    const Resolver::ActingFor acting(resolver, actor);
    int cleared = 0;
    QString which;
    switch (asked->scope) {
    case CacheClearRequest::Scope::Everything:
        cleared = resolver->clearAll();
        which = QStringLiteral("every entry");
        break;
    case CacheClearRequest::Scope::StaleOnly:
        cleared = resolver->clearStale();
        which = QStringLiteral("stale entries");
        break;
    case CacheClearRequest::Scope::OneHost:
        cleared = resolver->clearHost(asked->host);
        which = QStringLiteral("entries of %1").arg(canonicalHost(asked->host));
        break;
    }
    Q_EMIT acted(QStringLiteral("%1 cleared the cache (%2): %3 entr%4")
                         .arg(actor, which)
                         .arg(cleared)
                         .arg(cleared == 1 ? QStringLiteral("y") : QStringLiteral("ies")));
    QJsonObject answer{
            {QStringLiteral("cleared"), cleared},
            {QStringLiteral("stale_only"), asked->scope == CacheClearRequest::Scope::StaleOnly}};
    answer.insert(QStringLiteral("host"),
                  asked->scope == CacheClearRequest::Scope::OneHost
                          ? QJsonValue(canonicalHost(asked->host))
                          : QJsonValue());
    return QHttpServerResponse(answer);
}
