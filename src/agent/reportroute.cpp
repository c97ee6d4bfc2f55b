#include "reportroute.h"

#include "apierror.h"
#include "deferredanswer.h"
#include "queryparameters.h"
#include "reportrange.h"
#include "reportschedule.h"

#include <QBuffer>
#include <QHttpServerResponse>

namespace {
using Status = QHttpServerResponse::StatusCode;

QByteArray contentType(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Html:
        return QByteArrayLiteral("text/html; charset=utf-8");
    case ReportFormat::Pdf:
        return QByteArrayLiteral("application/pdf");
    case ReportFormat::Csv:
        return QByteArrayLiteral("text/csv; charset=utf-8");
    case ReportFormat::Json:
        return QByteArrayLiteral("application/json");
    }
    return QByteArrayLiteral("application/octet-stream");
}

QStringList formatNames()
{
    QStringList names;
    for (const ReportFormat format :
         {ReportFormat::Html, ReportFormat::Pdf, ReportFormat::Csv, ReportFormat::Json})
        names.append(reportFormatName(format));
    return names;
}
} // namespace

void ReportRoute::answer(const QUrlQuery &query, const Monitor &monitor, HistoryStore *store,
                         QObject *context, const DeferredAnswer &answer)
{
    QueryParameters parameters(query,
                               {QStringLiteral("from"), QStringLiteral("to"),
                                QStringLiteral("last"), QStringLiteral("format")});
    const std::optional<QString> formatName = parameters.word(
            QStringLiteral("format"), formatNames(), QueryParameters::Need::Optional);
    const std::optional<QDateTime> from = parameters.time(QStringLiteral("from"),
                                                          QueryParameters::Need::Optional);
    const std::optional<QDateTime> to = parameters.time(QStringLiteral("to"),
                                                        QueryParameters::Need::Optional);
    const std::optional<QString> last = parameters.text(QStringLiteral("last"),
                                                        QueryParameters::Need::Optional);
    if (!parameters.ok())
        return answer.send(apiError(Status::BadRequest, parameters.error()));
    const QDateTime now = monitor.clock()->wallTime().toUTC();
    QString error;
    const auto iso = [](const std::optional<QDateTime> &time) {
        return time ? time->toString(Qt::ISODateWithMs) : QString();
    };
    const std::optional<ReportRange> range = parseReportRange(
            iso(from), iso(to), last.value_or(QString()), now, &error, RangeSpelling::Query);
    if (!range)
        return answer.send(apiError(Status::BadRequest, error));
    if (!store)
        return answer.send(apiError(
                Status::Conflict,
                QStringLiteral("report: this agent keeps no history; start it with --db FILE "
                               "to have reports of it")));

    const ReportFormat format = reportFormatFromName(formatName.value_or(QStringLiteral("html")))
                                        .value_or(ReportFormat::Html);
    const ReportRequest request = ReportSchedule::requestFor(monitor, *store, range->from,
                                                             range->to, now);
    const QString fileName = ReportSchedule::fileNameFor(now, format);
    store->readAside(
            context,
            [request, format](HistoryDatabase &db) {
                QBuffer bytes;
                bytes.open(QIODevice::WriteOnly);
                QString why;
                if (!renderReport(db, request, format, &bytes, &why))
                    return QVariant(why);
                return QVariant(bytes.data());
            },
            [answer, format, fileName](const std::optional<QVariant> &made, const QString &unread) {
                if (!made || made->typeId() != QMetaType::QByteArray) {
                    answer.send(apiError(Status::ServiceUnavailable,
                                         QStringLiteral("report: the history cannot be read: %1")
                                                 .arg(made ? made->toString() : unread)));
                    return;
                }
                QHttpServerResponse response(contentType(format), made->toByteArray());
                response.setHeader(QByteArrayLiteral("Content-Disposition"),
                                   QByteArrayLiteral("attachment; filename=\"")
                                           + fileName.toLatin1() + '"');
                answer.send(response);
            });
}
