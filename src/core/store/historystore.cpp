#include "historystore.h"

#include "logging.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMutex>
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
    into.census += std::move(from.census);
    if (from.eventFeedLastId)
        into.eventFeedLastId = std::max(into.eventFeedLastId.value_or(0), *from.eventFeedLastId);
}

} // namespace

struct HistoryStore::WriterSide
{
    // The writer thread's own:
    std::unique_ptr<HistoryDatabase> db;
    HistoryWriteBatch unwritten; // a failed batch, tried again with the next
    // Written by the writer thread, read after it finished:
    qint64 finalUnwritten = 0;
    QString finalError;
    std::shared_ptr<ReplyChannel> replies;
};

// Where the writer's and the readers' answers go: the store, until it has gone.
struct HistoryStore::ReplyChannel
{
    QMutex lock;
    HistoryStore *store = nullptr;

    std::atomic<bool> stopReaders = false; // close() ran out of time: readers end early

    void send(std::function<void()> onStoreThread)
    {
        const QMutexLocker locked(&lock);
        if (store)
            QMetaObject::invokeMethod(store, std::move(onStoreThread), Qt::QueuedConnection);
    }
    // The same, handing the store to the call (read here under the lock, used there).
    void sendToStore(std::function<void(HistoryStore *)> onStoreThread)
    {
        const QMutexLocker locked(&lock);
        if (store)
            QMetaObject::invokeMethod(
                    store, [to = store, onStoreThread] { onStoreThread(to); }, Qt::QueuedConnection);
    }
};

void HistoryStore::reply(WriterSide *writer, std::function<void()> onStoreThread)
{
    writer->replies->send(std::move(onStoreThread));
}

HistoryStore::HistoryStore(const HistoryPolicy &policy, int maxStaleS, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_policy(policy)
    , m_maxStaleS(maxStaleS)
    , m_clock(clock)
    , m_thread(new QThread)
    , m_worker(new QObject)
    , m_writer(new WriterSide)
    , m_replies(std::make_shared<ReplyChannel>())
    , m_writeFailures(clock)
{
    m_replies->store = this;
    m_writer->replies = m_replies;
    m_thread->setObjectName(QStringLiteral("dnswatch-history"));
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

HistoryStore::~HistoryStore()
{
    QString error;
    if (!close(&error))
        qCWarning(lcStore) << error;
    {
        const QMutexLocker lock(&m_replies->lock);
        m_replies->store = nullptr; // the jobs and readers still running talk to no one
    }
    // What still runs (close() waited as long as it could) is left to end on its own, or with
    // the process: a QThread must not be destroyed while it runs.
    for (QThread *reader : std::as_const(m_readers)) {
        if (reader->isFinished())
            delete reader;
    }
    if (!m_thread->isFinished())
        return;
    delete m_worker;
    delete m_thread;
    delete m_writer;
}

void HistoryStore::open(const QString &path, std::function<void(const SchemaReport &)> done,
                        PageCheck pageCheck, const QList<SchemaStep> &steps)
{
    m_path = path;
    const QString connection = QStringLiteral("dnswatch-history-%1").arg(quintptr(this), 0, 16);
    QMetaObject::invokeMethod(
            m_worker, [this, writer = m_writer, path, steps, pageCheck, connection, done] {
                writer->db = std::make_unique<HistoryDatabase>(connection);
                const SchemaReport report = writer->db->open(path, steps, pageCheck);
                reply(writer, [this, report, done] {
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
                });
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

void HistoryStore::keepEventFeedLastId(qint64 id)
{
    m_pending.eventFeedLastId = std::max(m_pending.eventFeedLastId.value_or(0), id);
    queued(false);
}

void HistoryStore::recordCensus(const CacheCensus &census)
{
    m_pending.census.append(census);
    queued(false);
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
    QMetaObject::invokeMethod(m_worker,
                              [writer = m_writer, batch = std::exchange(m_pending, {})]() mutable {
                                  writeOnWorker(writer, std::move(batch));
                              });
}

void HistoryStore::writeOnWorker(WriterSide *writer, HistoryWriteBatch batch)
{
    HistoryWriteBatch &unwritten = writer->unwritten;
    merge(unwritten, std::move(batch));
    const int results = int(unwritten.results.size());
    const int events = int(unwritten.events.size());
    QElapsedTimer timer;
    timer.start();
    const bool written = writer->db->write(unwritten);
    const qint64 elapsedUs = timer.nsecsElapsed() / 1000;
    QString error;
    if (written) {
        unwritten = HistoryWriteBatch();
    } else {
        error = writer->db->lastError();
        writer->finalError = error;
        // While the disk keeps failing, the oldest results go first; events and pins stay.
        const qint64 excess = unwritten.results.size() - UnwrittenResultLimit;
        if (excess > 0)
            unwritten.results.remove(0, excess);
    }
    const qint64 backlog = unwritten.results.size();
    writer->finalUnwritten = backlog + unwritten.events.size() + unwritten.pins.size();
    writer->replies->sendToStore([=](HistoryStore *store) {
        store->onBatchDone(written, results, events, elapsedUs, backlog, error);
    });
}

void HistoryStore::onBatchDone(bool written, int results, int events, qint64 elapsedUs,
                               qint64 backlog, const QString &error)
{
    m_counters.lastBatchUs = elapsedUs;
    m_counters.unwrittenResults = backlog + m_pending.results.size();
    if (!written) {
        ++m_counters.failedBatches;
        onWriteFailed(error);
        return;
    }
    sayWriteTrouble(m_writeFailures.succeeded());
    ++m_counters.batches;
    m_counters.resultsWritten += results;
    m_counters.eventsWritten += events;
    Q_EMIT batchWritten(results, events);
}

void HistoryStore::onWriteFailed(const QString &error)
{
    sayWriteTrouble(m_writeFailures.failed(error));
    Q_EMIT writeFailed(error);
}

void HistoryStore::sayWriteTrouble(const QString &line)
{
    if (line.isEmpty())
        return;
    qCWarning(lcStore).noquote() << line;
    Q_EMIT writeTroubleSaid(line);
}

void HistoryStore::prune()
{
    if (!isWritable())
        return;
    const QDateTime now = m_clock->wallTime();
    QMetaObject::invokeMethod(
            m_worker, [this, writer = m_writer, now, policy = m_policy, maxStaleS = m_maxStaleS] {
                const std::optional<PruneReport> report = writer->db->prune(now, policy, maxStaleS);
                const QString error = report ? QString() : writer->db->lastError();
                reply(writer, [this, report, error] {
                    if (report)
                        Q_EMIT pruned(*report);
                    else
                        onWriteFailed(error);
                });
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
    const QDeadlineTimer deadline(m_policy.shutdownTimeoutMs);
    QString problem;
    if (m_pageCheck) {
        // What is queued may be written only once the pages are known to be sound.
        if (m_pageCheck->wait(deadline))
            QCoreApplication::sendPostedEvents(this, QEvent::MetaCall); // its verdict
        else
            problem = QStringLiteral("history %1: the page check did not finish within %2 ms; %3 "
                                     "results were not written")
                              .arg(m_path)
                              .arg(m_policy.shutdownTimeoutMs)
                              .arg(m_pending.results.size());
    }
    if (!m_damage.isEmpty())
        problem = m_damage;
    if (problem.isEmpty())
        flush();
    m_closed = true;
    m_open = false;
    for (Clock::TimerId *timer : {&m_flushTimer, &m_pruneTimer}) {
        if (*timer)
            m_clock->cancel(std::exchange(*timer, 0));
    }
    // Posted after every write: the thread ends when they are all done, and the connection
    // closes on the thread that opened it.
    QMetaObject::invokeMethod(m_worker, [writer = m_writer] {
        writer->db.reset();
        QThread::currentThread()->quit();
    });
    waitForReaders(deadline);
    if (!m_thread->wait(deadline)) {
        problem = QStringLiteral("history %1: the last writes did not finish within %2 ms")
                          .arg(m_path)
                          .arg(m_policy.shutdownTimeoutMs);
    } else if (problem.isEmpty() && m_writer->finalUnwritten > 0) {
        problem = QStringLiteral("history %1: %2 records could not be written (%3)")
                          .arg(m_path)
                          .arg(m_writer->finalUnwritten)
                          .arg(m_writer->finalError);
    }
    if (error)
        *error = problem;
    return problem.isEmpty();
}

template<typename T>
void HistoryStore::answerWithout(QObject *context, ReadCallback<T> done, const QString &why)
{
    QMetaObject::invokeMethod(
            this,
            [done, why, guard = QPointer<QObject>(context)] {
                if (guard)
                    done(std::nullopt, why);
            },
            Qt::QueuedConnection);
}

template<typename T>
void HistoryStore::read(QObject *context, std::function<std::optional<T>(HistoryDatabase &)> job,
                        ReadCallback<T> done)
{
    if (m_closed)
        return answerWithout(context, done, QStringLiteral("the history is closed"));
    flush(); // what was recorded before the read is in what it reads
    QMetaObject::invokeMethod(m_worker,
                              [writer = m_writer, job, done, guard = QPointer<QObject>(context)] {
                                  std::optional<T> value;
                                  QString error = QStringLiteral("the history is not open");
                                  if (writer->db && writer->db->isOpen()) {
                                      value = job(*writer->db);
                                      error = value ? QString() : writer->db->lastError();
                                  }
                                  // Back through the store: guard is only looked at on its own thread.
                                  reply(writer, [done, guard, value = std::move(value), error] {
                                      if (guard)
                                          done(value, error);
                                  });
                              });
}

void HistoryStore::readRestoredState(QObject *context, ReadCallback<RestoredState> done)
{
    const QDateTime now = m_clock->wallTime();
    read<RestoredState>(
            context, [now](HistoryDatabase &db) { return db.restoredState(now); }, std::move(done));
}

void HistoryStore::readEvents(const QDateTime &from, const QDateTime &to, int limit,
                              QObject *context, ReadCallback<QList<StoredEvent>> done,
                              const QString &kind)
{
    read<QList<StoredEvent>>(
            context, [=](HistoryDatabase &db) { return db.events(from, to, limit, kind); },
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

void HistoryStore::readSummedBuckets(const QDateTime &from, const QDateTime &to, int widthS,
                                     QObject *context, ReadCallback<QList<HistoryBucket>> done)
{
    read<QList<HistoryBucket>>(
            context, [=](HistoryDatabase &db) { return db.summedBuckets(from, to, widthS); },
            std::move(done));
}

void HistoryStore::readCensus(const QDateTime &from, const QDateTime &to, int widthS,
                              QObject *context, ReadCallback<QList<CacheCensus>> done)
{
    read<QList<CacheCensus>>(
            context, [=](HistoryDatabase &db) { return db.census(from, to, widthS); },
            std::move(done));
}

void HistoryStore::readAside(QObject *context, std::function<QVariant(HistoryDatabase &)> job,
                             ReadCallback<QVariant> done)
{
    if (m_closed)
        return answerWithout(context, done, QStringLiteral("the history is closed"));
    if (!m_damage.isEmpty()) // a damaged file would give a report with rows missing
        return answerWithout(context, done, m_damage);
    flush();
    // The reader starts once the writer has committed what was recorded before: it sees that.
    QMetaObject::invokeMethod(
            m_worker, [writer = m_writer, job, done, guard = QPointer<QObject>(context)] {
                writer->replies->sendToStore([job, done, guard](HistoryStore *store) {
                    if (store->m_closed)
                        store->answerWithout<QVariant>(guard, done,
                                                       QStringLiteral("the history is closed"));
                    else
                        store->startReader(job, done, guard);
                });
            });
}

void HistoryStore::waitForReaders(const QDeadlineTimer &deadline)
{
    // A report being read is let finish while the deadline allows; then its reads stop (its
    // file is not written) and it gets a moment to end. Unfinished, not lost data: said, not
    // failed. Its answer comes only if the store is still there to take it.
    if (!m_readers.isEmpty())
        Q_EMIT waitingForReaders(int(m_readers.size()));
    bool stopped = false;
    for (QThread *reader : std::as_const(m_readers)) {
        if (reader->wait(deadline))
            continue;
        m_replies->stopReaders = true;
        stopped = true;
        if (!reader->wait(ReaderStopGraceMs))
            qCWarning(lcStore).noquote()
                    << QStringLiteral("history %1: a report being read did not stop; it is left")
                               .arg(m_path);
    }
    if (stopped)
        qCWarning(lcStore).noquote()
                << QStringLiteral("history %1: a report being read did not finish within %2 ms "
                                  "and was stopped, unwritten")
                           .arg(m_path)
                           .arg(m_policy.shutdownTimeoutMs);
}

void HistoryStore::startReader(std::function<QVariant(HistoryDatabase &)> job,
                               ReadCallback<QVariant> done, QPointer<QObject> guard)
{
    const QString connection = QStringLiteral("dnswatch-history-reader-%1-%2")
                                       .arg(quintptr(this), 0, 16)
                                       .arg(++m_readersStarted);
    QThread *reader = QThread::create(
            [path = m_path, connection, job, done, guard, replies = m_replies] {
                std::optional<QVariant> value;
                QString error;
                {
                    HistoryDatabase db(connection);
                    db.setStopFlag(&replies->stopReaders);
                    // The store checks the pages itself (and refuses readers once damaged).
                    const SchemaReport opened = db.openForReading(path, PageCheck::InBackground);
                    if (opened.ok)
                        value = job(db);
                    else
                        error = opened.error;
                } // the connection closes on the thread that opened it
                replies->send([done, guard, value, error] {
                    if (guard)
                        done(value, error);
                });
            });
    reader->setObjectName(QStringLiteral("dnswatch-history-reader"));
    m_readers.append(reader);
    connect(reader, &QThread::finished, this, [this, reader] {
        m_readers.removeOne(reader);
        reader->deleteLater();
    });
    reader->start();
}
