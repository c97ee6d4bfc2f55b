#pragma once

#include "probe/pathcomparison.h"

#include <QStringList>

// The compared paths of one target as `dnswatch --once` prints them under the target's row:
// one line per path (resolver, answer or error, latency, source tier, and whether it differs),
// then the verdict, "paths agree" or "paths differ: RESOLVER, ...". Empty when the target
// compares nothing. Lines come without indentation or newline, made printable.
QStringList oncePathLines(const PathComparison &comparison);
