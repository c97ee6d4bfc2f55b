// One writer per history file, in-process: the lock beside the file is taken once, a second
// writer is refused with the file, the holder's pid and what to do, a reader still reads, and a
// released lock is free again. (Two real processes, and SIGKILL: tst_history_guard.)
#include "historyfiles.h"
#include "store/historydatabase.h"
#include "store/historylock.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

class TestHistoryLock : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void theSecondHolderIsRefusedWithWhoHoldsIt()
    {
        const QString db = path(QStringLiteral("a.db"));
        HistoryLock first;
        QString error;
        QVERIFY2(first.acquire(db, &error), qPrintable(error));
        QVERIFY(first.isHeld());
        QVERIFY(QFileInfo::exists(HistoryLock::lockPathOf(db)));

        HistoryLock second;
        QVERIFY(!second.acquire(db, &error));
        QVERIFY(!second.isHeld());
        QVERIFY2(error.startsWith(
                         db
                         + QStringLiteral(" is in use: another process (pid %1)").arg(::getpid())),
                 qPrintable(error));
        QVERIFY2(error.contains(HistoryLock::lockPathOf(db)), qPrintable(error));

        first.release();
        QVERIFY2(second.acquire(db, &error), qPrintable(error));
    }

    void anotherPathToTheSameFileTakesTheSameLock()
    {
        const QString db = path(QStringLiteral("c.db"));
        QVERIFY(HistoryFiles::fill(db, 1, QDateTime::currentDateTimeUtc()));
        const QString link = path(QStringLiteral("link.db"));
        QVERIFY(QFile::link(db, link));
        HistoryLock first;
        QString error;
        QVERIFY2(first.acquire(db, &error), qPrintable(error));
        for (const QString &other : QStringList{link, m_dir.path() + QStringLiteral("/./c.db")}) {
            HistoryLock second;
            QVERIFY2(!second.acquire(other, &error), qPrintable(other));
            QVERIFY2(error.contains(QStringLiteral("is in use")), qPrintable(error));
        }
        // Not made yet: its folder's real path decides.
        const QString fresh = path(QStringLiteral("fresh.db"));
        QVERIFY2(first.acquire(fresh, &error), qPrintable(error));
        HistoryLock second;
        QVERIFY(!second.acquire(m_dir.path() + QStringLiteral("/./fresh.db"), &error));
    }

    void aSecondWriterIsRefusedAndAReaderStillReads()
    {
        const QString db = path(QStringLiteral("b.db"));
        QVERIFY(HistoryFiles::fill(db, 10, QDateTime::currentDateTimeUtc()));
        HistoryDatabase writer(QStringLiteral("writer"));
        const SchemaReport opened = writer.open(db);
        QVERIFY2(opened.ok, qPrintable(opened.error));

        HistoryDatabase other(QStringLiteral("other"));
        const SchemaReport refused = other.open(db);
        QVERIFY(!refused.ok);
        QVERIFY2(refused.error.contains(QStringLiteral("is in use: another process")),
                 qPrintable(refused.error));
        QCOMPARE(other.lastError(), refused.error);

        HistoryDatabase reader(QStringLiteral("reader"));
        const SchemaReport reading = reader.openForReading(db);
        QVERIFY2(reading.ok, qPrintable(reading.error));
        QCOMPARE(reader.count(QStringLiteral("results")), 10);
    }

    void aRefusedOpenLetsGoOfTheLock()
    {
        // A file that is not a history: the writer is refused, and holds nothing after.
        const QString db = path(QStringLiteral("foreign.db"));
        QFile file(db);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        {
            HistoryDatabase writer(QStringLiteral("writer"));
            QVERIFY(!writer.open(db).ok);
            HistoryLock probe;
            QString error;
            QVERIFY2(probe.acquire(db, &error), qPrintable(error));
        }
    }
};

QTEST_GUILESS_MAIN(TestHistoryLock)
#include "tst_historylock.moc"
