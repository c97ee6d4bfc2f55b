#include "systemresolverbackend.h"

#include "clock.h"
#include "logging.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QPointer>
#include <QUrl>

#include <netdb.h>
#include <sys/socket.h>
#include <thread>

// Lets a worker thread post its result back without touching a backend that may be gone.
struct SystemResolverBackend::Relay
{
    QMutex mutex;
    SystemResolverBackend *backend = nullptr;
};

struct SystemResolverBackend::Job
{
    quint64 id = 0;
    QString host;
    RecordKind kind = RecordKind::Both;
    QPointer<QObject> context;
    bool hasContext = false;
    Callback callback;
    QElapsedTimer started;
    Clock::TimerId timer = 0;
    bool started_ = false;
    bool answered = false; // the caller has had its answer (result or timeout)
};

SystemResolverBackend::SystemResolverBackend(const Options &options, Clock *clock, QObject *parent)
    : ResolverBackend(parent), m_options(options), m_clock(clock), m_relay(std::make_shared<Relay>())
{
    m_options.maxConcurrent = qMax(1, m_options.maxConcurrent);
    m_relay->backend = this;
}

SystemResolverBackend::~SystemResolverBackend()
{
    QMutexLocker lock(&m_relay->mutex);
    m_relay->backend = nullptr; // workers still in getaddrinfo finish into the void
}

void SystemResolverBackend::lookup(const QString &host, RecordKind kind, QObject *context,
                                   Callback callback)
{
    auto job = std::make_shared<Job>();
    job->id = m_nextJob++;
    job->host = host;
    job->kind = kind;
    job->context = context;
    job->hasContext = context != nullptr;
    job->callback = std::move(callback);
    job->started.start();
    const quint64 id = job->id;
    job->timer = m_clock->callAfter(m_options.timeoutMs, this, [this, id] { onTimeout(id); });
    m_jobs.insert(id, job);
    m_queue.push_back(id);
    // Start from the event loop: the callback must never run inside lookup().
    QMetaObject::invokeMethod(this, &SystemResolverBackend::startQueued, Qt::QueuedConnection);
}

void SystemResolverBackend::startQueued()
{
    while (!m_queue.empty() && m_running - m_abandoned < m_options.maxConcurrent
           && m_abandoned <= m_options.maxAbandoned) {
        const quint64 id = m_queue.front();
        m_queue.pop_front();
        const std::shared_ptr<Job> job = m_jobs.value(id);
        if (!job || job->answered)
            continue;
        job->started_ = true;
        ++m_running;
        std::thread([relay = m_relay, id, host = job->host, kind = job->kind] {
            const BackendAnswer answer = resolveBlocking(host, kind);
            QMutexLocker lock(&relay->mutex);
            if (SystemResolverBackend *backend = relay->backend) {
                QMetaObject::invokeMethod(
                        backend, [backend, id, answer] { backend->onWorkerDone(id, answer); },
                        Qt::QueuedConnection);
            }
        }).detach();
    }
}

void SystemResolverBackend::onWorkerDone(quint64 jobId, const BackendAnswer &answer)
{
    const std::shared_ptr<Job> job = m_jobs.take(jobId);
    --m_running;
    if (job && job->answered) {
        --m_abandoned;
        qCDebug(lcSystemResolver) << "abandoned lookup of" << job->host << "returned after"
                                  << job->started.elapsed() << "ms";
    } else if (job) {
        m_clock->cancel(job->timer);
        job->answered = true;
        if (!job->hasContext || job->context)
            job->callback(answer);
    }
    startQueued();
}

void SystemResolverBackend::onTimeout(quint64 jobId)
{
    const std::shared_ptr<Job> job = m_jobs.value(jobId);
    if (!job || job->answered)
        return;
    job->answered = true;
    if (job->started_) {
        ++m_abandoned; // its thread stays in getaddrinfo; it no longer counts against the bound
    } else {
        m_jobs.remove(jobId);
        m_queue.erase(std::remove(m_queue.begin(), m_queue.end(), jobId), m_queue.end());
    }
    BackendAnswer answer;
    answer.cause = FailureCause::Timeout;
    answer.server = name();
    answer.latencyUs = job->started.nsecsElapsed() / 1000;
    answer.detail = QStringLiteral("system resolver gave no answer for %1 within %2 ms")
                            .arg(job->host)
                            .arg(m_options.timeoutMs);
    if (!job->hasContext || job->context)
        job->callback(answer);
    startQueued();
}

BackendAnswer SystemResolverBackend::resolveBlocking(const QString &host, RecordKind kind)
{
    BackendAnswer answer;
    answer.server = QStringLiteral("system");
    QElapsedTimer elapsed;
    elapsed.start();

    addrinfo hints{};
    hints.ai_family = kind == RecordKind::A ? AF_INET
            : kind == RecordKind::AAAA      ? AF_INET6
                                            : AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM; // one entry per address instead of one per socket type
    addrinfo *list = nullptr;
    const QByteArray ace = QUrl::toAce(host);
    const QByteArray name = ace.isEmpty() ? host.toUtf8() : ace;
    const int rc = getaddrinfo(name.constData(), nullptr, &hints, &list);
    answer.latencyUs = elapsed.nsecsElapsed() / 1000;

    if (rc == 0) {
        for (addrinfo *entry = list; entry; entry = entry->ai_next) {
            const QHostAddress address(entry->ai_addr);
            if (!address.isNull() && !answer.addresses.contains(address))
                answer.addresses.append(address);
        }
        freeaddrinfo(list);
        if (answer.addresses.isEmpty()) {
            answer.cause = FailureCause::NoData;
            answer.detail = QStringLiteral("%1 has no %2 addresses").arg(host, recordKindName(kind));
        }
        return answer;
    }
    const QString reason = QString::fromLocal8Bit(gai_strerror(rc));
    switch (rc) {
    case EAI_NONAME:
        answer.cause = FailureCause::NxDomain;
        break;
#ifdef EAI_NODATA
    case EAI_NODATA:
        answer.cause = FailureCause::NoData;
        break;
#endif
#ifdef EAI_ADDRFAMILY
    case EAI_ADDRFAMILY:
        answer.cause = FailureCause::NoData;
        break;
#endif
    case EAI_AGAIN:
        // libc says "temporary failure" both when servers time out and when they answer
        // SERVFAIL or REFUSED. Its shortest per-server timeout is one second.
        answer.cause = answer.latencyUs >= 1'000'000 ? FailureCause::Timeout
                                                     : FailureCause::ServFail;
        break;
    case EAI_FAIL:
        answer.cause = FailureCause::ServFail;
        break;
    default:
        answer.cause = FailureCause::Network;
        break;
    }
    answer.detail = QStringLiteral("system resolver: %1 (%2)").arg(reason, host);
    return answer;
}
