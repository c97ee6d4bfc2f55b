#pragma once

#include <QByteArray>

class HistoryStore;
class Monitor;

// The Prometheus text exposition (format 0.0.4) of a Monitor: dnswatch_ prefix, base units,
// _total counters, latency histograms in seconds, labels target/host/resolver. Addresses are
// never labels of the measurements; dnswatch_target_addresses_info carries them. Every known
// label set is present from the start (zeros before the first probe). With a history (--db),
// dnswatch_history_damaged says whether its page check found it damaged.
QByteArray prometheusMetrics(const Monitor &monitor, const HistoryStore *history = nullptr);
