#pragma once

#include "clock.h"
#include "store/historydatabase.h"
#include "store/writefailurelog.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

// The history (the persistence layer) as the rest of the program uses it: writes are queued
// on the caller's thread and handed to a writer thread of its own, results in batches every
// flush interval, events and pins at once; nothing here ever waits on the disk, but close().
// Reads run on the writer thread after every write handed over before them, and answer through
// a callback on the caller's thread.
class QThread;

class HistoryStore : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using ReadCallback = std::function<void(const std::optional<T> &value, const QString &error)>;

    struct Counters
    {
        quint64 resultsWritten = 0;
        quint64 eventsWritten = 0;
        quint64 batches = 0;
        quint64 failedBatches = 0;
        qint64 lastBatchUs = 0; // how long the last commit took on the writer thread
        qint64 unwrittenResults = 0; // queued or held back after a failed write
        qint64 pageCheckMs = -1; // how long the background page check took
    };

    // maxStaleS: how long a last-known-good answer can still serve after its expiry.
    HistoryStore(const HistoryPolicy &policy, int maxStaleS, Clock *clock,
                 QObject *parent = nullptr);
    ~HistoryStore() override;

    // Checks and, if needed, migrates the file on the writer thread; done runs here. With
    // PageCheck::InBackground the file is usable for reads at once, its pages are read through
    // on a thread of their own meanwhile, and writes wait for that check (pagesChecked or
    // damaged follows).
    void open(const QString &path, std::function<void(const SchemaReport &)> done,
              PageCheck pageCheck = PageCheck::BeforeUse,
              const QList<SchemaStep> &steps = HistorySchema::steps());
    bool isOpen() const { return m_open; }
    bool isWritable() const { return m_open && m_pagesChecked && m_damage.isEmpty(); }
    // Why the file is no longer written (the background page check found it damaged); empty
    // while it is sound.
    QString damage() const { return m_damage; }
    QString path() const { return m_path; }

    void recordResult(const ProbeResult &result);
    void recordEvent(const StoredEvent &event);
    void keepKnownGood(const KnownGoodAnswer &answer);
    void replaceKnownGood(const QList<KnownGoodAnswer> &answers);
    void savePin(const QString &host, const PinnedFallback &pin);
    void removePin(const QString &host);
    void recordCensus(const CacheCensus &census);
    // The agent's newest event ID, so a restart goes on above it (RestoredState::eventFeedLastId).
    void keepEventFeedLastId(qint64 id);

    void flush(); // hands what is queued to the writer now
    void prune(); // the retention pass now (it also runs every few minutes)
    // Flushes, lets the writer finish (at most the policy's shutdown timeout) and closes the
    // file. False, with why, when the writer did not finish in time or the last write failed.
    bool close(QString *error = nullptr);

    void readRestoredState(QObject *context, ReadCallback<RestoredState> done);
    // The newest `limit` events of the range (of one kind when kind is not empty), oldest first.
    void readEvents(const QDateTime &from, const QDateTime &to, int limit, QObject *context,
                    ReadCallback<QList<StoredEvent>> done, const QString &kind = QString());
    void readResults(const QString &target, const QDateTime &from, const QDateTime &to, int limit,
                     QObject *context, ReadCallback<QList<ProbeResult>> done);
    void readBuckets(const QDateTime &from, const QDateTime &to, int widthS, QObject *context,
                     ReadCallback<QList<HistoryBucket>> done, const QString &target = QString());
    // Every target's buckets summed, one per time (HistoryDatabase::summedBuckets()).
    void readSummedBuckets(const QDateTime &from, const QDateTime &to, int widthS, QObject *context,
                           ReadCallback<QList<HistoryBucket>> done);
    void readCensus(const QDateTime &from, const QDateTime &to, int widthS, QObject *context,
                    ReadCallback<QList<CacheCensus>> done);
    // A long read (a report) on a read-only connection and a thread of its own, so writes and
    // the other reads go on meanwhile. It starts once what was recorded before is committed,
    // and every query of it sees the file as it was then (one read transaction; write-ahead
    // logging). close() lets it finish within the shutdown timeout, then stops its reads
    // (HistoryDatabase::stopRequested()); done is not called once the store has gone. No value,
    // with why, when the history is closed or cannot be read.
    void readAside(QObject *context, std::function<QVariant(HistoryDatabase &)> job,
                   ReadCallback<QVariant> done);

    Counters counters() const { return m_counters; }

Q_SIGNALS:
    void batchWritten(int results, int events); // committed: it survives the process dying
    void writeFailed(const QString &error); // the batch is kept and tried again
    // The line to log about failing writes: the first failure, then at most one summary a
    // minute while they go on, and "recovered" once one works (WriteFailureLog). It is logged
    // (dnswatch.store) as well.
    void writeTroubleSaid(const QString &line);
    void pruned(const PruneReport &report);
    void pagesChecked(); // the background check passed: writes go ahead
    // close() is letting this many reports being read finish (at most the shutdown timeout),
    // and waits for them from now on.
    void waitingForReaders(int readers);
    // The background check found damage: nothing is written to the file from now on, and what
    // was recorded is dropped; the file is left as it is.
    void damaged(const QString &error);

private:
    template<typename T>
    void read(QObject *context, std::function<std::optional<T>(HistoryDatabase &)> job,
              ReadCallback<T> done);
    template<typename T>
    void answerWithout(QObject *context, ReadCallback<T> done, const QString &why);
    struct ReplyChannel;
    void startReader(std::function<QVariant(HistoryDatabase &)> job, ReadCallback<QVariant> done,
                     QPointer<QObject> guard);
    void waitForReaders(const QDeadlineTimer &deadline);
    static constexpr int ReaderStopGraceMs = 2000; // a stopped reader's last query ends
    static constexpr int EarlyFlushResults = 2000; // a burst is written before the interval
    static constexpr qint64 UnwrittenResultLimit = 200'000; // held while the disk fails
    static constexpr qint64 PruneIntervalMs = 5 * 60'000;
    void queued(bool urgent);
    // What the writer thread works on. A job reaches the store only through reply(), which
    // says nothing once the store has gone: a close() that timed out leaves the thread, its
    // worker and this behind for the OS rather than freeing what a running job still uses.
    struct WriterSide;
    static void writeOnWorker(WriterSide *writer, HistoryWriteBatch batch); // writer thread
    static void reply(WriterSide *writer, std::function<void()> onStoreThread);
    void onBatchDone(bool written, int results, int events, qint64 elapsedUs, qint64 backlog,
                     const QString &error);
    void onWriteFailed(const QString &error);
    void sayWriteTrouble(const QString &line);
    void schedulePrune();
    void startPageCheck();
    void onPagesChecked(const QString &problems);

    HistoryPolicy m_policy;
    int m_maxStaleS;
    Clock *m_clock;
    QString m_path;
    bool m_open = false;
    bool m_closed = false;
    bool m_pagesChecked = false;
    QString m_damage; // why the file must not be written
    QThread *m_pageCheck = nullptr; // the background check, while it runs
    // Owned, but left to the OS when it does not finish within the shutdown timeout (a QThread
    // must not be destroyed while it runs).
    QThread *m_thread;
    QObject *m_worker; // lives on m_thread: the context of every job posted there
    WriterSide *m_writer;
    std::shared_ptr<ReplyChannel> m_replies;
    QList<QThread *> m_readers; // readAside()'s, while they run
    int m_readersStarted = 0;
    // Caller's thread:
    HistoryWriteBatch m_pending;
    Clock::TimerId m_flushTimer = 0;
    bool m_urgentFlushQueued = false;
    Clock::TimerId m_pruneTimer = 0;
    Counters m_counters;
    WriteFailureLog m_writeFailures;
};
