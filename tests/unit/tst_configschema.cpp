#include "config/appconfig.h"
#include "config/appconfigjson.h"
#include "config/configschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>

// The tables of config/configschema.h drive the loader and the writer: every row is read from a
// file, checked against its range, written back, and the structured blocks' tables name exactly
// the keys the loader takes.
namespace {
QString source() { return QStringLiteral("dnswatch.json"); }

QByteArray document(QLatin1String block, const QJsonObject &members)
{
    const QJsonObject root{
            {block, members},
            {BlockKey::Targets,
             QJsonArray{QJsonObject{{TargetKey::Name, QStringLiteral("t")},
                                    {TargetKey::Host, QStringLiteral("t.example")}}}},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

// A value the key takes that is not its default (and keeps every order rule).
template<class Policy>
QJsonValue otherValue(const PolicyKey<Policy> &key)
{
    const QJsonValue value = key.defaultValue();
    if (key.isBool())
        return !value.toBool();
    return value.toInt() < key.range.max ? value.toInt() + 1 : value.toInt() - 1;
}

template<class Policy>
const Policy &policyOf(const AppConfig &config);
template<>
const CachePolicy &policyOf(const AppConfig &config)
{
    return config.cache;
}
template<>
const ProbePolicy &policyOf(const AppConfig &config)
{
    return config.probes;
}
template<>
const HistoryPolicy &policyOf(const AppConfig &config)
{
    return config.history;
}
template<>
const AgentPolicy &policyOf(const AppConfig &config)
{
    return config.agent;
}
template<>
const MetricsPolicy &policyOf(const AppConfig &config)
{
    return config.metrics;
}

template<class Policy>
void checkEveryKeyIsReadAndWritten(const PolicyBlock<Policy> &block)
{
    QVERIFY(!block.keys.empty());
    for (const PolicyKey<Policy> &key : block.keys) {
        const QJsonValue value = otherValue(key);
        const ConfigLoadResult loaded = parseConfig(document(block.name, {{key.key, value}}),
                                                    source());
        QVERIFY2(loaded.config, qPrintable(key.key));
        QCOMPARE(key.valueIn(policyOf<Policy>(*loaded.config)), value);
        const QJsonObject written = configToJson(*loaded.config).value(block.name).toObject();
        QCOMPARE(written.value(key.key), value);
        QCOMPARE(written.keys().size(), qsizetype(block.keys.size()));
    }
}

template<class Policy>
void checkRangesAreEnforced(const PolicyBlock<Policy> &block)
{
    for (const PolicyKey<Policy> &key : block.keys) {
        const QJsonValue wrong = key.isBool() ? QJsonValue(1) : QJsonValue(key.range.max + 1);
        const ConfigLoadResult loaded = parseConfig(document(block.name, {{key.key, wrong}}),
                                                    source());
        QVERIFY2(!loaded.config, qPrintable(key.key));
        QCOMPARE(loaded.errors.size(), 1);
        QCOMPARE(loaded.errors.first().path, QStringLiteral("$.%1.%2").arg(block.name, key.key));
        const QString expected = key.isBool()
                ? QStringLiteral("expected true or false, found the number 1")
                : QStringLiteral("expected an integer from %1 to %2, found %3")
                          .arg(key.range.min)
                          .arg(key.range.max)
                          .arg(key.range.max + 1);
        QCOMPARE(loaded.errors.first().message, expected);
    }
}

template<class Policy>
void checkOrderRules(const PolicyBlock<Policy> &block)
{
    for (const OrderRule<Policy> &rule : block.orderRules) {
        const PolicyKey<Policy> *low = block.find(rule.low);
        const PolicyKey<Policy> *high = block.find(rule.high);
        QVERIFY(low && high);
        const ConfigLoadResult loaded = parseConfig(
                document(block.name,
                         {{low->key, high->range.min + 1}, {high->key, high->range.min}}),
                source());
        QVERIFY(!loaded.config);
        QCOMPARE(loaded.errors.size(), 1);
        QCOMPARE(loaded.errors.first().path, QStringLiteral("$.") + block.name);
        QVERIFY2(loaded.errors.first().message.startsWith(
                         QStringLiteral("expected %1 to be at least %2").arg(high->key, low->key)),
                 qPrintable(loaded.errors.first().message));
    }
}

QStringList sorted(QStringList keys)
{
    std::sort(keys.begin(), keys.end());
    return keys;
}

QStringList names(const QList<QLatin1String> &keys)
{
    QStringList list;
    for (QLatin1String key : keys)
        list.append(key);
    return list;
}

// Every key of object is one its table names.
void checkKeysAreKnown(const QJsonObject &object, const QList<KeyReference> &table)
{
    const QStringList known = names(ConfigSchema::keyNames(table));
    for (const QString &key : object.keys())
        QVERIFY2(known.contains(key), qPrintable(key));
}
} // namespace

class TestConfigSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFlatKeyIsReadAndWritten()
    {
        checkEveryKeyIsReadAndWritten(ConfigSchema::cache());
        checkEveryKeyIsReadAndWritten(ConfigSchema::probes());
        checkEveryKeyIsReadAndWritten(ConfigSchema::history());
        checkEveryKeyIsReadAndWritten(ConfigSchema::agent());
        checkEveryKeyIsReadAndWritten(ConfigSchema::metrics());
    }

    void flatRangesAreEnforced()
    {
        checkRangesAreEnforced(ConfigSchema::cache());
        checkRangesAreEnforced(ConfigSchema::probes());
        checkRangesAreEnforced(ConfigSchema::history());
        checkRangesAreEnforced(ConfigSchema::agent());
        checkRangesAreEnforced(ConfigSchema::metrics());
    }

    void orderRulesNameTheirKeys()
    {
        QCOMPARE(ConfigSchema::cache().orderRules.size(), size_t(2));
        QCOMPARE(ConfigSchema::probes().orderRules.size(), size_t(1));
        checkOrderRules(ConfigSchema::cache());
        checkOrderRules(ConfigSchema::probes());
    }

    void defaultsAreTheStructs()
    {
        // A file without the blocks gives the structs' own defaults, which the tables report.
        const ConfigLoadResult loaded = parseConfig(document(BlockKey::Cache, {}), source());
        QVERIFY(loaded.config);
        QCOMPARE(loaded.config->cache, CachePolicy());
        const PolicyKey<CachePolicy> *maxTtl = ConfigSchema::cache().find(&CachePolicy::maxTtlS);
        QVERIFY(maxTtl);
        QCOMPARE(QString(maxTtl->key), QStringLiteral("max_ttl_s"));
        QCOMPARE(maxTtl->defaultValue(), QJsonValue(CachePolicy().maxTtlS));
        const PolicyKey<CachePolicy> *negative = ConfigSchema::cache().find(
                &CachePolicy::fallbackOnNegative);
        QVERIFY(negative && negative->isBool());
        QCOMPARE(negative->defaultValue(), QJsonValue(false));
    }

    void topLevelKeysAreTheBlocks()
    {
        QCOMPARE(names(ConfigSchema::keyNames(ConfigSchema::topLevel())),
                 QStringList({QStringLiteral("resolvers"), QStringLiteral("cache"),
                              QStringLiteral("probes"), QStringLiteral("history"),
                              QStringLiteral("agent"), QStringLiteral("targets"),
                              QStringLiteral("agents"), QStringLiteral("agent_watch"),
                              QStringLiteral("dnssec_zones"), QStringLiteral("metrics")}));
        const ConfigLoadResult loaded = parseConfig(document(BlockKey::Cache, {}), source());
        QVERIFY(loaded.config);
        // Every block is written out, but "agents" and "dnssec_zones" only when there are some.
        QStringList written = names(ConfigSchema::keyNames(ConfigSchema::topLevel()));
        written.removeOne(QStringLiteral("agents"));
        written.removeOne(QStringLiteral("dnssec_zones"));
        QCOMPARE(sorted(configToJson(*loaded.config).keys()), sorted(written));
        AppConfig watching = *loaded.config;
        watching.agents.append(
                {QStringLiteral("lab"), QUrl(QStringLiteral("http://127.0.0.1:9108")), {}, {}});
        QVERIFY(configToJson(watching).contains(BlockKey::Agents));
    }

    void checkTableIsEveryCheckTypesKeys()
    {
        QStringList union_;
        for (CheckConfig::Type type :
             {CheckConfig::Type::Dns, CheckConfig::Type::Tcp, CheckConfig::Type::Http,
              CheckConfig::Type::Mlflow, CheckConfig::Type::Soa}) {
            const QStringList keys = names(ConfigSchema::checkKeys(type));
            QCOMPARE(keys.first(), QStringLiteral("type"));
            for (const QString &key : keys) {
                if (!union_.contains(key))
                    union_.append(key);
            }
        }
        QCOMPARE(sorted(union_), sorted(names(ConfigSchema::keyNames(ConfigSchema::check()))));
    }

    void writtenConfigUsesOnlyTableKeys()
    {
        // One line per raw string: moc misreads "//" inside a raw string that spans lines.
        const QByteArray json =
                R"({"resolvers": [{"name": "corp", "servers": ["10.0.0.53"], "dnssec": true}], "targets": [)"
                R"({"name": "a", "host": "a.example", "resolver": "corp", "fallback_ips": ["10.0.0.1"],)"
                R"( "require_validated": true, "compare": ["system"], "expect_divergence": ["system"],)"
                R"( "check": {"type": "http", "url": "http://a.example/", "expect_status": 204}},)"
                R"({"name": "b", "host": "b.example", "check": {"type": "tcp", "port": 22},)"
                R"( "expect_addresses": ["10.0.0.0/8"], "alert_on_change": true},)"
                R"({"name": "c", "host": "c.example", "check": {"type": "dns", "expect": ["10.0.0.0/8"]}},)"
                R"({"name": "d", "host": "d.example", "check": {"type": "mlflow", "url": "http://d/"}},)"
                R"({"name": "e", "host": "e.example", "check": {"type": "soa", "zone": "e.example",)"
                R"( "servers": ["10.0.0.53", "[2001:db8::53]:5302"], "max_lag_s": 60}}]})";
        const ConfigLoadResult loaded = parseConfig(json, source());
        QVERIFY(loaded.config);
        const QJsonObject written = configToJson(*loaded.config);
        checkKeysAreKnown(written, ConfigSchema::topLevel());
        for (const QJsonValue &resolver : written.value(BlockKey::Resolvers).toArray())
            checkKeysAreKnown(resolver.toObject(), ConfigSchema::resolver());
        QStringList targetKeys;
        for (const QJsonValue &target : written.value(BlockKey::Targets).toArray()) {
            checkKeysAreKnown(target.toObject(), ConfigSchema::target());
            checkKeysAreKnown(target.toObject().value(TargetKey::Check).toObject(),
                              ConfigSchema::check());
            targetKeys += target.toObject().keys();
        }
        targetKeys.removeDuplicates();
        QCOMPARE(sorted(targetKeys), sorted(names(ConfigSchema::keyNames(ConfigSchema::target()))));
        // And it loads back as it was.
        const ConfigLoadResult again = parseConfig(QJsonDocument(written).toJson(), source());
        QVERIFY(again.config);
        QCOMPARE(configToJson(*again.config), written);
    }

    void systemResolverDefaults()
    {
        const ResolverConfig system = ResolverConfig::system();
        QVERIFY(system.isSystem());
        const ConfigLoadResult loaded = parseConfig(document(BlockKey::Cache, {}), source());
        QVERIFY(loaded.config);
        const ResolverConfig *parsed = loaded.config->resolver(QStringLiteral("system"));
        QVERIFY(parsed);
        QCOMPARE(parsed->timeoutMs, system.timeoutMs);
        QCOMPARE(parsed->attempts, system.attempts);
    }

    void referenceHasEveryBlock()
    {
        const QList<BlockReference> reference = ConfigSchema::reference();
        QStringList blocks;
        for (const BlockReference &block : reference) {
            QVERIFY2(!block.keys.isEmpty(), qPrintable(block.name));
            blocks.append(block.name);
            for (const KeyReference &key : block.keys) {
                const QString where = block.name + QLatin1Char('.') + key.key;
                QVERIFY2(!key.type.isEmpty() && !key.defaultValue.isEmpty()
                                 && !key.meaning.isEmpty(),
                         qPrintable(where));
                if (block.flat) // an integer has a range, a boolean none
                    QVERIFY2(key.range.isEmpty() == (key.type == QLatin1String("boolean")),
                             qPrintable(where));
            }
        }
        for (QLatin1String block : ConfigSchema::keyNames(ConfigSchema::topLevel()))
            QVERIFY2(blocks.contains(block), qPrintable(block));
        QVERIFY(blocks.contains(QStringLiteral("check")));

        const auto cache = std::find_if(
                reference.begin(), reference.end(),
                [](const BlockReference &block) { return block.name == QLatin1String("cache"); });
        QVERIFY(cache != reference.end() && cache->flat);
        QCOMPARE(QString(cache->keys.at(1).key), QStringLiteral("max_ttl_s"));
        QCOMPARE(cache->keys.at(1).type, QStringLiteral("integer"));
        QCOMPARE(cache->keys.at(1).defaultValue, QStringLiteral("300"));
        QCOMPARE(cache->keys.at(1).range, QStringLiteral("0 to 604800"));
        QCOMPARE(cache->keys.at(1).unit, QStringLiteral("s"));
        QCOMPARE(cache->keys.last().defaultValue, QStringLiteral("false"));
        QVERIFY(cache->keys.last().range.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConfigSchema)
#include "tst_configschema.moc"
