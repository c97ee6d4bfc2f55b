#pragma once

#include "probe/targetstate.h"

#include <QColor>
#include <QIcon>

class QPalette;

// How a target's state is seen: its state, or that its place (an agent) does not answer, so the
// state is only the last one it reported.
enum class StateLook { Healthy, Degraded, Down, Paused, Unknown, Unseen };
enum class Visibility { Seen, Unseen };
StateLook stateLook(TargetState state, Visibility visibility = Visibility::Seen);

// The colours of one look: text on background (a wall tile, a badge) and foreground, the
// state's word on the view's own base (the targets table).
struct StateColors
{
    QColor background;
    QColor text;
    QColor foreground;
};

// The state colours the whole dashboard uses, for a light and a dark palette. Every text colour
// meets WCAG AA (contrast ratio at least 4.5:1) on its background, and every foreground on any
// base from LightBaseRange (light) or DarkBaseRange (dark); tst_statepalette computes them.
class StatePalette
{
public:
    enum class Shade { Light, Dark };
    // Dark when the palette's window is dark (a dark desktop theme).
    static Shade shadeOf(const QPalette &palette);

    explicit StatePalette(Shade shade);
    explicit StatePalette(const QPalette &palette);

    Shade shade() const { return m_shade; }
    StateColors colors(StateLook look) const;
    // The look's glyph drawn in colour (its text colour unless given), crisp at every size.
    QIcon icon(StateLook look) const;
    QIcon icon(StateLook look, const QColor &color) const;

    // The lightest and darkest bases the foregrounds are made for, per shade.
    static std::pair<QColor, QColor> baseRange(Shade shade);

private:
    Shade m_shade;
};

// WCAG 2 relative luminance (0 black .. 1 white) and contrast ratio (1 .. 21).
double relativeLuminance(const QColor &color);
double contrastRatio(const QColor &one, const QColor &other);
