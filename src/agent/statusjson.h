#pragma once

#include "agenttokens.h"

#include <QByteArray>

#include <optional>

class HistoryStore;
class Monitor;

// The body of GET /api/v1/status (docs/api.md): ready, every configured target (its latest
// outcome, the --once shape, with its state, success rates, latency quantiles, time in
// fallback and last probes), the last 50 resolver events, the DNSSEC zones watched, and which
// token asked ("access": name and role) when one did. Written as it is built: with a thousand
// targets it is most of a megabyte.
QByteArray statusJson(const Monitor &monitor, const HistoryStore *history = nullptr,
                      const std::optional<AgentToken> &asker = std::nullopt);
