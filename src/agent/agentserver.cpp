#include "agentserver.h"

#include "acceptencoding.h"
#include "actionroutes.h"
#include "agentreadiness.h"
#include "deferredanswer.h"
#include "eventsroute.h"
#include "gzipencoder.h"
#include "historyroute.h"
#include "listenermetrics.h"
#include "pinsroute.h"
#include "probe/monitor.h"
#include "prometheusmetrics.h"
#include "reportroute.h"
#include "resolveroute.h"
#include "statusjson.h"
#include "store/historystore.h"

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

namespace {

// The exposition as the scraper asked for it: gzipped when its Accept-Encoding takes gzip (as
// Prometheus's does), the plain text otherwise; either way the answer varies by that header.
QHttpServerResponse metricsResponse(const QHttpServerRequest &request, QByteArray text)
{
    const QByteArray mimeType = QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8");
    if (acceptsGzip(request.value("Accept-Encoding"))) {
        QByteArray compressed = gzipCompressed(text);
        if (!compressed.isEmpty()) {
            text = QByteArray(); // the plain text is not kept while the answer is sent
            QHttpServerResponse response(mimeType, std::move(compressed));
            response.addHeader(QByteArrayLiteral("Content-Encoding"), QByteArrayLiteral("gzip"));
            response.addHeader(QByteArrayLiteral("Vary"), QByteArrayLiteral("Accept-Encoding"));
            return response;
        }
    }
    QHttpServerResponse response(mimeType, std::move(text));
    response.addHeader(QByteArrayLiteral("Vary"), QByteArrayLiteral("Accept-Encoding"));
    return response;
}

} // namespace

AgentServer::AgentServer(Monitor *monitor, const QString &token, const AgentPolicy &limits,
                         QObject *parent)
    : AgentServer(monitor, AgentTokens::single(token), limits, parent)
{ }

AgentServer::AgentServer(Monitor *monitor, const AgentTokens &tokens, const AgentPolicy &limits,
                         QObject *parent)
    : QObject(parent)
    , m_monitor(monitor)
    , m_access(tokens)
    , m_actions(new ActionRoutes(monitor, &m_access, this))
    , m_listener(new GuardedTcpServer(limits, monitor->clock(), this))
    , m_events(monitor->clock(), EventFeed::startId(0, monitor->clock()->wallTime()))
    , m_polls(&m_events, m_listener, monitor->clock())
{
    connect(m_actions, &ActionRoutes::actionTaken, this, &AgentServer::actionTaken);
    // Pause, resume and probe now reach the feed here; the resolver's own events (pins, forced
    // re-resolves, cache clears) carry their actor through m_events.watch().
    connect(m_actions, &ActionRoutes::actionTaken, this,
            [this](const AgentAction &action) { m_events.record(action); });
    connect(m_actions, &ActionRoutes::acted, this, &AgentServer::acted);
    m_actions->addTo(m_server);
    m_recentSince = monitor->clock()->wallTime();
    connect(monitor, &Monitor::resultRecorded, &m_recent, &ProbeHistoryBuffer::add);
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
        return metricsResponse(
                request, prometheusMetrics(*m_monitor, m_history, listenerMetrics(*m_listener)));
    });
    m_server.route(QStringLiteral("/api/v1/status"), [this](const QHttpServerRequest &request) {
        if (std::optional<QHttpServerResponse> refused = refusal(request))
            return std::move(*refused);
        return QHttpServerResponse(QByteArrayLiteral("application/json"),
                                   statusJson(*m_monitor, m_history, m_access.presented(request)));
    });
    addReadRoutes();
}

void AgentServer::addReadRoutes()
{
    using Method = QHttpServerRequest::Method;
    m_server.route(QStringLiteral("/api/v1/pins"), Method::Get,
                   [this](const QHttpServerRequest &request) {
                       if (std::optional<QHttpServerResponse> refused = refusal(request))
                           return std::move(*refused);
                       return PinsRoute::answer(QUrlQuery(request.url()), *m_monitor->resolver());
                   });
    m_server.route(QStringLiteral("/api/v1/resolve"), Method::Get,
                   [this](const QHttpServerRequest &request) {
                       if (std::optional<QHttpServerResponse> refused = refusal(request))
                           return std::move(*refused);
                       return ResolveRoute::answer(QUrlQuery(request.url()), m_monitor->config(),
                                                   *m_monitor->resolver());
                   });
    m_server.route(QStringLiteral("/api/v1/history"), Method::Get,
                   [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                       const DeferredAnswer answer(std::move(responder), m_listener);
                       if (std::optional<QHttpServerResponse> refused = refusal(request))
                           return answer.send(*refused);
                       HistoryRoute::answer(QUrlQuery(request.url()), *m_monitor, m_recent,
                                            m_recentSince, m_history, this, answer);
                   });
    m_server.route(QStringLiteral("/api/v1/report"), Method::Get,
                   [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                       const DeferredAnswer answer(std::move(responder), m_listener);
                       if (std::optional<QHttpServerResponse> refused = refusal(request))
                           return answer.send(*refused);
                       ReportRoute::answer(QUrlQuery(request.url()), *m_monitor, m_history, this,
                                           answer);
                   });
}

bool AgentServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (!address.isLoopback() && !m_access.hasTokens()) {
        *error = QStringLiteral(
                         "listening on %1 (not loopback) needs --tokens or --token: anyone who "
                         "can reach it could read the metrics and status")
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
