#pragma once

#include "probe/targetstate.h"
#include "resolver/resolverevent.h"

#include <QDateTime>
#include <QStringList>

#include <optional>

// One event as the history keeps it: a resolver transition or a target's change of state, in
// the words and names the event log shows.
struct StoredEvent
{
    QDateTime time; // UTC
    QString kind; // "fallback_entered", ..., or "state_changed"
    QString target; // state changes and what a target's check raised (paths, soa)
    QString resolver;
    QString host;
    QString tier; // "stale", "pinned", "env": the tier of a fallback, recovery, pin or clearing
    QString cause; // "timeout", "nxdomain", ...
    QStringList before; // addresses, or the previous state
    QStringList after;
    QString detail;
    std::optional<qint64> ttlS; // an answer change: the TTL of the new answer
    // The DNSSEC verdict and the Extended DNS Errors (RFC 8914) of the answer the event is about
    // (a failure's, or the new answer of a recovery or change); not asked and none otherwise.
    DnssecValidation validation = DnssecValidation::NotAsked;
    QList<ExtendedDnsError> extendedErrors;
    // Not kept by the history: the agent the event happened at (empty: this machine) and the
    // operator who caused it there (empty: the agent's own doing).
    QString place;
    QString actor;
    // Whether the fields above hold the event's facts, or only its words (detail) are known:
    // an older agent's feed sends no more than its kind, target, host and words.
    enum class Facts { Known, WordsOnly };
    Facts facts = Facts::Known;

    static StoredEvent fromResolverEvent(const ResolverEvent &event);
    static StoredEvent fromStateChange(const QDateTime &time, const QString &target,
                                       TargetState from, TargetState to, const QString &detail);
    static QString stateChangedKind() { return QStringLiteral("state_changed"); }
    // An operator's actions at an agent that the resolver does not report (its event feed), and
    // the dashboard's note that some of an agent's events were lost.
    static QString pausedKind() { return QStringLiteral("paused"); }
    static QString resumedKind() { return QStringLiteral("resumed"); }
    static QString probeRequestedKind() { return QStringLiteral("probe_requested"); }
    static QString eventsMissedKind() { return QStringLiteral("events_missed"); }
    // An answer change of a target with "alert_on_change" (target set, with the change's facts).
    static QString answerChangedAlertKind() { return QStringLiteral("answer_changed_alert"); }
    // Every kind the event log may show besides the resolver's (eventKindName()).
    static QStringList otherKinds()
    {
        return {stateChangedKind(),   pausedKind(),       resumedKind(),
                probeRequestedKind(), eventsMissedKind(), answerChangedAlertKind()};
    }

    bool operator==(const StoredEvent &other) const = default;
};
Q_DECLARE_METATYPE(StoredEvent)
