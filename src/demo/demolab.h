#pragma once

#include "config/appconfig.h"
#include "demodnsserver.h"
#include "demoscenario.h"
#include "demoservice.h"
#include "resolver/envfallback.h"

#include <QObject>

// `dnswatch --demo`: a lab inside the process, so a new user sees DNS Watch at work in the first
// minute with nothing to set up, and the same lab serves training and drills. A DNS server for
// the fake zone demo.dnswatch.test and an MLflow-like service, on free loopback ports, follow a
// script (DemoScenario: slow answers, SERVFAIL burst, outage, address change) while a built-in
// config watches four targets of that zone with dns, tcp, http and mlflow checks and every
// fallback tier (stale, a pinned address from the config, an environment address).
// mlflow also compares a second path: a lagging DNS server that follows the lab's DNS, but learns
// of each address change DemoTimings::PathLagS late. It stands in for the system path (what an
// application gets through a caching forwarder): the system resolver itself cannot be pointed at
// the lab without root. So the lab shows what explains most incidents: the app gets the old
// address while the nameserver already has the new one (paths_diverged, then paths_agree).
class DemoLab : public QObject
{
    Q_OBJECT
public:
    enum class Run { Once, Agent }; // what the banner tells the user to expect

    // The script runs on clock; tests pass a ManualClock to step through it.
    explicit DemoLab(Clock *clock, QObject *parent = nullptr);

    // Starts the DNS server and the service on free loopback ports, builds the config and starts
    // the script. False with the reason when a part cannot start.
    bool start(QString *error);

    const AppConfig &config() const { return m_config; }
    // The environment tier of the lab (the user's DNSWATCH_FALLBACK_IPS is not used).
    const EnvFallback &envFallback() const { return m_env; }

    // What the lab is, its targets and its script; printed before anything runs.
    QString banner(Run run) const;
    // "phase 4/8 SERVFAIL burst (20 s): the lab's DNS answers SERVFAIL; expect ..."
    QString describe(const DemoPhase &phase, const DemoScenario::Position &position) const;

    DemoScenario *scenario() { return &m_scenario; }
    DemoDnsServer *dnsServer() { return &m_dns; }
    DemoDnsServer *laggingDnsServer() { return &m_laggingDns; } // the compared path
    static QString laggingResolver() { return QStringLiteral("lagging"); }
    DemoService *service() { return &m_service; }

    static QString zone() { return QStringLiteral("demo.dnswatch.test"); }
    // The host that moves at each address change, between the home and the moved address.
    static QString movingHost() { return QStringLiteral("mlflow.demo.dnswatch.test"); }
    static QHostAddress homeAddress() { return QHostAddress(QStringLiteral("127.0.0.1")); }
    static QHostAddress movedAddress() { return QHostAddress(QStringLiteral("127.0.0.2")); }

Q_SIGNALS:
    // A phase began: its describe() line, with the time in front as the agent's log lines have it.
    void phaseAnnounced(const QString &line);

private:
    void applyPhase(const DemoPhase &phase, const DemoScenario::Position &position);
    // The lagging server: the lab's behaviour at once, the moving host's address PathLagS late
    // after an address change (at once otherwise).
    void applyToLaggingPath(const DemoPhase &phase, const QHostAddress &movingAddress);
    QString pathComparisonText() const;
    QByteArray configJson() const;
    QString announcement(const DemoPhase &phase, const DemoScenario::Position &position) const;

    Clock *m_clock;
    DemoScenario m_scenario;
    DemoDnsServer m_dns;
    DemoDnsServer m_laggingDns;
    Clock::TimerId m_laggingUpdate = 0;
    DemoService m_service;
    AppConfig m_config;
    EnvFallback m_env;
};
