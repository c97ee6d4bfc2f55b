#pragma once

#include "config/appconfig.h"
#include "probe/pathlookups.h"
#include "probe/servicecheck.h"
#include "probe/targetoutcome.h"
#include "resolver/resolver.h"

#include <QObject>

// Resolves every target of a config once, all at the same time, runs each one's service check
// at the address it got (when a checker is given), and says when all have answered. Resolves and
// checks are bounded by their own timeouts; a guard deadline on top of those makes sure the run
// always ends.
class OnceRunner : public QObject
{
    Q_OBJECT
public:
    OnceRunner(const AppConfig &config, Resolver *resolver, ServiceChecker *checker,
               QObject *parent = nullptr);

    void start();
    bool isFinished() const { return m_pending == 0 && m_started; }
    const QList<TargetOutcome> &outcomes() const { return m_outcomes; }
    // Ready when every critical target is up: it has addresses (fresh or from a fallback tier)
    // and, when checked, its service answered.
    bool ready() const;

Q_SIGNALS:
    void finished();

private:
    void record(int index, const LookupResult &result);
    void complete(int index);
    // Counts the target as finished once it is checked and its compared paths answered.
    void settle(int index);
    void onGuardDeadline();

    AppConfig m_config;
    Resolver *m_resolver;
    ServiceChecker *m_checker;
    QList<TargetOutcome> m_outcomes;
    QList<bool> m_answered; // resolved
    QList<bool> m_done; // resolved and checked
    QList<Resolver::RequestId> m_requests;
    QList<std::shared_ptr<PathLookups>> m_pathLookups; // null: the target compares nothing
    QList<std::optional<QList<LookupResult>>> m_compared; // the compared paths' answers
    QList<bool> m_settled;
    int m_pending = 0;
    bool m_started = false;
    Clock::TimerId m_guard = 0;
};
