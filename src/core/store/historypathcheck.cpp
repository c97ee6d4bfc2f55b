#include "historypathcheck.h"

#include <QFileInfo>

#include <sys/statvfs.h>

namespace {

bool onReadOnlyFileSystem(const QString &path)
{
    struct statvfs fs
    { };
    return ::statvfs(QFile::encodeName(path).constData(), &fs) == 0 && (fs.f_flag & ST_RDONLY);
}

QString kindOf(const QFileInfo &file)
{
    if (file.isDir())
        return QStringLiteral("a directory");
    if (file.isSymLink())
        return QStringLiteral("a broken symbolic link");
    return QStringLiteral("a device, pipe or socket");
}

} // namespace

QString historyPathProblem(const QString &path, HistoryAccess access)
{
    const QFileInfo file(path);
    // exists() follows symbolic links: a link to a history file is fine.
    if ((file.exists() || file.isSymLink()) && !file.isFile())
        return QStringLiteral("%1 is not a regular file (it is %2): give the path of a history "
                              "file, or of one to create")
                .arg(path, kindOf(file));
    if (access == HistoryAccess::Read)
        return QString();
    const QString directory = file.absolutePath();
    const QFileInfo folder(directory);
    if (!folder.isDir())
        return QStringLiteral("the directory %1 does not exist").arg(directory);
    if (onReadOnlyFileSystem(directory))
        return QStringLiteral("%1 is on a read-only file system: the history is written, so it "
                              "needs a file system mounted read-write (read it with --report)")
                .arg(path);
    const QString needs = QStringLiteral("the history is written, so it needs write permission on "
                                         "the file and on its directory %1 (SQLite keeps the "
                                         "write-ahead log beside it)")
                                  .arg(directory);
    if (file.exists() && !file.isWritable())
        return QStringLiteral("%1 is read-only: %2").arg(path, needs);
    if (!folder.isWritable())
        return QStringLiteral("the directory %1 is read-only: %2").arg(directory, needs);
    return QString();
}

QString readOnlyFileSystemProblem(const QString &path)
{
    if (!onReadOnlyFileSystem(QFileInfo(path).absolutePath())
        || QFileInfo::exists(path + QStringLiteral("-shm")))
        return QString();
    return QStringLiteral("%1 is on a read-only file system, and reading a history needs SQLite's "
                          "shared-memory file (%1-shm) beside it, which cannot be created there: "
                          "copy the file to a writable directory and read the copy")
            .arg(path);
}
