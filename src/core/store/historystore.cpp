#include "historystore.h"

#include "logging.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

namespace {

void merge(HistoryWriteBatch &into, HistoryWriteBatch &&from)
{
    into.results += std::move(from.results);
    into.events += std::move(from.events);
    if (from.knownGoodReplacement) {
        into.knownGoodReplacement = std::move(from.knownGoodReplacement);
        into.knownGood.clear();
    }
    into.knownGood += std::move(from.knownGood);
    for (auto it = from.pins.cbegin(); it != from.pins.cend(); ++it)
        into.pins.insert(it.key(), it.value());
}

} // namespace

HistoryStore::HistoryStore(const HistoryPolicy &policy, int maxStaleS, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_policy(policy)
    , m_maxStaleS(maxStaleS)
    , m_clock(clock)
    , m_thread(new QThread)
    , m_worker(new QObject)
{
    m_thread->setObjectName(QStringLiteral("dnswatch-history"));
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

HistoryStore::~HistoryStore()
{
    QString error;
    if (!close(&error))
        qCWarning(lcStore) << error;
    if (m_thread->isFinished()) {
        delete m_worker;
        delete m_thread;
    }
}

void HistoryStore::open(const QString &path, std::function<void(const SchemaReport &)> done,
                        PageCheck pageCheck, const QList<SchemaStep> &steps)
{
    m_path = path;
    const QString connection = QStringLiteral("dnswatch-history-%1").arg(quintptr(this), 0, 16);
    QMetaObject::invokeMethod(m_worker, [this, path, steps, pageCheck, connection, done] {
        m_db = std::make_unique<HistoryDatabase>(connection);
        const SchemaReport report = m_db->open(path, steps, pageCheck);
        QMetaObject::invokeMethod(
                this,
                [this, report, done] {
                    m_open = report.ok && !m_closed;
                    m_pagesChecked = report.pagesChecked;
                    if (m_open && !m_pagesChecked)
                        startPageCheck();
                    if (isWritable()) {
                        flush();
                        prune();
                        schedulePrune();
                    }
                    done(report);
                },
                Qt::QueuedConnection);
    });
}

void HistoryStore::startPageCheck()
{
    const QString path = m_path;
    const QString connection = QStringLiteral("dnswatch-history-check-%1").arg(quintptr(this), 0, 16);
    // The thread only fills in the verdict; finished() brings it here (and goes nowhere if
    // this store is gone by then).
    struct Verdict
    {
        QString problems;
        qint64 elapsedMs = 0;
    };
    const auto verdict = std::make_shared<Verdict>();
    m_pageCheck = QThread::create([verdict, path, connection] {
        QElapsedTimer timer;
        timer.start();
        // A reader of its own: WAL lets it run beside the writer thread's reads.
        verdict->problems = HistorySchema::checkPages(path, connection);
        verdict->elapsedMs = timer.elapsed();
    });
    connect(m_pageCheck, &QThread::finished, this, [this, verdict] {
        m_counters.pageCheckMs = verdict->elapsedMs;
        onPagesChecked(verdict->problems);
    });
    m_pageCheck->setObjectName(QStringLiteral("dnswatch-history-check"));
    m_pageCheck->start();
}

void HistoryStore::onPagesChecked(const QString &problems)
{
    if (m_pageCheck) {
        m_pageCheck->wait();
        delete std::exchange(m_pageCheck, nullptr);
    }
    if (m_closed)
        return;
    if (!problems.isEmpty()) {
        m_damage = QStringLiteral("%1: %2; nothing more is written to it, the file was left as "
                                  "it is")
                           .arg(m_path, problems);
        m_pending = HistoryWriteBatch();
        qCWarning(lcStore) << m_damage;
        Q_EMIT damaged(m_damage);
        return;
    }
    m_pagesChecked = true;
    Q_EMIT pagesChecked();
    flush();
    prune();
    schedulePrune();
}

void HistoryStore::recordResult(const ProbeResult &result)
{
    m_pending.results.append(result);
    queued(m_pending.results.size() >= EarlyFlushResults);
}

void HistoryStore::recordEvent(const StoredEvent &event)
{
    m_pending.events.append(event);
    queued(true);
}

void HistoryStore::keepKnownGood(const KnownGoodAnswer &answer)
{
    m_pending.knownGood.append(answer);
    queued(false);
}

void HistoryStore::replaceKnownGood(const QList<KnownGoodAnswer> &answers)
{
    m_pending.knownGoodReplacement = answers;
    m_pending.knownGood.clear();
    queued(true);
}

void HistoryStore::savePin(const QString &host, const PinnedFallback &pin)
{
    m_pending.pins.insert(host, pin);
    queued(true);
}

void HistoryStore::removePin(const QString &host)
{
    m_pending.pins.insert(host, std::nullopt);
    queued(true);
}

void HistoryStore::queued(bool urgent)
{
    if (!m_damage.isEmpty()) {
        m_pending = HistoryWriteBatch(); // a damaged file gets nothing
        return;
    }
    m_counters.unwrittenResults = m_pending.results.size();
    if (urgent) {
        // Events and pins go at once, yet a burst of them still makes one transaction.
        if (!m_urgentFlushQueued) {
            m_urgentFlushQueued = true;
            QMetaObject::invokeMethod(
                    this,
                    [this] {
                        m_urgentFlushQueued = false;
                        flush();
                    },
                    Qt::QueuedConnection);
        }
    } else if (!m_flushTimer) {
        m_flushTimer = m_clock->callAfter(m_policy.flushIntervalMs, this, [this] {
            m_flushTimer = 0;
            flush();
        });
    }
}

void HistoryStore::flush()
{
    if (!isWritable() || m_pending.isEmpty())
        return;
    if (m_flushTimer)
        m_clock->cancel(std::exchange(m_flushTimer, 0));
    QMetaObject::invokeMethod(m_worker, [this, batch = std::exchange(m_pending, {})]() mutable {
        writeOnWorker(std::move(batch));
    });
}

void HistoryStore::writeOnWorker(HistoryWriteBatch batch)
{
    merge(m_unwritten, std::move(batch));
    const int results = int(m_unwritten.results.size());
    const int events = int(m_unwritten.events.size());
    QElapsedTimer timer;
    timer.start();
    const bool written = m_db->write(m_unwritten);
    const qint64 elapsedUs = timer.nsecsElapsed() / 1000;
    QString error;
    if (written) {
        m_unwritten = HistoryWriteBatch();
    } else {
        error = m_db->lastError();
        // While the disk keeps failing, the oldest results go first; events and pins stay.
        const qint64 excess = m_unwritten.results.size() - UnwrittenResultLimit;
        if (excess > 0)
            m_unwritten.results.remove(0, excess);
    }
    const qint64 backlog = m_unwritten.results.size();
    m_finalUnwritten = backlog + m_unwritten.events.size() + m_unwritten.pins.size();
    QMetaObject::invokeMethod(
            this,
            [this, written, results, events, elapsedUs, backlog, error] {
                m_counters.lastBatchUs = elapsedUs;
                m_counters.unwrittenResults = backlog + m_pending.results.size();
                if (!written) {
                    ++m_counters.failedBatches;
                    if (error != m_lastWriteError)
                        qCWarning(lcStore) << error;
                    m_lastWriteError = error;
                    Q_EMIT writeFailed(error);
                    return;
                }
                m_lastWriteError.clear();
                ++m_counters.batches;
                m_counters.resultsWritten += results;
                m_counters.eventsWritten += events;
                Q_EMIT batchWritten(results, events);
            },
            Qt::QueuedConnection);
}

void HistoryStore::prune()
{
    if (!isWritable())
        return;
    const QDateTime now = m_clock->wallTime();
    QMetaObject::invokeMethod(m_worker, [this, now] {
        const std::optional<PruneReport> report = m_db->prune(now, m_policy, m_maxStaleS);
        const QString error = report ? QString() : m_db->lastError();
        QMetaObject::invokeMethod(
                this,
                [this, report, error] {
                    if (report)
                        Q_EMIT pruned(*report);
                    else
                        Q_EMIT writeFailed(error);
                },
                Qt::QueuedConnection);
    });
}

void HistoryStore::schedulePrune()
{
    m_pruneTimer = m_clock->callAfter(PruneIntervalMs, this, [this] {
        prune();
        schedulePrune();
    });
}

bool HistoryStore::close(QString *error)
{
    if (m_closed)
        return true;
    if (m_pageCheck) {
        // What is queued may be written only once the pages are known to be sound.
        if (!m_pageCheck->wait(QDeadlineTimer(m_policy.shutdownTimeoutMs))) {
            if (error)
                *error = QStringLiteral("history %1: the page check did not finish within %2 ms; "
                                        "%3 results were not written")
                                 .arg(m_path)
                                 .arg(m_policy.shutdownTimeoutMs)
                                 .arg(m_pending.results.size());
            m_closed = true;
            return false;
        }
        QCoreApplication::sendPostedEvents(this, QEvent::MetaCall); // its verdict
    }
    if (!m_damage.isEmpty()) {
        m_closed = true;
        if (error)
            *error = m_damage;
        return false;
    }
    flush();
    m_closed = true;
    m_open = false;
    for (Clock::TimerId *timer : {&m_flushTimer, &m_pruneTimer}) {
        if (*timer)
            m_clock->cancel(std::exchange(*timer, 0));
    }
    // Posted after every write: the thread ends when they are all done.
    QMetaObject::invokeMethod(m_worker, [this] {
        m_db.reset();
        QThread::currentThread()->quit();
    });
    if (!m_thread->wait(QDeadlineTimer(m_policy.shutdownTimeoutMs))) {
        if (error)
            *error = QStringLiteral("history %1: the last writes did not finish within %2 ms")
                             .arg(m_path)
                             .arg(m_policy.shutdownTimeoutMs);
        return false;
    }
    if (m_finalUnwritten > 0) {
        if (error)
            *error = QStringLiteral("history %1: %2 records could not be written (%3)")
                             .arg(m_path)
                             .arg(m_finalUnwritten)
                             .arg(m_lastWriteError);
        return false;
    }
    return true;
}

template<typename T>
void HistoryStore::read(QObject *context, std::function<std::optional<T>(HistoryDatabase &)> job,
                        ReadCallback<T> done)
{
    if (m_closed) {
        QMetaObject::invokeMethod(
                this,
                [done, guard = QPointer<QObject>(context)] {
                    if (guard)
                        done(std::nullopt, QStringLiteral("the history is closed"));
                },
                Qt::QueuedConnection);
        return;
    }
    flush(); // what was recorded before the read is in what it reads
    QMetaObject::invokeMethod(m_worker, [this, job, done, guard = QPointer<QObject>(context)] {
        std::optional<T> value;
        QString error = QStringLiteral("the history is not open");
        if (m_db && m_db->isOpen()) {
            value = job(*m_db);
            error = value ? QString() : m_db->lastError();
        }
        // Back through this object: guard is only looked at on its own thread.
        QMetaObject::invokeMethod(
                this,
                [done, guard, value = std::move(value), error] {
                    if (guard)
                        done(value, error);
                },
                Qt::QueuedConnection);
    });
}

void HistoryStore::readRestoredState(QObject *context, ReadCallback<RestoredState> done)
{
    const QDateTime now = m_clock->wallTime();
    read<RestoredState>(
            context, [now](HistoryDatabase &db) { return db.restoredState(now); }, std::move(done));
}

void HistoryStore::readEvents(const QDateTime &from, const QDateTime &to, int limit,
                              QObject *context, ReadCallback<QList<StoredEvent>> done)
{
    read<QList<StoredEvent>>(
            context, [=](HistoryDatabase &db) { return db.events(from, to, limit); },
            std::move(done));
}

void HistoryStore::readResults(const QString &target, const QDateTime &from, const QDateTime &to,
                               int limit, QObject *context, ReadCallback<QList<ProbeResult>> done)
{
    read<QList<ProbeResult>>(
            context, [=](HistoryDatabase &db) { return db.results(target, from, to, limit); },
            std::move(done));
}

void HistoryStore::readBuckets(const QDateTime &from, const QDateTime &to, int widthS,
                               QObject *context, ReadCallback<QList<HistoryBucket>> done,
                               const QString &target)
{
    read<QList<HistoryBucket>>(
            context, [=](HistoryDatabase &db) { return db.buckets(from, to, widthS, target); },
            std::move(done));
}

void HistoryStore::readWith(QObject *context, std::function<QVariant(HistoryDatabase &)> job,
                            std::function<void(const QVariant &)> done)
{
    read<QVariant>(
            context, [job](HistoryDatabase &db) { return std::optional<QVariant>(job(db)); },
            [done](const std::optional<QVariant> &value, const QString &) {
                done(value.value_or(QVariant()));
            });
}
