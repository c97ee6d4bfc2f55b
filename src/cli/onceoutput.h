#pragma once

#include "oncerunner.h"
#include "probe/zonesignatures.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

// What `dnswatch --once` prints: a table for people, or JSON for scripts (the user guide documents
// the JSON shape; each target is outcomeJson()).
// The events are the resolver's decisions during the run (fallback entered, pins...). The zones
// ("dnssec_zones") come last, and only when the config has some.
QString formatOnceTable(const QList<TargetOutcome> &outcomes, bool ready,
                        const QList<ResolverEvent> &events,
                        const QList<ZoneSignatureStatus> &zones = {});
QByteArray formatOnceJson(const QList<TargetOutcome> &outcomes, bool ready,
                          const QList<ResolverEvent> &events,
                          const QList<ZoneSignatureStatus> &zones = {});
