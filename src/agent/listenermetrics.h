#pragma once

#include <QByteArray>

class GuardedTcpServer;

// The Prometheus text exposition of the agent's HTTP listener: its open connections and the
// ones it closed or refused, by reason (every reason present from the start, at 0); the long
// polls waiting, and those refused for want of room.
QByteArray listenerMetrics(const GuardedTcpServer &listener);
