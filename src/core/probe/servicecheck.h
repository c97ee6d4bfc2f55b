#pragma once

#include "clock.h"
#include "config/appconfig.h"
#include "probe/checkoutcome.h"
#include "probe/soacomparison.h"

#include <QHostAddress>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>

#include <functional>

// MLflow's credentials, as its client takes them from the environment: user name and password
// (Basic) if both are set, else a token (Bearer).
struct MlflowCredentials
{
    QString username;
    QString password;
    QString token;

    static MlflowCredentials fromEnvironment();
    bool isSet() const { return (!username.isEmpty() && !password.isEmpty()) || !token.isEmpty(); }
    QByteArray authorizationHeader() const; // empty when none
};

struct CheckOptions
{
    int timeoutMs = 5000; // per connect or request
    // The MLflow client's retry policy: 408, 429, 500, 502, 503, 504 and connection errors.
    int maxRetries = 3;
    int backoffFactorMs = 500; // delay before retry n: factor * 2^(n-1), plus jitter
    int backoffJitterMs = 500; // uniform 0..jitter added to each delay
    int backoffMaxMs = 10000;
    int retryAfterMaxMs = 30000; // a server's Retry-After is honoured up to this
    MlflowCredentials credentials;
};

// Runs a target's service check against the addresses resolution gave (fresh or fallback):
// dns (the answer inside `expect`), tcp (a connect), http (a GET), mlflow (/health, and an
// authenticated API call when credentials are set), soa (the zone's serial on each of its
// authoritative servers, asked directly; lags are remembered per target and server). HTTP goes to
// the resolved address while the URL's host name stays in the Host header and is what TLS verifies
// (SNI, certificate). No proxy is ever used. The callback runs once, from the event loop, never
// inside run().
class ServiceChecker : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const CheckOutcome &)>;

    ServiceChecker(const CheckOptions &options, Clock *clock, QObject *parent = nullptr);

    // target names whose remembered state (soa lags) the check uses.
    void run(const CheckConfig &check, const QList<QHostAddress> &addresses, QObject *context,
             Callback done, const QString &target = QString());
    // Forgets the soa lags of targets that left the config.
    void keepOnly(const QStringList &targets) { m_soaLags.keepOnly(targets); }

    // Whether every address lies in one of the expected addresses or CIDR ranges.
    static bool answerIsExpected(const QList<QHostAddress> &addresses, const QStringList &expected,
                                 QString *offending);

private:
    struct Run;
    void runDns(const std::shared_ptr<Run> &run);
    void runTcp(const std::shared_ptr<Run> &run);
    void runSoa(const std::shared_ptr<Run> &run);
    void runHttpStep(const std::shared_ptr<Run> &run);
    void onHttpReply(const std::shared_ptr<Run> &run, class QNetworkReply *reply);
    void retryOrFail(const std::shared_ptr<Run> &run, const QString &error, qint64 retryAfterMs);
    void nextHttpStep(const std::shared_ptr<Run> &run);
    void finish(const std::shared_ptr<Run> &run, bool ok, const QString &detail);
    qint64 backoffMs(int retry) const;

    CheckOptions m_options;
    Clock *m_clock;
    QNetworkAccessManager m_network;
    SoaLagMemory m_soaLags;
};
