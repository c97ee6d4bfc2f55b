#pragma once

#include "probe/healthstatistics.h"

#include <QHash>
#include <QObject>
#include <QSet>

// Decides which state changes are worth a desktop notification: a critical target entering
// fallback, going down, or recovering from either. Within a quiet period after one, more of the
// same for that target is held back (a flapping target does not flood the desktop), but worse
// news and the all-clear still come; a muted target says nothing.
class StateNotifier : public QObject
{
    Q_OBJECT
public:
    enum class Severity { Information, Warning, Critical };

    StateNotifier(Clock *clock, qint64 quietPeriodMs = 60'000, QObject *parent = nullptr);

    void setCritical(const QString &target, bool critical);
    void setMuted(const QString &target, bool muted);
    bool isMuted(const QString &target) const { return m_muted.contains(target); }

    void stateChanged(const QString &target, TargetState from, TargetState to,
                      const QString &detail);

Q_SIGNALS:
    void notify(const QString &title, const QString &message, StateNotifier::Severity severity);

private:
    Clock *m_clock;
    qint64 m_quietPeriodMs;
    QSet<QString> m_critical;
    QSet<QString> m_muted;
    struct Notified
    {
        qint64 atMs = 0;
        Severity severity = Severity::Information;
    };
    QHash<QString, Notified> m_lastNotified;
};
