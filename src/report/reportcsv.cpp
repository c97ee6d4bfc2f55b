#include "reportcsv.h"

#include "reportfile.h"
#include "reportwording.h"

#include "printabletext.h"

#include <QRegularExpression>

namespace {

const QStringList Columns{
        QStringLiteral("type"),           QStringLiteral("time"),
        QStringLiteral("target"),         QStringLiteral("host"),
        QStringLiteral("resolver"),       QStringLiteral("record"),
        QStringLiteral("source"),         QStringLiteral("cause"),
        QStringLiteral("addresses"),      QStringLiteral("dns_server"),
        QStringLiteral("dns_latency_ms"), QStringLiteral("dns_detail"),
        QStringLiteral("checked"),        QStringLiteral("check_ok"),
        QStringLiteral("check_address"),  QStringLiteral("check_latency_ms"),
        QStringLiteral("check_detail"),   QStringLiteral("reachable"),
        QStringLiteral("event_kind"),     QStringLiteral("tier"),
        QStringLiteral("before"),         QStringLiteral("after"),
        QStringLiteral("event_detail"),   QStringLiteral("ttl_s"),
        QStringLiteral("validated"),      QStringLiteral("ede"),
};

QString timeText(const QDateTime &time)
{
    return ReportWording::isoLocalTime(time); // with the offset, e.g. +01:00
}

QString boolText(bool value) { return value ? QStringLiteral("true") : QStringLiteral("false"); }

QString msText(qint64 us) { return QString::number(double(us) / 1000.0, 'f', 3); }

// "true", "false", or empty when the resolver was not asked.
QString validationText(DnssecValidation validation)
{
    return validation == DnssecValidation::NotAsked
            ? QString()
            : boolText(validation == DnssecValidation::Validated);
}

QByteArray line(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &field : fields)
        quoted.append(csvField(field));
    return (quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n")).toUtf8();
}

QStringList resultFields(const ProbeResult &result)
{
    const LookupResult &dns = result.resolution;
    return {QStringLiteral("result"),
            timeText(result.time),
            result.target,
            dns.host,
            dns.resolver,
            recordKindName(dns.kind),
            sourceName(dns.source),
            dns.cause == FailureCause::None ? QString() : causeName(dns.cause),
            addressStrings(dns.addresses).join(QLatin1Char(' ')),
            dns.server,
            msText(dns.latencyUs),
            dns.detail,
            boolText(result.checked),
            result.checked ? boolText(result.check.ok) : QString(),
            result.check.address.isNull() ? QString() : result.check.address.toString(),
            result.checked ? msText(result.check.latencyUs) : QString(),
            result.check.detail,
            boolText(result.reachable),
            QString(),
            QString(),
            QString(),
            QString(),
            QString(),
            QString(),
            validationText(dns.validation),
            ExtendedDnsErrors::describe(dns.extendedErrors)};
}

QStringList eventFields(const StoredEvent &event)
{
    QStringList fields(Columns.size());
    fields[0] = QStringLiteral("event");
    fields[1] = timeText(event.time);
    fields[2] = event.target;
    fields[3] = event.host;
    fields[4] = event.resolver;
    fields[7] = event.cause;
    fields[18] = event.kind;
    fields[19] = event.tier;
    fields[20] = event.before.join(QLatin1Char(' '));
    fields[21] = event.after.join(QLatin1Char(' '));
    fields[22] = event.detail;
    fields[23] = event.ttlS ? QString::number(*event.ttlS) : QString();
    fields[24] = validationText(event.validation);
    fields[25] = ExtendedDnsErrors::describe(event.extendedErrors);
    return fields;
}

bool looksLikeFormula(const QString &text)
{
    static const QString starts = QStringLiteral("=+-@\t\r");
    if (text.size() < 2 || !starts.contains(text.front()))
        return false;
    bool number = false;
    text.toDouble(&number);
    return !number;
}
} // namespace

QString csvField(const QString &text)
{
    static const QRegularExpression needsQuotes(QStringLiteral("[,\"\\r\\n]"));
    const QString shown = printable(text);
    const QString safe = looksLikeFormula(shown) ? QLatin1Char('\'') + shown : shown;
    if (!safe.contains(needsQuotes))
        return safe;
    return QLatin1Char('"') + QString(safe).replace(QLatin1Char('"'), QStringLiteral("\"\""))
            + QLatin1Char('"');
}

bool writeReportCsv(HistoryDatabase &db, const QDateTime &from, const QDateTime &to,
                    const QStringList &targets, const QStringList &hosts, QIODevice *out,
                    QString *error)
{
    const auto failed = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    // Rows are gathered into blocks: out may be unbuffered (a report's file, so that each write
    // is checked where it fails), and one write per row would cost a system call each.
    constexpr qsizetype BlockBytes = 64 * 1024;
    QByteArray block;
    QString writeError;
    bool writeFailed = false;
    const auto flush = [&] {
        writeFailed = !writeAll(out, block, &writeError);
        block.clear();
        return !writeFailed;
    };
    const auto write = [&](const QStringList &fields) {
        block += line(fields);
        return block.size() < BlockBytes || flush();
    };
    if (!write(Columns))
        return failed(writeError);
    const bool read = db.forEachResult(from, to, [&](const ProbeResult &result) {
        if (!targets.isEmpty() && !targets.contains(result.target))
            return true;
        return write(resultFields(result));
    });
    if (writeFailed)
        return failed(writeError);
    if (!read)
        return failed(db.lastError());
    const auto events = db.events(from, to, std::numeric_limits<int>::max());
    if (!events)
        return failed(db.lastError());
    for (const StoredEvent &event : *events) {
        // With chosen targets: their state changes, and their hosts' resolver events.
        const bool chosen = targets.isEmpty() || targets.contains(event.target)
                || (event.target.isEmpty() && hosts.contains(event.host));
        if (!chosen)
            continue;
        if (!write(eventFields(event)))
            return failed(writeError);
    }
    if (!flush())
        return failed(writeError);
    return true;
}
