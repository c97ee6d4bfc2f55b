#include "targetoutcome.h"

#include "jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {

void writeTextOrNull(JsonWriter &json, QLatin1StringView key, const QString &text)
{
    if (text.isEmpty())
        json.key(key).null();
    else
        json.key(key).value(text);
}

void writeCheck(JsonWriter &json, const TargetOutcome &outcome)
{
    if (!outcome.check) {
        json.null();
        return;
    }
    const CheckOutcome &check = *outcome.check;
    json.beginObject();
    json.key("type"_L1).value(checkTypeName(outcome.target.check.type));
    json.key("ok"_L1).value(check.ok);
    writeTextOrNull(json, "detail"_L1, check.detail);
    json.key("address"_L1).value(check.address.toString());
    json.key("latency_ms"_L1).value(double(check.latencyUs) / 1000.0);
    json.key("attempts"_L1).value(double(check.attempts.size()));
    if (check.soa)
        json.key("soa"_L1).value(QJsonValue(soaJson(*check.soa)));
    json.endObject();
}

} // namespace

TargetOutcome TargetOutcome::of(const TargetConfig &target, const ProbeResult &probe)
{
    TargetOutcome outcome;
    outcome.target = target;
    outcome.result = probe.resolution;
    if (probe.checked)
        outcome.check = probe.check;
    outcome.state = judgeProbe(probe).state;
    outcome.paths = probe.paths;
    return outcome;
}

ProbeResult TargetOutcome::toProbeResult(const QDateTime &time) const
{
    ProbeResult probe;
    probe.time = time;
    probe.target = target.name;
    probe.resolution = result;
    probe.checked = check.has_value();
    probe.check = check.value_or(CheckOutcome());
    probe.reachable = probe.checked && probe.check.ok;
    probe.paths = paths;
    return probe;
}

void TargetOutcome::judge() { state = judgeProbe(toProbeResult(QDateTime())).state; }

std::optional<qint64> ttlLeftSeconds(const LookupResult &result)
{
    if (!result.ttlLeftMs)
        return std::nullopt;
    return (*result.ttlLeftMs + 999) / 1000;
}

void writeOutcomeFields(JsonWriter &json, const TargetOutcome &outcome)
{
    const LookupResult &result = outcome.result;
    json.key("name"_L1).value(outcome.target.name);
    json.key("host"_L1).value(outcome.target.host);
    json.key("resolver"_L1).value(outcome.target.resolver);
    json.key("critical"_L1).value(outcome.target.critical);
    json.key("status"_L1).value(targetStateName(outcome.state));
    json.key("source"_L1).value(sourceName(result.source));
    json.key("addresses"_L1).beginArray();
    for (const QHostAddress &address : result.addresses)
        json.value(address.toString());
    json.endArray();
    if (const std::optional<qint64> ttl = ttlLeftSeconds(result))
        json.key("ttl_s"_L1).value(double(*ttl));
    else
        json.key("ttl_s"_L1).null();
    if (result.cause == FailureCause::None)
        json.key("error"_L1).null();
    else
        json.key("error"_L1).value(causeName(result.cause));
    writeTextOrNull(json, "detail"_L1, result.detail);
    writeTextOrNull(json, "server"_L1, result.server);
    json.key("latency_ms"_L1).value(double(result.latencyUs) / 1000.0);
    json.key("check"_L1);
    writeCheck(json, outcome);
    json.key("validated"_L1).value(dnssecValidationJson(result.validation));
    json.key("ede"_L1).value(QJsonValue(ExtendedDnsErrors::toJson(result.extendedErrors)));
    if (!outcome.target.compare.isEmpty())
        json.key("paths"_L1).value(QJsonValue(pathsJson(outcome.paths)));
}

QJsonObject outcomeJson(const TargetOutcome &outcome)
{
    JsonWriter json;
    json.beginObject();
    writeOutcomeFields(json, outcome);
    json.endObject();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.take(), &error);
    Q_ASSERT_X(error.error == QJsonParseError::NoError, "outcomeJson",
               qPrintable(error.errorString()));
    return document.object();
}

QJsonObject eventJson(const ResolverEvent &event)
{
    QJsonObject object{
            {QStringLiteral("time"), event.time.toString(Qt::ISODateWithMs)},
            {QStringLiteral("kind"), eventKindName(event.kind)},
            {QStringLiteral("host"), event.host},
            {QStringLiteral("detail"), event.detail},
    };
    // Only an operator's action has one.
    if (!event.actor.isEmpty())
        object.insert(QStringLiteral("actor"), event.actor);
    return object;
}
