#include "soacomparison.h"

#include "dns/serialnumber.h"

#include <QJsonArray>
#include <QJsonValue>

bool SoaComparison::agree() const
{
    for (const SoaServerState &state : servers) {
        if (!state.serial || state.serial != servers.first().serial)
            return false;
    }
    return !servers.isEmpty();
}

QStringList SoaComparison::lagging() const
{
    QStringList names;
    for (const SoaServerState &state : servers) {
        if (state.serial && state.behind > 0)
            names.append(QStringLiteral("%1 (%2)").arg(state.server).arg(*state.serial));
    }
    return names;
}

qint64 SoaLagMemory::behindForMs(const QString &target, const QString &server, quint32 serial,
                                 qint64 nowMs)
{
    QHash<QString, Since> &servers = m_since[target];
    const auto found = servers.constFind(server);
    if (found != servers.cend() && found->serial == serial)
        return nowMs - found->sinceMs;
    servers.insert(server, Since{serial, nowMs});
    return 0;
}

void SoaLagMemory::caughtUp(const QString &target, const QString &server)
{
    const auto found = m_since.find(target);
    if (found != m_since.end())
        found->remove(server);
}

void SoaLagMemory::keepOnly(const QStringList &targets)
{
    for (auto it = m_since.begin(); it != m_since.end();) {
        if (targets.contains(it.key()))
            ++it;
        else
            it = m_since.erase(it);
    }
}

QString lagDurationText(qint64 seconds)
{
    if (seconds < 120)
        return QStringLiteral("%1 s").arg(seconds);
    if (seconds < 2 * 3600)
        return QStringLiteral("%1 min").arg(seconds / 60);
    return QStringLiteral("%1 h").arg(seconds / 3600);
}

SoaComparison compareSoaAnswers(const QString &zone, const QList<SoaAnswer> &answers, int maxLagS,
                                const QString &target, SoaLagMemory *memory, qint64 nowMs)
{
    SoaComparison comparison;
    comparison.zone = zone;
    QList<quint32> serials;
    for (const SoaAnswer &answer : answers) {
        SoaServerState state;
        state.server = answer.server;
        state.error = answer.error;
        if (answer.soa) {
            state.serial = answer.soa->serial;
            serials.append(answer.soa->serial);
        }
        comparison.servers.append(state);
    }
    comparison.newest = DnsWire::newestSerial(serials);
    // Only a round every server answered says who has the newest serial: with the server that
    // has it silent, a lagging one would look newest and lose the time it has been behind.
    const bool everyServerAnswered = serials.size() == answers.size();
    QStringList failures;
    QStringList withinLag;
    if (!serials.isEmpty() && !comparison.newest) {
        QStringList texts;
        for (quint32 serial : std::as_const(serials))
            texts.append(QString::number(serial));
        failures.append(QStringLiteral("the serials of %1 cannot be ordered (RFC 1982): %2")
                                .arg(zone, texts.join(QLatin1String(", "))));
    }
    for (SoaServerState &state : comparison.servers) {
        if (!state.serial) {
            failures.append(QStringLiteral("%1: %2").arg(state.server, state.error));
            continue;
        }
        if (!comparison.newest)
            continue;
        state.behind = DnsWire::serialsBehind(*state.serial, *comparison.newest);
        if (state.behind == 0) {
            if (everyServerAnswered)
                memory->caughtUp(target, state.server);
            continue;
        }
        const qint64 forS = memory->behindForMs(target, state.server, *state.serial, nowMs) / 1000;
        state.behindForS = forS;
        const QString lag = QStringLiteral("%1 serial %2 is %3 behind %4 (for %5")
                                    .arg(state.server)
                                    .arg(*state.serial)
                                    .arg(state.behind)
                                    .arg(*comparison.newest)
                                    .arg(lagDurationText(forS));
        if (forS >= maxLagS) {
            comparison.lagFailed = true;
            failures.append(lag + QLatin1Char(')'));
        } else {
            withinLag.append(lag + QStringLiteral(", within max_lag_s %1)").arg(maxLagS));
        }
    }
    comparison.ok = failures.isEmpty() && !comparison.servers.isEmpty();
    comparison.detail = (failures + withinLag).join(QLatin1String("; "));
    return comparison;
}

QJsonObject soaJson(const SoaComparison &comparison)
{
    QJsonArray servers;
    for (const SoaServerState &state : comparison.servers) {
        const bool answered = state.serial.has_value();
        servers.append(QJsonObject{
                {QStringLiteral("server"), state.server},
                {QStringLiteral("serial"),
                 answered ? QJsonValue(double(*state.serial)) : QJsonValue()},
                {QStringLiteral("behind"),
                 answered && comparison.newest ? QJsonValue(double(state.behind)) : QJsonValue()},
                {QStringLiteral("behind_for_s"),
                 state.behindForS ? QJsonValue(double(*state.behindForS)) : QJsonValue()},
                {QStringLiteral("error"), state.error.isEmpty() ? QJsonValue() : state.error},
        });
    }
    return QJsonObject{
            {QStringLiteral("zone"), comparison.zone},
            {QStringLiteral("newest"),
             comparison.newest ? QJsonValue(double(*comparison.newest)) : QJsonValue()},
            {QStringLiteral("servers"), servers},
    };
}
