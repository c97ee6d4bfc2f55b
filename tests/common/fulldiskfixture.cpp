#include "fulldiskfixture.h"

#include <QDir>
#include <QProcess>

#include <unistd.h>

namespace {

// Runs program; false, with what it said in why, unless it exits 0.
bool run(const QString &program, const QStringList &arguments, QString *why)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(30'000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        if (why)
            *why = QStringLiteral("%1 %2: %3")
                           .arg(program, arguments.join(QLatin1Char(' ')),
                                QString::fromLocal8Bit(process.readAll()).trimmed());
        return false;
    }
    return true;
}

} // namespace

bool FullDiskFixture::isRoot() { return ::geteuid() == 0; }

FullDiskFixture::~FullDiskFixture() { unmount(); }

bool FullDiskFixture::mount(const QString &directory, qint64 freeBytes, QString *error)
{
    if (!QDir().mkpath(directory)) {
        *error = QStringLiteral("cannot create %1").arg(directory);
        return false;
    }
    m_path = directory;
    if (!run(QStringLiteral("mount"),
             {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
              QStringLiteral("size=%1").arg(SizeBytes), QStringLiteral("tmpfs"), directory},
             error))
        return false;
    m_mounted = true;
    constexpr qint64 PageBytes = 4096;
    return run(QStringLiteral("dd"),
               {QStringLiteral("if=/dev/zero"),
                QStringLiteral("of=%1").arg(QDir(directory).filePath(QStringLiteral("filler"))),
                QStringLiteral("bs=%1").arg(PageBytes),
                QStringLiteral("count=%1").arg((SizeBytes - freeBytes) / PageBytes),
                QStringLiteral("status=none")},
               error);
}

bool FullDiskFixture::unmount()
{
    if (!m_mounted)
        return true;
    m_mounted = !run(QStringLiteral("umount"), {m_path}, nullptr);
    return !m_mounted;
}
