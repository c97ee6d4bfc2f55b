#include "onceoutput.h"

#include "oncepathlines.h"
#include "printabletext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QString latencyText(qint64 latencyUs)
{
    return QStringLiteral("%1 ms").arg(double(latencyUs) / 1000.0, 0, 'f', 1);
}

int criticalCount(const QList<TargetOutcome> &outcomes, bool upOnly)
{
    int count = 0;
    for (const TargetOutcome &outcome : outcomes) {
        if (outcome.target.critical && (!upOnly || outcome.state != TargetState::Down))
            ++count;
    }
    return count;
}

QString checkText(const std::optional<CheckOutcome> &check)
{
    if (!check)
        return QStringLiteral("-");
    if (check->ok && !check->detail.isEmpty()) // within its limits, yet worth saying (a lag)
        return QStringLiteral("ok %1: %2").arg(latencyText(check->latencyUs), check->detail);
    if (check->ok)
        return QStringLiteral("ok %1").arg(latencyText(check->latencyUs));
    return QStringLiteral("failed: %1").arg(check->detail);
}

} // namespace

QString formatOnceTable(const QList<TargetOutcome> &outcomes, bool ready,
                        const QList<ResolverEvent> &events, const QList<ZoneSignatureStatus> &zones)
{
    const QStringList headers = {QStringLiteral("TARGET"),   QStringLiteral("HOST"),
                                 QStringLiteral("RESOLVER"), QStringLiteral("STATUS"),
                                 QStringLiteral("SOURCE"),   QStringLiteral("ADDRESSES"),
                                 QStringLiteral("TTL"),      QStringLiteral("LATENCY"),
                                 QStringLiteral("CHECK"),    QStringLiteral("ERROR")};
    QList<QStringList> rows;
    QList<QStringList> pathLines; // under each row: its compared paths, if any
    for (const TargetOutcome &outcome : outcomes) {
        pathLines.append(oncePathLines(outcome.paths));
        const LookupResult &result = outcome.result;
        const std::optional<qint64> ttl = ttlLeftSeconds(result);
        const QString error = result.cause == FailureCause::None
                ? QStringLiteral("-")
                : (result.detail.isEmpty()
                           ? causeName(result.cause)
                           : QStringLiteral("%1: %2").arg(causeName(result.cause), result.detail));
        rows.append({outcome.target.name
                             + (outcome.target.critical ? QString() : QStringLiteral(" (-)")),
                     outcome.target.host, outcome.target.resolver, targetStateName(outcome.state),
                     sourceName(result.source),
                     result.addresses.isEmpty()
                             ? QStringLiteral("-")
                             : addressStrings(result.addresses).join(QLatin1String(", ")),
                     ttl ? QStringLiteral("%1s").arg(*ttl) : QStringLiteral("-"),
                     latencyText(result.latencyUs), checkText(outcome.check), error});
    }
    // Names, details and errors come from the config and the network: shown, never obeyed.
    for (QStringList &row : rows) {
        for (QString &cell : row)
            cell = printable(cell);
    }
    QList<int> widths;
    for (int column = 0; column < headers.size(); ++column) {
        int width = int(headers[column].size());
        for (const QStringList &row : std::as_const(rows))
            width = qMax(width, int(row[column].size()));
        widths.append(width);
    }
    auto line = [&widths](const QStringList &cells) -> QString {
        QString text;
        for (int column = 0; column < cells.size(); ++column) {
            const bool last = column == cells.size() - 1;
            text += last ? cells[column] : cells[column].leftJustified(widths[column] + 2);
        }
        return text + QLatin1Char('\n');
    };
    QString out = line(headers);
    for (qsizetype index = 0; index < rows.size(); ++index) {
        out += line(rows[index]);
        for (const QString &pathLine : std::as_const(pathLines[index]))
            out += QStringLiteral("    %1\n").arg(pathLine);
    }
    out += QStringLiteral("ready: %1 (%2 of %3 critical targets up)\n")
                   .arg(ready ? QStringLiteral("yes") : QStringLiteral("no"))
                   .arg(criticalCount(outcomes, true))
                   .arg(criticalCount(outcomes, false));
    if (!events.isEmpty())
        out += QStringLiteral("events:\n");
    for (const ResolverEvent &event : events) {
        out += QStringLiteral("  %1  %2  %3\n")
                       .arg(event.time.toString(Qt::ISODateWithMs), eventKindName(event.kind),
                            printable(event.detail));
    }
    if (!zones.isEmpty())
        out += QStringLiteral("dnssec zones:\n");
    for (const ZoneSignatureStatus &zone : zones)
        out += QStringLiteral("  %1\n").arg(printable(zoneSignatureSentence(zone)));
    return out;
}

QByteArray formatOnceJson(const QList<TargetOutcome> &outcomes, bool ready,
                          const QList<ResolverEvent> &events,
                          const QList<ZoneSignatureStatus> &zones)
{
    QJsonArray targets;
    for (const TargetOutcome &outcome : outcomes)
        targets.append(outcomeJson(outcome));
    QJsonArray eventArray;
    for (const ResolverEvent &event : events)
        eventArray.append(eventJson(event));
    QJsonObject root{{QStringLiteral("ready"), ready},
                     {QStringLiteral("targets"), targets},
                     {QStringLiteral("events"), eventArray}};
    if (!zones.isEmpty()) {
        QJsonArray zoneArray;
        for (const ZoneSignatureStatus &zone : zones)
            zoneArray.append(zoneSignatureJson(zone));
        root.insert(QStringLiteral("dnssec_zones"), zoneArray);
    }

    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}
