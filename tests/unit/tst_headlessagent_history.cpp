// The headless agent in-process with a history whose pages are damaged (found by the background
// page check): it says so in its log, /readyz is not ready with "history damaged" (and so are
// dnswatch_ready and the status's "ready"), and dnswatch_history_damaged is 1; with a sound
// history the gauge is 0 and readiness follows the targets alone.
#include "clock.h"
#include "headlessagent.h"
#include "historyfiles.h"
#include "testconfig.h"
#include "testprobes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Answer
{
    int status = 0;
    QByteArray body;
};

} // namespace

class TestHeadlessAgentHistory : public QObject
{
    Q_OBJECT

private:
    // The clock stands still: the agent's own probes never run; readiness comes from one
    // recorded by hand.
    ManualClock m_clock;
    QNetworkAccessManager m_network;
    QTemporaryDir m_dir;

    Answer get(quint16 port, const QString &path)
    {
        QNetworkReply *reply = m_network.get(
                QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path))));
        [&] { QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000); }();
        Answer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                      reply->readAll()};
        reply->deleteLater();
        return answer;
    }

    // An agent over the history at path, its only target reachable.
    struct Running
    {
        std::unique_ptr<HistoryStore> store;
        std::unique_ptr<HeadlessAgent> agent;
        std::unique_ptr<QSignalSpy> logged;
    };
    void start(const QString &path, Running *running)
    {
        running->store = std::make_unique<HistoryStore>(HistoryPolicy(), 3600, &m_clock);
        std::optional<SchemaReport> opened;
        running->store->open(
                path, [&](const SchemaReport &report) { opened = report; }, PageCheck::InBackground);
        QTRY_VERIFY_WITH_TIMEOUT(opened, 10000);
        QVERIFY2(opened->ok, qPrintable(opened->error));
        HeadlessAgent::Options options;
        options.listenPort = 0;
        running->agent = std::make_unique<HeadlessAgent>(
                options, testConfig("{\"targets\": [{\"name\": \"api\", \"host\": \"api.test\"}]}"),
                EnvFallback(), &m_clock);
        running->logged = std::make_unique<QSignalSpy>(running->agent.get(), &HeadlessAgent::logged);
        running->agent->keepHistory(running->store.get(), *opened, RestoredState());
        QString error;
        QVERIFY2(running->agent->start(&error), qPrintable(error));
        running->agent->monitor()->statistics()->record(reachableProbe());
    }

    static bool saidLine(const QSignalSpy &logged, const QString &start)
    {
        for (const QList<QVariant> &line : logged) {
            if (line[0].toString().startsWith(start))
                return true;
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_network.setProxy(QNetworkProxy::NoProxy);
        QVERIFY(m_dir.isValid());
    }

    void aDamagedHistoryIsSaidWhereOperatorsLook()
    {
        const QString path = m_dir.filePath(QStringLiteral("damaged.db"));
        QVERIFY(HistoryFiles::fill(path, 3000, QDateTime::currentDateTimeUtc()));
        QVERIFY(HistoryFiles::damagePages(path));
        Running running;
        start(path, &running);
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY_WITH_TIMEOUT(!running.store->damage().isEmpty(), 10000);

        const quint16 port = running.agent->port();
        const Answer ready = get(port, QStringLiteral("/readyz"));
        QCOMPARE(ready.status, 503);
        const QJsonArray notReady = QJsonDocument::fromJson(ready.body)
                                            .object()
                                            .value(QLatin1String("not_ready"))
                                            .toArray();
        QCOMPARE(notReady.size(), 1); // the target is fine: only the history is not
        QVERIFY2(notReady[0].toString().startsWith(QStringLiteral("history damaged: ") + path),
                 ready.body.constData());

        const Answer metrics = get(port, QStringLiteral("/metrics"));
        QVERIFY2(metrics.body.contains("\ndnswatch_history_damaged 1\n"), metrics.body.constData());
        QVERIFY2(metrics.body.contains("\ndnswatch_ready 0\n"), metrics.body.constData());
        const Answer status = get(port, QStringLiteral("/api/v1/status"));
        QCOMPARE(status.status, 200);
        QCOMPARE(QJsonDocument::fromJson(status.body).object().value(QLatin1String("ready")),
                 QJsonValue(false));

        QVERIFY(saidLine(*running.logged, QStringLiteral("history damaged: ") + path));
        running.agent.reset();
    }

    void aSoundHistoryLeavesReadinessToTheTargets()
    {
        const QString path = m_dir.filePath(QStringLiteral("sound.db"));
        QVERIFY(HistoryFiles::fill(path, 3000, QDateTime::currentDateTimeUtc()));
        Running running;
        start(path, &running);
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY_WITH_TIMEOUT(running.store->isWritable(), 10000);
        const quint16 port = running.agent->port();
        QCOMPARE(get(port, QStringLiteral("/readyz")).status, 200);
        const Answer metrics = get(port, QStringLiteral("/metrics"));
        QVERIFY2(metrics.body.contains("\ndnswatch_history_damaged 0\n"), metrics.body.constData());
        QVERIFY2(metrics.body.contains("\ndnswatch_ready 1\n"), metrics.body.constData());
        QVERIFY(!saidLine(*running.logged, QStringLiteral("history damaged")));
        running.agent.reset();
    }
};

QTEST_GUILESS_MAIN(TestHeadlessAgentHistory)
#include "tst_headlessagent_history.moc"
