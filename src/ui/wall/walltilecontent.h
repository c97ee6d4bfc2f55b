#pragma once

#include "statepalette.h"
#include "targetsnapshot.h"

#include <QStringList>

#include <array>

class TargetPlace;

// What a wall tile says: its look, the state's word beside the glyph, a title (the target or the
// place) and smaller lines under it. A tile too small for a line elides it; the tooltip has all.
struct WallTileContent
{
    StateLook look = StateLook::Unknown;
    QString stateWord;
    QString title;
    QStringList details;
    // A text the font is sized to fit in width: the rates line at its widest, the same on every
    // target tile, so tiles of one size have text of one size. Longer lines are elided.
    QString widthReference;

    QString fullText() const; // every line, for the tooltip and screen readers
    bool operator==(const WallTileContent &other) const = default;
};

// How many targets are in each look, in StateLook order.
struct LookCounts
{
    std::array<int, 6> count{};
    void add(StateLook look) { ++count[size_t(look)]; }
    int of(StateLook look) const { return count[size_t(look)]; }
    int total() const;
    StateLook worst() const; // Unknown when there are none
    // "2 down", "40 healthy"... worst first, only the looks there are.
    QStringList parts() const;
};

enum class PlaceLine { Shown, Hidden }; // whether a target tile names its place (with agents)

// Worst first: down, degraded, unknown (and not answering), paused, healthy.
int worstFirstRank(StateLook look);
QString lookWord(StateLook look); // "down", "not answering"..., in the user's language
QString sourceWord(const QString &source); // "fresh", "stale", "pinned"... in the user's language

// timeInFallback as the targets table says it (empty when not in fallback).
WallTileContent targetTileContent(const TargetSnapshot &target, const TargetPlace &place,
                                  PlaceLine placeLine, const QString &timeInFallback);
WallTileContent placeTileContent(const TargetPlace &place, const LookCounts &counts);
