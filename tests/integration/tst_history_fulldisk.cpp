// The history store and the headless agent in-process on a real full disk (a small tmpfs,
// filled as dd does: a file written until ENOSPC): every batch fails, and the log (the store's
// warnings, through a message handler, and the agent's lines on stdout) says so once, then sums
// up at most once a minute, then says when writes work again, rather than a line per failed
// batch. Needs root (mount); umounted afterwards, also when it fails.
#include "clock.h"
#include "fulldiskfixture.h"
#include "headlessagent.h"
#include "testconfig.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace {

QStringList g_storeLines; // what the store logged (dnswatch.store), by the message handler
QtMessageHandler g_previousHandler = nullptr;

void collectStoreLines(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && QByteArray(context.category) == "dnswatch.store")
        g_storeLines.append(message);
    g_previousHandler(type, context, message);
}

StoredEvent stateChange(int i)
{
    return StoredEvent::fromStateChange(QDateTime::currentDateTimeUtc(), QStringLiteral("api"),
                                        i % 2 ? TargetState::Healthy : TargetState::Down,
                                        i % 2 ? TargetState::Down : TargetState::Healthy,
                                        QStringLiteral("a detail that takes some room %1").arg(i));
}

ProbeResult result(int i)
{
    ProbeResult r;
    r.time = QDateTime::currentDateTimeUtc();
    r.target = QStringLiteral("api");
    r.resolution.host = QStringLiteral("api.test");
    r.resolution.source = ResolutionSource::Fresh;
    r.check.detail = QStringLiteral("a detail that takes some room %1").arg(i);
    return r;
}

// Sends this process's stdout (where the agent logs) to a file while it lives.
class CapturedStdout
{
public:
    explicit CapturedStdout(const QString &path) : m_path(path)
    {
        std::fflush(stdout);
        m_saved = ::dup(STDOUT_FILENO);
        const int fd = ::open(QFile::encodeName(path).constData(),
                              O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        ::dup2(fd, STDOUT_FILENO);
        ::close(fd);
    }
    ~CapturedStdout()
    {
        const bool capturing = m_saved >= 0;
        const QStringList lines = restore();
        if (capturing && QTest::currentTestFailed()) // what QTest said went to the file too
            std::fputs(qPrintable(lines.join(QLatin1Char('\n')) + QLatin1Char('\n')), stderr);
    }
    // Back to the real stdout; the lines that went to the file.
    QStringList restore()
    {
        if (m_saved >= 0) {
            std::fflush(stdout);
            ::dup2(m_saved, STDOUT_FILENO);
            ::close(m_saved);
            m_saved = -1;
        }
        QFile file(m_path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

private:
    QString m_path;
    int m_saved = -1;
};

// The lines about history writes failing or recovering.
QStringList writeTrouble(const QStringList &lines)
{
    QStringList found;
    for (const QString &line : lines) {
        if (line.contains(QLatin1String("history"))
            && (line.contains(QLatin1String("fail")) || line.contains(QLatin1String("recover"))))
            found.append(line);
    }
    return found;
}

} // namespace

class TestHistoryFullDisk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aFullDiskIsSaidOnceThenSummedUp()
    {
        if (!FullDiskFixture::isRoot())
            QSKIP("needs root: mounts a small tmpfs to fill");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString mountPoint = dir.filePath(QStringLiteral("small"));
        // A history needs more room than the fixture's usual 64 KiB; filled later.
        constexpr qint64 SizeBytes = 512 * 1024;
        FullDiskFixture disk;
        QString mountError;
        QVERIFY2(disk.mount(mountPoint, SizeBytes, &mountError, SizeBytes), qPrintable(mountError));
        g_storeLines.clear();
        g_previousHandler = qInstallMessageHandler(collectStoreLines);
        const auto restoreHandler = qScopeGuard([] { qInstallMessageHandler(g_previousHandler); });

        ManualClock clock;
        HistoryPolicy policy;
        policy.shutdownTimeoutMs = 5000;
        HistoryStore store(policy, 3600, &clock);
        std::optional<SchemaReport> opened;
        store.open(mountPoint + QStringLiteral("/history.db"),
                   [&](const SchemaReport &report) { opened = report; });
        QTRY_VERIFY_WITH_TIMEOUT(opened, 10000);
        QVERIFY2(opened->ok, qPrintable(opened->error));
        QSignalSpy written(&store, &HistoryStore::batchWritten);
        QSignalSpy failed(&store, &HistoryStore::writeFailed);
        store.recordEvent(stateChange(0));
        QTRY_COMPARE_WITH_TIMEOUT(written.size(), 1, 10000);

        // The agent logs what the store says to the person watching (stdout, redirected).
        CapturedStdout captured(dir.filePath(QStringLiteral("agent.log")));
        HeadlessAgent::Options options;
        options.listenPort = 0;
        HeadlessAgent agent(options,
                            testConfig("{\"targets\": [{\"name\": \"api\", \"host\": "
                                       "\"api.test\"}]}"),
                            EnvFallback(), &clock);
        agent.keepHistory(&store, *opened, RestoredState());
        QString error;
        QVERIFY2(agent.start(&error), qPrintable(error));

        disk.fillUp();
        // A minute of a busy agent: results and events, batch after batch, all failing (the
        // agent's own census adds a batch now and then).
        constexpr int Batches = 200;
        for (int i = 1; i <= Batches; ++i) {
            const qsizetype before = failed.size();
            if (i % 2)
                store.recordEvent(stateChange(i));
            else
                store.recordResult(result(i));
            store.flush();
            QTRY_VERIFY_WITH_TIMEOUT(failed.size() > before, 10000);
            clock.advance(250);
        }
        QCOMPARE(written.size(), 1);
        clock.advance(60'000);
        const qsizetype beforeSummary = failed.size();
        store.recordEvent(stateChange(Batches + 1));
        QTRY_VERIFY_WITH_TIMEOUT(failed.size() > beforeSummary, 10000);

        QVERIFY(QFile::remove(QDir(mountPoint).filePath(QStringLiteral("filler"))));
        store.recordEvent(stateChange(Batches + 2));
        // Writes resume: what was kept and the new event may come in one batch or several (the
        // agent's own census adds batches on its timer), so at least one more.
        QTRY_VERIFY_WITH_TIMEOUT(written.size() >= 2, 10000);
        const qsizetype failures = failed.size();
        // The agent's own lines begin with their time (QTest's go to stdout too).
        const QStringList agentLines = writeTrouble(captured.restore())
                                               .filter(QRegularExpression(QStringLiteral("^\\d")));
        QVERIFY(store.close());

        // Three lines, not one per failed batch: the first failure with its reason, one
        // summary after the minute, and the recovery.
        const QStringList expected{
                QStringLiteral("history writes failing, kept to try again: "),
                QStringLiteral("history writes failing: %1 more since ").arg(beforeSummary),
                QStringLiteral("history writes recovered after %1 failure(s)").arg(failures)};
        for (const QStringList &lines : {agentLines, writeTrouble(g_storeLines)}) {
            QVERIFY2(lines.size() == expected.size(), qPrintable(lines.join(QLatin1Char('\n'))));
            for (qsizetype i = 0; i < lines.size(); ++i)
                QVERIFY2(lines[i].contains(expected[i]), qPrintable(lines[i]));
        }
        QVERIFY2(agentLines[0].contains(QStringLiteral("full")), qPrintable(agentLines[0]));
    }
};

QTEST_GUILESS_MAIN(TestHistoryFullDisk)
#include "tst_history_fulldisk.moc"
