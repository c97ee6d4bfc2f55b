#pragma once

#include "resolverbackend.h"

#include <QHash>

#include <deque>
#include <memory>

class Clock;

// What applications see: getaddrinfo() on worker threads. No hidden cache (QHostInfo keeps one
// for 60 s), an application-level timeout per lookup, and a bounded number of lookups at once.
// A lookup that outlives its timeout is reported as a timeout and abandoned: its thread no longer
// counts against the bound, so one hung name does not hold up the others.
class SystemResolverBackend final : public ResolverBackend
{
    Q_OBJECT
public:
    struct Options
    {
        int timeoutMs = 5000;
        int maxConcurrent = 16;
        int maxAbandoned = 64; // hung threads tolerated before new lookups wait their turn
    };

    SystemResolverBackend(const Options &options, Clock *clock, QObject *parent = nullptr);
    ~SystemResolverBackend() override;

    QString name() const override { return QStringLiteral("system"); }
    int lookupTimeoutMs() const override { return m_options.timeoutMs; }
    bool givesTtl() const override { return false; }
    void lookup(const QString &host, RecordKind kind, QObject *context, Callback callback) override;

    int running() const { return m_running; }
    int abandoned() const { return m_abandoned; }

    // Runs getaddrinfo() for host on the calling thread; public for the tests.
    static BackendAnswer resolveBlocking(const QString &host, RecordKind kind);

private:
    struct Job;
    struct Relay;
    void startQueued();
    void onWorkerDone(quint64 jobId, const BackendAnswer &answer);
    void onTimeout(quint64 jobId);

    Options m_options;
    Clock *m_clock;
    std::shared_ptr<Relay> m_relay;
    QHash<quint64, std::shared_ptr<Job>> m_jobs;
    std::deque<quint64> m_queue;
    quint64 m_nextJob = 1;
    int m_running = 0; // threads in getaddrinfo, abandoned or not
    int m_abandoned = 0;
};
