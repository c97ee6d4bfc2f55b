// Seven days of history for 200 targets as an agent probing every 10 s leaves it (minute and
// hour aggregates for the week, raw results for the last day only), then what a dashboard does
// when it opens the week: open the file (header and schema checked, its pages read through in
// the background) and read every target's week by the hour. Target: at most 1 s. The same week
// by 10-minute buckets and the background page check are timed beside it.
#include "benchsupport.h"
#include "clock.h"
#include "store/historystore.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

namespace {
constexpr int Targets = 200;
constexpr int Days = 7;

ProbeResult benchResult(int target, const QDateTime &time)
{
    ProbeResult result;
    result.time = time;
    result.target = QStringLiteral("t%1").arg(target);
    result.resolution.host = QStringLiteral("t%1.bench.test").arg(target);
    result.resolution.resolver = QStringLiteral("lab");
    result.resolution.source = ResolutionSource::Fresh;
    result.resolution.addresses = {QHostAddress(QStringLiteral("10.0.0.1"))};
    result.resolution.latencyUs = 400 + target;
    result.checked = true;
    result.check.ok = true;
    result.check.latencyUs = 2000;
    result.reachable = true;
    return result;
}

} // namespace

// One hour of every target's results per transaction: every 10 s for the last day, once a
// minute before (their raw rows go by retention; what matters is the aggregates they leave).
void fillHistoryWeek(const QString &path, const QDateTime &now)
{
    HistoryDatabase db(QStringLiteral("bench-fill"));
    const SchemaReport opened = db.open(path);
    if (!opened.ok)
        qFatal("%s", qPrintable(opened.error));
    const QDateTime start = now.addDays(-Days);
    for (int hour = 0; hour < Days * 24; ++hour) {
        const bool lastDay = hour >= (Days - 1) * 24;
        const int stepS = lastDay ? 10 : 60;
        HistoryWriteBatch batch;
        for (int second = 0; second < 3600; second += stepS) {
            const QDateTime time = start.addSecs(qint64(hour) * 3600 + second);
            for (int target = 0; target < Targets; ++target)
                batch.results.append(benchResult(target, time));
        }
        if (!db.write(batch))
            qFatal("%s", qPrintable(db.lastError()));
    }
    HistoryPolicy policy; // a day of raw results
    if (!db.prune(now, policy, 86400))
        qFatal("%s", qPrintable(db.lastError()));
}

Row benchHistoryOpen()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("week.db"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QElapsedTimer fillTimer;
    fillTimer.start();
    fillHistoryWeek(path, now);
    const qint64 fillMs = fillTimer.elapsed();

    SystemClock clock;
    HistoryStore store(HistoryPolicy(), 86400, &clock);
    QObject context;
    QElapsedTimer timer;
    timer.start();
    qint64 openMs = 0, hourlyMs = 0, tenMinuteMs = 0, summedMs = 0;
    qsizetype hourly = 0, tenMinute = 0, summed = 0;
    bool done = false;
    store.open(
            path,
            [&](const SchemaReport &report) {
                if (!report.ok)
                    qFatal("%s", qPrintable(report.error));
                openMs = timer.elapsed();
                store.readBuckets(
                        now.addDays(-Days), now, 3600, &context,
                        [&](const std::optional<QList<HistoryBucket>> &buckets, const QString &) {
                            hourlyMs = timer.elapsed() - openMs;
                            hourly = buckets ? buckets->size() : 0;
                        });
                store.readBuckets(
                        now.addDays(-Days), now, 600, &context,
                        [&](const std::optional<QList<HistoryBucket>> &buckets, const QString &) {
                            tenMinuteMs = timer.elapsed() - openMs - hourlyMs;
                            tenMinute = buckets ? buckets->size() : 0;
                        });
                // The dashboard's "All targets" week: summed by SQLite.
                store.readSummedBuckets(
                        now.addDays(-Days), now, 3600, &context,
                        [&](const std::optional<QList<HistoryBucket>> &buckets, const QString &) {
                            summedMs = timer.elapsed() - openMs - hourlyMs - tenMinuteMs;
                            summed = buckets ? buckets->size() : 0;
                            done = true;
                        });
            },
            PageCheck::InBackground);
    if (!runUntil([&] { return done && store.isWritable(); }, 60'000))
        qFatal("history benchmark did not finish in time");
    const qint64 totalMs = openMs + hourlyMs;
    const qint64 limitMs = 1000;
    // Every target has a bucket for each hour (168, or 169 when the week starts mid-hour).
    const bool complete = hourly >= Targets * Days * 24 && tenMinute >= Targets * Days * 144
            && summed >= Days * 24;
    return {QStringLiteral("open a week x 200 targets by the hour (filled in %1 s)")
                    .arg(fillMs / 1000),
            QStringLiteral("%1 ms (open %2 + %3 rows %4; by 10 min: %5 rows %6 ms; all targets "
                           "summed: %7 rows %8 ms; page check %9 ms aside)")
                    .arg(totalMs)
                    .arg(openMs)
                    .arg(hourly)
                    .arg(hourlyMs)
                    .arg(tenMinute)
                    .arg(tenMinuteMs)
                    .arg(summed)
                    .arg(summedMs)
                    .arg(store.counters().pageCheckMs),
            QStringLiteral("%1 ms limit").arg(limitMs),
            double(totalMs) / double(limitMs),
            QStringLiteral("<= 1.0x"),
            totalMs <= limitMs && complete};
}
