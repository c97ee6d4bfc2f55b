#pragma once

#include "config/appconfig.h"
#include "config/jsonvalidator.h"

#include <QJsonValue>
#include <QLatin1String>
#include <QList>
#include <QString>

#include <span>
#include <variant>

// What the config file holds, each key spelled here once: the loader reads by these tables, the
// config is written back by them, the settings editor takes its keys and defaults from them, and
// docs/configuration.md is checked against them (tst_configreference).

// The top-level keys: one per block.
namespace BlockKey {
inline constexpr QLatin1String Resolvers("resolvers");
inline constexpr QLatin1String Cache("cache");
inline constexpr QLatin1String Probes("probes");
inline constexpr QLatin1String History("history");
inline constexpr QLatin1String Agent("agent");
inline constexpr QLatin1String Targets("targets");
inline constexpr QLatin1String Agents("agents");
inline constexpr QLatin1String AgentWatch("agent_watch");
inline constexpr QLatin1String DnssecZones("dnssec_zones");
inline constexpr QLatin1String Metrics("metrics");
} // namespace BlockKey

// The keys of one element of "resolvers".
namespace ResolverKey {
inline constexpr QLatin1String Name("name");
inline constexpr QLatin1String Servers("servers");
inline constexpr QLatin1String TimeoutMs("timeout_ms");
inline constexpr QLatin1String Attempts("attempts");
inline constexpr QLatin1String Dnssec("dnssec");
inline constexpr QLatin1String TlsName("tls_name");
inline constexpr QLatin1String CaFile("ca_file");
inline constexpr QLatin1String TlsIdleMs("tls_idle_ms");
inline constexpr IntRange TlsIdleMsRange{100, 3600000};
inline constexpr IntRange TimeoutMsRange{1, 60000};
inline constexpr IntRange AttemptsRange{1, 10};
} // namespace ResolverKey

// The keys of one element of "targets".
namespace TargetKey {
inline constexpr QLatin1String Name("name");
inline constexpr QLatin1String Host("host");
inline constexpr QLatin1String Resolver("resolver");
inline constexpr QLatin1String Record("record");
inline constexpr QLatin1String IntervalS("interval_s");
inline constexpr QLatin1String Critical("critical");
inline constexpr QLatin1String FallbackIps("fallback_ips");
inline constexpr QLatin1String Check("check");
inline constexpr QLatin1String RequireValidated("require_validated");
inline constexpr QLatin1String Compare("compare");
inline constexpr QLatin1String ExpectDivergence("expect_divergence");
inline constexpr QLatin1String ExpectAddresses("expect_addresses");
inline constexpr QLatin1String AlertOnChange("alert_on_change");
inline constexpr IntRange IntervalSRange{1, 86400};
} // namespace TargetKey

// The keys of one element of "agents".
namespace AgentLinkKey {
inline constexpr QLatin1String Name("name");
inline constexpr QLatin1String Url("url");
inline constexpr QLatin1String TokenFile("token_file");
inline constexpr QLatin1String CaFile("ca_file");
} // namespace AgentLinkKey

// The keys of one element of "dnssec_zones".
namespace DnssecZoneKey {
inline constexpr QLatin1String Zone("zone");
inline constexpr QLatin1String Resolver("resolver");
inline constexpr QLatin1String WarnDays("warn_days");
inline constexpr IntRange WarnDaysRange{1, 365};
inline constexpr QLatin1String IntervalS("interval_s");
inline constexpr IntRange IntervalSRange{60, 86400};
} // namespace DnssecZoneKey

// The keys of a target's "check".
namespace CheckKey {
inline constexpr QLatin1String Type("type");
inline constexpr QLatin1String Port("port");
inline constexpr QLatin1String Url("url");
inline constexpr QLatin1String ExpectStatus("expect_status");
inline constexpr QLatin1String Expect("expect");
inline constexpr QLatin1String Zone("zone");
inline constexpr QLatin1String Servers("servers");
inline constexpr QLatin1String MaxLagS("max_lag_s");
inline constexpr IntRange PortRange{1, 65535};
inline constexpr IntRange MaxLagSRange{0, 86400};
inline constexpr IntRange ExpectStatusRange{100, 599};
} // namespace CheckKey

// What an integer key counts, as the tables and the reference spell it; counts of things and
// booleans have none.
namespace ConfigUnit {
inline constexpr QLatin1String Seconds("s");
inline constexpr QLatin1String Milliseconds("ms");
inline constexpr QLatin1String Hours("h");
inline constexpr QLatin1String Days("d");
inline constexpr QLatin1String Bytes("bytes");
inline constexpr QLatin1String Unitless;
} // namespace ConfigUnit

// One key of a flat block (an object of integers and booleans: "cache", "probes"...): a member of
// the block's struct, whose default member value is the key's default.
template<class Policy>
struct PolicyKey
{
    using Member = std::variant<int Policy::*, bool Policy::*>;

    QLatin1String key;
    Member member;
    IntRange range; // integers only
    QLatin1String unit; // one of ConfigUnit
    QLatin1String meaning;

    bool isBool() const { return std::holds_alternative<bool Policy::*>(member); }
    QJsonValue valueIn(const Policy &policy) const
    {
        return std::visit([&policy](auto field) { return QJsonValue(policy.*field); }, member);
    }
    // What the loader uses when a file leaves the key out.
    QJsonValue defaultValue() const { return valueIn(Policy()); }
};

// Two integer keys of a flat block whose values must not decrease: low <= high.
template<class Policy>
struct OrderRule
{
    int Policy::*low;
    int Policy::*high;
};

template<class Policy>
struct PolicyBlock
{
    QLatin1String name; // the top-level key
    std::span<const PolicyKey<Policy>> keys; // in the order the reference lists them
    std::span<const OrderRule<Policy>> orderRules;

    QList<QLatin1String> keyNames() const
    {
        QList<QLatin1String> names;
        for (const PolicyKey<Policy> &key : keys)
            names.append(key.key);
        return names;
    }
    const PolicyKey<Policy> *find(const typename PolicyKey<Policy>::Member &member) const
    {
        for (const PolicyKey<Policy> &key : keys) {
            if (key.member == member)
                return &key;
        }
        return nullptr;
    }
};

// One key as the reference documents it.
struct KeyReference
{
    QLatin1String key;
    QString type; // "integer", "boolean", "string", "array of strings"...
    QString defaultValue; // as JSON ("300", "false", "\"system\""), or what holds without it
    QString range; // "0 to 604800"; empty when the type says it all
    QString unit; // as PolicyKey::unit
    QString meaning;
};

struct BlockReference
{
    QString name; // the reference's heading: "cache", "check", "top level"...
    QList<KeyReference> keys;
    bool flat = false; // a PolicyBlock: every key has a default, integers a range
};

namespace ConfigSchema {
const PolicyBlock<CachePolicy> &cache();
const PolicyBlock<ProbePolicy> &probes();
const PolicyBlock<HistoryPolicy> &history();
const PolicyBlock<AgentPolicy> &agent();
const PolicyBlock<AgentWatchPolicy> &agentWatch();
const PolicyBlock<MetricsPolicy> &metrics();

// The structured blocks, parsed by hand: their tables name the keys for the unknown-key check and
// the reference.
const QList<KeyReference> &topLevel();
const QList<KeyReference> &resolver(); // one element of "resolvers"
const QList<KeyReference> &target(); // one element of "targets"
const QList<KeyReference> &check(); // every check type's keys
const QList<KeyReference> &agentLink(); // one element of "agents"
const QList<KeyReference> &dnssecZone(); // one element of "dnssec_zones"
QList<QLatin1String> checkKeys(CheckConfig::Type type); // the keys a check of type takes

QList<QLatin1String> keyNames(const QList<KeyReference> &keys);
// Every block, in the order docs/configuration.md has them.
QList<BlockReference> reference();
} // namespace ConfigSchema
