#include "reportmarkup.h"

#include "reportstylesheet.h"
#include "reportwording.h"

#include "printabletext.h"

#include <QGuiApplication>

using namespace ReportWording;

namespace {
// Charts in CSS pixels: the PDF's fit A4 between its margins (680 px); a browser's get more of
// its wider column, and still print legibly when scaled down to the page.
constexpr QSize PrintChartSize(660, 230);
constexpr QSize BrowserChartSize(820, 250);

// A table cell: text that is escaped on the way out, with an optional smaller note under it.
struct Cell
{
    Cell(const QString &text = QString()) // implicit: most cells are just text
        : text(text)
    { }
    Cell(const QString &text, const QString &note) : text(text), note(note) { }
    QString text;
    QString note;
};

// Text reads from the left; numbers line up on the right.
enum class Align { Text, Number };

struct Column
{
    QString title;
    Align align = Align::Text;
};

QString targetName(const TargetReport &target)
{
    return target.name.isEmpty() ? QStringLiteral("(unnamed target)") : target.name;
}

QString pinOrigin(const QString &origin)
{
    if (origin == QLatin1String("config"))
        return QStringLiteral("the config");
    if (origin == QLatin1String("operator"))
        return QStringLiteral("an operator");
    return origin.isEmpty() ? QStringLiteral("unknown") : origin;
}

QString latencyCell(const ReportLatency &latency, double ms)
{
    return latency.samples > 0 ? latencyMs(ms) : QStringLiteral("n/a");
}

// Text in charts needs fonts, and fonts a QGuiApplication (Qt aborts without one): a report
// made without one still gives every number.
bool canDrawText()
{
    return qobject_cast<QGuiApplication *>(QCoreApplication::instance()) != nullptr;
}

class MarkupWriter
{
public:
    MarkupWriter(const HealthReport &report, ReportMarkupFlavor flavor)
        : m_report(report), m_flavor(flavor)
    { }

    ReportMarkup write();

private:
    void header();
    void summary();
    void incidents();
    void target(qsizetype index);
    void targetNumbers(const TargetReport &target);
    void targetLatency(const TargetReport &target);
    void targetFallbackEvents(const TargetReport &target);
    void targetAddressChanges(const TargetReport &target);
    void targetCache(const TargetReport &target);
    void targetExtendedErrors(const TargetReport &target);
    void targetCheckEvents(const TargetReport &target);
    void targetPin(const TargetReport &target);
    QString chartPlace(qsizetype target, ReportChart kind);
    void charts(qsizetype target);
    void zoneSignatures();
    void operatorActions();
    void notes();

    void heading(int level, const QString &text, const QString &cssClass = QString());
    void paragraph(const QString &text, const QString &cssClass = QString());
    void table(const QList<Column> &columns, const QList<QList<Cell>> &rows,
               const QString &whenEmpty);
    void keyValues(const QList<std::pair<QString, Cell>> &pairs, int pairsPerRow = 1);
    void cell(const QString &tag, const Cell &cell, Align align);
    QString tableStart(const QString &cssClass) const;

    const HealthReport &m_report;
    ReportMarkupFlavor m_flavor;
    QString m_html;
    QList<ReportMarkupChart> m_charts;
};

QString MarkupWriter::tableStart(const QString &cssClass) const
{
    // QTextDocument takes spacing, padding and borders from attributes; a browser from the CSS.
    if (m_flavor == ReportMarkupFlavor::TextDocument)
        return QStringLiteral("<table class=\"") + cssClass
                + QStringLiteral("\" width=\"100%\" border=\"1\" cellspacing=\"0\" "
                                 "cellpadding=\"3\">");
    return QStringLiteral("<table class=\"") + cssClass + QStringLiteral("\">");
}

void MarkupWriter::heading(int level, const QString &text, const QString &cssClass)
{
    const QString tag = QStringLiteral("h") + QString::number(level);
    m_html += QLatin1Char('<') + tag;
    if (!cssClass.isEmpty())
        m_html += QStringLiteral(" class=\"") + cssClass + QLatin1Char('"');
    m_html += QLatin1Char('>') + escapedText(text) + QStringLiteral("</") + tag
            + QStringLiteral(">\n");
}

void MarkupWriter::paragraph(const QString &text, const QString &cssClass)
{
    m_html += QStringLiteral("<p");
    if (!cssClass.isEmpty())
        m_html += QStringLiteral(" class=\"") + cssClass + QLatin1Char('"');
    m_html += QLatin1Char('>') + escapedText(text) + QStringLiteral("</p>\n");
}

void MarkupWriter::cell(const QString &tag, const Cell &content, Align align)
{
    const bool number = align == Align::Number;
    m_html += QLatin1Char('<') + tag;
    if (number)
        m_html += QStringLiteral(" class=\"num\"");
    if (m_flavor == ReportMarkupFlavor::TextDocument) // it centres headers, and ignores CSS there
        m_html += number ? QStringLiteral(" align=\"right\"") : QStringLiteral(" align=\"left\"");
    m_html += QLatin1Char('>') + escapedText(content.text);
    if (!content.note.isEmpty())
        m_html += QStringLiteral("<br><span class=\"muted\">") + escapedText(content.note)
                + QStringLiteral("</span>");
    m_html += QStringLiteral("</") + tag + QLatin1Char('>');
}

void MarkupWriter::table(const QList<Column> &columns, const QList<QList<Cell>> &rows,
                         const QString &whenEmpty)
{
    if (rows.isEmpty()) {
        paragraph(whenEmpty, QStringLiteral("empty"));
        return;
    }
    m_html += tableStart(QStringLiteral("grid")) + QStringLiteral("\n<thead><tr>");
    for (const Column &column : columns)
        cell(QStringLiteral("th"), column.title, column.align);
    m_html += QStringLiteral("</tr></thead>\n<tbody>\n");
    for (const QList<Cell> &row : rows) {
        m_html += QStringLiteral("<tr>");
        for (qsizetype i = 0; i < row.size(); ++i)
            cell(QStringLiteral("td"), row.at(i),
                 i < columns.size() ? columns.at(i).align : Align::Text);
        m_html += QStringLiteral("</tr>\n");
    }
    m_html += QStringLiteral("</tbody></table>\n");
}

void MarkupWriter::keyValues(const QList<std::pair<QString, Cell>> &pairs, int pairsPerRow)
{
    m_html += tableStart(QStringLiteral("facts")) + QLatin1Char('\n');
    for (qsizetype i = 0; i < pairs.size(); i += pairsPerRow) {
        m_html += QStringLiteral("<tr>");
        for (qsizetype j = i; j < i + pairsPerRow; ++j) {
            if (j < pairs.size()) {
                cell(QStringLiteral("th"), pairs.at(j).first, Align::Text);
                cell(QStringLiteral("td"), pairs.at(j).second, Align::Text);
            } else {
                m_html += QStringLiteral("<th></th><td></td>");
            }
        }
        m_html += QStringLiteral("</tr>\n");
    }
    m_html += QStringLiteral("</table>\n");
}

void MarkupWriter::header()
{
    m_html += QStringLiteral("<h1>") + escapedText(reportTitle()) + QStringLiteral("</h1>\n");
    const qint64 seconds = m_report.from.isValid() && m_report.to.isValid()
            ? m_report.from.secsTo(m_report.to)
            : 0;
    const QString host = m_report.generatedOn.isEmpty() ? QStringLiteral("an unknown host")
                                                        : m_report.generatedOn;
    keyValues({
            {QStringLiteral("Range"),
             Cell(range(m_report.from, m_report.to), seconds > 0 ? duration(seconds) : QString())},
            {QStringLiteral("Generated"),
             QString(localDateTimeSeconds(m_report.generatedAt) + QStringLiteral(" on ") + host)},
            {QStringLiteral("DNS Watch version"),
             m_report.version.isEmpty() ? QStringLiteral("unknown") : m_report.version},
            {QStringLiteral("Config"),
             Cell(m_report.configSource.isEmpty() ? QStringLiteral("unknown")
                                                  : m_report.configSource,
                  QStringLiteral("SHA-256 ")
                          + (m_report.configDigest.isEmpty() ? QStringLiteral("unknown")
                                                             : m_report.configDigest))},
            {QStringLiteral("History"),
             m_report.historyPath.isEmpty() ? QStringLiteral("none") : m_report.historyPath},
    });
}

void MarkupWriter::summary()
{
    heading(2, QStringLiteral("Summary"));
    const QString readiness = m_report.minutesWithData > 0
            ? percent(m_report.readyMinutes, m_report.minutesWithData)
            : QStringLiteral("n/a");
    // Three numbers side by side; the fallback's the largest: it is what the fallback is worth.
    m_html += tableStart(QStringLiteral("kpi")) + QStringLiteral("<tr>");
    const auto figure = [this](const QString &value, const QString &label, const QString &note,
                               const QString &cssClass) {
        m_html += QStringLiteral("<td class=\"") + cssClass
                + QStringLiteral("\" width=\"33%\"><span class=\"label\">") + escapedText(label)
                + QStringLiteral("</span><br><span class=\"value\">") + escapedText(value)
                + QStringLiteral("</span><br><span class=\"muted\">") + escapedText(note)
                + QStringLiteral("</span></td>");
    };
    figure(readiness, QStringLiteral("Overall readiness"),
           QStringLiteral("of the ") + minutes(m_report.minutesWithData)
                   + QStringLiteral(" with data had every critical target reachable"),
           QStringLiteral("figure"));
    figure(minutes(m_report.fallbackMinutes), QStringLiteral("Kept reachable by fallback"),
           QStringLiteral("minutes in which only a fallback tier (stale cache, pinned address, "
                          "environment) kept a target reachable, over all targets"),
           QStringLiteral("figure main"));
    figure(minutes(m_report.downMinutes), QStringLiteral("Down"),
           QStringLiteral("minutes in which no probe reached a target, over all targets"),
           QStringLiteral("figure"));
    m_html += QStringLiteral("</tr></table>\n");

    heading(3, QStringLiteral("Availability per target"));
    QList<QList<Cell>> rows;
    for (const TargetReport &target : m_report.targets) {
        rows.append(QList<Cell>{
                Cell(targetName(target),
                     target.critical ? QString() : QStringLiteral("not critical")),
                target.host,
                percent(target.dnsOk, target.probes),
                percent(target.checkOk, target.probes),
                latencyCell(target.dnsLatency, target.dnsLatency.p95Ms),
                latencyCell(target.serviceLatency, target.serviceLatency.p95Ms),
                minutes(target.fallbackMinutes),
                minutes(target.downMinutes),
        });
    }
    table({{QStringLiteral("Target")},
           {QStringLiteral("Host")},
           {QStringLiteral("DNS"), Align::Number},
           {QStringLiteral("Service"), Align::Number},
           {QStringLiteral("DNS p95"), Align::Number},
           {QStringLiteral("Service p95"), Align::Number},
           {QStringLiteral("Fallback"), Align::Number},
           {QStringLiteral("Down"), Align::Number}},
          rows, QStringLiteral("No targets in this report."));
    paragraph(QStringLiteral("DNS: probes answered by a live lookup or the cache, not by a "
                             "fallback tier. Service: probes that reached the service. Percentages "
                             "are rounded down, so 100.0 % means no failure at all."),
              QStringLiteral("muted"));
}

void MarkupWriter::incidents()
{
    heading(2, QStringLiteral("Worst incidents"));
    QList<QList<Cell>> rows;
    for (const ReportIncident &incident : m_report.worstIncidents)
        rows.append(
                QList<Cell>{localTime(incident.start), localTime(incident.end),
                            duration(incident.minutes * 60), incident.target,
                            incident.cause.isEmpty() ? QStringLiteral("unknown") : incident.cause});
    table({{QStringLiteral("Start")},
           {QStringLiteral("End")},
           {QStringLiteral("Duration"), Align::Number},
           {QStringLiteral("Target")},
           {QStringLiteral("Cause")}},
          rows, QStringLiteral("No incidents in this range."));
}

void MarkupWriter::targetNumbers(const TargetReport &target)
{
    const auto ofProbes = [&](qint64 n) -> QString {
        return count(n) + QStringLiteral(" of ") + count(target.probes) + QStringLiteral(" probes");
    };
    keyValues(
            {
                    {QStringLiteral("Host"), target.host},
                    {QStringLiteral("Resolver"), target.resolver},
                    {QStringLiteral("DNS availability"),
                     Cell(percent(target.dnsOk, target.probes), ofProbes(target.dnsOk))},
                    {QStringLiteral("Service availability"),
                     Cell(percent(target.checkOk, target.probes), ofProbes(target.checkOk))},
                    {QStringLiteral("Kept reachable by fallback"),
                     Cell(minutes(target.fallbackMinutes), ofProbes(target.viaFallback))},
                    {QStringLiteral("Down"), minutes(target.downMinutes)},
                    {QStringLiteral("Minutes with data"), minutes(target.minutesWithData)},
                    {QStringLiteral("Service checks"), count(target.checks)},
                    {QStringLiteral("Readiness"),
                     target.critical ? QStringLiteral("critical: counts toward readiness")
                                     : QStringLiteral("not critical")},
            },
            2);
}

void MarkupWriter::targetLatency(const TargetReport &target)
{
    heading(3, QStringLiteral("Latency"));
    const auto row = [](const QString &name, const ReportLatency &latency) {
        return QList<Cell>{name, count(qint64(latency.samples)),
                           latencyCell(latency, latency.p50Ms), latencyCell(latency, latency.p95Ms),
                           latencyCell(latency, latency.p99Ms)};
    };
    table({{QString()},
           {QStringLiteral("Samples"), Align::Number},
           {QStringLiteral("p50"), Align::Number},
           {QStringLiteral("p95"), Align::Number},
           {QStringLiteral("p99"), Align::Number}},
          {row(QStringLiteral("DNS"), target.dnsLatency),
           row(QStringLiteral("Service"), target.serviceLatency)},
          QString());
}

void MarkupWriter::targetFallbackEvents(const TargetReport &target)
{
    heading(3, QStringLiteral("Fallback events by tier"));
    QList<QList<Cell>> rows;
    QStringList tiers = {QStringLiteral("stale"), QStringLiteral("pinned"), QStringLiteral("env")};
    for (auto it = target.fallbackEventsByTier.cbegin(); it != target.fallbackEventsByTier.cend();
         ++it)
        if (!tiers.contains(it.key()))
            tiers.append(it.key());
    for (const QString &tier : std::as_const(tiers)) {
        const qint64 events = target.fallbackEventsByTier.value(tier);
        if (events > 0)
            rows.append(QList<Cell>{tierName(tier), count(events)});
    }
    table({{QStringLiteral("Tier")}, {QStringLiteral("Events"), Align::Number}}, rows,
          QStringLiteral("No fallback events in this range."));
}

void MarkupWriter::targetAddressChanges(const TargetReport &target)
{
    heading(3, QStringLiteral("Address changes"));
    QList<QList<Cell>> rows;
    for (const StoredEvent &event : target.addressChanges)
        rows.append(QList<Cell>{localTime(event.time), event.resolver,
                                QString(addresses(event.before) + QStringLiteral(" \u2192 ")
                                        + addresses(event.after)),
                                event.ttlS ? QStringLiteral("%1 s").arg(*event.ttlS) : QString(),
                                event.detail});
    table({{QStringLiteral("Time")},
           {QStringLiteral("Resolver")},
           {QStringLiteral("Before \u2192 after")},
           {QStringLiteral("TTL")},
           {QStringLiteral("Detail")}},
          rows, QStringLiteral("No address changes in this range."));
}

void MarkupWriter::targetCheckEvents(const TargetReport &target)
{
    if (target.checkEvents.isEmpty()) // the target compares no paths and has no soa check, or
        return; //                       they never diverged: nothing to say
    heading(3, QStringLiteral("Compared paths and zone serials"));
    QList<QList<Cell>> rows;
    for (const StoredEvent &event : target.checkEvents)
        rows.append(QList<Cell>{localTime(event.time), checkEventName(event.kind), event.detail});
    table({{QStringLiteral("Time")}, {QStringLiteral("Event")}, {QStringLiteral("Detail")}}, rows,
          QString());
}

void MarkupWriter::targetCache(const TargetReport &target)
{
    heading(3, QStringLiteral("Cache now"));
    QList<QList<Cell>> rows;
    for (const ReportCacheEntry &entry : target.cache)
        rows.append(QList<Cell>{
                entry.resolver, entry.host, cacheStateName(entry.state), addresses(entry.addresses),
                entry.expiresAt ? localTime(*entry.expiresAt) : QStringLiteral("\u2014"),
                dnssecText(entry.validation)});
    table({{QStringLiteral("Resolver")},
           {QStringLiteral("Host")},
           {QStringLiteral("State")},
           {QStringLiteral("Addresses")},
           {QStringLiteral("Expires")},
           {QStringLiteral("DNSSEC")}},
          rows, QStringLiteral("Nothing cached for this target."));
}

void MarkupWriter::targetExtendedErrors(const TargetReport &target)
{
    heading(3, QStringLiteral("Extended DNS errors"));
    QList<QList<Cell>> rows;
    for (auto it = target.extendedErrorEvents.cbegin(); it != target.extendedErrorEvents.cend();
         ++it)
        rows.append(QList<Cell>{QString::number(it.key()), ExtendedDnsErrors::words(it.key()),
                                count(it.value())});
    table({{QStringLiteral("Code"), Align::Number},
           {QStringLiteral("Error")},
           {QStringLiteral("Events"), Align::Number}},
          rows, QStringLiteral("No extended DNS errors in this range."));
}

void MarkupWriter::targetPin(const TargetReport &target)
{
    heading(3, QStringLiteral("Pin"));
    if (!target.pin) {
        paragraph(QStringLiteral("Not pinned."), QStringLiteral("empty"));
        return;
    }
    const ReportPin &pin = *target.pin;
    keyValues({
            {QStringLiteral("Addresses"), addresses(pin.addresses)},
            {QStringLiteral("Pinned by"), pinOrigin(pin.origin)},
            {QStringLiteral("Reason"),
             pin.reason.isEmpty() ? QStringLiteral("none given") : pin.reason},
            {QStringLiteral("Pinned at"), localDateTime(pin.pinnedAt)},
            {QStringLiteral("Expires"),
             pin.expiresAt ? localDateTime(*pin.expiresAt) : QStringLiteral("never")},
    });
}

QString MarkupWriter::chartPlace(qsizetype target, ReportChart kind)
{
    const QSize size = m_flavor == ReportMarkupFlavor::Browser ? BrowserChartSize : PrintChartSize;
    const QString name = QStringLiteral("dnswatch-chart:%1").arg(m_charts.size());
    m_charts.append({name, target, kind, size});
    const QString alt = reportChartTitle(kind) + QStringLiteral(" of ")
            + targetName(m_report.targets.at(target));
    return QStringLiteral("<img class=\"chart\" src=\"") + name + QStringLiteral("\" width=\"")
            + QString::number(size.width()) + QStringLiteral("\" height=\"")
            + QString::number(size.height()) + QStringLiteral("\" alt=\"") + escapedText(alt)
            + QStringLiteral("\">");
}

void MarkupWriter::charts(qsizetype target)
{
    heading(3, QStringLiteral("Charts"));
    if (!canDrawText()) {
        paragraph(QStringLiteral("Charts could not be drawn where this report was made (no "
                                 "graphics session for fonts); the numbers above are complete."),
                  QStringLiteral("empty"));
        return;
    }
    const QString success = chartPlace(target, ReportChart::SuccessRate);
    const QString latency = chartPlace(target, ReportChart::Latency);
    if (m_flavor == ReportMarkupFlavor::Browser) {
        m_html += QStringLiteral("<p class=\"chart\">") + success
                + QStringLiteral("</p>\n<p class=\"chart\">") + latency + QStringLiteral("</p>\n");
        return;
    }
    // One paragraph, which the PDF's pages never cut: the charts share a time axis and are read
    // together.
    m_html += QStringLiteral("<p class=\"chart\">") + success + QStringLiteral("<br>") + latency
            + QStringLiteral("</p>\n");
}

void MarkupWriter::target(qsizetype index)
{
    const TargetReport &target = m_report.targets.at(index);
    m_html += QStringLiteral("<div class=\"target\">\n");
    heading(2, QStringLiteral("Target: ") + targetName(target), QStringLiteral("target"));
    targetNumbers(target);
    targetLatency(target);
    targetFallbackEvents(target);
    targetAddressChanges(target);
    targetCheckEvents(target);
    targetExtendedErrors(target);
    targetCache(target);
    targetPin(target);
    charts(index);
    m_html += QStringLiteral("</div>\n");
}

void MarkupWriter::zoneSignatures()
{
    if (m_report.zoneSignatureEvents.isEmpty()) // no zones watched, or none changed its level:
        return; //                                 nothing to say
    heading(2, QStringLiteral("DNSSEC zone signatures"));
    QList<QList<Cell>> rows;
    for (const StoredEvent &event : m_report.zoneSignatureEvents)
        rows.append(QList<Cell>{localTime(event.time), event.host,
                                zoneSignatureEventName(event.kind), event.detail});
    table({{QStringLiteral("Time")},
           {QStringLiteral("Zone")},
           {QStringLiteral("Event")},
           {QStringLiteral("Detail")}},
          rows, QString());
}

void MarkupWriter::operatorActions()
{
    heading(2, QStringLiteral("Operator actions"));
    QList<QList<Cell>> rows;
    for (const StoredEvent &event : m_report.operatorActions) {
        QString subject = event.host;
        if (!event.target.isEmpty())
            subject = subject.isEmpty()
                    ? event.target
                    : subject + QStringLiteral(" (") + event.target + QLatin1Char(')');
        if (subject.isEmpty())
            subject = event.resolver.isEmpty() ? QStringLiteral("all") : event.resolver;
        const QString note = event.after.isEmpty()
                ? QString()
                : QStringLiteral("addresses: ") + addresses(event.after);
        rows.append(QList<Cell>{localTimeSeconds(event.time), actionName(event.kind), subject,
                                Cell(event.detail, note)});
    }
    table({{QStringLiteral("Time")},
           {QStringLiteral("Action")},
           {QStringLiteral("Host / target")},
           {QStringLiteral("Detail")}},
          rows, QStringLiteral("No operator actions in this range."));
}

void MarkupWriter::notes()
{
    heading(2, QStringLiteral("Notes"));
    if (m_report.notes.isEmpty()) {
        paragraph(QStringLiteral("No notes for this report."), QStringLiteral("empty"));
        return;
    }
    m_html += QStringLiteral("<ul>\n");
    for (const QString &note : m_report.notes)
        m_html += QStringLiteral("<li>") + escapedText(note) + QStringLiteral("</li>\n");
    m_html += QStringLiteral("</ul>\n");
}

ReportMarkup MarkupWriter::write()
{
    const QString title = reportTitle() + QStringLiteral(", ") + range(m_report.from, m_report.to);
    if (m_flavor == ReportMarkupFlavor::Browser) {
        // The policy is a second lock: even a mistake in escaping could not run a script or
        // fetch anything.
        m_html += QStringLiteral(
                "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                "img-src data:; style-src 'unsafe-inline'\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                "<meta name=\"generator\" content=\"DNS Watch\">\n");
    } else {
        m_html += QStringLiteral("<html>\n<head>\n");
    }
    m_html += QStringLiteral("<title>") + escapedText(title) + QStringLiteral("</title>\n<style>\n")
            + reportStyleSheet(m_flavor) + QStringLiteral("</style>\n</head>\n<body>\n");
    header();
    summary();
    incidents();
    for (qsizetype index = 0; index < m_report.targets.size(); ++index)
        target(index);
    zoneSignatures();
    operatorActions();
    notes();
    const QDateTime zoneAt = m_report.from.isValid() ? m_report.from : m_report.generatedAt;
    m_html += QStringLiteral("<p class=\"muted footer\">") + escapedText(reportOrigin(m_report))
            + QStringLiteral(". ")
            + (zoneAt.isValid() ? QStringLiteral("Times are local (")
                               + escapedText(utcOffset(zoneAt)) + QStringLiteral("). ")
                                : QString())
            + QStringLiteral("No credentials are ever included.</p>\n</body>\n</html>\n");
    return {m_html, m_charts};
}
} // namespace

QString reportTitle() { return QStringLiteral("DNS Watch health report"); }

QString reportOrigin(const HealthReport &report)
{
    QString origin = QStringLiteral("DNS Watch");
    if (!report.version.isEmpty())
        origin += QLatin1Char(' ') + report.version;
    if (report.generatedAt.isValid())
        origin += QStringLiteral(", generated ") + localDateTime(report.generatedAt);
    return origin;
}

QString escapedText(const QString &text)
{
    const QString shown = printable(text, LineBreaks::Keep);
    QString escaped;
    escaped.reserve(shown.size() + shown.size() / 8);
    for (const QChar c : shown) {
        switch (c.unicode()) {
        case u'&':
            escaped += QStringLiteral("&amp;");
            break;
        case u'<':
            escaped += QStringLiteral("&lt;");
            break;
        case u'>':
            escaped += QStringLiteral("&gt;");
            break;
        case u'"':
            escaped += QStringLiteral("&quot;");
            break;
        case u'\'':
            escaped += QStringLiteral("&#39;");
            break;
        default:
            escaped += c;
        }
    }
    return escaped;
}

ReportMarkup reportMarkup(const HealthReport &report, ReportMarkupFlavor flavor)
{
    return MarkupWriter(report, flavor).write();
}
