#pragma once

#include <QTcpServer>

// The listener under the agent's HTTP server, with the limits Qt HttpServer 6.4 lacks, so that a
// few misbehaving clients cannot take the agent's endpoints away from Prometheus:
// - at most maxConnections open at once; more are closed as they come;
// - each request must be answered within requestTimeoutMs of the connection opening or of the
//   previous answer (a client that drips bytes, or sits idle on a kept-alive connection, is
//   closed; Prometheus simply reconnects);
// - at most maxRequestBytes may arrive between two answers (the endpoints take no body).
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    struct Limits
    {
        int maxConnections = 64;
        int requestTimeoutMs = 10000;
        qint64 maxRequestBytes = 64 * 1024;
    };
    struct Counters
    {
        quint64 refused = 0; // over the connection limit
        quint64 timedOut = 0;
        quint64 oversized = 0;
    };

    explicit GuardedTcpServer(const Limits &limits, QObject *parent = nullptr);

    int openConnections() const { return m_open; }
    Counters counters() const { return m_counters; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    Limits m_limits;
    int m_open = 0;
    Counters m_counters;
};
