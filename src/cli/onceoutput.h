#pragma once

#include "oncerunner.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

// What `dnswatch --once` prints: a table for people, or JSON for scripts (the user guide documents
// the JSON shape; each target is outcomeJson()).
// The events are the resolver's decisions during the run (fallback entered, pins...).
QString formatOnceTable(const QList<TargetOutcome> &outcomes, bool ready,
                        const QList<ResolverEvent> &events);
QByteArray formatOnceJson(const QList<TargetOutcome> &outcomes, bool ready,
                          const QList<ResolverEvent> &events);
