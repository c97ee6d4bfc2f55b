#pragma once

#include <QLabel>
#include <QTimer>

#include "probe/healthstatistics.h"
#include "targetplace.h"

#include <QHash>
#include <QMap>

class QStatusBar;

// Overall readiness in one line readable from across the room: red while a critical target is
// not reachable (naming each and why, and the agent it is at), amber while fallback keeps some
// reachable or an agent does not answer (its targets are not seen: not counted as down), green
// otherwise; and "ready" or "not ready" in the status bar. This machine's targets come from its
// statistics, each agent's from its place. At a change of state it looks again at what changed
// only (one target here, or the one place), at once; once a second at everything, not at every
// result: with hundreds of targets the whole readiness pass is not free (a burst of N changes
// must not cost N whole passes), and a stalled engine (no results at all) must still turn the
// banner red.
class ReadinessBanner : public QLabel
{
    Q_OBJECT
public:
    enum class Level { NotReady, KeptByFallback, Ready };
    Q_ENUM(Level)

    ReadinessBanner(HealthStatistics *statistics, QStatusBar *statusBar, QWidget *parent = nullptr);

    void addPlace(TargetPlace *place); // an agent: its targets count too
    void removePlace(TargetPlace *place);

    Level level() const { return m_level; }
    // Says news to assistive technology (a screen reader reads it out): the banner's accessible
    // description becomes the text, with an alert event.
    void announce(const QString &text);
    // A notification said so: "db at south is down: no address: timeout".
    void announceNotification(const QString &title, const QString &message);
    QLabel *readyLabel() const { return m_readyLabel; } // in the status bar

public Q_SLOTS:
    void updateReadiness(); // looks at every target, here and at each place

Q_SIGNALS:
    // At every look, changed or not; summary is the banner's text.
    void readinessUpdated(ReadinessBanner::Level level, const QString &summary);
    void announced(const QString &text); // after announce()
    void readinessChanged(bool ready);

private:
    // How a place was when last looked at.
    struct PlaceLook
    {
        QString unseen; // why its targets are not seen (connecting, not answering); else empty
        PlaceReadiness readiness;
    };

    bool watchesNothing() const; // no target here, none at any agent
    // Each critical target that is not ready and why, in the user's words: this machine's, and
    // an agent's (with its name).
    QString localNotReady(const HealthStatistics::NotReadyTarget &target) const;
    static QStringList agentNotReady(const TargetPlace *place, const PlaceReadiness &readiness);
    void lookHere(); // at every target of this machine
    void lookHereAt(const QString &target, TargetState from, TargetState to);
    static PlaceLook lookAt(const TargetPlace *place);
    void present(); // what was seen, on the banner

    QMap<QString, QString> m_notReadyHere; // this machine's, by name: why, in words
    int m_degradedHere = 0;
    QHash<const TargetPlace *, PlaceLook> m_looks;

    static constexpr int TickMs = 1000;
    static constexpr int MostNamed = 3; // failing targets named on the banner; all in its tooltip

    HealthStatistics *m_statistics;
    QList<TargetPlace *> m_places;
    QLabel *m_readyLabel;
    Level m_level = Level::NotReady;
    QTimer m_tick;
};
