#pragma once

#include "statepalette.h"

class QPainter;
class QRectF;

// The sign of a look, drawn in colour inside rect (a square is best): a check mark (healthy), a
// triangle with "!" (degraded), a circle with a cross (down), two bars (paused), a circle with
// "?" (unknown), a broken link (its place does not answer). The shapes differ as well as the
// colours, so they are told apart without colour vision.
void paintStateGlyph(QPainter &painter, const QRectF &rect, StateLook look, const QColor &color);
