#pragma once

#include "answerreader.h"
#include "probe/zonesignatures.h"

#include <QJsonObject>
#include <QList>

// A zone of an agent's "dnssec_zones" as the agent's status last gave it ("zones").
struct RemoteZone
{
    ZoneSignatureStatus status;
    bool checked = false; // false: the agent has not asked yet ("not checked yet")

    bool operator==(const RemoteZone &other) const = default;
};

// Reads the status's "zones" (absent from agents older than them: none). Each needs "zone" and a
// "status" of ok, warning, expired or unknown; errors name the JSON path.
QList<RemoteZone> readAgentZones(AnswerReader &reader, const QJsonObject &root);
