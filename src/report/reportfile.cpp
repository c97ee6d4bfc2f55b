#include "reportfile.h"

#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace {

QString systemError(int error) { return QString::fromLocal8Bit(std::strerror(error)); }

// What stat() says a path is, in words; empty for a regular file.
QString kindOfNonFile(const struct stat &info)
{
    if (S_ISREG(info.st_mode))
        return QString();
    if (S_ISDIR(info.st_mode))
        return QStringLiteral("a directory");
    if (S_ISCHR(info.st_mode))
        return QStringLiteral("a character device");
    if (S_ISBLK(info.st_mode))
        return QStringLiteral("a block device");
    if (S_ISFIFO(info.st_mode))
        return QStringLiteral("a named pipe (fifo)");
    if (S_ISSOCK(info.st_mode))
        return QStringLiteral("a socket");
    return QStringLiteral("not a regular file");
}

} // namespace

QString reportTargetProblem(const QString &path)
{
    struct stat info
    { };
    // Through a symbolic link: what the rename would replace is where it points.
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return QString(); // nothing there (or nothing reachable): the write says why if it fails
    const QString kind = kindOfNonFile(info);
    if (kind.isEmpty())
        return QString();
    return QStringLiteral("is %1, not a regular file (a report never replaces one)").arg(kind);
}

bool writeAll(QIODevice *out, const QByteArray &bytes, QString *error)
{
    qint64 done = 0;
    while (done < bytes.size()) {
        const qint64 written = out->write(bytes.constData() + done, bytes.size() - done);
        if (written <= 0) {
            if (error)
                *error = out->errorString();
            return false;
        }
        done += written;
    }
    return true;
}

ReportFile::ReportFile(const QString &path) : m_file(path) { }

bool ReportFile::fail(const QString &why)
{
    m_error = why;
    m_file.cancelWriting();
    return false;
}

bool ReportFile::open()
{
    if (const QString problem = reportTargetProblem(m_file.fileName()); !problem.isEmpty())
        return fail(problem);
    // Unbuffered: a write fails where it happens, with its errno, not in a flush at the end.
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return fail(m_file.errorString());
    return true;
}

bool ReportFile::write(const QByteArray &bytes)
{
    QString why;
    if (!writeAll(&m_file, bytes, &why))
        return fail(why);
    return true;
}

bool ReportFile::commit()
{
    if (!m_file.flush())
        return fail(m_file.errorString());
    // QSaveFile syncs but ignores a failure: a disk that only finds out now (a network file
    // system, delayed allocation) must not give a report that looks whole. EINVAL: a file
    // system that cannot sync, where there is nothing more to wait for.
    if (::fsync(m_file.handle()) != 0 && errno != EINVAL)
        return fail(systemError(errno));
    // Checked again: a device or a directory may have taken the path while the report was made.
    if (const QString problem = reportTargetProblem(m_file.fileName()); !problem.isEmpty())
        return fail(problem);
    if (!m_file.commit()) {
        m_error = m_file.errorString();
        return false;
    }
    return true;
}
