#pragma once

#include <QByteArray>
#include <QByteArrayView>

struct AppConfig;
class HistoryStore;
class Monitor;

// Which series /metrics has per target ("metrics": {"detailed": ...}): the lean default set is
// what the alert rules and the Grafana dashboard use; the full set adds the success ratios per
// window (rate() over the _total counters gives them) and the service-check histogram of
// targets whose check is the DNS answer itself.
enum class MetricsDetail { Lean, Full };
MetricsDetail metricsDetail(const AppConfig &config);

// The Prometheus text exposition (format 0.0.4) of a Monitor: dnswatch_ prefix, base units,
// _total counters, latency histograms in seconds, labels target/host/resolver. Addresses are
// never labels of the measurements; dnswatch_target_addresses_info carries them. Every known
// label set is present from the start (zeros before the first probe). With a history (--db),
// dnswatch_history_damaged says whether its page check found it damaged. tail (more of the
// exposition, the listener's) ends the text. Written into one buffer reserved for the whole
// text: no second copy of it is made.
QByteArray prometheusMetrics(const Monitor &monitor, const HistoryStore *history = nullptr,
                             QByteArrayView tail = {});
