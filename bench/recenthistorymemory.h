#pragma once

// The heap, in MB, that ProbeHistoryBuffer takes once it holds its whole two hours for targets
// probed every intervalS seconds with an A query and no service check (the peer run's targets),
// filled in this process. An agent's benchmark window is minutes long; its buffer fills for two
// hours, so the run adds what the rest of those hours would hold.
double recentHistoryHeapMb(int targets, int intervalS);
