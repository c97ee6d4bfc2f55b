#include "soastatus.h"

#include "answerreader.h"

#include <QJsonArray>

namespace {

std::optional<quint32> serialAt(AnswerReader &reader, const QJsonObject &object,
                                const QString &path, QLatin1String key)
{
    const std::optional<qint64> value = reader.count(object, path, key);
    if (!value)
        return std::nullopt;
    if (*value > qint64(0xFFFFFFFFu)) {
        reader.fail(path + QLatin1Char('.') + key,
                    QStringLiteral("expected a serial from 0 to 4294967295"));
        return std::nullopt;
    }
    return quint32(*value);
}

} // namespace

std::optional<SoaComparison> readSoaStatus(AnswerReader &reader, const QJsonObject &check,
                                           const QString &checkPath)
{
    const QLatin1String key("soa");
    if (!check.contains(key) || check.value(key).isNull())
        return std::nullopt;
    const QJsonObject object = reader.object(check, checkPath, key);
    const QString path = checkPath + QStringLiteral(".soa");
    SoaComparison soa;
    soa.zone = reader.text(object, path, QLatin1String("zone"));
    soa.newest = serialAt(reader, object, path, QLatin1String("newest"));
    const QJsonArray servers = reader.array(object, path, QLatin1String("servers"));
    const QString serversPath = path + QStringLiteral(".servers");
    for (qsizetype i = 0; i < servers.size(); ++i) {
        const std::optional<QJsonObject> entry = reader.element(servers, serversPath, i);
        if (!entry)
            continue;
        const QString at = QStringLiteral("%1[%2]").arg(serversPath).arg(i);
        SoaServerState state;
        state.server = reader.text(*entry, at, QLatin1String("server"));
        state.serial = serialAt(reader, *entry, at, QLatin1String("serial"));
        state.behind = serialAt(reader, *entry, at, QLatin1String("behind")).value_or(0);
        state.behindForS = reader.count(*entry, at, QLatin1String("behind_for_s"));
        state.error = reader.text(*entry, at, QLatin1String("error"));
        soa.servers.append(state);
    }
    return soa;
}
