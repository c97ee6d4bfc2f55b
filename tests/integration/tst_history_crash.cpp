// The history survives its process being killed: a writer as busy as an agent (2,000 results a
// second, events and pin changes every 20 ms, or results alone every other run) is killed with
// SIGKILL at random moments, many times, on one file. After each kill the file passes PRAGMA
// integrity_check, every event and pin change the writer saw committed is there, and the
// results lost are only those of the last flush interval. Then, with the DNS server stopped, the
// kept last-known-good answers still serve from the stale tier.
#include "config/resolverfactory.h"
#include "dnsserverfixture.h"
#include "store/historydatabase.h"
#include "testconfig.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {
constexpr int Kills = 20;
constexpr int TargetsPerRun = 20;
// Results are flushed every second (the default); a commit and a busy machine add to that.
constexpr qint64 LossLimitMs = 1000 + 1500;

struct Acked
{
    qint64 results = 0;
    qint64 events = 0;
};

Acked lastAck(const QByteArray &output)
{
    Acked acked;
    for (const QByteArray &line : output.split('\n')) {
        const QList<QByteArray> words = line.split(' ');
        if (words.size() == 3 && words[0] == "committed") {
            acked.results = words[1].toLongLong();
            acked.events = words[2].toLongLong();
        }
    }
    return acked;
}
} // namespace

class TestHistoryCrash : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("crash.db"));
    }

    void killedWriterLosesNothingCommitted()
    {
        qint64 worstLossMs[2] = {0, 0}; // results only, with events
        qint64 totalResults = 0;
        for (int run = 1; run <= Kills; ++run) {
            const bool withEvents = run % 2 == 1;
            QProcess writer;
            writer.start(QStringLiteral(HISTORY_WRITER),
                         QStringList{m_path, QString::number(run)}
                                 + (withEvents ? QStringList()
                                               : QStringList{QStringLiteral("results-only")}));
            QByteArray output;
            QTRY_VERIFY_WITH_TIMEOUT((output += writer.readAllStandardOutput()).contains("opened"),
                                     10000);
            const QDateTime openedAt = QDateTime::currentDateTimeUtc();
            QTest::qWait(QRandomGenerator::global()->bounded(200, 2500));
            ::kill(pid_t(writer.processId()), SIGKILL);
            const QDateTime killedAt = QDateTime::currentDateTimeUtc();
            QVERIFY(writer.waitForFinished(10000));
            QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
            output += writer.readAllStandardOutput();
            const Acked acked = lastAck(output);
            QVERIFY2((acked.events > 0) == withEvents, output.constData());

            HistoryDatabase db(QStringLiteral("check-%1").arg(run));
            const SchemaReport opened = db.open(m_path);
            QVERIFY2(opened.ok, qPrintable(opened.error));
            QCOMPARE(db.integrityCheck().value_or(QStringList()), QStringList{QStringLiteral("ok")});

            // Every committed event of this run, numbered 1..n in order.
            const QString runName = QStringLiteral("r%1").arg(run);
            QSet<int> numbers;
            const auto events = db.events(QDateTime::fromSecsSinceEpoch(0), killedAt.addDays(1),
                                          1'000'000);
            QVERIFY(events);
            for (const StoredEvent &event : *events) {
                if (event.target == runName)
                    numbers.insert(event.detail.section(QLatin1Char('#'), 1).toInt());
            }
            for (int j = 1; j <= acked.events; ++j)
                QVERIFY2(numbers.contains(j),
                         qPrintable(QStringLiteral("run %1 lost event %2 of %3")
                                            .arg(run)
                                            .arg(j)
                                            .arg(acked.events)));

            // Pin changes rode with their events: kept pins are there, unpinned ones are not.
            const auto state = db.restoredState(killedAt);
            QVERIFY(state);
            for (int j = 1; j <= acked.events; ++j) {
                const QString host = QStringLiteral("r%1-h%2.test").arg(run).arg(j);
                if (j % 3 == 1)
                    QVERIFY2(state->pins.contains(host), qPrintable(host));
                else if (j % 3 == 2 && j + 1 <= acked.events)
                    QVERIFY2(!state->pins.contains(host), qPrintable(host));
            }

            // Results: all that were committed, and nothing older than the last flush lost.
            qint64 stored = 0;
            QDateTime newest;
            for (int k = 0; k < TargetsPerRun; ++k) {
                const auto results = db.results(QStringLiteral("r%1-t%2").arg(run).arg(k),
                                                QDateTime::fromSecsSinceEpoch(0),
                                                killedAt.addDays(1), 1'000'000);
                QVERIFY(results);
                stored += results->size();
                if (!results->isEmpty() && results->constLast().time > newest)
                    newest = results->constLast().time;
            }
            QVERIFY2(stored >= acked.results,
                     qPrintable(QStringLiteral("run %1: %2 results stored, %3 committed")
                                        .arg(run)
                                        .arg(stored)
                                        .arg(acked.results)));
            // Killed before its first flush, the run lost everything since it opened.
            const qint64 lossMs = (newest.isValid() ? newest : openedAt).msecsTo(killedAt);
            QVERIFY2(lossMs <= LossLimitMs,
                     qPrintable(QStringLiteral("run %1 lost the last %2 ms of results")
                                        .arg(run)
                                        .arg(lossMs)));
            worstLossMs[withEvents] = std::max(worstLossMs[withEvents], lossMs);
            totalResults += stored;
        }
        qInfo("%d kills: %lld results on disk; the most lost at a kill: the last %lld ms of "
              "results (results only), %lld ms (with events)",
              Kills, totalResults, worstLossMs[0], worstLossMs[1]);
    }

    void keptAnswersServeStaleWithDnsStopped()
    {
        DnsServerFixture dns;
        QString error;
        QVERIFY2(dns.startDnsmasq({}, &error), qPrintable(error));
        dns.kill(); // its port now refuses: DNS is down

        HistoryDatabase db(QStringLiteral("restore"));
        QVERIFY(db.open(m_path).ok);
        const auto state = db.restoredState(QDateTime::currentDateTimeUtc());
        QVERIFY(state);
        QCOMPARE(state->knownGood.size(), 5);

        const AppConfig config = labConfig(dns.server());
        SystemClock clock;
        std::unique_ptr<Resolver> resolver(buildResolver(config, EnvFallback(), &clock));
        QCOMPARE(resolver->restoreKnownGood(state->knownGood), 5);
        std::optional<LookupResult> answer;
        QObject context;
        resolver->resolve({QStringLiteral("lkg-2.test"), QStringLiteral("lab")}, &context,
                          [&](const LookupResult &result) { answer = result; });
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 5000);
        QCOMPARE(answer->source, ResolutionSource::Stale);
        QCOMPARE(answer->addresses, QList<QHostAddress>{QHostAddress(QStringLiteral("10.7.0.3"))});
        QVERIFY(answer->cause == FailureCause::Network || answer->cause == FailureCause::Timeout);
    }
};

QTEST_GUILESS_MAIN(TestHistoryCrash)
#include "tst_history_crash.moc"
