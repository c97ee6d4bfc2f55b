#include "fulldiskfixture.h"

#include "binaryrun.h"

#include <QDir>
#include <QFile>

#include <unistd.h>

namespace {

// Runs program; false, with what it said in why, unless it exits 0.
bool run(const QString &program, const QStringList &arguments, QString *why)
{
    const BinaryRun ran = runBinary(program, arguments, 30'000);
    if (ran.exitCode == 0)
        return true;
    if (why)
        *why = QStringLiteral("%1 %2: %3")
                       .arg(program, arguments.join(QLatin1Char(' ')), ran.output().trimmed());
    return false;
}

} // namespace

bool FullDiskFixture::isRoot() { return ::geteuid() == 0; }

FullDiskFixture::~FullDiskFixture() { unmount(); }

bool FullDiskFixture::mount(const QString &directory, qint64 freeBytes, QString *error,
                            qint64 sizeBytes)
{
    if (!QDir().mkpath(directory)) {
        *error = QStringLiteral("cannot create %1").arg(directory);
        return false;
    }
    m_path = directory;
    if (!run(QStringLiteral("mount"),
             {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
              QStringLiteral("size=%1").arg(sizeBytes), QStringLiteral("tmpfs"), directory},
             error))
        return false;
    m_mounted = true;
    constexpr qint64 PageBytes = 4096;
    return run(QStringLiteral("dd"),
               {QStringLiteral("if=/dev/zero"),
                QStringLiteral("of=%1").arg(QDir(directory).filePath(QStringLiteral("filler"))),
                QStringLiteral("bs=%1").arg(PageBytes),
                QStringLiteral("count=%1").arg((sizeBytes - freeBytes) / PageBytes),
                QStringLiteral("status=none")},
               error);
}

void FullDiskFixture::fillUp()
{
    QFile filler(QDir(m_path).filePath(QStringLiteral("filler")));
    if (!filler.open(QIODevice::Append))
        return;
    const QByteArray page(4096, '\0');
    while (filler.write(page) == page.size() && filler.flush()) { }
}

bool FullDiskFixture::unmount()
{
    if (!m_mounted)
        return true;
    m_mounted = !run(QStringLiteral("umount"), {m_path}, nullptr);
    return !m_mounted;
}
