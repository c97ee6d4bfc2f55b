#include "oncepathlines.h"

#include "printabletext.h"

namespace {

QString pathNote(const PathAnswer &path, const QStringList &differing)
{
    if (path.expectation == PathAnswer::Expectation::MayDiffer)
        return QStringLiteral("may differ");
    if (differing.contains(path.result.resolver))
        return QStringLiteral("differs");
    return QString();
}

QList<QStringList> pathCells(const PathComparison &comparison)
{
    const QStringList differing = comparison.disagreeing();
    QList<QStringList> cells;
    for (const PathAnswer &path : comparison.paths) {
        const LookupResult &result = path.result;
        cells.append({printable(result.resolver), printable(path.answerWords()),
                      QStringLiteral("%1 ms").arg(double(result.latencyUs) / 1000.0, 0, 'f', 1),
                      sourceName(result.source), pathNote(path, differing)});
    }
    return cells;
}

QString verdict(const PathComparison &comparison)
{
    if (comparison.agree)
        return QStringLiteral("paths agree");
    return QStringLiteral("paths differ: %1")
            .arg(printable(comparison.disagreeing().join(QLatin1String(", "))));
}

} // namespace

QStringList oncePathLines(const PathComparison &comparison)
{
    if (comparison.isEmpty())
        return {};
    const QList<QStringList> cells = pathCells(comparison);
    QList<qsizetype> widths(cells.first().size(), 0);
    for (const QStringList &row : cells) {
        for (qsizetype column = 0; column < row.size(); ++column)
            widths[column] = qMax(widths[column], row[column].size());
    }
    QStringList lines;
    for (const QStringList &row : cells) {
        QString line = QStringLiteral("path ");
        for (qsizetype column = 0; column < row.size(); ++column)
            line += row[column].leftJustified(widths[column] + 2);
        lines.append(line.trimmed());
    }
    lines.append(verdict(comparison));
    return lines;
}
