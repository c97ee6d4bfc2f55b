#pragma once

#include "oncerunner.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

// What `dnswatch --once` prints: a table for people, or JSON for scripts (README documents the
// JSON shape).
// The events are the resolver's decisions during the run (fallback entered, pins...).
QString formatOnceTable(const QList<TargetOutcome> &outcomes, bool ready,
                        const QList<ResolverEvent> &events);
QByteArray formatOnceJson(const QList<TargetOutcome> &outcomes, bool ready,
                          const QList<ResolverEvent> &events);
// One target and one event in that JSON; the agent's /api/v1/status builds on the same shape.
QJsonObject outcomeJson(const TargetOutcome &outcome);
QJsonObject eventJson(const ResolverEvent &event);
