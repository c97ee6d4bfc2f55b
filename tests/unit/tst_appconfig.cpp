#include "config/appconfig.h"
#include "config/appconfigjson.h"

#include <QFile>
#include <QJsonDocument>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

namespace {
QString source() { return QStringLiteral("dnswatch.json"); }

// A document whose only target is {"name": "t", "host": "t.example", <fields>}.
QByteArray withTarget(const char *fields)
{
    QByteArray target = R"({"name": "t", "host": "t.example")";
    if (*fields)
        target += QByteArray(", ") + fields;
    return QByteArray(R"({"targets": [)") + target + "}]}";
}

// A document with the given top-level members and one plain target.
QByteArray withTopLevel(const char *members)
{
    return QByteArray("{") + members + R"(, "targets": [{"name": "t", "host": "t.example"}]})";
}

QByteArray withCheck(const char *check)
{
    return withTarget(QByteArray(R"("check": )").append(check).constData());
}

QString dump(const QList<ConfigError> &errors)
{
    QStringList lines;
    for (const ConfigError &error : errors)
        lines.append(error.toString());
    return QStringLiteral("%1 error(s):\n").arg(errors.size()) + lines.join(QLatin1Char('\n'));
}

// Parses a document that should be valid; logs every error when it is not.
std::optional<AppConfig> parseValid(const QByteArray &json)
{
    const ConfigLoadResult result = parseConfig(json, source());
    if (!result.errors.isEmpty())
        qWarning().noquote() << dump(result.errors);
    return result.config;
}

// One line per raw string: moc misreads "//" inside a raw string that spans lines.
const char FullExample[] =
        R"({)"
        R"(  "resolvers": [)"
        R"(    {"name": "system", "timeout_ms": 3000},)"
        R"(    {"name": "corp", "servers": ["10.0.0.53:53", "[2001:db8::53]:5353", "10.0.0.54"],)"
        R"(     "timeout_ms": 1500, "attempts": 3})"
        R"(  ],)"
        R"(  "cache": {"min_ttl_s": 10, "max_ttl_s": 600, "default_ttl_s": 120, "stale_ttl_s": 15,)"
        R"(            "max_stale_s": 172800, "negative_ttl_max_s": 60, "client_response_timer_ms": 900,)"
        R"(            "refresh_backoff_initial_ms": 500, "refresh_backoff_max_ms": 30000,)"
        R"(            "fallback_on_negative": true},)"
        R"(  "targets": [)"
        R"(    {"name": "MLflow", "host": "mlflow.internal", "resolver": "system", "record": "A",)"
        R"(     "interval_s": 10, "critical": true, "fallback_ips": ["10.1.2.3", "2001:db8::3"],)"
        R"(     "check": {"type": "mlflow", "url": "http://mlflow.internal:5000"}},)"
        R"(    {"name": "API", "host": "api.internal", "resolver": "corp", "record": "AAAA",)"
        R"(     "interval_s": 30, "critical": false,)"
        R"(     "check": {"type": "http", "url": "https://api.internal/login", "expect_status": [300, 399]}},)"
        R"(    {"name": "DB", "host": "db.internal", "record": "A+AAAA",)"
        R"(     "check": {"type": "tcp", "port": 5432}},)"
        R"(    {"name": "Web", "host": "www.internal",)"
        R"(     "check": {"type": "dns", "expect": ["10.0.0.0/8", "192.0.2.7", "fd00::/8"]}},)"
        R"(    {"name": "Status", "host": "status.internal",)"
        R"(     "check": {"type": "http", "url": "http://10.0.0.9:8080/", "expect_status": 204}})"
        R"(  ])"
        R"(})";
} // namespace

class TestAppConfig : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fullExample();
    void defaultsApplied();
    void dnssecKeys();
    void invalid_data();
    void invalid();
    void severalErrorsAllReported();
    void credentialsNeverShown();
    void errorToString();
    void loadConfigFile_valid();
    void exampleConfigIsValid();
    void probesBlock();
    void historyBlock();
    void agentBlock();
    void agentWatchBlock();
    void agentsAlone();
    void oversizedConfigIsRejected();
    void loadConfigFile_unreadable_data();
    void loadConfigFile_unreadable();
    void loadConfigFile_errorsNameTheFile();
    void mlflowUriWithABadPortSaysSo_data();
    void mlflowUriWithABadPortSaysSo();
    void defaultConfig_data();
    void defaultConfig();
    void checkTypeName_data();
    void checkTypeName();
    void soaCheckKeys();
};

void TestAppConfig::initTestCase() { QLocale::setDefault(QLocale::c()); }

void TestAppConfig::fullExample()
{
    const std::optional<AppConfig> parsed = parseValid(FullExample);
    QVERIFY(parsed.has_value());
    const AppConfig &config = *parsed;
    QCOMPARE(config.source, source());

    QCOMPARE(config.resolvers.size(), 2);
    const ResolverConfig *system = config.resolver(QStringLiteral("system"));
    QVERIFY(system);
    QVERIFY(system->isSystem());
    QCOMPARE(system->timeoutMs, 3000);
    QVERIFY(system->servers.isEmpty());
    const ResolverConfig *corp = config.resolver(QStringLiteral("corp"));
    QVERIFY(corp);
    QVERIFY(!corp->isSystem());
    const QList<NameServer> servers{
            {QHostAddress(QStringLiteral("10.0.0.53")), 53},
            {QHostAddress(QStringLiteral("2001:db8::53")), 5353},
            {QHostAddress(QStringLiteral("10.0.0.54")), 53},
    };
    QCOMPARE(corp->servers, servers);
    QCOMPARE(corp->timeoutMs, 1500);
    QCOMPARE(corp->attempts, 3);
    QCOMPARE(config.resolver(QStringLiteral("nope")), nullptr);

    QCOMPARE(config.cache.minTtlS, 10);
    QCOMPARE(config.cache.maxTtlS, 600);
    QCOMPARE(config.cache.defaultTtlS, 120);
    QCOMPARE(config.cache.staleTtlS, 15);
    QCOMPARE(config.cache.maxStaleS, 172800);
    QCOMPARE(config.cache.negativeTtlMaxS, 60);
    QCOMPARE(config.cache.clientResponseTimerMs, 900);
    QCOMPARE(config.cache.refreshBackoffInitialMs, 500);
    QCOMPARE(config.cache.refreshBackoffMaxMs, 30000);
    QCOMPARE(config.cache.fallbackOnNegative, true);

    QCOMPARE(config.targets.size(), 5);
    const TargetConfig &mlflow = config.targets.at(0);
    QCOMPARE(mlflow.name, QStringLiteral("MLflow"));
    QCOMPARE(mlflow.host, QStringLiteral("mlflow.internal"));
    QCOMPARE(mlflow.resolver, QStringLiteral("system"));
    QCOMPARE(mlflow.record, RecordKind::A);
    QCOMPARE(mlflow.intervalS, 10);
    QCOMPARE(mlflow.critical, true);
    const QList<QHostAddress> fallbackIps{
            QHostAddress(QStringLiteral("10.1.2.3")),
            QHostAddress(QStringLiteral("2001:db8::3")),
    };
    QCOMPARE(mlflow.fallbackIps, fallbackIps);
    QCOMPARE(mlflow.check.type, CheckConfig::Type::Mlflow);
    QCOMPARE(mlflow.check.url, QUrl(QStringLiteral("http://mlflow.internal:5000")));

    const TargetConfig &api = config.targets.at(1);
    QCOMPARE(api.name, QStringLiteral("API"));
    QCOMPARE(api.resolver, QStringLiteral("corp"));
    QCOMPARE(api.record, RecordKind::AAAA);
    QCOMPARE(api.intervalS, 30);
    QCOMPARE(api.critical, false);
    QVERIFY(api.fallbackIps.isEmpty());
    QCOMPARE(api.check.type, CheckConfig::Type::Http);
    QCOMPARE(api.check.url, QUrl(QStringLiteral("https://api.internal/login")));
    QCOMPARE(api.check.expectStatusMin, 300);
    QCOMPARE(api.check.expectStatusMax, 399);

    const TargetConfig &db = config.targets.at(2);
    QCOMPARE(db.record, RecordKind::Both);
    QCOMPARE(db.check.type, CheckConfig::Type::Tcp);
    QCOMPARE(db.check.port, quint16(5432));

    const TargetConfig &web = config.targets.at(3);
    QCOMPARE(web.check.type, CheckConfig::Type::Dns);
    const QStringList expect{
            QStringLiteral("10.0.0.0/8"),
            QStringLiteral("192.0.2.7"),
            QStringLiteral("fd00::/8"),
    };
    QCOMPARE(web.check.expect, expect);

    const TargetConfig &status = config.targets.at(4);
    QCOMPARE(status.check.type, CheckConfig::Type::Http);
    QCOMPARE(status.check.url, QUrl(QStringLiteral("http://10.0.0.9:8080/")));
    QCOMPARE(status.check.expectStatusMin, 204);
    QCOMPARE(status.check.expectStatusMax, 204);
}

void TestAppConfig::defaultsApplied()
{
    const std::optional<AppConfig> parsed = parseValid(
            R"({"targets": [{"name": "t", "host": "t.example"}]})");
    QVERIFY(parsed.has_value());
    const AppConfig &config = *parsed;

    QCOMPARE(config.resolvers.size(), 1);
    const ResolverConfig &system = config.resolvers.first();
    QCOMPARE(system.name, QStringLiteral("system"));
    QCOMPARE(system.timeoutMs, 5000);
    QCOMPARE(system.attempts, 1);

    const CachePolicy defaults;
    QCOMPARE(config.cache.minTtlS, defaults.minTtlS);
    QCOMPARE(config.cache.maxTtlS, defaults.maxTtlS);
    QCOMPARE(config.cache.maxTtlS, 300);
    QCOMPARE(config.cache.defaultTtlS, defaults.defaultTtlS);
    QCOMPARE(config.cache.staleTtlS, defaults.staleTtlS);
    QCOMPARE(config.cache.maxStaleS, defaults.maxStaleS);
    QCOMPARE(config.cache.negativeTtlMaxS, defaults.negativeTtlMaxS);
    QCOMPARE(config.cache.clientResponseTimerMs, defaults.clientResponseTimerMs);
    QCOMPARE(config.cache.refreshBackoffInitialMs, defaults.refreshBackoffInitialMs);
    QCOMPARE(config.cache.refreshBackoffMaxMs, defaults.refreshBackoffMaxMs);
    QCOMPARE(config.cache.fallbackOnNegative, defaults.fallbackOnNegative);

    QCOMPARE(config.targets.size(), 1);
    const TargetConfig &target = config.targets.first();
    QCOMPARE(target.resolver, QStringLiteral("system"));
    QCOMPARE(target.record, RecordKind::Both);
    QCOMPARE(target.intervalS, 10);
    QCOMPARE(target.critical, true);
    QVERIFY(target.fallbackIps.isEmpty());
    QCOMPARE(target.check.type, CheckConfig::Type::Dns);
    QVERIFY(target.check.expect.isEmpty());

    // A direct resolver without timeout or attempts gets 1000 ms and 2 rounds.
    const std::optional<AppConfig> direct = parseValid(
            withTopLevel(R"("resolvers": [{"name": "corp", "servers": ["10.0.0.53"]}])"));
    QVERIFY(direct.has_value());
    QCOMPARE(direct->resolvers.size(), 2);
    QCOMPARE(direct->resolvers.first().name, QStringLiteral("system"));
    const ResolverConfig *corp = direct->resolver(QStringLiteral("corp"));
    QVERIFY(corp);
    QCOMPARE(corp->timeoutMs, 1000);
    QCOMPARE(corp->attempts, 2);
}

void TestAppConfig::invalid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("fragment");

    // Qt's parser reports the offset just past the '"' that should have been a ',' (line 2, column
    // 17); columns count characters, not bytes ("\xc3\xa9" is one).
    const QByteArray missingComma = "{\"targets\": [\n"
                                    "  {\"name\": \"a\" \"host\": \"b\"}\n"
                                    "]}";
    QTest::newRow("bad JSON") << missingComma << QStringLiteral("$")
                              << QStringLiteral("invalid JSON at line 2, column 17: ");
    QTest::newRow("bad JSON, column counts characters")
            << QByteArray("{\"targets\": [{\"name\": \"\xc3\xa9\xc3\xa9\", x}]}")
            << QStringLiteral("$") << QStringLiteral("invalid JSON at line 1, column 30: ");
    QTest::newRow("empty document") << QByteArray() << QStringLiteral("$")
                                    << QStringLiteral("invalid JSON at line 1, column 1: ");
    QTest::newRow("top level array") << QByteArray("[]") << QStringLiteral("$")
                                     << QStringLiteral("expected an object at the top level");

    QTest::newRow("targets missing") << QByteArray("{}") << QStringLiteral("$")
                                     << QStringLiteral("missing required key \"targets\"");
    QTest::newRow("targets empty")
            << QByteArray(R"({"targets": []})") << QStringLiteral("$.targets")
            << QStringLiteral("expected at least one target (or \"agents\" to watch)");
    QTest::newRow("agents empty, no targets")
            << QByteArray(R"({"agents": []})") << QStringLiteral("$")
            << QStringLiteral("missing required key \"targets\"");
    const auto withAgent = [](const char *keys) -> QByteArray {
        return QByteArray(R"({"agents": [{"name": "fra1", "url": "https://a.example:9108"},
                          {)")
                + keys + "}]}";
    };
    QTest::newRow("agent without a url")
            << withAgent(R"("name": "b")") << QStringLiteral("$.agents[1]")
            << QStringLiteral("missing required key \"url\"");
    QTest::newRow("agent name given twice")
            << withAgent(R"("name": "fra1", "url": "http://127.0.0.1:9108")")
            << QStringLiteral("$.agents[1].name")
            << QStringLiteral("duplicate agent name \"fra1\"; also used at $.agents[0].name");
    QTest::newRow("agent url not http")
            << withAgent(R"("name": "b", "url": "ftp://a.example")")
            << QStringLiteral("$.agents[1].url") << QStringLiteral("found scheme \"ftp\"");
    QTest::newRow("agent url with a password")
            << withAgent(R"("name": "b", "url": "https://ops:secret@a.example")")
            << QStringLiteral("$.agents[1].url")
            << QStringLiteral("expected no user name or password in the URL");
    QTest::newRow("agent url with a query")
            << withAgent(R"("name": "b", "url": "https://a.example/?token=x")")
            << QStringLiteral("$.agents[1].url")
            << QStringLiteral("expected a URL without a query or fragment");
    QTest::newRow("CA file for plain http")
            << withAgent(R"("name": "b", "url": "http://a.example", "ca_file": "ca.pem")")
            << QStringLiteral("$.agents[1].ca_file")
            << QStringLiteral("a CA file is for an https:// URL");
    QTest::newRow("empty token file name")
            << withAgent(R"("name": "b", "url": "http://a.example", "token_file": " ")")
            << QStringLiteral("$.agents[1].token_file")
            << QStringLiteral("expected a file name, found the string \" \"");
    QTest::newRow("unknown agent key")
            << withAgent(R"("name": "b", "url": "http://a.example", "token": "x")")
            << QStringLiteral("$.agents[1]")
            << QStringLiteral("unknown key \"token\"; expected one of: name, url, token_file, "
                              "ca_file");
    QTest::newRow("require_validated on the system resolver")
            << withTarget(R"("require_validated": true)")
            << QStringLiteral("$.targets[0].require_validated")
            << QStringLiteral("the \"system\" resolver cannot show DNSSEC validation "
                              "(getaddrinfo gives no AD flag); expected a resolver with "
                              "\"dnssec\": true");
    QTest::newRow("require_validated without dnssec")
            << QByteArray(R"({"resolvers": [{"name": "corp", "servers": ["10.0.0.53"]}],)"
                          R"( "targets": [{"name": "t", "host": "t.example", "resolver": "corp",)"
                          R"( "require_validated": true}]})")
            << QStringLiteral("$.targets[0].require_validated")
            << QStringLiteral("resolver \"corp\" does not ask for DNSSEC; expected a resolver "
                              "with \"dnssec\": true");
    QTest::newRow("dnssec on the system resolver")
            << withTopLevel(R"("resolvers": [{"name": "system", "dnssec": true}])")
            << QStringLiteral("$.resolvers[0].dnssec")
            << QStringLiteral("expected no \"dnssec\" key");
    QTest::newRow("dnssec not a boolean")
            << withTopLevel(R"("resolvers": [{"name": "c", "servers": ["10.0.0.53"], "dnssec": 1}])")
            << QStringLiteral("$.resolvers[0].dnssec") << QStringLiteral("expected true or false");
    QTest::newRow("dnssec zone through the system resolver")
            << withTopLevel(R"("dnssec_zones": [{"zone": "example.com", "resolver": "system"}])")
            << QStringLiteral("$.dnssec_zones[0].resolver")
            << QStringLiteral("the \"system\" resolver cannot give DNSSEC records");
    QTest::newRow("dnssec zone through an unknown resolver")
            << withTopLevel(R"("dnssec_zones": [{"zone": "example.com", "resolver": "corp"}])")
            << QStringLiteral("$.dnssec_zones[0].resolver")
            << QStringLiteral("unknown resolver \"corp\"; defined: system");
    QTest::newRow("dnssec zone without a zone")
            << withTopLevel(R"("resolvers": [{"name": "c", "servers": ["10.0.0.53"]}],)"
                            R"( "dnssec_zones": [{"resolver": "c"}])")
            << QStringLiteral("$.dnssec_zones[0]") << QStringLiteral("a zone name");
    QTest::newRow("dnssec zone warn_days out of range")
            << withTopLevel(
                       R"("resolvers": [{"name": "c", "servers": ["10.0.0.53"]}],)"
                       R"( "dnssec_zones": [{"zone": "a.test", "resolver": "c", "warn_days": 0}])")
            << QStringLiteral("$.dnssec_zones[0].warn_days") << QStringLiteral("1 to 365");
    QTest::newRow("dnssec zone unknown key")
            << withTopLevel(R"("resolvers": [{"name": "c", "servers": ["10.0.0.53"]}],)"
                            R"( "dnssec_zones": [{"zone": "a.test", "resolver": "c", "days": 3}])")
            << QStringLiteral("$.dnssec_zones[0]")
            << QStringLiteral("unknown key \"days\"; expected one of: zone, resolver, warn_days, "
                              "interval_s");
    QTest::newRow("dnssec zone interval_s under a minute")
            << withTopLevel(
                       R"("resolvers": [{"name": "c", "servers": ["10.0.0.53"]}],)"
                       R"( "dnssec_zones": [{"zone": "a.test", "resolver": "c", "interval_s": 59}])")
            << QStringLiteral("$.dnssec_zones[0].interval_s") << QStringLiteral("60 to 86400");
    QTest::newRow("dnssec zone interval_s not a number") << withTopLevel(
            R"("resolvers": [{"name": "c", "servers": ["10.0.0.53"]}],)"
            R"( "dnssec_zones": [{"zone": "a.test", "resolver": "c", "interval_s": "1h"}])")
                                                         << QStringLiteral(
                                                                    "$.dnssec_zones[0].interval_s")
                                                         << QStringLiteral("expected");
    QTest::newRow("dnssec zone twice through one resolver")
            << withTopLevel(R"("resolvers": [{"name": "c", "servers": ["10.0.0.53"]}],)"
                            R"( "dnssec_zones": [{"zone": "a.test", "resolver": "c"},)"
                            R"( {"zone": "A.test", "resolver": "c", "warn_days": 3}])")
            << QStringLiteral("$.dnssec_zones[1]")
            << QStringLiteral("\"A.test\" through \"c\" is watched already at $.dnssec_zones[0]");
    QTest::newRow("targets not an array")
            << QByteArray(R"({"targets": {}})") << QStringLiteral("$.targets")
            << QStringLiteral("expected an array, found an object");
    QTest::newRow("target not an object")
            << QByteArray(R"({"targets": [5]})") << QStringLiteral("$.targets[0]")
            << QStringLiteral("expected an object, found the number 5");
    QTest::newRow("unknown top-level key")
            << withTopLevel(R"("extra": 1)") << QStringLiteral("$")
            << QStringLiteral(
                       "unknown key \"extra\"; expected one of: resolvers, cache, probes, history, "
                       "agent, targets, agents");

    QTest::newRow("unknown nested key")
            << withCheck(R"({"type": "tcp", "port": 80, "prot": 1})")
            << QStringLiteral("$.targets[0].check")
            << QStringLiteral("unknown key \"prot\"; expected one of: type, port");
    QTest::newRow("key of another check type")
            << withCheck(R"({"type": "http", "url": "http://a.example", "port": 80})")
            << QStringLiteral("$.targets[0].check")
            << QStringLiteral("key \"port\" does not apply to a \"http\" check; expected one of: "
                              "type, url, expect_status");
    QTest::newRow("unknown target key")
            << withTarget(R"("hots": "x")") << QStringLiteral("$.targets[0]")
            << QStringLiteral("unknown key \"hots\"; expected one of: name, host,");

    QTest::newRow("integer given as a string")
            << withTarget(R"("interval_s": "10")") << QStringLiteral("$.targets[0].interval_s")
            << QStringLiteral("expected an integer, found the string \"10\"");
    QTest::newRow("bool given as a string")
            << withTarget(R"("critical": "yes")") << QStringLiteral("$.targets[0].critical")
            << QStringLiteral("expected true or false, found the string \"yes\"");
    QTest::newRow("host given as a number")
            << QByteArray(R"({"targets": [{"name": "t", "host": 42}]})")
            << QStringLiteral("$.targets[0].host")
            << QStringLiteral("expected a string, found the number 42");
    QTest::newRow("cache given as an array")
            << withTopLevel(R"("cache": [])") << QStringLiteral("$.cache")
            << QStringLiteral("expected an object, found an array");
    QTest::newRow("resolvers given as null")
            << withTopLevel(R"("resolvers": null)") << QStringLiteral("$.resolvers")
            << QStringLiteral("expected an array, found null");
    QTest::newRow("1.5 as an integer")
            << withTarget(R"("interval_s": 1.5)") << QStringLiteral("$.targets[0].interval_s")
            << QStringLiteral("expected a whole number, found 1.5");
    QTest::newRow("interval out of range")
            << withTarget(R"("interval_s": 0)") << QStringLiteral("$.targets[0].interval_s")
            << QStringLiteral("expected an integer from 1 to 86400, found 0");

    QTest::newRow("bad IP in fallback_ips")
            << withTarget(R"("fallback_ips": ["10.1.2.3", "10.1.2"])")
            << QStringLiteral("$.targets[0].fallback_ips[1]")
            << QStringLiteral("\"10.1.2\" is not an IPv4 or IPv6 address");
    QTest::newRow("unspecified IPv4 in fallback_ips")
            << withTarget(R"("fallback_ips": ["0.0.0.0"])")
            << QStringLiteral("$.targets[0].fallback_ips[0]")
            << QStringLiteral("\"0.0.0.0\" is the unspecified address; expected the unicast "
                              "address of a server");
    QTest::newRow("unspecified IPv6 in fallback_ips")
            << withTarget(R"("fallback_ips": ["10.1.2.3", "::"])")
            << QStringLiteral("$.targets[0].fallback_ips[1]")
            << QStringLiteral("\"::\" is the unspecified address");
    QTest::newRow("broadcast in fallback_ips")
            << withTarget(R"("fallback_ips": ["255.255.255.255"])")
            << QStringLiteral("$.targets[0].fallback_ips[0]")
            << QStringLiteral("\"255.255.255.255\" is the broadcast address");
    QTest::newRow("multicast in fallback_ips")
            << withTarget(R"("fallback_ips": ["239.1.2.3"])")
            << QStringLiteral("$.targets[0].fallback_ips[0]")
            << QStringLiteral("\"239.1.2.3\" is a multicast group");
    QTest::newRow("IPv6 multicast in fallback_ips")
            << withTarget(R"("fallback_ips": ["ff02::1"])")
            << QStringLiteral("$.targets[0].fallback_ips[0]")
            << QStringLiteral("\"ff02::1\" is a multicast group");
    QTest::newRow("duplicate key")
            << QByteArray("{\"targets\": [\n"
                          "  {\"name\": \"t\", \"host\": \"a.example\",\n"
                          "   \"host\": \"b.example\"}\n"
                          "]}")
            << QStringLiteral("$.targets[0].host")
            << QStringLiteral("the key is given twice in one object, at line 2 and again at "
                              "line 3; expected each key once");
    QTest::newRow("duplicate top-level key")
            << QByteArray(R"({"targets": [], "targets": [{"name": "t", "host": "t.example"}]})")
            << QStringLiteral("$.targets") << QStringLiteral("the key is given twice");
    QTest::newRow("control characters in a target name")
            << QByteArray(R"({"targets": [{"name": "t\u001b]0;owned\u0007", "host": "t.example"}]})")
            << QStringLiteral("$.targets[0].name")
            << QStringLiteral("expected a name without control characters (line breaks, escapes, "
                              "bidi overrides), found \"t\\x1b]0;owned\\x07\"");
    QTest::newRow("bidi override in a target name") << QByteArray(
            "{\"targets\": [{\"name\": \"api\xe2\x80\xaetxt\", \"host\": \"t.example\"}]}")
                                                    << QStringLiteral("$.targets[0].name")
                                                    << QStringLiteral("found \"api\\u202etxt\"");
    QTest::newRow("line break in a resolver name")
            << QByteArray(R"({"resolvers": [{"name": "a\nb", "servers": ["10.0.0.53"]}],)"
                          R"( "targets": [{"name": "t", "host": "t.example"}]})")
            << QStringLiteral("$.resolvers[0].name")
            << QStringLiteral("expected a name without control characters");
    QTest::newRow("url port out of range")
            << withCheck(R"({"type": "mlflow", "url": "http://mlflow:99999/"})")
            << QStringLiteral("$.targets[0].check.url")
            << QStringLiteral("expected an http:// or https:// URL with a host, found port "
                              "99999; a port is a number from 1 to 65535");
    QTest::newRow("url port not a number")
            << withCheck(R"({"type": "mlflow", "url": "http://mlflow:abc/"})")
            << QStringLiteral("$.targets[0].check.url")
            << QStringLiteral("found a port that is not a number; a port is a number from 1 to "
                              "65535");
    QTest::newRow("url port zero")
            << withCheck(R"({"type": "http", "url": "http://[fd00::1]:0/x"})")
            << QStringLiteral("$.targets[0].check.url") << QStringLiteral("found port 0;");
    QTest::newRow("duplicate fallback IP")
            << withTarget(R"("fallback_ips": ["10.1.2.3", "10.1.2.3"])")
            << QStringLiteral("$.targets[0].fallback_ips[1]")
            << QStringLiteral("duplicate address \"10.1.2.3\"; also listed at "
                              "$.targets[0].fallback_ips[0]");
    QTest::newRow("bad host name")
            << QByteArray(R"({"targets": [{"name": "t", "host": "ml flow.internal"}]})")
            << QStringLiteral("$.targets[0].host")
            << QStringLiteral("\"ml flow.internal\" is not a valid host name: character ' '");
    QTest::newRow("host missing") << QByteArray(R"({"targets": [{"name": "t"}]})")
                                  << QStringLiteral("$.targets[0]")
                                  << QStringLiteral("missing required key \"host\"");
    QTest::newRow("name missing") << QByteArray(R"({"targets": [{"host": "t.example"}]})")
                                  << QStringLiteral("$.targets[0]")
                                  << QStringLiteral("missing required key \"name\"");
    QTest::newRow("name empty") << QByteArray(R"({"targets": [{"name": " ", "host": "t.example"}]})")
                                << QStringLiteral("$.targets[0].name")
                                << QStringLiteral(
                                           "expected a non-empty name, found the string \" \"");
    QTest::newRow("duplicate target names")
            << QByteArray(R"({"targets": [{"name": "a", "host": "a.example"},)"
                          R"({"name": "a", "host": "b.example"}]})")
            << QStringLiteral("$.targets[1].name")
            << QStringLiteral("duplicate target name \"a\"; also used at $.targets[0].name");
    QTest::newRow("unknown resolver")
            << QByteArray(R"({"resolvers": [{"name": "corp", "servers": ["10.0.0.53"]}],)"
                          R"("targets": [{"name": "t", "host": "t.example", "resolver": "x"}]})")
            << QStringLiteral("$.targets[0].resolver")
            << QStringLiteral("unknown resolver \"x\"; defined: system, corp");
    QTest::newRow("bad record")
            << withTarget(R"("record": "MX")") << QStringLiteral("$.targets[0].record")
            << QStringLiteral("expected \"A\", \"AAAA\" or \"A+AAAA\", found the string \"MX\"");

    QTest::newRow("bad server address")
            << withTopLevel(
                       R"("resolvers": [{"name": "corp", "servers": ["10.0.0.53", "10.0.0.300"]}])")
            << QStringLiteral("$.resolvers[0].servers[1]")
            << QStringLiteral("\"10.0.0.300\" is not an IP address with an optional port");
    QTest::newRow("bad server port")
            << withTopLevel(R"("resolvers": [{"name": "corp", "servers": ["10.0.0.53:0"]}])")
            << QStringLiteral("$.resolvers[0].servers[0]")
            << QStringLiteral("bad port in \"10.0.0.53:0\": expected 1 to 65535");
    QTest::newRow("servers empty")
            << withTopLevel(R"("resolvers": [{"name": "corp", "servers": []}])")
            << QStringLiteral("$.resolvers[0].servers")
            << QStringLiteral("expected at least one nameserver, found an empty array");
    QTest::newRow("servers missing") << withTopLevel(R"("resolvers": [{"name": "corp"}])")
                                     << QStringLiteral("$.resolvers[0]")
                                     << QStringLiteral("missing required key \"servers\"");
    QTest::newRow("resolver name with a space")
            << withTopLevel(R"("resolvers": [{"name": "co rp", "servers": ["10.0.0.53"]}])")
            << QStringLiteral("$.resolvers[0].name")
            << QStringLiteral("expected a name made of letters, digits, '_', '.' and '-', "
                              "found the string \"co rp\"");
    QTest::newRow("duplicate resolver names")
            << withTopLevel(R"("resolvers": [{"name": "corp", "servers": ["10.0.0.53"]},)"
                            R"({"name": "corp", "servers": ["10.0.0.54"]}])")
            << QStringLiteral("$.resolvers[1].name")
            << QStringLiteral("duplicate resolver name \"corp\"; first defined at $.resolvers[0]");
    QTest::newRow("system with servers")
            << withTopLevel(R"("resolvers": [{"name": "system", "servers": ["10.0.0.53"]}])")
            << QStringLiteral("$.resolvers[0].servers")
            << QStringLiteral("the \"system\" resolver uses the operating system's settings; "
                              "expected no \"servers\" key");
    QTest::newRow("system with attempts")
            << withTopLevel(R"("resolvers": [{"name": "system", "attempts": 2}])")
            << QStringLiteral("$.resolvers[0].attempts") << QStringLiteral("no \"attempts\" key");
    QTest::newRow("timeout out of range")
            << withTopLevel(
                       R"("resolvers": [{"name": "corp", "servers": ["10.0.0.53"], "timeout_ms": 0}])")
            << QStringLiteral("$.resolvers[0].timeout_ms")
            << QStringLiteral("expected an integer from 1 to 60000, found 0");
    QTest::newRow("attempts out of range") << withTopLevel(
            R"("resolvers": [{"name": "corp", "servers": ["10.0.0.53"], "attempts": 11}])")
                                           << QStringLiteral("$.resolvers[0].attempts")
                                           << QStringLiteral(
                                                      "expected an integer from 1 to 10, found 11");

    QTest::newRow("probes unknown key")
            << withTopLevel(R"("probes": {"timeout_ms": 5})") << QStringLiteral("$.probes")
            << QStringLiteral("unknown key \"timeout_ms\"; expected one of: check_timeout_ms,");
    QTest::newRow("probes check timeout too short")
            << withTopLevel(R"("probes": {"check_timeout_ms": 10})")
            << QStringLiteral("$.probes.check_timeout_ms")
            << QStringLiteral("expected an integer from 100 to 120000, found 10");
    QTest::newRow("probes retry max below initial")
            << withTopLevel(R"("probes": {"retry_initial_ms": 5000, "retry_max_ms": 1000})")
            << QStringLiteral("$.probes")
            << QStringLiteral("expected retry_max_ms to be at least retry_initial_ms");
    QTest::newRow("history unknown key")
            << withTopLevel(R"("history": {"raw_retention": 5})") << QStringLiteral("$.history")
            << QStringLiteral("unknown key \"raw_retention\"; expected one of: raw_retention_h,");
    QTest::newRow("history raw retention zero")
            << withTopLevel(R"("history": {"raw_retention_h": 0})")
            << QStringLiteral("$.history.raw_retention_h")
            << QStringLiteral("expected an integer from 1 to 2160, found 0");
    QTest::newRow("history not an object")
            << withTopLevel(R"("history": 30)") << QStringLiteral("$.history")
            << QStringLiteral("expected an object, found the number 30");
    QTest::newRow("agent connections zero")
            << withTopLevel(R"("agent": {"max_connections": 0})")
            << QStringLiteral("$.agent.max_connections")
            << QStringLiteral("expected an integer from 1 to 10000, found 0");
    QTest::newRow("agent unknown key")
            << withTopLevel(R"("agent": {"timeout_ms": 5})") << QStringLiteral("$.agent")
            << QStringLiteral("unknown key \"timeout_ms\"; expected one of: max_connections,");
    QTest::newRow("cache unknown key")
            << withTopLevel(R"("cache": {"ttl": 5})") << QStringLiteral("$.cache")
            << QStringLiteral("unknown key \"ttl\"; expected one of: min_ttl_s, max_ttl_s,");
    QTest::newRow("cache max below min")
            << withTopLevel(R"("cache": {"min_ttl_s": 400})") << QStringLiteral("$.cache")
            << QStringLiteral("expected max_ttl_s to be at least min_ttl_s, found max_ttl_s 300 "
                              "and min_ttl_s 400");
    QTest::newRow("cache backoff max below initial")
            << withTopLevel(
                       R"("cache": {"refresh_backoff_initial_ms": 5000, "refresh_backoff_max_ms": 1000})")
            << QStringLiteral("$.cache")
            << QStringLiteral("expected refresh_backoff_max_ms to be at least "
                              "refresh_backoff_initial_ms");
    QTest::newRow("cache max_ttl_s above a week")
            << withTopLevel(R"("cache": {"max_ttl_s": 604801})")
            << QStringLiteral("$.cache.max_ttl_s")
            << QStringLiteral("expected an integer from 0 to 604800, found 604801");
    QTest::newRow("cache stale_ttl_s zero")
            << withTopLevel(R"("cache": {"stale_ttl_s": 0})")
            << QStringLiteral("$.cache.stale_ttl_s")
            << QStringLiteral("expected an integer from 1 to 86400, found 0");
    QTest::newRow("cache negative integer")
            << withTopLevel(R"("cache": {"min_ttl_s": -1})") << QStringLiteral("$.cache.min_ttl_s")
            << QStringLiteral("found -1");
    QTest::newRow("cache huge number")
            << withTopLevel(R"("cache": {"max_stale_s": 1e20})")
            << QStringLiteral("$.cache.max_stale_s") << QStringLiteral("found 1e+20");
    QTest::newRow("cache bool as number")
            << withTopLevel(R"("cache": {"fallback_on_negative": 0})")
            << QStringLiteral("$.cache.fallback_on_negative")
            << QStringLiteral("expected true or false, found the number 0");

    QTest::newRow("check not an object")
            << withCheck(R"("dns")") << QStringLiteral("$.targets[0].check")
            << QStringLiteral("expected an object, found the string \"dns\"");
    QTest::newRow("check type missing")
            << withCheck(R"({"port": 80})") << QStringLiteral("$.targets[0].check")
            << QStringLiteral("missing required key \"type\"");
    QTest::newRow("check type unknown")
            << withCheck(R"({"type": "ping"})") << QStringLiteral("$.targets[0].check.type")
            << QStringLiteral("expected one of \"dns\", \"tcp\", \"http\", \"mlflow\", \"soa\", "
                              "found the string \"ping\"");
    QTest::newRow("tcp port missing")
            << withCheck(R"({"type": "tcp"})") << QStringLiteral("$.targets[0].check")
            << QStringLiteral("missing required key \"port\"");
    QTest::newRow("tcp port out of range")
            << withCheck(R"({"type": "tcp", "port": 70000})")
            << QStringLiteral("$.targets[0].check.port")
            << QStringLiteral("expected an integer from 1 to 65535, found 70000");
    QTest::newRow("url missing") << withCheck(R"({"type": "mlflow"})")
                                 << QStringLiteral("$.targets[0].check")
                                 << QStringLiteral("missing required key \"url\"");
    QTest::newRow("url with another scheme")
            << withCheck(R"({"type": "mlflow", "url": "ftp://mlflow.internal"})")
            << QStringLiteral("$.targets[0].check.url")
            << QStringLiteral(
                       "expected an http:// or https:// URL with a host, found scheme \"ftp\"");
    QTest::newRow("url without scheme")
            << withCheck(R"({"type": "http", "url": "mlflow.internal"})")
            << QStringLiteral("$.targets[0].check.url") << QStringLiteral("found no scheme");
    QTest::newRow("url without host")
            << withCheck(R"({"type": "http", "url": "http:///health"})")
            << QStringLiteral("$.targets[0].check.url") << QStringLiteral("found no host");
    QTest::newRow("url not a URL") << withCheck(R"({"type": "http", "url": "http://ml flow"})")
                                   << QStringLiteral("$.targets[0].check.url")
                                   << QStringLiteral("found a string that is not a valid URL");
    QTest::newRow("url with credentials")
            << withCheck(R"({"type": "mlflow", "url": "https://alice:s3cret@mlflow.internal/x"})")
            << QStringLiteral("$.targets[0].check.url")
            << QStringLiteral("expected a URL without a user name or password (DNS Watch does "
                              "not store credentials), found \"https://mlflow.internal/x\"");
    QTest::newRow("expect_status out of range")
            << withCheck(R"({"type": "http", "url": "http://a.example", "expect_status": 600})")
            << QStringLiteral("$.targets[0].check.expect_status")
            << QStringLiteral("expected an integer from 100 to 599, found 600");
    QTest::newRow("expect_status reversed")
            << withCheck(
                       R"({"type": "http", "url": "http://a.example", "expect_status": [399, 200]})")
            << QStringLiteral("$.targets[0].check.expect_status")
            << QStringLiteral("expected [min, max] with min <= max, found [399, 200]");
    QTest::newRow("expect_status one element")
            << withCheck(R"({"type": "http", "url": "http://a.example", "expect_status": [200]})")
            << QStringLiteral("$.targets[0].check.expect_status")
            << QStringLiteral("two-element array [min, max]");
    QTest::newRow("expect_status fraction in range")
            << withCheck(
                       R"({"type": "http", "url": "http://a.example", "expect_status": [200, 2.5]})")
            << QStringLiteral("$.targets[0].check.expect_status[1]")
            << QStringLiteral("expected a whole number, found 2.5");
    QTest::newRow("dns expect bad subnet")
            << withCheck(R"({"type": "dns", "expect": ["10.0.0.0/33"]})")
            << QStringLiteral("$.targets[0].check.expect[0]")
            << QStringLiteral("expected an IP address or a subnet such as \"10.0.0.0/8\", found "
                              "the string \"10.0.0.0/33\"");
    QTest::newRow("dns expect shorthand address")
            << withCheck(R"({"type": "dns", "expect": ["10.5"]})")
            << QStringLiteral("$.targets[0].check.expect[0]") << QStringLiteral("\"10.5\"");
    QTest::newRow("soa without a zone")
            << withCheck(R"({"type": "soa", "servers": ["127.0.0.1:5301", "127.0.0.1:5302"]})")
            << QStringLiteral("$.targets[0].check")
            << QStringLiteral("missing required key \"zone\"");
    QTest::newRow("soa zone not a name") << withCheck(
            R"({"type": "soa", "zone": "exa mple.test", "servers": ["127.0.0.1", "::1"]})")
                                         << QStringLiteral("$.targets[0].check.zone")
                                         << QStringLiteral("exa mple.test");
    QTest::newRow("soa without servers") << withCheck(R"({"type": "soa", "zone": "example.test"})")
                                         << QStringLiteral("$.targets[0].check")
                                         << QStringLiteral("missing required key \"servers\"");
    QTest::newRow("soa with one server")
            << withCheck(R"({"type": "soa", "zone": "example.test", "servers": ["127.0.0.1"]})")
            << QStringLiteral("$.targets[0].check.servers")
            << QStringLiteral("expected at least two servers to compare");
    QTest::newRow("soa server not an address") << withCheck(
            R"({"type": "soa", "zone": "example.test", "servers": ["127.0.0.1", "ns1.example.test"]})")
                                               << QStringLiteral("$.targets[0].check.servers[1]")
                                               << QStringLiteral("ns1.example.test");
    QTest::newRow("soa server over TLS") << withCheck(
            R"({"type": "soa", "zone": "example.test", "servers": ["127.0.0.1", "tls://127.0.0.1:853"]})")
                                         << QStringLiteral("$.targets[0].check.servers[1]")
                                         << QStringLiteral("tls://");
    QTest::newRow("soa server port out of range") << withCheck(
            R"({"type": "soa", "zone": "example.test", "servers": ["127.0.0.1", "127.0.0.1:70000"]})")
                                                  << QStringLiteral("$.targets[0].check.servers[1]")
                                                  << QStringLiteral("70000");
    QTest::newRow("soa server twice, once with the default port")
            << withCheck(
                       R"({"type": "soa", "zone": "example.test", "servers": ["127.0.0.1:53", "127.0.0.1"]})")
            << QStringLiteral("$.targets[0].check.servers[1]")
            << QStringLiteral("duplicate server \"127.0.0.1:53\"; also listed at "
                              "$.targets[0].check.servers[0]");
    QTest::newRow("soa max_lag_s out of range") << withCheck(
            R"({"type": "soa", "zone": "example.test", "servers": ["127.0.0.1", "::1"], "max_lag_s": 86401})")
                                                << QStringLiteral("$.targets[0].check.max_lag_s")
                                                << QStringLiteral("0 to 86400");
    QTest::newRow("soa key on a tcp check")
            << withCheck(R"({"type": "tcp", "port": 80, "zone": "example.test"})")
            << QStringLiteral("$.targets[0].check")
            << QStringLiteral("key \"zone\" does not apply to a \"tcp\" check");
}

void TestAppConfig::invalid()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QFETCH(QString, fragment);

    const ConfigLoadResult result = parseConfig(json, source());
    QVERIFY(!result.config.has_value());
    QVERIFY2(result.errors.size() == 1, qPrintable(dump(result.errors)));
    const ConfigError &error = result.errors.first();
    QCOMPARE(error.file, source());
    QCOMPARE(error.path, path);
    QVERIFY2(error.message.contains(fragment), qPrintable(error.message));
}

void TestAppConfig::severalErrorsAllReported()
{
    const QByteArray json = R"({
  "resolvers": [{"name": "corp", "servers": ["nope"], "attempts": 0}],
  "cache": {"stale_ttl_s": "30"},
  "targets": [
    {"name": "a", "host": "a.example", "interval_s": 1.5},
    {"name": "a", "host": "-bad.example", "resolver": "other", "color": "red"}
  ]
})";
    const ConfigLoadResult result = parseConfig(json, source());
    QVERIFY(!result.config.has_value());
    const QStringList expectedPaths{
            QStringLiteral("$.resolvers[0].servers[0]"),
            QStringLiteral("$.resolvers[0].attempts"),
            QStringLiteral("$.cache.stale_ttl_s"),
            QStringLiteral("$.targets[0].interval_s"),
            QStringLiteral("$.targets[1]"), // unknown key "color"
            QStringLiteral("$.targets[1].name"),
            QStringLiteral("$.targets[1].host"),
            QStringLiteral("$.targets[1].resolver"),
    };
    QStringList paths;
    for (const ConfigError &error : result.errors) {
        QCOMPARE(error.file, source());
        QVERIFY(!error.message.isEmpty());
        paths.append(error.path);
    }
    QVERIFY2(paths == expectedPaths, qPrintable(dump(result.errors)));
    QVERIFY(result.errors.at(4).message.contains(QLatin1String("unknown key \"color\"")));
    QVERIFY(result.errors.at(6).message.contains(QLatin1String("starts or ends with '-'")));
}

void TestAppConfig::credentialsNeverShown()
{
    const QByteArray json = withCheck(
            R"({"type": "http", "url": "https://alice:s3cret@api.internal:99999"})");
    const ConfigLoadResult result = parseConfig(json, source());
    QVERIFY(!result.config.has_value());
    QCOMPARE(result.errors.size(), 1);
    QVERIFY(!result.errors.first().toString().contains(QLatin1String("s3cret")));
    QVERIFY(!result.errors.first().toString().contains(QLatin1String("alice")));
}

void TestAppConfig::errorToString()
{
    const ConfigError error{QStringLiteral("/etc/dnswatch.json"),
                            QStringLiteral("$.targets[2].host"),
                            QStringLiteral("expected a host name")};
    QCOMPARE(error.toString(),
             QStringLiteral("/etc/dnswatch.json: $.targets[2].host: expected a host name"));
}

void TestAppConfig::loadConfigFile_valid()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("dnswatch.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write(FullExample) > 0);
    file.close();

    const ConfigLoadResult result = loadConfigFile(path);
    QVERIFY2(result.errors.isEmpty(), qPrintable(dump(result.errors)));
    QVERIFY(result.config.has_value());
    QCOMPARE(result.config->source, path);
    QCOMPARE(result.config->targets.size(), 5);
    QCOMPARE(result.config->resolvers.size(), 2);
}

void TestAppConfig::exampleConfigIsValid()
{
    // The README points users at examples/dnswatch.json: it must load as it stands.
    const ConfigLoadResult loaded = loadConfigFile(QStringLiteral(DNSWATCH_EXAMPLE_CONFIG));
    QStringList errors;
    for (const ConfigError &error : loaded.errors)
        errors.append(error.toString());
    QVERIFY2(loaded.config, qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(loaded.config->targets.size(), 4);
    QVERIFY(loaded.config->resolver(QStringLiteral("corp")));
}

void TestAppConfig::probesBlock()
{
    const ConfigLoadResult loaded = parseConfig(
            R"({"probes": {"check_timeout_ms": 2500, "max_concurrent": 4, "retry_initial_ms": 200,)"
            R"( "retry_max_ms": 9000, "check_retries": 0, "check_backoff_factor_ms": 50,)"
            R"( "check_backoff_jitter_ms": 5, "check_backoff_max_ms": 700},)"
            R"( "targets": [{"name": "a", "host": "a.test"}]})",
            source());
    QVERIFY2(loaded.config, qPrintable(dump(loaded.errors)));
    const ProbePolicy &probes = loaded.config->probes;
    QCOMPARE(probes.checkTimeoutMs, 2500);
    QCOMPARE(probes.maxConcurrent, 4);
    QCOMPARE(probes.retryInitialMs, 200);
    QCOMPARE(probes.retryMaxMs, 9000);
    QCOMPARE(probes.checkRetries, 0);
    QCOMPARE(probes.checkBackoffFactorMs, 50);
    QCOMPARE(probes.checkBackoffJitterMs, 5);
    QCOMPARE(probes.checkBackoffMaxMs, 700);
    // Left out, the defaults.
    const ConfigLoadResult plain = parseConfig(R"({"targets": [{"name": "a", "host": "a.test"}]})",
                                               source());
    QCOMPARE(plain.config->probes.checkTimeoutMs, 5000);
    QCOMPARE(plain.config->probes.maxConcurrent, 16);
}

void TestAppConfig::historyBlock()
{
    const ConfigLoadResult loaded = parseConfig(
            R"({"history": {"raw_retention_h": 48, "aggregate_retention_d": 90,)"
            R"( "flush_interval_ms": 250, "shutdown_timeout_ms": 2000},)"
            R"( "targets": [{"name": "a", "host": "a.test"}]})",
            source());
    QVERIFY2(loaded.config, qPrintable(dump(loaded.errors)));
    const HistoryPolicy &history = loaded.config->history;
    QCOMPARE(history.rawRetentionH, 48);
    QCOMPARE(history.aggregateRetentionD, 90);
    QCOMPARE(history.flushIntervalMs, 250);
    QCOMPARE(history.shutdownTimeoutMs, 2000);
    // Left out: a day of raw results, 30 days of aggregates, batches every second.
    const ConfigLoadResult plain = parseConfig(R"({"targets": [{"name": "a", "host": "a.test"}]})",
                                               source());
    QCOMPARE(plain.config->history, HistoryPolicy());
    QCOMPARE(plain.config->history.rawRetentionH, 24);
    QCOMPARE(plain.config->history.aggregateRetentionD, 30);
    QCOMPARE(plain.config->history.flushIntervalMs, 1000);
}

void TestAppConfig::agentBlock()
{
    const ConfigLoadResult loaded = parseConfig(
            R"({"agent": {"max_connections": 8, "request_timeout_ms": 2000,)"
            R"( "max_request_bytes": 4096, "max_connections_per_client": 2,)"
            R"( "header_timeout_ms": 700, "idle_timeout_ms": 3000, "max_waiting_polls": 5},)"
            R"( "targets": [{"name": "a", "host": "a.test"}]})",
            source());
    QVERIFY2(loaded.config, qPrintable(dump(loaded.errors)));
    QCOMPARE(loaded.config->agent.maxWaitingPolls, 5);
    QCOMPARE(loaded.config->agent.maxConnections, 8);
    QCOMPARE(loaded.config->agent.requestTimeoutMs, 2000);
    QCOMPARE(loaded.config->agent.maxRequestBytes, 4096);
    QCOMPARE(loaded.config->agent.maxConnectionsPerClient, 2);
    QCOMPARE(loaded.config->agent.headerTimeoutMs, 700);
    QCOMPARE(loaded.config->agent.idleTimeoutMs, 3000);
    const ConfigLoadResult plain = parseConfig(R"({"targets": [{"name": "a", "host": "a.test"}]})",
                                               source());
    QCOMPARE(plain.config->agent, AgentPolicy());
    QCOMPARE(plain.config->agent.maxConnections, 128);
    QCOMPARE(plain.config->agent.requestTimeoutMs, 10000);
    QCOMPARE(plain.config->agent.maxRequestBytes, 65536);
    QCOMPARE(plain.config->agent.maxConnectionsPerClient, 16);
    QCOMPARE(plain.config->agent.headerTimeoutMs, 5000);
    QCOMPARE(plain.config->agent.idleTimeoutMs, 10000);
    QCOMPARE(plain.config->agent.maxWaitingPolls, 256);
}

void TestAppConfig::agentWatchBlock()
{
    const ConfigLoadResult loaded = parseConfig(
            R"({"agent_watch": {"status_interval_ms": 750, "event_poll_wait_s": 3,)"
            R"( "request_timeout_ms": 1500, "retry_first_ms": 300, "retry_max_ms": 900},)"
            R"( "agents": [{"name": "lab", "url": "http://127.0.0.1:9108"}]})",
            source());
    QVERIFY2(loaded.config, qPrintable(dump(loaded.errors)));
    const AgentWatchPolicy &watch = loaded.config->agentWatch;
    QCOMPARE(watch.statusIntervalMs, 750);
    QCOMPARE(watch.eventPollWaitS, 3);
    QCOMPARE(watch.requestTimeoutMs, 1500);
    QCOMPARE(watch.retryFirstMs, 300);
    QCOMPARE(watch.retryMaxMs, 900);
    // Left out: every 5 s, a 25 s poll, 10 s for an answer, retries from 1 s to a minute.
    const ConfigLoadResult plain = parseConfig(R"({"targets": [{"name": "a", "host": "a.test"}]})",
                                               source());
    QCOMPARE(plain.config->agentWatch, AgentWatchPolicy());
    QCOMPARE(plain.config->agentWatch.statusIntervalMs, 5000);
    QCOMPARE(plain.config->agentWatch.eventPollWaitS, 25);
    QCOMPARE(plain.config->agentWatch.requestTimeoutMs, 10000);
    QCOMPARE(plain.config->agentWatch.retryFirstMs, 1000);
    QCOMPARE(plain.config->agentWatch.retryMaxMs, 60000);
    // Out of range, or retries that shrink: where and what was expected.
    const ConfigLoadResult bad = parseConfig(
            R"({"agent_watch": {"event_poll_wait_s": 31, "retry_first_ms": 5000,)"
            R"( "retry_max_ms": 1000}, "targets": [{"name": "a", "host": "a.test"}]})",
            source());
    QVERIFY(!bad.config);
    const QString errors = dump(bad.errors);
    QVERIFY2(errors.contains(QStringLiteral("$.agent_watch.event_poll_wait_s")), qPrintable(errors));
    QVERIFY2(errors.contains(QStringLiteral("retry_max_ms")), qPrintable(errors));
}

void TestAppConfig::agentsAlone()
{
    // A dashboard that watches agents only: no targets of its own, and the agents kept as written.
    const ConfigLoadResult loaded = parseConfig(
            R"({"agents": [{"name": "fra1", "url": "https://agent-fra1.example:9108",)"
            R"( "token_file": "fra1.token", "ca_file": "/etc/dnswatch/ca.pem"},)"
            R"( {"name": "lab", "url": "http://127.0.0.1:9108"}]})",
            source());
    QVERIFY2(loaded.config, qPrintable(dump(loaded.errors)));
    QVERIFY(loaded.config->targets.isEmpty());
    QCOMPARE(loaded.config->agents.size(), 2);
    const AgentLinkConfig &fra1 = loaded.config->agents[0];
    QCOMPARE(fra1.name, QStringLiteral("fra1"));
    QCOMPARE(fra1.url, QUrl(QStringLiteral("https://agent-fra1.example:9108")));
    QCOMPARE(fra1.tokenFile, QStringLiteral("fra1.token"));
    QCOMPARE(fra1.caFile, QStringLiteral("/etc/dnswatch/ca.pem"));
    QVERIFY(loaded.config->agents[1].tokenFile.isEmpty());
    // The agent and --once cannot run it: they say why.
    QVERIFY(localTargetsProblem(*loaded.config).contains(QStringLiteral("no targets to probe")));
    // Written back as read (the settings editor saves through this).
    const ConfigLoadResult again = parseConfig(QJsonDocument(configToJson(*loaded.config)).toJson(),
                                               source());
    QVERIFY2(again.config, qPrintable(dump(again.errors)));
    QCOMPARE(again.config->agents, loaded.config->agents);
    // Beside local targets, and an empty "targets" beside agents, both fine.
    const ConfigLoadResult both = parseConfig(
            R"({"agents": [{"name": "lab", "url": "http://127.0.0.1:9108"}], "targets": []})",
            source());
    QVERIFY2(both.config, qPrintable(dump(both.errors)));
    const ConfigLoadResult local = parseConfig(R"({"targets": [{"name": "a", "host": "a.test"}]})",
                                               source());
    QVERIFY(local.config->agents.isEmpty());
    QVERIFY(localTargetsProblem(*local.config).isEmpty());
}

void TestAppConfig::dnssecKeys()
{
    const ConfigLoadResult loaded = parseConfig(
            R"({"resolvers": [{"name": "corp", "servers": ["10.0.0.53"], "dnssec": true},)"
            R"( {"name": "plain", "servers": ["10.0.0.54"]}],)"
            R"( "targets": [{"name": "t", "host": "t.example", "resolver": "corp",)"
            R"( "require_validated": true}, {"name": "u", "host": "u.example"}],)"
            R"( "dnssec_zones": [{"zone": "example.com", "resolver": "corp", "warn_days": 10},)"
            R"( {"zone": "example.net", "resolver": "plain", "interval_s": 600}]})",
            source());
    QVERIFY2(loaded.config, qPrintable(dump(loaded.errors)));
    QVERIFY(loaded.config->resolver(QStringLiteral("corp"))->dnssec);
    QVERIFY(!loaded.config->resolver(QStringLiteral("plain"))->dnssec);
    QVERIFY(loaded.config->targets[0].requireValidated);
    QVERIFY(!loaded.config->targets[1].requireValidated);
    QCOMPARE(loaded.config->dnssecZones.size(), 2);
    QCOMPARE(loaded.config->dnssecZones[0],
             (DnssecZoneConfig{QStringLiteral("example.com"), QStringLiteral("corp"), 10}));
    QCOMPARE(loaded.config->dnssecZones[1].warnDays, 7);
    QCOMPARE(loaded.config->dnssecZones[0].intervalS, 3600); // the default
    QCOMPARE(loaded.config->dnssecZones[1].intervalS, 600);
    // Written back as read (the settings editor saves through this).
    const ConfigLoadResult again = parseConfig(QJsonDocument(configToJson(*loaded.config)).toJson(),
                                               source());
    QVERIFY2(again.config, qPrintable(dump(again.errors)));
    QCOMPARE(again.config->dnssecZones, loaded.config->dnssecZones);
    QVERIFY(again.config->resolver(QStringLiteral("corp"))->dnssec);
    QVERIFY(again.config->targets[0].requireValidated);
}

void TestAppConfig::oversizedConfigIsRejected()
{
    // /dev/zero never ends: the loader must stop reading and say why, not hang.
    const ConfigLoadResult loaded = loadConfigFile(QStringLiteral("/dev/zero"));
    QVERIFY(!loaded.config);
    QCOMPARE(loaded.errors.size(), 1);
    QVERIFY2(loaded.errors[0].message.contains(QStringLiteral("larger than")),
             qPrintable(loaded.errors[0].toString()));
}

void TestAppConfig::loadConfigFile_unreadable_data()
{
    QTest::addColumn<QString>("relativePath");
    QTest::newRow("missing file") << QStringLiteral("absent.json");
    QTest::newRow("missing directory") << QStringLiteral("absent/dnswatch.json");
    QTest::newRow("a directory") << QStringLiteral(".");
}

void TestAppConfig::loadConfigFile_unreadable()
{
    QFETCH(QString, relativePath);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(relativePath);
    QFile probe(path);
    QVERIFY(!probe.open(QIODevice::ReadOnly));

    const ConfigLoadResult result = loadConfigFile(path);
    QVERIFY(!result.config.has_value());
    QCOMPARE(result.errors.size(), 1);
    const ConfigError &error = result.errors.first();
    QCOMPARE(error.file, path);
    QCOMPARE(error.path, QStringLiteral("$"));
    QCOMPARE(error.message, QStringLiteral("cannot read the config file: ") + probe.errorString());
}

void TestAppConfig::loadConfigFile_errorsNameTheFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("broken.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write(withTarget(R"("record": "MX")")) > 0);
    file.close();

    const ConfigLoadResult result = loadConfigFile(path);
    QVERIFY(!result.config.has_value());
    QCOMPARE(result.errors.size(), 1);
    QVERIFY2(result.errors.first().toString().startsWith(
                     path + QLatin1String(": $.targets[0].record: ")),
             qPrintable(result.errors.first().toString()));
}

void TestAppConfig::defaultConfig_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("mlflowHost"); // empty: no MLflow target
    QTest::addColumn<QString>("mlflowUrl");

    QTest::newRow("no URI") << QString() << QString() << QString();
    QTest::newRow("http") << QStringLiteral("http://mlflow.internal:5000")
                          << QStringLiteral("mlflow.internal")
                          << QStringLiteral("http://mlflow.internal:5000");
    QTest::newRow("https with userinfo stripped")
            << QStringLiteral("https://alice:s3cret@MLflow.Example.com/tracking")
            << QStringLiteral("mlflow.example.com")
            << QStringLiteral("https://mlflow.example.com/tracking");
    QTest::newRow("user name only stripped")
            << QStringLiteral("http://token@mlflow.internal") << QStringLiteral("mlflow.internal")
            << QStringLiteral("http://mlflow.internal");
    QTest::newRow("localhost is a second target")
            << QStringLiteral("http://localhost:5000") << QStringLiteral("localhost")
            << QStringLiteral("http://localhost:5000");
    QTest::newRow("file URI ignored")
            << QStringLiteral("file:///tmp/mlruns") << QString() << QString();
    QTest::newRow("databricks ignored") << QStringLiteral("databricks") << QString() << QString();
    QTest::newRow("no host ignored") << QStringLiteral("http://") << QString() << QString();
    QTest::newRow("invalid URL ignored")
            << QStringLiteral("http://ml flow") << QString() << QString();
}

void TestAppConfig::defaultConfig()
{
    QFETCH(QString, uri);
    QFETCH(QString, mlflowHost);
    QFETCH(QString, mlflowUrl);

    const AppConfig config = ::defaultConfig(uri);
    QCOMPARE(config.source, QStringLiteral("(embedded default)"));
    QCOMPARE(config.resolvers.size(), 1);
    QCOMPARE(config.resolvers.first().name, QStringLiteral("system"));
    QCOMPARE(config.resolvers.first().timeoutMs, 5000);
    QCOMPARE(config.resolvers.first().attempts, 1);

    QCOMPARE(config.targets.size(), mlflowHost.isEmpty() ? 1 : 2);
    const TargetConfig &localhost = config.targets.first();
    QCOMPARE(localhost.name, QStringLiteral("localhost"));
    QCOMPARE(localhost.host, QStringLiteral("localhost"));
    QCOMPARE(localhost.resolver, QStringLiteral("system"));
    QCOMPARE(localhost.check.type, CheckConfig::Type::Dns);
    QCOMPARE(localhost.critical, true);
    if (mlflowHost.isEmpty())
        return;

    const TargetConfig &mlflow = config.targets.at(1);
    QCOMPARE(mlflow.name, QStringLiteral("MLflow"));
    QCOMPARE(mlflow.host, mlflowHost);
    QCOMPARE(mlflow.resolver, QStringLiteral("system"));
    QCOMPARE(mlflow.critical, true);
    QCOMPARE(mlflow.check.type, CheckConfig::Type::Mlflow);
    QCOMPARE(mlflow.check.url.toString(), mlflowUrl);
    QVERIFY(mlflow.check.url.userInfo().isEmpty());
    QVERIFY(!mlflow.check.url.toString().contains(QLatin1String("s3cret")));
}

void TestAppConfig::mlflowUriWithABadPortSaysSo_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("problem");
    QTest::newRow("out of range") << QStringLiteral("http://mlflow:99999/")
                                  << QStringLiteral("found port 99999");
    QTest::newRow("not a number") << QStringLiteral("https://alice:s3cret@mlflow:abc/")
                                  << QStringLiteral("found a port that is not a number");
}

void TestAppConfig::mlflowUriWithABadPortSaysSo()
{
    QFETCH(QString, uri);
    QFETCH(QString, problem);
    // Which port, and what a port may be; never the URI, which may hold a password.
    QTest::ignoreMessage(QtWarningMsg,
                         qPrintable(QStringLiteral("MLFLOW_TRACKING_URI: expected an http:// or "
                                                   "https:// URL with a host, %1; a port is a "
                                                   "number from 1 to 65535; the MLflow server is "
                                                   "not watched")
                                            .arg(problem)));
    const AppConfig config = ::defaultConfig(uri);
    QCOMPARE(config.targets.size(), 1); // the MLflow server is not added
}

void TestAppConfig::checkTypeName_data()
{
    QTest::addColumn<CheckConfig::Type>("type");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("check"); // the smallest valid check of that type

    QTest::newRow("dns") << CheckConfig::Type::Dns << QStringLiteral("dns")
                         << QByteArray(R"({"type": "dns"})");
    QTest::newRow("tcp") << CheckConfig::Type::Tcp << QStringLiteral("tcp")
                         << QByteArray(R"({"type": "tcp", "port": 443})");
    QTest::newRow("http") << CheckConfig::Type::Http << QStringLiteral("http")
                          << QByteArray(R"({"type": "http", "url": "http://a.example"})");
    QTest::newRow("mlflow") << CheckConfig::Type::Mlflow << QStringLiteral("mlflow")
                            << QByteArray(R"({"type": "mlflow", "url": "http://a.example"})");
    QTest::newRow("soa")
            << CheckConfig::Type::Soa << QStringLiteral("soa")
            << QByteArray(
                       R"({"type": "soa", "zone": "a.example", "servers": ["192.0.2.1", "[2001:db8::1]:5302"]})");
}

void TestAppConfig::checkTypeName()
{
    QFETCH(CheckConfig::Type, type);
    QFETCH(QString, name);
    QFETCH(QByteArray, check);

    QCOMPARE(::checkTypeName(type), name);
    // The name is what the config file spells.
    const std::optional<AppConfig> config = parseValid(withCheck(check.constData()));
    QVERIFY(config.has_value());
    QCOMPARE(config->targets.first().check.type, type);
}

void TestAppConfig::soaCheckKeys()
{
    const std::optional<AppConfig> config = parseValid(withCheck(
            R"({"type": "soa", "zone": "example.test.", "servers": ["127.0.0.1", "[::1]:5302"]})"));
    QVERIFY(config.has_value());
    const CheckConfig &check = config->targets.first().check;
    QCOMPARE(check.zone, QStringLiteral("example.test."));
    QCOMPARE(check.servers.size(), 2);
    QCOMPARE(check.servers[0].toString(), QStringLiteral("127.0.0.1:53")); // the default port
    QCOMPARE(check.servers[1].toString(), QStringLiteral("[::1]:5302"));
    QCOMPARE(check.maxLagS, 300);
    const std::optional<AppConfig> immediate = parseValid(withCheck(
            R"({"type": "soa", "zone": "example.test", "servers": ["127.0.0.1", "::1"], "max_lag_s": 0})"));
    QVERIFY(immediate.has_value());
    QCOMPARE(immediate->targets.first().check.maxLagS, 0);
}

QTEST_GUILESS_MAIN(TestAppConfig)
#include "tst_appconfig.moc"
