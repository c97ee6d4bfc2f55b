// Writes to a history file as fast as a busy agent would, for tst_history_crash to kill with
// SIGKILL at any moment. Usage: history_writer FILE RUN [results-only]
//   results: 20 targets "rRUN-tK", 20 results every 10 ms (2,000 a second);
//   events:  "rRUN #J" every 20 ms, each right after a pin change that rides in the same batch:
//            J % 3 == 1 pins rRUN-hJ.test (kept), J % 3 == 2 pins rRUN-hJ.test, J % 3 == 0
//            unpins rRUN-h(J-1).test;
//   known-good answers for lkg-K.test, K < 5.
// With results-only there are no events or pins: results then wait for their flush interval
// (events take the results queued before them along).
// After every commit it prints "committed RESULTS EVENTS": that many of each, in order, are
// on disk.
#include "clock.h"
#include "store/historystore.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3 || args.size() > 4) {
        QTextStream(stderr) << "usage: history_writer FILE RUN [results-only]\n";
        return 2;
    }
    const bool withEvents = args.size() == 3;
    const QString path = args[1];
    const QString run = args[2];
    QTextStream out(stdout);
    SystemClock clock;
    HistoryStore store(HistoryPolicy(), 86400, &clock);
    QObject::connect(&store, &HistoryStore::batchWritten, &app, [&] {
        out << "committed " << store.counters().resultsWritten << ' '
            << store.counters().eventsWritten << '\n';
        out.flush();
    });
    QObject::connect(&store, &HistoryStore::writeFailed, &app, [&](const QString &error) {
        QTextStream(stderr) << "write failed: " << error << '\n';
    });

    QTimer results;
    QTimer events;
    int eventNumber = 0;
    QObject::connect(&results, &QTimer::timeout, &app, [&] {
        for (int k = 0; k < 20; ++k) {
            ProbeResult result;
            result.time = clock.wallTime();
            result.target = QStringLiteral("r%1-t%2").arg(run).arg(k);
            result.resolution.host = result.target + QStringLiteral(".test");
            result.resolution.resolver = QStringLiteral("lab");
            result.resolution.source = ResolutionSource::Fresh;
            result.resolution.addresses = {QHostAddress(QStringLiteral("10.0.0.1"))};
            result.checked = true;
            result.check.ok = true;
            result.reachable = true;
            store.recordResult(result);
        }
    });
    QObject::connect(&events, &QTimer::timeout, &app, [&] {
        const int j = ++eventNumber;
        const auto host = [&](int n) { return QStringLiteral("r%1-h%2.test").arg(run).arg(n); };
        if (j % 3 == 0) {
            store.removePin(host(j - 1));
        } else {
            PinnedFallback pin;
            pin.addresses = {QHostAddress(QStringLiteral("10.9.0.1"))};
            pin.pinnedAt = clock.wallTime();
            store.savePin(host(j), pin);
        }
        store.recordEvent(StoredEvent::fromStateChange(
                clock.wallTime(), QStringLiteral("r%1").arg(run), TargetState::Healthy,
                TargetState::Degraded, QStringLiteral("r%1 #%2").arg(run).arg(j)));
    });

    store.open(path, [&](const SchemaReport &report) {
        if (!report.ok) {
            QTextStream(stderr) << report.error << '\n';
            app.exit(2);
            return;
        }
        for (int k = 0; k < 5; ++k) {
            KnownGoodAnswer answer;
            answer.resolver = QStringLiteral("lab");
            answer.host = QStringLiteral("lkg-%1.test").arg(k);
            answer.addresses = {QHostAddress(QStringLiteral("10.7.0.%1").arg(k + 1))};
            answer.server = QStringLiteral("127.0.0.1:53");
            answer.resolvedAt = clock.wallTime();
            answer.expiresAt = answer.resolvedAt.addSecs(60);
            store.keepKnownGood(answer);
        }
        out << "opened\n";
        out.flush();
        results.start(10);
        if (withEvents)
            events.start(20);
    });
    return app.exec();
}
