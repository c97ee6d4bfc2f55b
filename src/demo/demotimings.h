#pragma once

// The lab's numbers in one place: the script announces them, the DNS server and the built-in
// config apply them, so what the banner says is what happens.
namespace DemoTimings {
constexpr int RecordTtlS = 3; // TTL of every answer: each probe needs a live lookup
constexpr int ProbeIntervalS = 5;
constexpr int ClientResponseTimerMs = 800; // a slower lookup is answered from fallback meanwhile
constexpr int LateAnswerMs = 1500; // "slow answers": later than the timer, within the timeout
constexpr int LookupTimeoutMs = 2500; // one try against the one server
constexpr int MaxStaleS = 30; // stale data is served this long after it expired
// The lagging path learns of an address change this much later than the lab's DNS: longer than
// a probe and a TTL, so a probe sees the two paths differ; shorter than the address change phase.
constexpr int PathLagS = 15;
} // namespace DemoTimings
