#include "servicecheck.h"

#include "probe/soaqueries.h"

#include <QElapsedTimer>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpSocket>

namespace {

// One HTTP request of a check: the URL as configured, and what makes it a success.
struct HttpStep
{
    QUrl url;
    QString label; // "GET /health"
    bool needsOkBody = false; // MLflow's /health answers "OK"
    bool authenticated = false;
};

constexpr qint64 MaxBodyBytes = 64 * 1024;

bool isRetriedStatus(int status)
{
    return status == 408 || status == 429 || status == 500 || status == 502 || status == 503
            || status == 504;
}

QUrl withPath(QUrl url, const QString &suffix)
{
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    const qsizetype query = suffix.indexOf(QLatin1Char('?'));
    url.setPath(path + (query < 0 ? suffix : suffix.left(query)));
    url.setQuery(query < 0 ? QString() : suffix.mid(query + 1));
    return url;
}

} // namespace

struct ServiceChecker::Run
{
    CheckConfig check;
    QString target;
    QList<QHostAddress> addresses;
    QPointer<QObject> context;
    bool hasContext = false;
    Callback done;
    QElapsedTimer started;
    CheckOutcome outcome;
    bool finished = false;
    QList<HttpStep> steps;
    int step = 0;
    int retries = 0; // of the current step
    QElapsedTimer attemptTimer;
};

MlflowCredentials MlflowCredentials::fromEnvironment()
{
    MlflowCredentials credentials;
    credentials.username = qEnvironmentVariable("MLFLOW_TRACKING_USERNAME");
    credentials.password = qEnvironmentVariable("MLFLOW_TRACKING_PASSWORD");
    credentials.token = qEnvironmentVariable("MLFLOW_TRACKING_TOKEN");
    return credentials;
}

QByteArray MlflowCredentials::authorizationHeader() const
{
    if (!username.isEmpty() && !password.isEmpty())
        return "Basic " + (username + QLatin1Char(':') + password).toUtf8().toBase64();
    if (!token.isEmpty())
        return "Bearer " + token.toUtf8();
    return QByteArray();
}

ServiceChecker::ServiceChecker(const CheckOptions &options, Clock *clock, QObject *parent)
    : QObject(parent), m_options(options), m_clock(clock)
{
    // Checks talk to the address resolution gave, never through a proxy from the environment.
    m_network.setProxy(QNetworkProxy::NoProxy);
    m_network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

bool ServiceChecker::answerIsExpected(const QList<QHostAddress> &addresses,
                                      const QStringList &expected, QString *offending)
{
    for (const QHostAddress &address : addresses) {
        bool inside = false;
        for (const QString &entry : expected) {
            if (entry.contains(QLatin1Char('/'))) {
                const auto subnet = QHostAddress::parseSubnet(entry);
                inside = address.isInSubnet(subnet);
            } else {
                inside = address.isEqual(QHostAddress(entry), QHostAddress::ConvertV4MappedToIPv4);
            }
            if (inside)
                break;
        }
        if (!inside) {
            if (offending)
                *offending = address.toString();
            return false;
        }
    }
    return true;
}

void ServiceChecker::run(const CheckConfig &check, const QList<QHostAddress> &addresses,
                         QObject *context, Callback done, const QString &target)
{
    auto run = std::make_shared<Run>();
    run->check = check;
    run->target = target;
    run->addresses = addresses;
    run->context = context;
    run->hasContext = context != nullptr;
    run->done = std::move(done);
    run->started.start();
    run->outcome.address = addresses.value(0);
    // Always from the event loop: the caller's state is settled when the answer comes.
    QMetaObject::invokeMethod(
            this,
            [this, run] {
                if (run->addresses.isEmpty())
                    return finish(run, false, QStringLiteral("no address to check"));
                switch (run->check.type) {
                case CheckConfig::Type::Dns:
                    return runDns(run);
                case CheckConfig::Type::Tcp:
                    return runTcp(run);
                case CheckConfig::Type::Http:
                    run->steps = {{run->check.url,
                                   QStringLiteral("GET %1").arg(run->check.url.path()), false,
                                   false}};
                    return runHttpStep(run);
                case CheckConfig::Type::Mlflow:
                    run->steps = {{withPath(run->check.url, QStringLiteral("/health")),
                                   QStringLiteral("GET /health"), true, false}};
                    if (m_options.credentials.isSet())
                        run->steps.append({withPath(run->check.url,
                                                    QStringLiteral("/api/2.0/mlflow/experiments/"
                                                                   "search?max_results=1")),
                                           QStringLiteral("GET /api/2.0/mlflow/experiments/search"),
                                           false, true});
                    return runHttpStep(run);
                case CheckConfig::Type::Soa:
                    return runSoa(run);
                }
            },
            Qt::QueuedConnection);
}

void ServiceChecker::runDns(const std::shared_ptr<Run> &run)
{
    QString offending;
    if (run->check.expect.isEmpty()
        || answerIsExpected(run->addresses, run->check.expect, &offending))
        return finish(run, true, QString());
    finish(run, false,
           QStringLiteral("unexpected-answer: %1 is outside %2")
                   .arg(offending, run->check.expect.join(QLatin1String(", "))));
}

void ServiceChecker::runTcp(const std::shared_ptr<Run> &run)
{
    const QHostAddress address = run->outcome.address;
    auto *socket = new QTcpSocket(this);
    const QString what = QStringLiteral("connect %1")
                                 .arg(address.protocol() == QAbstractSocket::IPv6Protocol
                                              ? QStringLiteral("[%1]:%2")
                                                        .arg(address.toString())
                                                        .arg(run->check.port)
                                              : QStringLiteral("%1:%2")
                                                        .arg(address.toString())
                                                        .arg(run->check.port));
    run->attemptTimer.start();
    auto timer = std::make_shared<Clock::TimerId>(0);
    auto end = [this, run, socket, what, timer](const QString &error) {
        m_clock->cancel(*timer);
        if (run->finished)
            return;
        run->outcome.attempts.append({what, 0, error, run->attemptTimer.nsecsElapsed() / 1000});
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
        finish(run, error.isEmpty(),
               error.isEmpty() ? QString() : what + QStringLiteral(": ") + error);
    };
    connect(socket, &QTcpSocket::connected, this, [end] { end(QString()); });
    connect(socket, &QTcpSocket::errorOccurred, this, [end, socket] { end(socket->errorString()); });
    *timer = m_clock->callAfter(m_options.timeoutMs, socket, [this, end] {
        end(QStringLiteral("no connection within %1 ms").arg(m_options.timeoutMs));
    });
    socket->connectToHost(address, run->check.port);
}

void ServiceChecker::runSoa(const std::shared_ptr<Run> &run)
{
    auto *queries = new SoaQueries(run->check.zone, run->check.servers, m_options.timeoutMs,
                                   m_clock, this);
    queries->start([this, run, queries](const QList<SoaAnswer> &answers) {
        queries->deleteLater();
        for (const SoaAnswer &answer : answers)
            run->outcome.attempts.append(
                    {QStringLiteral("SOA %1 @%2").arg(run->check.zone, answer.server), 0,
                     answer.error, answer.latencyUs});
        const SoaComparison comparison = compareSoaAnswers(run->check.zone, answers,
                                                           run->check.maxLagS, run->target,
                                                           &m_soaLags, m_clock->nowMs());
        run->outcome.soa = comparison;
        finish(run, comparison.ok, comparison.detail);
    });
}

void ServiceChecker::runHttpStep(const std::shared_ptr<Run> &run)
{
    const HttpStep &step = run->steps[run->step];
    const QString host = step.url.host();
    QUrl target = step.url;
    target.setHost(run->outcome.address.toString());
    QNetworkRequest request(target);
    // The server sees the name, not the address; TLS verifies the name (and sends it as SNI).
    const int defaultPort = step.url.scheme() == QLatin1String("https") ? 443 : 80;
    const int port = step.url.port(defaultPort);
    request.setRawHeader(
            "Host",
            (port == defaultPort ? host : QStringLiteral("%1:%2").arg(host).arg(port)).toUtf8());
    request.setPeerVerifyName(host);
    request.setTransferTimeout(m_options.timeoutMs);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QStringLiteral("dnswatch/" DNSWATCH_VERSION));
    if (step.authenticated)
        request.setRawHeader("Authorization", m_options.credentials.authorizationHeader());
    run->attemptTimer.start();
    QNetworkReply *reply = m_network.get(request);
    connect(reply, &QNetworkReply::finished, this, [this, run, reply] { onHttpReply(run, reply); });
    // The transfer timeout only notices silence; a server that trickles bytes is cut off here,
    // and so is one that sends far more than a health answer needs.
    m_clock->callAfter(m_options.timeoutMs, reply, [reply] { reply->abort(); });
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > MaxBodyBytes)
            reply->abort();
    });
}

void ServiceChecker::onHttpReply(const std::shared_ptr<Run> &run, QNetworkReply *reply)
{
    reply->deleteLater();
    if (run->finished)
        return;
    const HttpStep &step = run->steps[run->step];
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->read(4096).trimmed();
    CheckAttempt attempt{step.label, status, QString(), run->attemptTimer.nsecsElapsed() / 1000};
    if (status == 0) {
        // No HTTP answer at all: a connection error (refused, reset, timeout, TLS).
        attempt.error = reply->error() == QNetworkReply::OperationCanceledError
                ? QStringLiteral("no answer within %1 ms").arg(m_options.timeoutMs)
                : reply->errorString();
        run->outcome.attempts.append(attempt);
        return retryOrFail(run, attempt.error, -1);
    }
    const bool statusOk = step.needsOkBody || step.authenticated
            ? status == 200
            : status >= run->check.expectStatusMin && status <= run->check.expectStatusMax;
    if (statusOk && step.needsOkBody && body != "OK")
        attempt.error = QStringLiteral("answered 200 with \"%1\" instead of \"OK\"")
                                .arg(QString::fromUtf8(body.left(40)));
    else if (!statusOk)
        attempt.error = QStringLiteral("answered HTTP %1").arg(status);
    run->outcome.attempts.append(attempt);
    if (attempt.error.isEmpty())
        return nextHttpStep(run);
    if (!isRetriedStatus(status))
        return finish(run, false, QStringLiteral("%1: %2").arg(step.label, attempt.error));
    bool numeric = false;
    const int retryAfterS = reply->rawHeader("Retry-After").trimmed().toInt(&numeric);
    retryOrFail(run, attempt.error, numeric ? qint64(retryAfterS) * 1000 : -1);
}

qint64 ServiceChecker::backoffMs(int retry) const
{
    const qint64 base = qMin<qint64>(m_options.backoffMaxMs,
                                     qint64(m_options.backoffFactorMs) << qMin(retry - 1, 30));
    return base
            + qint64(QRandomGenerator::global()->bounded(quint32(qMax(0, m_options.backoffJitterMs))
                                                         + 1));
}

void ServiceChecker::retryOrFail(const std::shared_ptr<Run> &run, const QString &error,
                                 qint64 retryAfterMs)
{
    const HttpStep &step = run->steps[run->step];
    if (run->retries >= m_options.maxRetries)
        return finish(
                run, false,
                QStringLiteral("%1: %2 (after %3 retries)").arg(step.label, error).arg(run->retries));
    ++run->retries;
    // The server's Retry-After wins over our own backoff, within reason.
    const qint64 delay = retryAfterMs >= 0 ? qMin<qint64>(retryAfterMs, m_options.retryAfterMaxMs)
                                           : backoffMs(run->retries);
    m_clock->callAfter(delay, this, [this, run] { runHttpStep(run); });
}

void ServiceChecker::nextHttpStep(const std::shared_ptr<Run> &run)
{
    ++run->step;
    run->retries = 0;
    if (run->step < run->steps.size())
        return runHttpStep(run);
    finish(run, true, QString());
}

void ServiceChecker::finish(const std::shared_ptr<Run> &run, bool ok, const QString &detail)
{
    if (run->finished)
        return;
    run->finished = true;
    run->outcome.ok = ok;
    run->outcome.detail = detail;
    run->outcome.latencyUs = run->started.nsecsElapsed() / 1000;
    if (!run->hasContext || run->context)
        run->done(run->outcome);
}
