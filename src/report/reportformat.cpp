#include "reportformat.h"

#include "reportcsv.h"
#include "reportfile.h"
#include "reporthtml.h"
#include "reportjson.h"
#include "reportpdf.h"

#include <QFileInfo>
#include <QJsonDocument>

QString reportFormatName(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Html:
        return QStringLiteral("html");
    case ReportFormat::Pdf:
        return QStringLiteral("pdf");
    case ReportFormat::Csv:
        return QStringLiteral("csv");
    case ReportFormat::Json:
        return QStringLiteral("json");
    }
    return QString();
}

std::optional<ReportFormat> reportFormatFromName(const QString &name)
{
    for (const ReportFormat format :
         {ReportFormat::Html, ReportFormat::Pdf, ReportFormat::Csv, ReportFormat::Json}) {
        if (name.compare(reportFormatName(format), Qt::CaseInsensitive) == 0)
            return format;
    }
    if (name.compare(QLatin1String("htm"), Qt::CaseInsensitive) == 0)
        return ReportFormat::Html;
    return std::nullopt;
}

std::optional<ReportFormat> reportFormatFromPath(const QString &path)
{
    return reportFormatFromName(QFileInfo(path).suffix());
}

bool renderReport(HistoryDatabase &db, const ReportRequest &request, ReportFormat format,
                  QIODevice *out, QString *error, const std::function<void(ReportStep)> &progress)
{
    const auto step = [&progress](ReportStep what) {
        if (progress)
            progress(what);
    };
    if (format == ReportFormat::Csv) {
        step(ReportStep::Writing); // read and written row by row
        QStringList hosts;
        for (const TargetConfig &target : request.config.targets) {
            if (request.targets.contains(target.name))
                hosts.append(target.host);
        }
        return writeReportCsv(db, request.from, request.to, request.targets, hosts, out, error);
    }
    step(ReportStep::Reading);
    const std::optional<HealthReport> report = buildHealthReport(db, request, error);
    if (!report)
        return false;
    step(ReportStep::Writing);
    QByteArray bytes;
    if (format == ReportFormat::Json)
        bytes = QJsonDocument(reportJson(*report)).toJson(QJsonDocument::Indented);
    else if (format == ReportFormat::Html)
        bytes = reportHtml(*report);
    else if (bytes = reportPdf(*report, error); bytes.isEmpty())
        return false;
    return writeAll(out, bytes, error);
}

bool writeReport(HistoryDatabase &db, const ReportRequest &request, ReportFormat format,
                 const QString &path, QString *error,
                 const std::function<void(ReportStep)> &progress)
{
    const auto failed = [error, &path](const QString &why) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, why);
        return false;
    };
    ReportFile file(path);
    if (!file.open())
        return failed(file.errorString());
    QString why;
    if (!renderReport(db, request, format, file.device(), &why, progress))
        return failed(why);
    // A read cut short (the program is exiting) would make a report that looks whole.
    if (db.stopRequested())
        return failed(QStringLiteral("not written: %1").arg(db.lastError()));
    if (!file.commit())
        return failed(file.errorString());
    return true;
}
