#pragma once

#include "probe/healthstatistics.h"
#include "store/storedevent.h"

#include <QHash>
#include <QObject>
#include <QSet>

// A target as notifications know it: its name and the agent it is at (empty: this machine).
// Two places' "db" are two targets: each has its own quiet period and its own mute.
struct NotifiedTarget
{
    QString name;
    QString place;

    bool operator==(const NotifiedTarget &other) const = default;
};
size_t qHash(const NotifiedTarget &target, size_t seed = 0);

// Decides which state changes are worth a desktop notification: a critical target entering
// fallback, going down, or recovering from either. Within a quiet period after one, more of the
// same for that target is held back (a flapping target does not flood the desktop), but worse
// news and the all-clear still come; a muted target says nothing. The same rules for this
// machine's targets and for each agent's; an agent's is named with its place ("db at south").
class StateNotifier : public QObject
{
    Q_OBJECT
public:
    enum class Severity { Information, Warning, Critical };

    StateNotifier(Clock *clock, qint64 quietPeriodMs = 60'000, QObject *parent = nullptr);

    // This machine's targets, by name.
    void setCritical(const QString &target, bool critical) { setCritical({target, {}}, critical); }
    void setMuted(const QString &target, bool muted) { setMuted({target, {}}, muted); }
    bool isMuted(const QString &target) const { return isMuted({target, {}}); }
    void stateChanged(const QString &target, TargetState from, TargetState to, const QString &detail)
    {
        stateChanged({target, {}}, from, to, detail);
    }

    // Any place's.
    void setCritical(const NotifiedTarget &target, bool critical);
    void setMuted(const NotifiedTarget &target, bool muted);
    bool isMuted(const NotifiedTarget &target) const { return m_muted.contains(target); }
    void stateChanged(const NotifiedTarget &target, TargetState from, TargetState to,
                      const QString &detail);
    // The answer of a target with "alert_on_change" changed (alert: its answer_changed_alert
    // event): said every time, critical or not, unless the target is muted.
    void answerChanged(const NotifiedTarget &target, const StoredEvent &alert);

Q_SIGNALS:
    void notify(const QString &title, const QString &message, StateNotifier::Severity severity);

private:
    static QString nameOf(const NotifiedTarget &target); // in the title

    Clock *m_clock;
    qint64 m_quietPeriodMs;
    QSet<NotifiedTarget> m_critical;
    QSet<NotifiedTarget> m_muted;
    struct Notified
    {
        qint64 atMs = 0;
        Severity severity = Severity::Information;
    };
    QHash<NotifiedTarget, Notified> m_lastNotified;
};
