#pragma once

class DeferredAnswer;
class HistoryStore;
class Monitor;
class QObject;
class QUrlQuery;

// GET /api/v1/report?from=&to=|last=&format=: the health report of the agent's history, as
// `dnswatch --report` and the report schedule make it, built on a reading thread of the history's
// own (HistoryStore::readAside) so the event loop, and /metrics, never wait for it. Without a
// history (no --db) it is refused with 409 (docs/api.md).
namespace ReportRoute {
// answer is sent at once for a refusal, else when the report is built (if context still lives).
void answer(const QUrlQuery &query, const Monitor &monitor, HistoryStore *store, QObject *context,
            const DeferredAnswer &answer);
} // namespace ReportRoute
