#include "agentserver.h"

#include "agentreadiness.h"
#include "eventsroute.h"
#include "listenermetrics.h"
#include "probe/monitor.h"
#include "probe/targetoutcome.h"
#include "prometheusmetrics.h"
#include "store/historystore.h"

#include <QCryptographicHash>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QHttpServerResponse unauthorized()
{
    QHttpServerResponse response(QByteArrayLiteral("text/plain"),
                                 QByteArrayLiteral("a bearer token is required\n"),
                                 QHttpServerResponse::StatusCode::Unauthorized);
    response.setHeader("WWW-Authenticate", "Bearer");
    return response;
}

// The --once shape of the latest result, plus the statistics.
QJsonObject targetJson(const TargetConfig &target, const TargetHealth &health)
{
    TargetOutcome outcome;
    outcome.target = target;
    if (health.last)
        outcome = TargetOutcome::of(target, *health.last);
    QJsonObject object = outcomeJson(outcome); // "status" is "unknown" before the first probe
    object.insert(QStringLiteral("state"), targetStateName(health.state));
    object.insert(QStringLiteral("state_detail"), health.stateDetail);
    QJsonObject rates;
    for (int window = 0; window < TargetHealth::WindowCount; ++window) {
        const WindowCounts &counts = health.windows[size_t(window)];
        rates.insert(TargetHealth::windowName(window),
                     QJsonObject{{QStringLiteral("probes"), double(counts.probes)},
                                 {QStringLiteral("dns"), counts.dnsRate()},
                                 {QStringLiteral("check"), counts.checkRate()}});
    }
    object.insert(QStringLiteral("success_rates"), rates);
    object.insert(QStringLiteral("dns_latency_p95_ms"), health.dnsLatency.quantile(0.95) * 1000);
    object.insert(QStringLiteral("check_latency_p95_ms"), health.checkLatency.quantile(0.95) * 1000);
    object.insert(QStringLiteral("fallback_s"), double(health.fallbackMs) / 1000.0);
    if (health.last) {
        object.insert(QStringLiteral("reachable"), health.last->reachable);
        object.insert(QStringLiteral("last_probe"), health.last->time.toString(Qt::ISODateWithMs));
    }
    return object;
}

// "localhost:9108", "127.0.0.1", "[::1]:9108".
bool hostIsLoopback(const QByteArray &hostHeader)
{
    QByteArray host = hostHeader.trimmed().toLower();
    if (host.startsWith('[')) {
        host = host.mid(1, host.indexOf(']') - 1);
    } else if (host.count(':') == 1) {
        host = host.left(host.indexOf(':'));
    }
    if (host == "localhost")
        return true;
    const QHostAddress address(QString::fromLatin1(host));
    return !address.isNull() && address.isLoopback();
}

} // namespace

AgentServer::AgentServer(Monitor *monitor, const QString &token, const AgentPolicy &limits,
                         QObject *parent)
    : QObject(parent)
    , m_monitor(monitor)
    , m_token(token)
    , m_listener(new GuardedTcpServer(limits, monitor->clock(), this))
    , m_events(monitor->clock(), EventFeed::startId(0, monitor->clock()->wallTime()))
    , m_polls(&m_events, m_listener, monitor->clock())
{
    m_events.watch(monitor);
    routeEvents(m_server, m_polls,
                [this](const QHttpServerRequest &request) { return refusal(request); });
    m_server.route(QStringLiteral("/healthz"), [] {
        return QHttpServerResponse(QByteArrayLiteral("text/plain"), QByteArrayLiteral("ok\n"));
    });
    m_server.route(QStringLiteral("/readyz"), [this](const QHttpServerRequest &request) {
        if (std::optional<QHttpServerResponse> refused = refusal(request))
            return std::move(*refused);
        const AgentReadiness readiness = agentReadiness(*m_monitor, m_history);
        const QJsonObject body{
                {QStringLiteral("ready"), readiness.ready},
                {QStringLiteral("not_ready"), QJsonArray::fromStringList(readiness.notReady)}};
        return QHttpServerResponse(body,
                                   readiness.ready
                                           ? QHttpServerResponse::StatusCode::Ok
                                           : QHttpServerResponse::StatusCode::ServiceUnavailable);
    });
    m_server.route(QStringLiteral("/metrics"), [this](const QHttpServerRequest &request) {
        if (std::optional<QHttpServerResponse> refused = refusal(request))
            return std::move(*refused);
        return QHttpServerResponse(QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"),
                                   prometheusMetrics(*m_monitor, m_history)
                                           + listenerMetrics(*m_listener));
    });
    m_server.route(QStringLiteral("/api/v1/status"), [this](const QHttpServerRequest &request) {
        if (std::optional<QHttpServerResponse> refused = refusal(request))
            return std::move(*refused);
        return QHttpServerResponse(QByteArrayLiteral("application/json"),
                                   statusJson(*m_monitor, m_history));
    });
}

bool AgentServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (!address.isLoopback() && m_token.isEmpty()) {
        *error = QStringLiteral(
                         "listening on %1 (not loopback) needs --token: anyone who can reach "
                         "it could read the metrics and status")
                         .arg(address.toString());
        return false;
    }
    if (m_listener->listen(address, port)) {
        m_server.bind(m_listener);
        m_port = m_listener->serverPort();
    }
    if (m_port == 0) {
        *error = QStringLiteral("cannot listen on %1:%2 (in use, or not an address of this host)")
                         .arg(address.toString())
                         .arg(port);
        return false;
    }
    return true;
}

std::optional<QHttpServerResponse> AgentServer::refusal(const QHttpServerRequest &request) const
{
    if (!m_token.isEmpty())
        return authorized(request) ? std::nullopt : std::optional(unauthorized());
    // Without a token only loopback can reach us, but a web page can too, through DNS rebinding
    // (evil.example resolving to 127.0.0.1): then the Host header names the page's host.
    const QByteArray host = request.value("Host");
    if (host.isEmpty() || hostIsLoopback(host))
        return std::nullopt;
    return QHttpServerResponse(QByteArrayLiteral("text/plain"),
                               QByteArrayLiteral("the Host header must name this machine "
                                                 "(localhost or a loopback address)\n"),
                               QHttpServerResponse::StatusCode::Forbidden);
}

bool AgentServer::authorized(const QHttpServerRequest &request) const
{
    if (m_token.isEmpty())
        return true;
    const QByteArray header = request.value("Authorization");
    const qsizetype space = header.indexOf(' ');
    if (space < 0 || header.left(space).compare("bearer", Qt::CaseInsensitive) != 0)
        return false;
    // Compare digests, so the time taken says nothing about how much of the token was right.
    const auto digest = [](const QByteArray &bytes) {
        return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    };
    const QByteArray given = digest(header.mid(space + 1).trimmed());
    const QByteArray expected = digest(m_token.toUtf8());
    char difference = 0;
    for (qsizetype i = 0; i < expected.size(); ++i)
        difference |= char(given[i] ^ expected[i]);
    return difference == 0;
}

QByteArray AgentServer::statusJson(const Monitor &monitor, const HistoryStore *history)
{
    QHash<QString, TargetHealth> health;
    for (const TargetHealth &entry : monitor.statistics()->all())
        health.insert(entry.target, entry);
    QJsonArray targets;
    for (const TargetConfig &target : monitor.config().targets)
        targets.append(targetJson(target, health.value(target.name)));
    QJsonArray events;
    const QList<ResolverEvent> recent = monitor.resolver()->recentEvents();
    for (qsizetype i = qMax<qsizetype>(0, recent.size() - 50); i < recent.size(); ++i)
        events.append(eventJson(recent[i]));
    const QJsonObject root{{QStringLiteral("ready"), agentReadiness(monitor, history).ready},
                           {QStringLiteral("targets"), targets},
                           {QStringLiteral("events"), events}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}
