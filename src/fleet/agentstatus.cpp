#include "agentstatus.h"

#include "agentextendederrors.h"
#include "agentpaths.h"
#include "answerreader.h"
#include "soastatus.h"

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
    target->soa = readSoaStatus(reader, check, at);
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
    // A share: a number outside 0..1 from a broken agent would skew every figure it joins.
    const auto share = [&](QLatin1String key) -> std::optional<double> {
        const std::optional<double> rate = reader.number(counts, at, key);
        if (rate && !(*rate >= 0 && *rate <= 1)) {
            reader.fail(at + QLatin1Char('.') + key,
                        QStringLiteral("expected a share from 0 to 1, found %1").arg(*rate));
            return std::nullopt;
        }
        return rate;
    };
    return {share(QLatin1String("dns")), share(QLatin1String("check"))};
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
// same length; times are counted back from the last probe. What a newer agent may send is taken
// in its stride: more probes than the strip shows (the newest are kept), a letter not known here
// (that probe is left out).
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
    if (checks.size() != sources.size() || before.size() != sources.size()) {
        reader.fail(at,
                    QStringLiteral("expected sources, checks and seconds_before_last of the "
                                   "same length, found %1, %2 and %3")
                            .arg(sources.size())
                            .arg(checks.size())
                            .arg(before.size()));
        return;
    }
    constexpr double MostSeconds = 1e9; // about 30 years: past that, not a probe's age
    const qint64 lastMs = target->lastProbe.toMSecsSinceEpoch();
    for (qsizetype i = std::max<qsizetype>(0, sources.size() - RecentProbes::Kept);
         i < sources.size(); ++i) {
        const double seconds = before[i].toDouble(-1);
        if (!(seconds >= 0 && seconds <= MostSeconds)) { // NaN and infinity too
            reader.fail(at + QStringLiteral(".seconds_before_last[%1]").arg(i),
                        QStringLiteral("expected seconds from 0 to %1, found %2")
                                .arg(MostSeconds, 0, 'g')
                                .arg(before[i].isDouble() ? QString::number(seconds)
                                                          : QStringLiteral("no number")));
            return;
        }
        if (const auto mark = markOfLetters(sources[i], checks[i], lastMs - qint64(seconds * 1000)))
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
    target.extendedErrors = readAgentExtendedErrors(reader, object, path);
    target.validated = reader.boolean(object, path, QLatin1String("validated"));
    target.paths = readAgentPaths(reader, object, path, target.host);
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
        status.zones = readAgentZones(reader, *root);
    }
    if (reader.hasErrors()) {
        *error = reader.errorText();
        return std::nullopt;
    }
    return status;
}
