#include "agentstatus.h"

#include "answerreader.h"

namespace {

using Presence = AnswerReader::Presence;

void readCheck(AnswerReader &reader, const QJsonObject &object, const QString &path,
               TargetSnapshot *target)
{
    const QJsonObject check = reader.object(object, path, QLatin1String("check"));
    if (check.isEmpty())
        return;
    const QString at = path + QStringLiteral(".check");
    target->checkOk = reader.boolean(check, at, QLatin1String("ok"), Presence::Required);
    target->checkDetail = reader.text(check, at, QLatin1String("detail"));
}

// One window of success_rates ("5m", "1h"): the DNS and service check rates, none when the
// window holds no probe.
struct WindowRates
{
    std::optional<double> dns;
    std::optional<double> check;
};

WindowRates readWindowRates(AnswerReader &reader, const QJsonObject &rates,
                            const QString &ratesPath, QLatin1String window)
{
    const QJsonObject counts = reader.object(rates, ratesPath, window);
    const QString at = ratesPath + QLatin1Char('.') + window;
    if (reader.number(counts, at, QLatin1String("probes")).value_or(0) <= 0)
        return {}; // no probe in the window: no rate to show
    return {reader.number(counts, at, QLatin1String("dns")),
            reader.number(counts, at, QLatin1String("check"))};
}

void readRates(AnswerReader &reader, const QJsonObject &object, const QString &path,
               TargetSnapshot *target)
{
    const QJsonObject rates = reader.object(object, path, QLatin1String("success_rates"));
    const QString ratesPath = path + QStringLiteral(".success_rates");
    const WindowRates five = readWindowRates(reader, rates, ratesPath, QLatin1String("5m"));
    target->dnsSuccessFiveMinutes = five.dns;
    target->checkSuccessFiveMinutes = five.check;
    const WindowRates hour = readWindowRates(reader, rates, ratesPath, QLatin1String("1h"));
    target->dnsSuccessOneHour = hour.dns;
    target->checkSuccessOneHour = hour.check;
}

// "recent": one letter a probe in "sources" and "checks", and "seconds_before_last", all of the
// same length; times are counted back from the last probe.
void readRecent(AnswerReader &reader, const QJsonObject &object, const QString &path,
                TargetSnapshot *target)
{
    const QJsonObject recent = reader.object(object, path, QLatin1String("recent"));
    if (recent.isEmpty() || !target->lastProbe.isValid())
        return;
    const QString at = path + QStringLiteral(".recent");
    const QString sources = reader.text(recent, at, QLatin1String("sources"), Presence::Required);
    const QString checks = reader.text(recent, at, QLatin1String("checks"), Presence::Required);
    const QJsonArray before = recent.value(QLatin1String("seconds_before_last")).toArray();
    if (checks.size() != sources.size() || before.size() != sources.size()
        || sources.size() > RecentProbes::Kept) {
        reader.fail(at,
                    QStringLiteral("expected sources, checks and seconds_before_last of the "
                                   "same length, at most %1, found %2, %3 and %4")
                            .arg(RecentProbes::Kept)
                            .arg(sources.size())
                            .arg(checks.size())
                            .arg(before.size()));
        return;
    }
    const qint64 lastMs = target->lastProbe.toMSecsSinceEpoch();
    for (qsizetype i = 0; i < sources.size(); ++i) {
        const double seconds = before[i].toDouble(-1);
        const auto mark = markOfLetters(sources[i], checks[i], lastMs - qint64(seconds * 1000));
        if (!mark || seconds < 0) {
            reader.fail(at + QStringLiteral("[%1]").arg(i),
                        QStringLiteral("expected a source letter (fcspex), a check letter (+-.) "
                                       "and seconds of 0 or more, found %1, %2 and %3")
                                .arg(JsonValidator::quoted(QString(sources[i])),
                                     JsonValidator::quoted(QString(checks[i])),
                                     before[i].isDouble() ? QString::number(seconds)
                                                          : QStringLiteral("not a number")));
            return;
        }
        target->recent.append(*mark);
    }
}

TargetSnapshot readTarget(AnswerReader &reader, const QJsonObject &object, const QString &path)
{
    TargetSnapshot target;
    target.name = reader.text(object, path, QLatin1String("name"), Presence::Required);
    target.host = reader.text(object, path, QLatin1String("host"));
    target.resolver = reader.text(object, path, QLatin1String("resolver"));
    target.critical = reader.boolean(object, path, QLatin1String("critical")).value_or(false);
    const QString state = reader.text(object, path, QLatin1String("state"), Presence::Required);
    if (const auto known = targetStateFromName(state))
        target.state = *known;
    else if (!state.isEmpty())
        reader.fail(path + QStringLiteral(".state"),
                    QStringLiteral("expected healthy, degraded, down, paused or unknown, found %1")
                            .arg(JsonValidator::quoted(state)));
    target.stateDetail = reader.text(object, path, QLatin1String("state_detail"));
    target.source = reader.text(object, path, QLatin1String("source"));
    target.addresses = reader.texts(object, path, QLatin1String("addresses"));
    if (const auto ttl = reader.number(object, path, QLatin1String("ttl_s")))
        target.ttlSeconds = qint64(*ttl);
    target.error = reader.text(object, path, QLatin1String("error"));
    target.detail = reader.text(object, path, QLatin1String("detail"));
    target.server = reader.text(object, path, QLatin1String("server"));
    target.dnsLatencyMs = reader.number(object, path, QLatin1String("latency_ms")).value_or(0);
    readCheck(reader, object, path, &target);
    readRates(reader, object, path, &target);
    target.dnsLatencyP95Ms = reader.number(object, path, QLatin1String("dns_latency_p95_ms"))
                                     .value_or(0);
    target.fallbackSeconds = reader.number(object, path, QLatin1String("fallback_s")).value_or(0);
    target.reachable = reader.boolean(object, path, QLatin1String("reachable"));
    target.lastProbe = reader.time(object, path, QLatin1String("last_probe"));
    readRecent(reader, object, path, &target);
    return target;
}

AgentRole roleFromName(const QString &name)
{
    if (name == QLatin1String("operate"))
        return AgentRole::Operate;
    if (name == QLatin1String("read"))
        return AgentRole::Read;
    return AgentRole::Unknown;
}

} // namespace

std::optional<AgentStatus> parseAgentStatus(const QByteArray &json, const QString &source,
                                            QString *error)
{
    AnswerReader reader(source);
    const std::optional<QJsonObject> root = reader.parse(json);
    AgentStatus status;
    if (root) {
        const QString path = QStringLiteral("$");
        status.ready = reader.boolean(*root, path, QLatin1String("ready"), Presence::Required)
                               .value_or(false);
        const QString targetsPath = QStringLiteral("$.targets");
        const QJsonArray targets = reader.array(*root, path, QLatin1String("targets"),
                                                Presence::Required);
        for (qsizetype i = 0; i < targets.size(); ++i) {
            if (const auto object = reader.element(targets, targetsPath, i))
                status.targets.append(
                        readTarget(reader, *object, JsonValidator::elementPath(targetsPath, i)));
        }
        const QJsonObject access = reader.object(*root, path, QLatin1String("access"));
        status.role = roleFromName(
                reader.text(access, QStringLiteral("$.access"), QLatin1String("role")));
        status.actor = reader.text(access, QStringLiteral("$.access"), QLatin1String("name"));
    }
    if (reader.hasErrors()) {
        *error = reader.errorText();
        return std::nullopt;
    }
    return status;
}
