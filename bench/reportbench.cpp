// A health report of seven days for 200 targets (historybench.cpp's week: 2 M minute rows,
// 1.7 M raw results of the last day), built and written as an agent or `dnswatch --report`
// does, in HTML, PDF and JSON: the time of each and the peak resident memory while it runs
// (sampled every 5 ms, beside the memory before it started). Target: at most 5 s each.
#include "benchsupport.h"
#include "reportformat.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocale>
#include <QTemporaryDir>

#include <atomic>
#include <thread>

namespace {
constexpr int Targets = 200;
constexpr qint64 LimitMs = 5000;

// Runs work while a thread samples the resident memory; the highest sample comes back.
qint64 peakKbDuring(const std::function<void()> &work)
{
    std::atomic<bool> running{true};
    std::atomic<qint64> peak{residentKb()};
    std::thread sampler([&] {
        while (running) {
            peak = std::max(peak.load(), residentKb());
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    });
    work();
    running = false;
    sampler.join();
    return std::max(peak.load(), residentKb());
}
} // namespace

QList<Row> benchReports()
{
    QTemporaryDir dir;
    // DNSWATCH_BENCH_REPORT_HISTORY=FILE keeps the filled week there and reuses it (the fill
    // takes most of a minute); the range then ends when the file was filled.
    const QString kept = qEnvironmentVariable("DNSWATCH_BENCH_REPORT_HISTORY");
    const QString history = kept.isEmpty() ? dir.filePath(QStringLiteral("week.db")) : kept;
    QDateTime now = QDateTime::currentDateTimeUtc();
    if (kept.isEmpty() || !QFileInfo::exists(kept))
        fillHistoryWeek(history, now);
    else
        now = QFileInfo(kept).birthTime().isValid() ? QFileInfo(kept).birthTime().toUTC()
                                                    : QFileInfo(kept).lastModified().toUTC();
    HistoryDatabase db(QStringLiteral("bench-report"));
    if (const SchemaReport opened = db.open(history); !opened.ok)
        qFatal("%s", qPrintable(opened.error));
    ReportRequest request;
    request.from = now.addDays(-7);
    request.to = now;
    request.config = benchTargets(QStringLiteral("127.0.0.1:9"), Targets,
                                  QStringLiteral("bench.test"));
    request.historyPath = history;
    request.generatedAt = now;

    QList<Row> rows;
    for (const ReportFormat format : {ReportFormat::Html, ReportFormat::Pdf, ReportFormat::Json}) {
        const QString path = dir.filePath(QStringLiteral("week.") + reportFormatName(format));
        const qint64 beforeKb = residentKb();
        QElapsedTimer timer;
        bool written = false;
        QString error;
        const qint64 peakKb = peakKbDuring([&] {
            timer.start();
            written = writeReport(db, request, format, path, &error);
        });
        const qint64 ms = timer.elapsed();
        if (!written)
            qFatal("report benchmark: %s", qPrintable(error));
        rows.append({QStringLiteral("%1 report, 7 days x 200 targets").arg(reportFormatName(format)),
                     QStringLiteral("%1 ms; %2; RSS peak %3 MB (%4 MB before)")
                             .arg(ms)
                             .arg(QLocale::c().formattedDataSize(QFileInfo(path).size()))
                             .arg(double(peakKb) / 1024, 0, 'f', 1)
                             .arg(double(beforeKb) / 1024, 0, 'f', 1),
                     QStringLiteral("%1 ms limit").arg(LimitMs), double(ms) / double(LimitMs),
                     QStringLiteral("<= 1.0x"), ms <= LimitMs});
    }
    return rows;
}
