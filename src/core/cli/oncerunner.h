#pragma once

#include "config/appconfig.h"
#include "resolver/resolver.h"

#include <QObject>

// One target's answer in a `dnswatch --once` run.
struct TargetOutcome
{
    enum class Status { Healthy, Degraded, Down };

    TargetConfig target;
    LookupResult result;
    Status status = Status::Down;
};
QString statusName(TargetOutcome::Status status);
TargetOutcome::Status statusOf(const LookupResult &result);

// Resolves every target of a config once, all at the same time, and says when all have answered.
// Each resolve is bounded by its backend's own timeout; a guard deadline on top of that (the
// longest backend timeout plus the client response timer) makes sure the run always ends.
class OnceRunner : public QObject
{
    Q_OBJECT
public:
    OnceRunner(const AppConfig &config, Resolver *resolver, QObject *parent = nullptr);

    void start();
    bool isFinished() const { return m_pending == 0 && m_started; }
    const QList<TargetOutcome> &outcomes() const { return m_outcomes; }
    // Ready when every critical target has addresses (fresh or from a fallback tier).
    bool ready() const;

Q_SIGNALS:
    void finished();

private:
    void record(int index, const LookupResult &result);
    void onGuardDeadline();

    AppConfig m_config;
    Resolver *m_resolver;
    QList<TargetOutcome> m_outcomes;
    QList<bool> m_answered;
    QList<Resolver::RequestId> m_requests;
    int m_pending = 0;
    bool m_started = false;
    Clock::TimerId m_guard = 0;
};
