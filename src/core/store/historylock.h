#pragma once

#include <QString>

// One writer per history file: an exclusive flock(2) on PATH.lock beside it, with the holder's
// pid written inside. The kernel lets go of it when the process ends, however it ends (SIGKILL
// too), so there is never a stale lock to clear. Readers (reports) take no lock: SQLite keeps
// them consistent beside the writer.
class HistoryLock
{
public:
    HistoryLock() = default;
    ~HistoryLock() { release(); }
    HistoryLock(const HistoryLock &) = delete;
    HistoryLock &operator=(const HistoryLock &) = delete;

    static QString lockPathOf(const QString &historyPath);

    // Takes the lock of historyPath; false with why (which file, who holds it) when another
    // process (or another writer in this one) has it, or the lock file cannot be made.
    bool acquire(const QString &historyPath, QString *error);
    void release();
    bool isHeld() const { return m_fd >= 0; }

private:
    int m_fd = -1;
};
