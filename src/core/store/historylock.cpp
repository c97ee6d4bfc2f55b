#include "historylock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <utility>

namespace {

QString errnoText(int error) { return QString::fromLocal8Bit(::strerror(error)); }

// The pid the holder wrote, or empty when it wrote none (yet).
QString holderPid(int fd)
{
    char buffer[32] = {};
    const ssize_t got = ::pread(fd, buffer, sizeof buffer - 1, 0);
    if (got <= 0)
        return QString();
    bool number = false;
    const qint64 pid = QByteArray(buffer, got).trimmed().toLongLong(&number);
    return number && pid > 0 ? QString::number(pid) : QString();
}

} // namespace

QString HistoryLock::lockPathOf(const QString &historyPath)
{
    // Beside the file itself: two paths to one history (a symbolic link, "./", "..") take
    // the same lock.
    const QFileInfo history(historyPath);
    QString file = history.canonicalFilePath();
    if (file.isEmpty()) { // not made yet: its folder's real path and its name
        const QString folder = history.absoluteDir().canonicalPath();
        file = folder.isEmpty() ? historyPath : QDir(folder).filePath(history.fileName());
    }
    return file + QStringLiteral(".lock");
}

bool HistoryLock::acquire(const QString &historyPath, QString *error)
{
    release();
    const QString lockPath = lockPathOf(historyPath);
    const int fd = ::open(QFile::encodeName(lockPath).constData(), O_RDWR | O_CREAT | O_CLOEXEC,
                          0644);
    if (fd < 0) {
        *error = QStringLiteral("%1: cannot make its lock file %2 (%3)")
                         .arg(historyPath, lockPath, errnoText(errno));
        return false;
    }
    int locked = -1;
    do {
        locked = ::flock(fd, LOCK_EX | LOCK_NB);
    } while (locked != 0 && errno == EINTR);
    if (locked != 0) {
        const int why = errno;
        const QString pid = holderPid(fd);
        ::close(fd);
        if (why != EWOULDBLOCK) {
            *error = QStringLiteral("%1: cannot lock %2 (%3)")
                             .arg(historyPath, lockPath, errnoText(why));
            return false;
        }
        *error = QStringLiteral("%1 is in use: another process%2 writes to it (it holds %3). One "
                                "process writes a history at a time: stop that one, or give this "
                                "one another --db file; --report reads the file meanwhile")
                         .arg(historyPath,
                              pid.isEmpty() ? QString() : QStringLiteral(" (pid %1)").arg(pid),
                              lockPath);
        return false;
    }
    // The holder's pid, for the message the next one gets.
    const QByteArray pid = QByteArray::number(qint64(::getpid())) + '\n';
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.constData(), size_t(pid.size()), 0) < 0) {
        // The lock holds without it; the next one is told less.
    }
    m_fd = fd;
    return true;
}

void HistoryLock::release()
{
    if (m_fd >= 0)
        ::close(std::exchange(m_fd, -1)); // closing the descriptor lets go of the lock
}
