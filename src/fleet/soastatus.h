#pragma once

#include "probe/soacomparison.h"

#include <QJsonObject>

#include <optional>

class AnswerReader;

// The "soa" object of a check in an agent's /api/v1/status (soaJson()); none when the check has
// none (another type, an older agent).
std::optional<SoaComparison> readSoaStatus(AnswerReader &reader, const QJsonObject &check,
                                           const QString &checkPath);
