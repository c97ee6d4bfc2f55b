#include "agentconnection.h"

#include "agenterrortext.h"
#include "clock.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPromise>
#include <QThreadPool>
#include <QUrlQuery>

#include <memory>

namespace {

// The reply's TLS errors, kept until it finishes (they are never ignored).
constexpr char TlsErrorsProperty[] = "dnswatchTlsErrors";

// work() run on the global thread pool; its result in the future returned.
template<typename Result, typename Work>
QFuture<Result> onThreadPool(Work work)
{
    const auto promise = std::make_shared<QPromise<Result>>();
    QFuture<Result> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([promise, work = std::move(work)]() mutable {
        promise->addResult(work());
        promise->finish();
    });
    return future;
}

} // namespace

AgentConnection::Options AgentConnection::Options::from(const AgentWatchPolicy &policy)
{
    Options options;
    options.statusIntervalMs = policy.statusIntervalMs;
    options.pollWaitSeconds = policy.eventPollWaitS;
    options.requestTimeoutMs = policy.requestTimeoutMs;
    options.backoffFirstMs = policy.retryFirstMs;
    options.backoffMaxMs = policy.retryMaxMs;
    return options;
}

AgentConnection::AgentConnection(const AgentEndpoint &endpoint, const Options &options,
                                 Clock *clock, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_options(options)
    , m_clock(clock)
    , m_network(network)
    , m_tls(QSslConfiguration::defaultConfiguration())
    , m_backoff(options.backoffFirstMs, options.backoffMaxMs)
{
    if (!endpoint.caFile.isEmpty() && !m_tls.addCaCertificates(endpoint.caFile))
        m_tlsProblem = tr("CA file %1: no PEM certificate could be read").arg(endpoint.caFile);
}

AgentConnection::~AgentConnection() { stop(); }

void AgentConnection::start()
{
    if (m_running)
        return;
    m_running = true;
    fetchStatus();
}

void AgentConnection::stop()
{
    m_running = false;
    m_clock->cancel(m_statusCall);
    m_statusCall = 0;
    abandonReplies();
}

void AgentConnection::abandonReplies()
{
    const QPointer<QNetworkReply> status = m_statusReply;
    const QPointer<QNetworkReply> poll = m_pollReply;
    m_statusReply.clear();
    m_pollReply.clear();
    delete m_statusReading.data(); // its reading goes on, unheard
    for (QNetworkReply *reply : {status.data(), poll.data()}) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    }
}

QUrl AgentConnection::urlOf(const QString &pathAndQuery) const
{
    // pathAndQuery is percent-encoded already (a target's name as one segment): taken as it is,
    // not encoded again.
    QUrl url = m_endpoint.url;
    const qsizetype question = pathAndQuery.indexOf(QLatin1Char('?'));
    QString path = url.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + pathAndQuery.left(question), QUrl::TolerantMode);
    if (question >= 0)
        url.setQuery(pathAndQuery.mid(question + 1), QUrl::TolerantMode);
    return url;
}

QNetworkRequest AgentConnection::request(const QString &pathAndQuery, int timeoutMs) const
{
    QNetworkRequest request(urlOf(pathAndQuery));
    request.setTransferTimeout(timeoutMs);
    // An agent never redirects; following one would carry the token to wherever it points.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setSslConfiguration(m_tls);
    request.setRawHeader("Accept", "application/json");
    if (!m_endpoint.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_endpoint.token.toUtf8());
    return request;
}

QNetworkReply *AgentConnection::issue(Verb verb, const QString &pathAndQuery,
                                      const QByteArray &body, int timeoutMs)
{
    QNetworkRequest request = this->request(pathAndQuery, timeoutMs);
    QNetworkReply *reply = nullptr;
    switch (verb) {
    case Verb::Get:
        reply = m_network->get(request);
        break;
    case Verb::Post:
    case Verb::Put:
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        reply = verb == Verb::Post ? m_network->post(request, body) : m_network->put(request, body);
        break;
    case Verb::Delete:
        reply = m_network->deleteResource(request);
        break;
    }
    connect(reply, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError> &errors) {
        QStringList words;
        for (const QSslError &error : errors)
            words.append(error.errorString());
        reply->setProperty(TlsErrorsProperty, words.join(QStringLiteral("; ")));
    });
    return reply;
}

AgentAnswer AgentConnection::answerOf(QNetworkReply *reply) const
{
    AgentAnswer answer;
    answer.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    answer.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    const QString tlsErrors = reply->property(TlsErrorsProperty).toString();
    if (!m_tlsProblem.isEmpty() && m_endpoint.url.scheme() == QLatin1String("https"))
        answer.problem = m_tlsProblem;
    else if (!tlsErrors.isEmpty())
        answer.problem = tr("certificate not trusted: %1").arg(tlsErrors);
    else if (answer.httpStatus == 0)
        answer.problem = networkProblem(reply->error(), reply->errorString());
    else if (answer.httpStatus < 200 || answer.httpStatus >= 300)
        answer.problem = httpProblem(answer.httpStatus, answer.body);
    return answer;
}

void AgentConnection::send(Verb verb, const QString &pathAndQuery, const QByteArray &body,
                           QObject *context, AnswerCallback callback, int timeoutMs)
{
    QNetworkReply *reply = issue(verb, pathAndQuery, body,
                                 timeoutMs > 0 ? timeoutMs : m_options.requestTimeoutMs);
    QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, this, [this, reply, guard, callback] {
        reply->deleteLater();
        if (guard)
            callback(answerOf(reply));
    });
}

void AgentConnection::scheduleStatus(qint64 delayMs)
{
    m_clock->cancel(m_statusCall);
    m_statusSoon = false;
    m_statusCall = m_clock->callAfter(delayMs, this, [this] {
        m_statusCall = 0;
        // From here news asks for another refresh after this one (m_statusAgain).
        m_statusSoon = false;
        fetchStatus();
    });
}

void AgentConnection::refreshSoon()
{
    // Unreachable: the backoff decides. A burst of events is one refresh.
    if (!m_running || m_reach == Reach::Unreachable || m_statusSoon)
        return;
    // One on its way may have left before what happened: ask once more after it.
    if (m_statusReply || m_statusReading) {
        m_statusAgain = true;
        return;
    }
    scheduleStatus(RefreshSoonMs);
    m_statusSoon = true;
}

void AgentConnection::fetchStatus()
{
    if (!m_running || m_statusReply || m_statusReading)
        return;
    QNetworkReply *reply = issue(Verb::Get, QStringLiteral("/api/v1/status"), {},
                                 m_options.requestTimeoutMs);
    m_statusReply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        m_statusReply.clear(); // a QPointer stays set until the reply is deleted, later
        reply->deleteLater();
        onStatus(answerOf(reply));
    });
}

void AgentConnection::onStatus(const AgentAnswer &answer)
{
    if (!m_running)
        return;
    if (!answer.problem.isEmpty()) {
        markUnreachable(answer.problem);
        return;
    }
    auto *reading = new QFutureWatcher<StatusReading>(this);
    m_statusReading = reading;
    connect(reading, &QFutureWatcherBase::finished, this, [this, reading] {
        m_statusReading.clear();
        reading->deleteLater();
        // A reading the pool dropped unrun (only if someone cleared its queue) has no result.
        onStatusRead(reading->future().resultCount() > 0
                             ? reading->result()
                             : StatusReading{std::nullopt, tr("the status was not read")});
    });
    const QString source = tr("%1 /api/v1/status").arg(m_endpoint.name);
    reading->setFuture(onThreadPool<StatusReading>([body = answer.body, source] {
        StatusReading reading;
        reading.status = parseAgentStatus(body, source, &reading.problem);
        return reading;
    }));
}

void AgentConnection::onStatusRead(StatusReading reading)
{
    if (!m_running)
        return;
    if (!reading.status) {
        markUnreachable(reading.problem);
        return;
    }
    m_status = std::move(reading.status);
    markOnline();
    emit statusChanged();
    if (!m_pollReply)
        poll();
    scheduleStatus(std::exchange(m_statusAgain, false) ? RefreshSoonMs : m_options.statusIntervalMs);
}

void AgentConnection::poll()
{
    if (!m_running || m_pollReply)
        return;
    // The first page comes at once (what the agent holds); later ones wait for news.
    const int wait = m_followedEvents ? m_options.pollWaitSeconds : 0;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("after"), QString::number(m_lastEventId));
    query.addQueryItem(QStringLiteral("wait"), QString::number(wait));
    QNetworkReply *reply = issue(Verb::Get, QStringLiteral("/api/v1/events?") + query.toString(),
                                 {}, wait * 1000 + m_options.requestTimeoutMs);
    m_pollReply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        m_pollReply.clear(); // so that the next poll can start at once
        reply->deleteLater();
        onPoll(answerOf(reply), reply->rawHeader("Retry-After"));
    });
}

void AgentConnection::onPoll(const AgentAnswer &answer, const QByteArray &retryAfter)
{
    if (!m_running)
        return;
    if (answer.httpStatus == 503) {
        // The agent holds as many polls as it will: it answers, so it is reachable; ask again
        // when it says (a second unless it says more, at most a minute).
        bool ok = false;
        const int seconds = qBound(1, retryAfter.trimmed().toInt(&ok), 60);
        m_clock->callAfter(qint64(ok ? seconds : 1) * 1000, this, [this] { poll(); });
        return;
    }
    QString problem = answer.problem;
    if (problem.isEmpty()) {
        const QString source = tr("%1 /api/v1/events").arg(m_endpoint.name);
        if (std::optional<RemoteEventPage> page = parseRemoteEventPage(answer.body, source,
                                                                       &problem)) {
            // The first page since connecting holds what the agent keeps: that it keeps nothing
            // from before its start (its "gap") is no loss to a dashboard that saw none of it.
            if (m_lastEventId == 0)
                page->gap = false;
            // A full page ends below last_id: the next asks after its last event.
            m_lastEventId = page->events.isEmpty() ? page->lastId : page->events.last().id;
            m_followedEvents = true;
            markOnline();
            if (!page->events.isEmpty())
                refreshSoon(); // what happened shows in the table too
            emit eventsArrived(*page);
            poll();
            return;
        }
    }
    markUnreachable(problem);
}

void AgentConnection::markOnline()
{
    m_backoff.reset();
    if (m_reach == Reach::Online)
        return;
    m_reach = Reach::Online;
    m_unreachableSince = QDateTime();
    m_problem.clear();
    emit reachChanged();
}

void AgentConnection::markUnreachable(const QString &problem)
{
    // Both loops stop; the status refresh, with backoff, finds the agent again and restarts the
    // events from the last ID seen.
    abandonReplies();
    scheduleStatus(m_backoff.next());
    if (m_reach == Reach::Unreachable && m_problem == problem)
        return;
    if (m_reach != Reach::Unreachable)
        m_unreachableSince = m_clock->wallTime();
    m_reach = Reach::Unreachable;
    m_problem = problem;
    emit reachChanged();
}
