#pragma once

#include "healthreport.h"

#include <QJsonObject>

// The report as JSON: everything the HTML shows, machine-readable, described by
// docs/report-schema.json ("schema_version" 1). Times are ISO 8601 with the local offset;
// availabilities are fractions (0.9, not 90); absent values are null.
QJsonObject reportJson(const HealthReport &report);
