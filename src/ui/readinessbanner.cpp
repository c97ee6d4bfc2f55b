#include "readinessbanner.h"

#include "printabletext.h"

#include "probe/healthstatistics.h"
#include "targetplace.h"
#include "words/durationwords.h"
#include "words/statesentence.h"

#include <QAccessible>
#include <QLocale>

#include <QStatusBar>

ReadinessBanner::ReadinessBanner(HealthStatistics *statistics, QStatusBar *statusBar,
                                 QWidget *parent)
    : QLabel(parent), m_statistics(statistics), m_readyLabel(new QLabel(statusBar))
{
    setAlignment(Qt::AlignCenter);
    setMargin(10);
    setAutoFillBackground(true);
    setAccessibleName(tr("Overall readiness"));
    QFont bannerFont = font();
    bannerFont.setPointSizeF(bannerFont.pointSizeF() * 1.6);
    bannerFont.setBold(true);
    setFont(bannerFont);
    // Its text never widens the window: long lines wrap.
    setWordWrap(true);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    statusBar->addPermanentWidget(m_readyLabel);
    connect(statistics, &HealthStatistics::stateChanged, this,
            [this](const QString &target, TargetState from, TargetState to) {
                lookHereAt(target, from, to);
                present();
            });
    m_tick.setInterval(TickMs);
    connect(&m_tick, &QTimer::timeout, this, &ReadinessBanner::updateReadiness);
    m_tick.start();
    updateReadiness();
}

void ReadinessBanner::addPlace(TargetPlace *place)
{
    m_places.append(place);
    const auto look = [this, place] {
        m_looks.insert(place, lookAt(place));
        present();
    };
    connect(place, &TargetPlace::readinessMayHaveChanged, this, look);
    connect(place, &TargetPlace::reachChanged, this, look);
    connect(place, &QObject::destroyed, this, [this, place] { removePlace(place); });
    look();
}

void ReadinessBanner::removePlace(TargetPlace *place)
{
    if (m_places.removeOne(place)) {
        disconnect(place, nullptr, this, nullptr);
        m_looks.remove(place);
        present();
    }
}

QString ReadinessBanner::localNotReady(const HealthStatistics::NotReadyTarget &target) const
{
    QString why;
    switch (target.why) {
    case HealthStatistics::NotReadyTarget::Why::NotProbedYet:
        why = stateSentence(TargetSnapshot());
        break;
    case HealthStatistics::NotReadyTarget::Why::NoRecentResult:
        why = tr("no probe result for %1").arg(durationWords(target.silentS));
        break;
    case HealthStatistics::NotReadyTarget::Why::Unreachable:
        why = stateSentence(m_statistics->health(target.target));
        break;
    }
    return QStringLiteral("%1: %2").arg(target.target, why);
}

void ReadinessBanner::lookHere()
{
    m_notReadyHere.clear();
    const QList<HealthStatistics::NotReadyTarget> targets = m_statistics->notReadyTargets();
    for (const HealthStatistics::NotReadyTarget &target : targets)
        m_notReadyHere.insert(target.target, localNotReady(target));
    m_degradedHere = m_statistics->countInState(TargetState::Degraded);
}

void ReadinessBanner::lookHereAt(const QString &target, TargetState from, TargetState to)
{
    if (const std::optional<HealthStatistics::NotReadyTarget> notReady = m_statistics->notReadyTarget(
                target))
        m_notReadyHere.insert(target, localNotReady(*notReady));
    else
        m_notReadyHere.remove(target);
    // Counted again at every tick: a target dropped by a new config says no change of state.
    m_degradedHere += int(to == TargetState::Degraded) - int(from == TargetState::Degraded);
    m_degradedHere = std::max(0, m_degradedHere);
}

ReadinessBanner::PlaceLook ReadinessBanner::lookAt(const TargetPlace *place)
{
    PlaceLook look;
    if (place->isConnecting()) {
        look.unseen = tr("connecting to %1").arg(place->name());
    } else if (place->unreachableSince().isValid()) {
        look.unseen = tr("%1 not answering since %2")
                              .arg(place->name(),
                                   QLocale().toString(place->unreachableSince().toLocalTime().time(),
                                                      QLocale::ShortFormat));
    } else {
        look.readiness = place->readiness();
        if (!look.readiness.ready)
            look.readiness.notReady = agentNotReady(place, look.readiness);
    }
    return look;
}

QStringList ReadinessBanner::agentNotReady(const TargetPlace *place, const PlaceReadiness &readiness)
{
    QStringList notReady;
    const QList<TargetSnapshot> targets = place->targets();
    for (const TargetSnapshot &target : targets) {
        if (target.critical && !target.reachable.value_or(false))
            notReady.append(
                    tr("%1 at %2: %3").arg(target.name, place->name(), stateSentence(target)));
    }
    // Not ready for what only the agent sees (its probes stalled): in the place's words.
    return notReady.isEmpty() ? readiness.notReady : notReady;
}

void ReadinessBanner::announce(const QString &text)
{
    setAccessibleDescription(printable(text));
    QAccessibleEvent alert(this, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
    Q_EMIT announced(accessibleDescription());
}

void ReadinessBanner::announceNotification(const QString &title, const QString &message)
{
    announce(message.isEmpty() ? title : QStringLiteral("%1: %2").arg(title, message));
}

bool ReadinessBanner::watchesNothing() const
{
    if (m_statistics->targetCount() > 0)
        return false;
    return std::all_of(m_places.cbegin(), m_places.cend(),
                       [](const TargetPlace *place) { return place->targets().isEmpty(); });
}

void ReadinessBanner::updateReadiness()
{
    lookHere();
    for (const TargetPlace *place : std::as_const(m_places))
        m_looks.insert(place, lookAt(place));
    present();
}

void ReadinessBanner::present()
{
    QStringList notReady = m_notReadyHere.values();
    bool ready = notReady.isEmpty();
    int degraded = m_degradedHere;
    QStringList unseen; // agents that do not answer
    for (const TargetPlace *place : std::as_const(m_places)) {
        const PlaceLook look = m_looks.value(place);
        if (!look.unseen.isEmpty()) {
            unseen.append(look.unseen);
            continue;
        }
        ready = ready && look.readiness.ready;
        degraded += look.readiness.degraded;
        if (!look.readiness.ready)
            notReady += look.readiness.notReady;
    }
    const bool wasReady = m_level != Level::NotReady;
    QColor colour;
    QString whole; // the tooltip, when the banner names only some
    if (!ready) {
        m_level = Level::NotReady;
        // The first few across the room; every one in the tooltip. However many fail, the line
        // stays one a screen can hold (a banner as wide as 2,000 names grew the window with it).
        const QStringList all = notReady + unseen;
        QStringList named = all.mid(0, MostNamed);
        if (all.size() > MostNamed)
            named.append(tr("and %n more", nullptr, int(all.size() - MostNamed)));
        setText(tr("NOT READY: %1").arg(named.join(QStringLiteral("; "))));
        whole = tr("NOT READY: %1").arg(all.join(QLatin1Char('\n')));
        colour = QColor(0xc0, 0x1c, 0x28);
    } else if (degraded > 0 || !unseen.isEmpty()) {
        m_level = Level::KeptByFallback;
        QStringList parts;
        if (degraded > 0)
            parts.append(tr("Ready: %n target(s) kept reachable by fallback", nullptr, degraded));
        else
            parts.append(tr("Ready where seen"));
        setText((parts + unseen).join(QStringLiteral("; ")));
        colour = QColor(0xb8, 0x6e, 0x00);
    } else if (watchesNothing()) {
        m_level = Level::Ready; // nothing to wait for; but not a green "all is well"
        setText(tr("No targets to watch yet"));
        colour = QColor(0x5e, 0x5c, 0x64);
    } else {
        m_level = Level::Ready;
        setText(tr("Ready: every critical target reachable"));
        colour = QColor(0x26, 0x80, 0x3a);
    }
    setToolTip(whole.isEmpty() ? text() : whole);
    QPalette banner = palette();
    banner.setColor(QPalette::Window, colour);
    banner.setColor(QPalette::WindowText, Qt::white);
    setPalette(banner);
    m_readyLabel->setText(ready ? tr("ready") : tr("not ready"));
    Q_EMIT readinessUpdated(m_level, text());
    if (ready != wasReady)
        Q_EMIT readinessChanged(ready);
}
