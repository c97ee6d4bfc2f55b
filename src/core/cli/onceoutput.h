#pragma once

#include "oncerunner.h"

#include <QByteArray>
#include <QString>

// What `dnswatch --once` prints: a table for people, or JSON for scripts (README documents the
// JSON shape).
QString formatOnceTable(const QList<TargetOutcome> &outcomes, bool ready);
QByteArray formatOnceJson(const QList<TargetOutcome> &outcomes, bool ready);
