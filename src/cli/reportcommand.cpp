#include "reportcommand.h"

#include "console.h"
#include "reportinterruption.h"
#include "store/historydatabase.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocale>

namespace {
int fail(const QString &message)
{
    return Console::fail(QStringLiteral("--report: %1").arg(message));
}
} // namespace

QString reportPathProblem(const QString &path)
{
    const QFileInfo file(path);
    const QFileInfo directory(file.absolutePath());
    if (file.isDir())
        return QStringLiteral("%1 is a directory; give a file name").arg(path);
    if (!directory.exists())
        return QStringLiteral("the directory %1 does not exist").arg(directory.filePath());
    if (!directory.isDir())
        return QStringLiteral("%1 is not a directory").arg(directory.filePath());
    if (!directory.isWritable())
        return QStringLiteral("the directory %1 is not writable").arg(directory.filePath());
    return QString();
}

int runReport(const AppConfig &config, const ReportCommand &command)
{
    const std::optional<ReportFormat> format = command.format ? command.format
                                                              : reportFormatFromPath(command.path);
    if (!format)
        return fail(QStringLiteral("cannot tell the format of %1 from its extension: give "
                                   "--format html, pdf, csv or json")
                            .arg(command.path));
    if (const QString problem = reportPathProblem(command.path); !problem.isEmpty())
        return fail(problem);
    if (command.dbPath.isEmpty())
        return fail(QStringLiteral("needs --db FILE: the report is made from the history that "
                                   "the agent or the dashboard keeps there"));
    if (!QFileInfo::exists(command.dbPath))
        return fail(QStringLiteral("--db %1 does not exist").arg(command.dbPath));
    QString error;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto range = parseReportRange(command.from, command.to, command.last, now, &error);
    if (!range)
        return fail(error);

    // From here on, before the history's pages are checked (which takes a while on a big file).
    const ReportInterruption interruption(config.history.shutdownTimeoutMs);
    HistoryDatabase db(QStringLiteral("report"));
    // Read-only: a report changes nothing, and runs beside an agent writing the same file.
    const SchemaReport opened = db.openForReading(command.dbPath);
    if (!opened.ok)
        return fail(QStringLiteral("--db: %1").arg(opened.error));
    ReportRequest request;
    request.from = range->from;
    request.to = range->to;
    request.config = config;
    request.historyPath = QFileInfo(command.dbPath).absoluteFilePath();
    request.generatedAt = now;
    QElapsedTimer timer;
    timer.start();
    db.setStopFlag(interruption.stopFlag());
    if (!writeReport(db, request, *format, command.path, &error)) {
        if (const int signal = interruption.signal())
            return Console::fail(QStringLiteral("--report: stopped by %1: no report written")
                                         .arg(QLatin1String(ReportInterruption::signalName(signal))),
                                 ReportInterruption::exitCode(signal));
        return fail(error);
    }
    Console::out() << QStringLiteral("report: %1 (%2, %3) for %4 to %5 in %6 ms\n")
                              .arg(command.path, reportFormatName(*format),
                                   QLocale::c().formattedDataSize(QFileInfo(command.path).size()),
                                   range->from.toLocalTime().toString(Qt::ISODate),
                                   range->to.toLocalTime().toString(Qt::ISODate))
                              .arg(timer.elapsed());
    Console::out().flush();
    return Console::ExitReady;
}
