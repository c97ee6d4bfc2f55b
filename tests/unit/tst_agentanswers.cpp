// The dashboard's reading of agent answers (status, events, history, resolve): the
// fields it shows, and a malformed answer refused with the path of every problem.
#include "agentactionrequest.h"
#include "agentevents.h"
#include "agentstatus.h"
#include "agentstoredevent.h"
#include "clock.h"
#include "remotecache.h"
#include "remotehistory.h"

#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTest>

using namespace Qt::StringLiterals;

class TestAgentAnswers : public QObject
{
    Q_OBJECT

private:
    // The error of a status whose one target has key set to value (JSON text); empty when the
    // status was read.
    static QString statusErrorWith(const char *key, const QByteArray &value)
    {
        const QByteArray json = QByteArray("{\"ready\": true, \"targets\": [{\"name\": \"svc\", ")
                + "\"state\": \"down\", \"" + key + "\": " + value + "}]}";
        QString error;
        return parseAgentStatus(json, u"fra1"_s, &error) ? QString() : error;
    }

private Q_SLOTS:
    void readsAStatusAsTheAgentWritesIt()
    {
        const QByteArray json = R"({"ready": false, "access": {"name": "desk", "role": "read"},
            "targets": [
              {"name": "api", "host": "api.test", "resolver": "lab", "critical": true,
               "status": "degraded", "source": "stale", "addresses": ["10.0.0.1", "fd00::1"],
               "ttl_s": null, "error": "timeout", "detail": "serving stale", "server": null,
               "latency_ms": 12.5, "check": {"type": "http", "ok": true, "detail": null},
               "state": "degraded", "state_detail": "reachable through stale addresses",
               "success_rates": {"1m": {"probes": 6, "dns": 0.5, "check": 1},
                                 "5m": {"probes": 30, "dns": 0.8, "check": 0.9},
                                 "1h": {"probes": 360, "dns": 0.95, "check": 0.75}},
               "dns_latency_p95_ms": 40, "check_latency_p95_ms": 3, "fallback_s": 65.5,
               "reachable": true, "last_probe": "2026-12-06T10:00:01.250Z",
               "a_key_from_a_newer_agent": [1, 2]},
              {"name": "fresh", "status": "unknown", "state": "unknown", "check": null,
               "success_rates": {"5m": {"probes": 0, "dns": 0, "check": 0},
                                 "1h": {"probes": 0, "dns": 0, "check": 0}}}],
            "events": []})";
        QString error;
        const std::optional<AgentStatus> status = parseAgentStatus(json, QStringLiteral("fra1"),
                                                                   &error);
        QVERIFY2(status, qPrintable(error));
        QCOMPARE(status->ready, false);
        QCOMPARE(status->role, AgentRole::Read);
        QCOMPARE(status->actor, QStringLiteral("desk"));
        QCOMPARE(status->targets.size(), 2);
        const TargetSnapshot &api = status->targets[0];
        QCOMPARE(api.name, QStringLiteral("api"));
        QCOMPARE(api.state, TargetState::Degraded);
        QCOMPARE(api.stateDetail, QStringLiteral("reachable through stale addresses"));
        QCOMPARE(api.source, QStringLiteral("stale"));
        QCOMPARE(api.addresses, QStringList({u"10.0.0.1"_s, u"fd00::1"_s}));
        QVERIFY(!api.ttlSeconds);
        QCOMPARE(api.error, QStringLiteral("timeout"));
        QCOMPARE(api.checkOk, std::optional(true));
        QCOMPARE(api.dnsSuccessFiveMinutes, std::optional(0.8));
        QCOMPARE(api.checkSuccessFiveMinutes, std::optional(0.9));
        QCOMPARE(api.dnsSuccessOneHour, std::optional(0.95));
        QCOMPARE(api.checkSuccessOneHour, std::optional(0.75));
        QCOMPARE(api.fallbackSeconds, 65.5);
        QCOMPARE(api.lastProbe,
                 QDateTime::fromString(u"2026-12-06T10:00:01.250Z"_s, Qt::ISODateWithMs));
        const TargetSnapshot &fresh = status->targets[1];
        QCOMPARE(fresh.state, TargetState::Unknown);
        QVERIFY(!fresh.checkOk);
        QVERIFY(!fresh.dnsSuccessFiveMinutes); // no probe in the window: no rate, not 0 %
        QVERIFY(!fresh.dnsSuccessOneHour);
        QVERIFY(!fresh.checkSuccessOneHour);
        QVERIFY(!fresh.lastProbe.isValid());
    }

    void readsTheLastProbes()
    {
        // Oldest first; times counted back from last_probe.
        const QByteArray json = R"({"ready": true, "targets": [
              {"name": "api", "state": "degraded", "last_probe": "2026-12-06T10:00:30.000Z",
               "recent": {"sources": "fsx", "checks": "+-.",
                          "seconds_before_last": [20, 10, 0]}},
              {"name": "quiet", "state": "unknown",
               "recent": {"sources": "", "checks": "", "seconds_before_last": []}}]})";
        QString error;
        const std::optional<AgentStatus> status = parseAgentStatus(json, u"fra1"_s, &error);
        QVERIFY2(status, qPrintable(error));
        const QList<ProbeMark> &marks = status->targets[0].recent;
        QCOMPARE(marks.size(), 3);
        const qint64 last = QDateTime::fromString(u"2026-12-06T10:00:30.000Z"_s, Qt::ISODateWithMs)
                                    .toMSecsSinceEpoch();
        QCOMPARE(marks[0].timeMs, last - 20'000);
        QCOMPARE(marks[0].source, ResolutionSource::Fresh);
        QVERIFY(marks[0].hasAddresses);
        QCOMPARE(marks[0].check, ProbeMark::Check::Ok);
        QCOMPARE(marks[1].source, ResolutionSource::Stale);
        QCOMPARE(marks[1].check, ProbeMark::Check::Failed);
        QVERIFY(!marks[2].hasAddresses);
        QCOMPARE(marks[2].check, ProbeMark::Check::NotRun);
        QCOMPARE(marks[2].timeMs, last);
        QVERIFY(status->targets[1].recent.isEmpty());
    }

    void takesWhatANewerAgentSendsOfTheLastProbes()
    {
        // More probes than the strip shows: the newest 30; a letter not known here: left out.
        QByteArray sources = QByteArray(34, 'f') + "q";
        QByteArray seconds;
        for (int i = 34; i >= 0; --i)
            seconds += QByteArray::number(i) + (i ? "," : "");
        const QByteArray json = QByteArray("{\"ready\": true, \"targets\": [{\"name\": \"api\", "
                                           "\"state\": \"healthy\", \"last_probe\": "
                                           "\"2026-12-06T10:00:30.000Z\", \"recent\": "
                                           "{\"sources\": \"")
                + sources + "\", \"checks\": \"" + QByteArray(35, '+')
                + "\", \"seconds_before_last\": [" + seconds + "]}}]}";
        QString error;
        const std::optional<AgentStatus> status = parseAgentStatus(json, u"fra1"_s, &error);
        QVERIFY2(status, qPrintable(error));
        const QList<ProbeMark> &marks = status->targets[0].recent;
        QCOMPARE(marks.size(), RecentProbes::Kept - 1); // the last 30, less the unknown one
        const qint64 last = QDateTime::fromString(u"2026-12-06T10:00:30.000Z"_s, Qt::ISODateWithMs)
                                    .toMSecsSinceEpoch();
        QCOMPARE(marks.constFirst().timeMs, last - 29'000);
        QCOMPARE(marks.constLast().timeMs, last - 1'000);
    }

    void refusesRatesOutsideZeroToOne()
    {
        const QByteArray json = R"({"ready": true, "targets": [{"name": "api", "state": "healthy",
              "success_rates": {"5m": {"probes": 3, "dns": 7, "check": -0.5}}}]})";
        QString error;
        QVERIFY(!parseAgentStatus(json, u"fra1"_s, &error));
        QVERIFY2(error.contains(u"$.targets[0].success_rates.5m.dns: expected a share from 0 to 1, "
                                u"found 7"_s),
                 qPrintable(error));
        QVERIFY2(error.contains(u"$.targets[0].success_rates.5m.check: expected a share from 0 "
                                u"to 1, found -0.5"_s),
                 qPrintable(error));
    }

    void refusesMalformedLastProbes_data()
    {
        QTest::addColumn<QByteArray>("recent");
        QTest::addColumn<QString>("expected");
        QTest::newRow("lengths differ")
                << QByteArray(R"({"sources": "ff", "checks": "+", "seconds_before_last": [1, 0]})")
                << u"fra1: $.targets[0].recent: expected sources, checks and seconds_before_last "
                   u"of the same length, found 2, 1 and 2"_s;
        QTest::newRow("negative time")
                << QByteArray(R"({"sources": "f", "checks": "+", "seconds_before_last": [-4]})")
                << u"fra1: $.targets[0].recent.seconds_before_last[0]: expected seconds from 0 to "
                   u"1e+09, found -4"_s;
        QTest::newRow("absurd time")
                << QByteArray(R"({"sources": "f", "checks": "+", "seconds_before_last": [1e300]})")
                << u"fra1: $.targets[0].recent.seconds_before_last[0]: expected seconds from 0 to "
                   u"1e+09, found 1e+300"_s;
        QTest::newRow("not a number")
                << QByteArray(R"({"sources": "f", "checks": "+", "seconds_before_last": ["x"]})")
                << u"fra1: $.targets[0].recent.seconds_before_last[0]: expected seconds from 0 to "
                   u"1e+09, found no number"_s;
    }
    void refusesMalformedLastProbes()
    {
        QFETCH(QByteArray, recent);
        QFETCH(QString, expected);
        const QByteArray json = R"({"ready": true, "targets": [{"name": "api", "state": "healthy",
              "last_probe": "2026-12-06T10:00:30.000Z", "recent": )"
                + recent + "}]}";
        QString error;
        QVERIFY(!parseAgentStatus(json, u"fra1"_s, &error));
        QCOMPARE(error, expected);
    }

    void refusesAMalformedStatusNamingEveryProblem_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("not json") << QByteArray("<html>proxy error</html>")
                                  << QStringList{u"fra1: $"_s};
        QTest::newRow("no targets") << QByteArray(R"({"ready": true})")
                                    << QStringList{u"fra1: $.targets: expected an array"_s};
        QTest::newRow("wrong types")
                << QByteArray(R"({"ready": "yes", "targets": [{"name": "a", "state": "healthy"},
                                   {"name": 7, "state": "sunny", "addresses": [1]}]})")
                << QStringList{u"fra1: $.ready: expected true or false"_s,
                               u"fra1: $.targets[1].name: expected a string"_s,
                               u"fra1: $.targets[1].state: expected healthy, degraded, down, "
                               u"paused or unknown, found \"sunny\""_s,
                               u"fra1: $.targets[1].addresses[0]: expected a string"_s};
        QTest::newRow("a target that is no object")
                << QByteArray(R"({"ready": true, "targets": ["api"]})")
                << QStringList{u"fra1: $.targets[0]: expected an object"_s};
        QTest::newRow("bad time") << QByteArray(R"({"ready": true, "targets": [{"name": "a",
                                       "state": "down", "last_probe": "yesterday"}]})")
                                  << QStringList{u"fra1: $.targets[0].last_probe: expected an "
                                                 u"ISO 8601 time"_s};
        QTest::newRow("bad zones")
                << QByteArray(R"({"ready": true, "targets": [], "zones": [
                                   {"zone": "a.test", "status": "fine"},
                                   {"status": "ok", "expires_in_s": 1e300},
                                   {"zone": "c.test", "status": "ok", "validated": "yes"},
                                   "d.test"]})")
                << QStringList{u"fra1: $.zones[0].status: expected ok, warning, expired or "
                               u"unknown, found \"fine\""_s,
                               u"fra1: $.zones[1].zone: expected a string"_s,
                               u"fra1: $.zones[1].expires_in_s: expected seconds from -1e12 to "
                               u"1e12"_s,
                               u"fra1: $.zones[2].validated: expected true or false"_s,
                               u"fra1: $.zones[3]: expected an object"_s};
    }
    void refusesAMalformedStatusNamingEveryProblem()
    {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, expected);
        QString error = QStringLiteral("untouched");
        QVERIFY(!parseAgentStatus(json, QStringLiteral("fra1"), &error));
        const QStringList lines = error.split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i)
            QVERIFY2(lines[i].startsWith(expected[i]), qPrintable(lines[i]));
    }

    void readsTheZonesOfAStatus()
    {
        const QByteArray json = R"({"ready": true, "targets": [], "zones": [
              {"zone": "signed.test", "resolver": "corp", "server": "127.0.0.1:5353",
               "status": "warning", "expires": "2027-01-10T00:00:00Z", "expires_in_s": 345600,
               "expires_in_days": 4, "warn_days": 7, "validated": true, "detail": null},
              {"zone": "late.test", "resolver": "corp", "server": null, "status": "unknown",
               "expires": null, "expires_in_s": null, "expires_in_days": null, "warn_days": 7,
               "validated": null, "detail": "not checked yet"},
              {"zone": "gone.test", "resolver": "corp", "server": "127.0.0.1:5353",
               "status": "expired", "expires": "2026-12-01T00:00:00Z", "expires_in_s": -86400,
               "expires_in_days": -1, "warn_days": 30, "validated": false, "detail": null}]})";
        QString error;
        const std::optional<AgentStatus> status = parseAgentStatus(json, QStringLiteral("fra1"),
                                                                   &error);
        QVERIFY2(status, qPrintable(error));
        QCOMPARE(status->zones.size(), 3);
        const RemoteZone &warning = status->zones[0];
        QCOMPARE(warning.status.zone.zone, QStringLiteral("signed.test"));
        QCOMPARE(warning.status.zone.resolver, QStringLiteral("corp"));
        QCOMPARE(warning.status.server, QStringLiteral("127.0.0.1:5353"));
        QCOMPARE(warning.status.level, ZoneSignatureStatus::Level::Warning);
        QCOMPARE(warning.status.expiresAt, QDateTime(QDate(2027, 1, 10), QTime(0, 0), Qt::UTC));
        QCOMPARE(warning.status.secondsLeft, std::optional<qint64>(345600));
        QCOMPARE(warning.status.daysLeft(), std::optional<qint64>(4));
        QCOMPARE(warning.status.zone.warnDays, 7);
        QCOMPARE(warning.status.validation, DnssecValidation::Validated);
        QVERIFY(warning.checked);
        QVERIFY(!status->zones[1].checked); // the agent has not asked yet
        QCOMPARE(status->zones[1].status.level, ZoneSignatureStatus::Level::Unknown);
        QCOMPARE(status->zones[2].status.level, ZoneSignatureStatus::Level::Expired);
        QCOMPARE(status->zones[2].status.daysLeft(), std::optional<qint64>(-1));
        QCOMPARE(status->zones[2].status.validation, DnssecValidation::NotValidated);
        // An agent older than zones sends none.
        const auto older = parseAgentStatus(R"({"ready": true, "targets": []})",
                                            QStringLiteral("fra1"), &error);
        QVERIFY2(older, qPrintable(error));
        QVERIFY(older->zones.isEmpty());
    }

    void readsComparedPaths()
    {
        QFile seed(QStringLiteral(DNSWATCH_FUZZ_CORPUS "/status-paths.json"));
        QVERIFY(seed.open(QIODevice::ReadOnly));
        QString error;
        const auto status = parseAgentStatus(seed.readAll().mid(1), u"fra1"_s, &error);
        QVERIFY2(status, qPrintable(error));
        const PathComparison &paths = status->targets[0].paths;
        QVERIFY(!paths.agree);
        QCOMPARE(paths.paths.size(), 3);
        const LookupResult &lab = paths.paths[0].result;
        QCOMPARE(lab.resolver, u"lab"_s);
        QCOMPARE(lab.host, u"svc.test"_s);
        QCOMPARE(lab.source, ResolutionSource::Fresh);
        QCOMPARE(lab.addresses, QList<QHostAddress>{QHostAddress(u"10.0.0.1"_s)});
        QCOMPARE(lab.ttlLeftMs, std::optional<qint64>(60'000));
        QCOMPARE(lab.latencyUs, qint64(800));
        QCOMPARE(lab.server, u"127.0.0.1:15353"_s);
        const LookupResult &direct = paths.paths[1].result;
        QCOMPARE(direct.source, ResolutionSource::Stale);
        QCOMPARE(direct.cause, FailureCause::Timeout);
        QCOMPARE(direct.addresses.size(), 2);
        QCOMPARE(direct.latencyUs, qint64(1'800'500));
        QCOMPARE(paths.paths[1].expectation, PathAnswer::Expectation::SameAnswer);
        QCOMPARE(paths.disagreeing(), QStringList{u"direct"_s});
        const PathAnswer &publicPath = paths.paths[2];
        QCOMPARE(publicPath.expectation, PathAnswer::Expectation::MayDiffer);
        QCOMPARE(publicPath.result.cause, FailureCause::NxDomain);
        QVERIFY(!publicPath.result.ttlLeftMs);
        // Read back into the agent's shape, the paths are what the agent wrote.
        QCOMPARE(pathsJson(paths).value(u"paths"_s).toArray().size(), 3);
        QCOMPARE(pathsJson(paths).value(u"differing"_s).toArray().first().toString(), u"direct"_s);
        // A target that compares nothing (or an older agent): no paths.
        const auto plain = parseAgentStatus(
                R"({"ready": true, "targets": [{"name": "a", "state": "healthy"}]})", u"fra1"_s,
                &error);
        QVERIFY2(plain, qPrintable(error));
        QVERIFY(plain->targets[0].paths.isEmpty());
    }

    void refusesMalformedPaths_data()
    {
        QTest::addColumn<QByteArray>("paths");
        QTest::addColumn<QString>("expected");
        const QByteArray good = R"("resolver": "lab", "source": "fresh", )";
        QTest::newRow("no verdict") << QByteArray(R"({"paths": []})")
                                    << u"fra1: $.targets[0].paths.agree: expected true or false"_s;
        QTest::newRow("no list") << QByteArray(R"({"agree": true})")
                                 << u"fra1: $.targets[0].paths.paths: expected an array"_s;
        QTest::newRow("a path that is no object")
                << QByteArray(R"({"agree": true, "paths": ["lab"]})")
                << u"fra1: $.targets[0].paths.paths[0]: expected an object"_s;
        QTest::newRow("no resolver")
                << QByteArray(R"({"agree": true, "paths": [{"source": "fresh"}]})")
                << u"fra1: $.targets[0].paths.paths[0].resolver: expected a string"_s;
        QTest::newRow("unknown tier")
                << QByteArray(
                           R"({"agree": true, "paths": [{"resolver": "lab", "source": "guess"}]})")
                << u"fra1: $.targets[0].paths.paths[0].source: expected fresh, cache, stale, "
                   u"pinned, env or none, found \"guess\""_s;
        QTest::newRow("unknown expectation")
                << QByteArray(R"({"agree": true, "paths": [{)" + good + R"("expected": "maybe"}]})")
                << u"fra1: $.targets[0].paths.paths[0].expected: expected same or may_differ, "
                   u"found \"maybe\""_s;
        QTest::newRow("unknown cause")
                << QByteArray(R"({"agree": true, "paths": [{)" + good + R"("error": "gremlins"}]})")
                << u"fra1: $.targets[0].paths.paths[0].error: expected a failure cause, found "
                   u"\"gremlins\""_s;
        QTest::newRow("bad address")
                << QByteArray(R"({"agree": true, "paths": [{)" + good
                              + R"("addresses": ["10.0.0.1", "10.0.0.300"]}]})")
                << u"fra1: $.targets[0].paths.paths[0].addresses[1]: expected an IP address, "
                   u"found \"10.0.0.300\""_s;
        QTest::newRow("negative ttl")
                << QByteArray(R"({"agree": true, "paths": [{)" + good + R"("ttl_s": -1}]})")
                << u"fra1: $.targets[0].paths.paths[0].ttl_s: expected a number from 0 to 1e12, "
                   u"found -1"_s;
        QTest::newRow("latency in words")
                << QByteArray(R"({"agree": true, "paths": [{)" + good + R"("latency_ms": "slow"}]})")
                << u"fra1: $.targets[0].paths.paths[0].latency_ms: expected a number"_s;
    }
    void refusesMalformedPaths()
    {
        QFETCH(QByteArray, paths);
        QFETCH(QString, expected);
        const QString error = statusErrorWith("paths", paths);
        QVERIFY2(error.startsWith(expected), qPrintable(error));
        QVERIFY2(!error.contains(QLatin1Char('\n')), qPrintable(error)); // one problem, one line
    }

    void readsTheExtendedErrorsOfAStatus()
    {
        const QByteArray json = R"({"ready": false, "targets": [{"name": "signed",
              "state": "down", "ede": [{"code": 6, "name": "dnssec_bogus", "text": "sig expired"},
              {"code": 65535}]}]})";
        QString error;
        const std::optional<AgentStatus> status = parseAgentStatus(json, u"fra1"_s, &error);
        QVERIFY2(status, qPrintable(error));
        QCOMPARE(status->targets[0].extendedErrors,
                 (QList<ExtendedDnsError>{{6, u"sig expired"_s}, {65535, QString()}}));
    }

    void refusesMalformedExtendedErrors_data()
    {
        QTest::addColumn<QByteArray>("ede");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not a list")
                << QByteArray(R"({"code": 6})") << u"fra1: $.targets[0].ede: expected an array"_s;
        QTest::newRow("an entry that is no object")
                << QByteArray(R"([6])") << u"fra1: $.targets[0].ede[0]: expected an object"_s;
        QTest::newRow("no code") << QByteArray(R"([{"code": 6}, {"text": "why"}])")
                                 << u"fra1: $.targets[0].ede[1].code: expected a number"_s;
        QTest::newRow("a fractional code")
                << QByteArray(R"([{"code": 6.5}])")
                << u"fra1: $.targets[0].ede[0].code: expected a whole number from 0 to 2^53, "
                   u"found 6.5"_s;
        QTest::newRow("a code past 16 bits")
                << QByteArray(R"([{"code": 65536}])")
                << u"fra1: $.targets[0].ede[0].code: expected an info code from 0 to 65535, "
                   u"found 65536"_s;
        QTest::newRow("text that is no string")
                << QByteArray(R"([{"code": 6, "text": 7}])")
                << u"fra1: $.targets[0].ede[0].text: expected a string"_s;
    }
    void refusesMalformedExtendedErrors()
    {
        QFETCH(QByteArray, ede);
        QFETCH(QString, expected);
        QString error = statusErrorWith("ede", ede);
        QVERIFY2(error.startsWith(expected), qPrintable(error));
        QVERIFY2(!error.contains(QLatin1Char('\n')), qPrintable(error)); // one problem, one line
        // An event's list is read the same way, under its own path.
        const QByteArray page = R"({"events": [{"id": 1, "time": "2026-12-06T10:00:00Z",
              "kind": "resolution_failed", "after": [], "ede": )"
                + ede + R"(}], "last_id": 1, "gap": false})";
        QVERIFY(!parseRemoteEventPage(page, u"fra1"_s, &error));
        QVERIFY2(error.contains(u"$.events[0].ede"_s), qPrintable(error));
    }

    void refusesTheBadPathsSeedNamingEveryProblem()
    {
        QFile seed(QStringLiteral(DNSWATCH_FUZZ_CORPUS "/status-paths-bad.json"));
        QVERIFY(seed.open(QIODevice::ReadOnly));
        QString error;
        QVERIFY(!parseAgentStatus(seed.readAll().mid(1), u"fra1"_s, &error));
        const QStringList lines = error.split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 8);
        QVERIFY2(lines.first().startsWith(u"fra1: $.targets[0].paths.agree"_s), qPrintable(error));
        QVERIFY2(lines.last().startsWith(u"fra1: $.targets[0].paths.paths[1]: expected an object"_s),
                 qPrintable(error));
    }

    void readsAnEventsPage()
    {
        const QByteArray json = R"({"events": [
              {"id": 1765015200000001, "time": "2026-12-06T10:00:00.000Z", "kind": "pinned",
               "target": "api", "host": "api.test", "detail": "pinned 10.0.0.9", "actor": "alice"},
              {"id": 1765015200000002, "time": "2026-12-06T10:00:02.500Z",
               "kind": "fallback_entered", "target": "api", "host": "api.test", "detail": "stale",
               "actor": null}],
            "last_id": 1765015200000002, "gap": true})";
        QString error;
        const std::optional<RemoteEventPage> page = parseRemoteEventPage(
                json, QStringLiteral("fra1"), &error);
        QVERIFY2(page, qPrintable(error));
        QCOMPARE(page->events.size(), 2);
        QCOMPARE(page->events[0].id, Q_INT64_C(1765015200000001));
        QCOMPARE(page->events[0].actor, QStringLiteral("alice"));
        QCOMPARE(page->events[1].kind, QStringLiteral("fallback_entered"));
        QVERIFY(page->events[1].actor.isEmpty());
        QCOMPARE(page->events[1].time.toMSecsSinceEpoch() - page->events[0].time.toMSecsSinceEpoch(),
                 2500);
        QCOMPARE(page->lastId, Q_INT64_C(1765015200000002));
        QCOMPARE(page->gap, true);
    }

    void readsTheFactsOfAnEvent()
    {
        // Beside the words, what an agent's events say in machine words; an older agent sends
        // none of them.
        const QByteArray json = R"({"events": [
              {"id": 1, "time": "2026-12-06T10:00:00.000Z", "kind": "fallback_entered",
               "target": "api", "host": "api.test", "detail": "api.test: timeout; serving stale",
               "actor": "", "resolver": "corp", "tier": "stale", "cause": "timeout",
               "before": [], "after": ["10.0.0.1", "10.0.0.2"], "reason": ""},
              {"id": 2, "time": "2026-12-06T10:00:01.000Z", "kind": "recovered", "target": "api",
               "host": "api.test", "detail": "api.test resolves again", "actor": ""}],
            "last_id": 2, "gap": false})";
        QString error;
        const std::optional<RemoteEventPage> page = parseRemoteEventPage(
                json, QStringLiteral("fra1"), &error);
        QVERIFY2(page, qPrintable(error));
        const RemoteEvent &fallback = page->events[0];
        QCOMPARE(fallback.facts, RemoteEvent::Facts::Sent);
        QCOMPARE(fallback.resolver, QStringLiteral("corp"));
        QCOMPARE(fallback.tier, QStringLiteral("stale"));
        QCOMPARE(fallback.cause, QStringLiteral("timeout"));
        QVERIFY(fallback.before.isEmpty());
        QCOMPARE(fallback.after,
                 (QStringList{QStringLiteral("10.0.0.1"), QStringLiteral("10.0.0.2")}));
        QCOMPARE(page->events[1].facts, RemoteEvent::Facts::NotSent);
        // A fact of the wrong kind is an error, with where.
        QByteArray wrong = json;
        wrong.replace(R"("before": [])", R"("before": "10.0.0.9")");
        QVERIFY(!parseRemoteEventPage(wrong, QStringLiteral("fra1"), &error));
        QVERIFY2(error.contains(QStringLiteral("$.events[0].before")), qPrintable(error));
    }

    void readsTheDnssecVerdictAndExtendedErrorsOfAnEvent()
    {
        const QByteArray json = R"({"events": [
              {"id": 1, "time": "2026-12-06T10:00:00.000Z", "kind": "resolution_failed",
               "target": "signed", "host": "bogus.lab.test", "detail": "SERVFAIL", "actor": "",
               "resolver": "validating", "tier": "", "cause": "servfail", "before": [],
               "after": [], "reason": "", "ttl_s": null, "validated": false,
               "ede": [{"code": 6, "name": "dnssec_bogus", "text": "signature expired"}]},
              {"id": 2, "time": "2026-12-06T10:00:01.000Z", "kind": "recovered",
               "target": "signed", "host": "bogus.lab.test", "detail": "", "actor": "",
               "resolver": "validating", "tier": "stale", "cause": "", "before": [],
               "after": ["10.0.0.1"], "reason": "", "validated": true, "ede": []},
              {"id": 3, "time": "2026-12-06T10:00:02.000Z", "kind": "recovered",
               "target": "plain", "host": "a.lab.test", "detail": "", "actor": "",
               "resolver": "system", "tier": "stale", "cause": "", "before": [],
               "after": ["10.0.0.2"], "reason": "", "validated": null, "ede": []}],
            "last_id": 3, "gap": false})";
        QString error;
        const std::optional<RemoteEventPage> page = parseRemoteEventPage(
                json, QStringLiteral("fra1"), &error);
        QVERIFY2(page, qPrintable(error));
        QCOMPARE(page->events[0].validation, DnssecValidation::NotValidated);
        QCOMPARE(page->events[0].extendedErrors.size(), 1);
        QCOMPARE(page->events[0].extendedErrors[0].infoCode, quint16(6));
        QCOMPARE(page->events[0].extendedErrors[0].extraText, QStringLiteral("signature expired"));
        QCOMPARE(page->events[1].validation, DnssecValidation::Validated);
        QCOMPARE(page->events[2].validation, DnssecValidation::NotAsked);
        // ...and the dashboard's event log keeps them.
        const StoredEvent shown = storedEventOf(page->events[0], QStringLiteral("fra1"));
        QCOMPARE(shown.validation, DnssecValidation::NotValidated);
        QCOMPARE(shown.extendedErrors, page->events[0].extendedErrors);
        // A verdict of the wrong kind is an error, with where.
        QByteArray wrong = json;
        wrong.replace(R"("validated": true)", R"("validated": "yes")");
        QVERIFY(!parseRemoteEventPage(wrong, QStringLiteral("fra1"), &error));
        QVERIFY2(error.contains(QStringLiteral("$.events[1].validated")), qPrintable(error));
    }

    void refusesAMalformedEventsPage_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        const QByteArray event = R"({"time": "2026-12-06T10:00:00Z", "kind": "k", "id": )";
        QTest::newRow("ids going back")
                << QByteArray(R"({"gap": false, "last_id": 9, "events": [)" + event + "5}, " + event
                              + "4}]}")
                << QStringLiteral("fra1: $.events[1].id: expected an ID above the previous "
                                  "event's 5, found 4");
        QTest::newRow("fraction") << QByteArray(R"({"gap": false, "last_id": 1.5, "events": []})")
                                  << QStringLiteral("fra1: $.last_id: expected a whole number");
        QTest::newRow("negative") << QByteArray(R"({"gap": false, "last_id": -1, "events": []})")
                                  << QStringLiteral("fra1: $.last_id: expected a whole number");
        QTest::newRow("beyond 2^53")
                << QByteArray(R"({"gap": false, "last_id": 1e300, "events": []})")
                << QStringLiteral("fra1: $.last_id: expected a whole number");
        QTest::newRow("last_id behind its events")
                << QByteArray(R"({"gap": false, "last_id": 2, "events": [)" + event + "3}]}")
                << QStringLiteral("fra1: $.last_id: expected at least the last event's ID 3");
        QTest::newRow("no gap flag") << QByteArray(R"({"last_id": 0, "events": []})")
                                     << QStringLiteral("fra1: $.gap: expected true or false");
        QTest::newRow("no kind") << QByteArray(R"({"gap": false, "last_id": 1, "events": [{"id": 1,
                               "time": "2026-12-06T10:00:00Z"}]})")
                                 << QStringLiteral("fra1: $.events[0].kind: expected a string");
        // Found by the fuzzer: an event with facts and an empty kind.
        QTest::newRow("empty kind")
                << QByteArray(R"({"gap": false, "last_id": 1, "events": [{"id": 1,
                   "time": "2026-12-06T10:00:00Z", "kind": "", "after": ["degraded"]}]})")
                << QStringLiteral("fra1: $.events[0].kind: expected an event kind, found an "
                                  "empty string");
    }
    void refusesAMalformedEventsPage()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!parseRemoteEventPage(json, QStringLiteral("fra1"), &error));
        QVERIFY2(error.startsWith(expected), qPrintable(error));
    }

    void readsAHistoryAnswer()
    {
        QFile seed(QStringLiteral(DNSWATCH_FUZZ_CORPUS "/history.json"));
        QVERIFY(seed.open(QIODevice::ReadOnly));
        const QByteArray json = seed.readAll().mid(1); // the first byte picks the fuzzed reader
        QString error;
        const std::optional<RemoteHistory> history = parseRemoteHistory(
                json, QStringLiteral("fra1"), &error);
        QVERIFY2(history, qPrintable(error));
        QCOMPARE(history->target, QStringLiteral("svc"));
        QCOMPARE(history->stepS, 60);
        QVERIFY(history->complete);
        QCOMPARE(history->buckets.size(), 2);
        const RemoteHistoryBucket &first = history->buckets[0];
        QCOMPARE(first.start, QDateTime(QDate(2026, 12, 6), QTime(10, 0), Qt::UTC));
        QCOMPARE(first.probes, 60);
        QCOMPARE(first.dnsOk, 58);
        QCOMPARE(first.viaFallback, 2);
        QCOMPARE(first.dnsLatency, (RemoteLatency{0.38, 0.93}));
        QCOMPARE(history->buckets[1].checkLatency, std::nullopt);
    }

    void refusesAMalformedHistoryAnswer_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        const QByteArray head = R"({"target": "svc", "step": 60, "complete": true, "buckets": [)";
        const QByteArray bucket = R"({"start": "2026-12-06T10:00:00Z", "probes": 2, "dns_ok": 1,
                                     "checks": 1, "check_ok": 1, "via_fallback": 0)";
        QTest::newRow("more answered than probed")
                << QByteArray(head + R"({"start": "2026-12-06T10:00:00Z", "probes": 1, "dns_ok": 2,
                                         "checks": 0, "check_ok": 0, "via_fallback": 0}]})")
                << QStringLiteral("fra1: $.buckets[0]: expected dns_ok");
        QTest::newRow("buckets out of order")
                << QByteArray(head + bucket + "}, " + bucket + "}]}")
                << QStringLiteral("fra1: $.buckets[1]: expected buckets in time order");
        QTest::newRow("negative latency")
                << QByteArray(head + bucket + R"(, "dns_latency_ms": {"p50": -1, "p95": 2}}]})")
                << QStringLiteral("fra1: $.buckets[0].dns_latency_ms: expected latencies");
        QTest::newRow("no step") << QByteArray(R"({"target": "svc", "buckets": []})")
                                 << QStringLiteral("fra1: $.step: expected a number");
        QTest::newRow("fractional count")
                << QByteArray(head + R"({"start": "2026-12-06T10:00:00Z", "probes": 1.5, "dns_ok": 0,
                                         "checks": 0, "check_ok": 0, "via_fallback": 0}]})")
                << QStringLiteral("fra1: $.buckets[0].probes: expected a whole number");
    }
    void refusesAMalformedHistoryAnswer()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!parseRemoteHistory(json, QStringLiteral("fra1"), &error));
        QVERIFY2(error.startsWith(expected), qPrintable(error));
    }

    void actionsReachTheTargetWhateverItsName()
    {
        // Names may hold spaces, slashes, any letter: one path segment, encoded once.
        const PlaceAction probe{PlaceAction::Kind::ProbeNow, QStringLiteral("a b/\u00f6"), {}};
        const AgentActionRequest request = agentActionRequest(probe, QStringLiteral("svc.test"));
        QNetworkAccessManager network;
        ManualClock clock;
        const AgentConnection connection(AgentEndpoint{QStringLiteral("fra1"),
                                                       QUrl(QStringLiteral("https://h:9108/base/")),
                                                       QString(), QString()},
                                         {}, &clock, &network);
        QCOMPARE(connection.urlOf(request.pathAndQuery).toEncoded(),
                 QByteArray("https://h:9108/base/api/v1/targets/a%20b%2F%C3%B6/probe"));
        PlaceAction pin{PlaceAction::Kind::Pin, QStringLiteral("x"), {}};
        pin.pin.addresses = {QHostAddress(QStringLiteral("10.0.0.9"))};
        pin.pin.reason = QStringLiteral("\"quoted\"");
        const AgentActionRequest put = agentActionRequest(pin, QStringLiteral("svc.test"));
        QCOMPARE(put.verb, AgentConnection::Verb::Put);
        QCOMPARE(connection.urlOf(put.pathAndQuery).toEncoded(),
                 QByteArray("https://h:9108/base/api/v1/pins/svc.test"));
        QCOMPARE(put.body,
                 QByteArray("{\"addresses\":[\"10.0.0.9\"],\"expires\":null,"
                            "\"reason\":\"\\\"quoted\\\"\"}"));
        QCOMPARE(
                connection.urlOf(QStringLiteral("/api/v1/history?target=a%20b&step=60")).toEncoded(),
                QByteArray("https://h:9108/base/api/v1/history?target=a%20b&step=60"));
    }

    void readsACacheAnswer()
    {
        QFile seed(QStringLiteral(DNSWATCH_FUZZ_CORPUS "/cache.json"));
        QVERIFY(seed.open(QIODevice::ReadOnly));
        QString error;
        const auto entries = parseRemoteCache(seed.readAll().mid(1), QStringLiteral("fra1"), &error);
        QVERIFY2(entries, qPrintable(error));
        QCOMPARE(entries->size(), 2);
        QCOMPARE(entries->at(0).host, QStringLiteral("svc.test"));
        QCOMPARE(entries->at(0).state, CacheEntrySnapshot::State::Fresh);
        QCOMPARE(entries->at(0).addresses.size(), 2);
        QCOMPARE(entries->at(0).ttlLeftMs, 41000);
        QCOMPARE(entries->at(1).state, CacheEntrySnapshot::State::Stale);
        QCOMPARE(entries->at(1).kind, RecordKind::A);
        QCOMPARE(entries->at(1).lastFailure, FailureCause::Timeout);
        QVERIFY(entries->at(1).lookupInFlight);
        QCOMPARE(entries->at(1).staleSince, QDateTime(QDate(2026, 12, 6), QTime(10, 0), Qt::UTC));
    }

    void refusesAMalformedCacheAnswer_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        const QByteArray head = R"({"host": "svc.test", "answers": [{"resolver": "lab", )";
        QTest::newRow("unknown tier")
                << QByteArray(head + R"("record": "A", "source": "guess", "addresses": []}]})")
                << QStringLiteral("fra1: $.answers[0].source: expected cache, stale");
        QTest::newRow("bad address")
                << QByteArray(
                           head
                           + R"("record": "A", "source": "cache", "addresses": ["10.0.0.300"]}]})")
                << QStringLiteral("fra1: $.answers[0].addresses: expected IP addresses");
        QTest::newRow("unknown record")
                << QByteArray(head + R"("record": "MX", "source": "cache", "addresses": []}]})")
                << QStringLiteral("fra1: $.answers[0].record: expected A, AAAA or A+AAAA");
        QTest::newRow("unknown cause")
                << QByteArray(head + R"("record": "A", "source": "cache", "addresses": [],
                                        "error": "gremlins"}]})")
                << QStringLiteral("fra1: $.answers[0].error: expected a failure cause");
        QTest::newRow("a resolver without a name")
                << QByteArray(R"({"host": "svc.test", "answers": [{"resolver": "", )"
                              R"("record": "A", "source": "cache", "addresses": []}]})")
                << QStringLiteral("fra1: $.answers[0].resolver: expected a resolver's name");
        QTest::newRow("no answers") << QByteArray(R"({"host": "svc.test"})")
                                    << QStringLiteral("fra1: $.answers: expected an array");
    }
    void refusesAMalformedCacheAnswer()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!parseRemoteCache(json, QStringLiteral("fra1"), &error));
        QVERIFY2(error.startsWith(expected), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestAgentAnswers)
#include "tst_agentanswers.moc"
