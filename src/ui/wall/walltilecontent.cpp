#include "walltilecontent.h"

#include "printabletext.h"
#include "targetplace.h"
#include "words/localewords.h"
#include "words/machinewords.h"

#include <QCoreApplication>

#include <cmath>

namespace {
// Worst first, as the wall orders tiles and the counts are said.
constexpr StateLook WorstFirst[] = {StateLook::Down,    StateLook::Degraded, StateLook::Unseen,
                                    StateLook::Unknown, StateLook::Paused,   StateLook::Healthy};

QString percent(const std::optional<double> &fraction)
{
    if (!fraction)
        return QStringLiteral("-");
    // "100 %" rather than "100.0 %": the line fits a smaller tile. Whole only when it is: all,
    // nothing, or a whole number between (99.96 % is not "100 %", nor "99 %").
    const double percent = *fraction * 100;
    const bool whole = *fraction == 0.0 || *fraction == 1.0
            || (percent >= 1 && percent <= 99 && std::abs(percent - std::round(percent)) < 0.05);
    return LocaleWords::percent(*fraction, whole ? 0 : 1); // "99,5 %" in German
}

} // namespace

QString WallTileContent::fullText() const
{
    return QStringList{stateWord, title}.join(QLatin1Char('\n')) + QLatin1Char('\n')
            + details.join(QLatin1Char('\n'));
}

int LookCounts::total() const
{
    int sum = 0;
    for (const int one : count)
        sum += one;
    return sum;
}

StateLook LookCounts::worst() const
{
    for (const StateLook look : WorstFirst) {
        if (of(look) > 0)
            return look;
    }
    return StateLook::Unknown;
}

QStringList LookCounts::parts() const
{
    QStringList parts;
    for (const StateLook look : WorstFirst) {
        if (of(look) > 0)
            parts.append(QStringLiteral("%1 %2").arg(of(look)).arg(lookWord(look)));
    }
    return parts;
}

int worstFirstRank(StateLook look)
{
    switch (look) {
    case StateLook::Down:
        return 0;
    case StateLook::Degraded:
        return 1;
    case StateLook::Unknown:
    case StateLook::Unseen:
        return 2;
    case StateLook::Paused:
        return 3;
    case StateLook::Healthy:
        break;
    }
    return 4;
}

QString lookWord(StateLook look)
{
    switch (look) {
    // The dashboard's words for the states, so the wall and the table always say the same.
    case StateLook::Healthy:
        return MachineWords::state(TargetState::Healthy);
    case StateLook::Degraded:
        return MachineWords::state(TargetState::Degraded);
    case StateLook::Down:
        return MachineWords::state(TargetState::Down);
    case StateLook::Paused:
        return MachineWords::state(TargetState::Paused);
    case StateLook::Unseen:
        return QCoreApplication::translate("WallTileContent", "not answering");
    case StateLook::Unknown:
        break;
    }
    return MachineWords::state(TargetState::Unknown);
}

QString sourceWord(const QString &source)
{
    if (source.isEmpty() || source == QLatin1String("none"))
        return QCoreApplication::translate("WallTileContent", "no answer");
    return MachineWords::source(source);
}

WallTileContent targetTileContent(const TargetSnapshot &target, const TargetPlace &place,
                                  PlaceLine placeLine, const QString &timeInFallback)
{
    const Visibility visibility = place.unreachableSince().isValid() ? Visibility::Unseen
                                                                     : Visibility::Seen;
    WallTileContent content;
    content.look = stateLook(target.state, visibility);
    content.stateWord = lookWord(content.look);
    content.title = printable(target.name);
    if (placeLine == PlaceLine::Shown)
        content.details.append(QCoreApplication::translate("WallTileContent", "at %1")
                                       .arg(printable(place.name())));
    const QString rates = QCoreApplication::translate("WallTileContent", "DNS %1 · service %2");
    content.widthReference = rates.arg(percent(0.999), percent(0.999));
    content.details.append(rates.arg(percent(target.dnsSuccessFiveMinutes),
                                     percent(target.checkSuccessFiveMinutes)));
    const QString source = target.lastProbe.isValid()
            ? sourceWord(target.source)
            : QCoreApplication::translate("WallTileContent", "not probed yet");
    QString sourceLine = timeInFallback.isEmpty()
            ? source
            : QCoreApplication::translate("WallTileContent", "%1 · in fallback %2")
                      .arg(source, timeInFallback);
    // Not answering: what it reported last, on the last line (the tile has no room for more).
    if (visibility == Visibility::Unseen)
        sourceLine = QCoreApplication::translate("WallTileContent", "was %1 · %2")
                             .arg(lookWord(stateLook(target.state)), sourceLine);
    content.details.append(sourceLine);
    return content;
}

WallTileContent placeTileContent(const TargetPlace &place, const LookCounts &counts)
{
    WallTileContent content;
    content.look = place.unreachableSince().isValid() ? StateLook::Unseen : counts.worst();
    content.stateWord = lookWord(content.look);
    content.title = printable(place.name());
    content.details = counts.parts();
    return content;
}
