#include "configfieldpath.h"

namespace {
// Reads "[n]" at *position; leaves *position after it. -1 when there is none.
int readIndex(const QString &path, qsizetype *position)
{
    if (*position >= path.size() || path.at(*position) != QLatin1Char('['))
        return -1;
    const qsizetype close = path.indexOf(QLatin1Char(']'), *position);
    if (close < 0)
        return -1;
    bool ok = false;
    const int index = path.mid(*position + 1, close - *position - 1).toInt(&ok);
    *position = close + 1;
    return ok ? index : -1;
}
} // namespace

ConfigFieldPath ConfigFieldPath::parse(const QString &path)
{
    ConfigFieldPath parsed;
    if (!path.startsWith(QLatin1String("$.")))
        return parsed;
    qsizetype position = 2;
    while (position < path.size() && path.at(position) != QLatin1Char('.')
           && path.at(position) != QLatin1Char('['))
        ++position;
    parsed.block = path.mid(2, position - 2);
    parsed.element = readIndex(path, &position);
    if (position >= path.size() || path.at(position) != QLatin1Char('.'))
        return parsed;
    const qsizetype fieldStart = position + 1;
    const qsizetype bracket = path.indexOf(QLatin1Char('['), fieldStart);
    position = bracket < 0 ? path.size() : bracket;
    parsed.field = path.mid(fieldStart, position - fieldStart);
    parsed.entry = readIndex(path, &position);
    return parsed;
}
