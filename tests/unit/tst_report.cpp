// Health reports from a history with known outcomes: the numbers (exactly 90 of 100 probes
// reached: 90.0 %), fallback and down minutes, incidents with their cause, readiness, the audit
// list, address changes, pins and cache from the history; the zones' DNSSEC signature events
// once for the report; the JSON against its schema, the CSV through a CSV parser (one result row
// per result in the range); the range and format rules.
#include "reportcsv.h"
#include "reportformat.h"
#include "reporthtml.h"
#include "reportjson.h"
#include "reportrange.h"
#include "reportwording.h"
#include "testaddresses.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QDateTime Base(QDate(2026, 11, 20), QTime(8, 0), Qt::UTC);

ProbeResult probe(const QString &target, int minute, ResolutionSource source, bool reachable)
{
    ProbeResult result;
    result.time = Base.addSecs(minute * 60 + 5);
    result.target = target;
    result.resolution.host = target + QStringLiteral(".lab.test");
    result.resolution.resolver = QStringLiteral("lab");
    result.resolution.source = source;
    if (source != ResolutionSource::None) {
        result.resolution.addresses = ips({QStringLiteral("127.0.0.1")});
        result.resolution.validation = DnssecValidation::Validated;
    } else {
        result.resolution.cause = FailureCause::ServFail;
        result.resolution.extendedErrors = {{6, QStringLiteral("signature expired")}};
    }
    result.resolution.latencyUs = 2000;
    result.resolution.detail = QStringLiteral("detail, with \"quotes\"\nand a line break");
    result.checked = source != ResolutionSource::None;
    result.check.ok = reachable;
    result.check.latencyUs = result.checked ? 30'000 : 0;
    result.reachable = reachable;
    return result;
}

StoredEvent resolverEvent(int minute, ResolverEvent::Kind kind, const QString &host,
                          const QString &detail)
{
    StoredEvent event;
    event.time = Base.addSecs(minute * 60 + 10);
    event.kind = eventKindName(kind);
    event.host = host;
    event.resolver = QStringLiteral("lab");
    event.detail = detail;
    return event;
}

AppConfig labConfig()
{
    AppConfig config;
    config.source = QStringLiteral("lab.json");
    for (const QString &name : {QStringLiteral("api"), QStringLiteral("db")}) {
        TargetConfig target;
        target.name = name;
        target.host = name + QStringLiteral(".lab.test");
        target.resolver = QStringLiteral("lab");
        config.targets.append(target);
    }
    return config;
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<HistoryDatabase> m_db;

    ReportRequest request() const
    {
        ReportRequest request;
        request.from = Base;
        request.to = Base.addSecs(100 * 60);
        request.config = labConfig();
        request.historyPath = m_dir.filePath(QStringLiteral("history.db"));
        request.generatedAt = Base.addSecs(101 * 60);
        return request;
    }

    // The JSON report of request, written and checked against docs/report-schema.json.
    static QJsonObject checkedJson(HistoryDatabase &db, const ReportRequest &request,
                                   const QString &path)
    {
        QString error;
        if (!writeReport(db, request, ReportFormat::Json, path, &error)) {
            qWarning("%s", qPrintable(error));
            return {};
        }
        int exitCode = -1;
        const QString said = runPython(
                {QStringLiteral(DNSWATCH_SOURCE_DIR "/tests/report/check_report_json.py"),
                 QStringLiteral(DNSWATCH_SOURCE_DIR "/docs/report-schema.json"), path},
                &exitCode);
        if (exitCode != 0) {
            qWarning("%s", qPrintable(said));
            return {};
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(file.readAll()).object();
    }

    static QString runPython(const QStringList &arguments, int *exitCode)
    {
        QProcess python;
        python.start(QStringLiteral(DNSWATCH_PYTHON), arguments);
        if (!python.waitForStarted(10'000)) {
            *exitCode = -1;
            return python.errorString();
        }
        python.waitForFinished(60'000);
        *exitCode = python.exitStatus() == QProcess::NormalExit ? python.exitCode() : -1;
        return QString::fromUtf8(python.readAllStandardOutput() + python.readAllStandardError());
    }

private Q_SLOTS:
    // 100 minutes, one probe a minute per target. api: reached 90 times, then down for the
    // last 10 minutes (SERVFAIL). db: kept reachable by the stale tier for its first 20 minutes,
    // fresh after; its address changed once. An operator pinned api and forced a re-resolve.
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = std::make_unique<HistoryDatabase>(QStringLiteral("report"));
        QVERIFY(m_db->open(m_dir.filePath(QStringLiteral("history.db"))).ok);
        HistoryWriteBatch batch;
        for (int minute = 0; minute < 100; ++minute) {
            batch.results.append(probe(
                    QStringLiteral("api"), minute,
                    minute < 90 ? ResolutionSource::Fresh : ResolutionSource::None, minute < 90));
            batch.results.append(
                    probe(QStringLiteral("db"), minute,
                          minute < 20 ? ResolutionSource::Stale : ResolutionSource::Fresh, true));
        }
        batch.results.append(probe(QStringLiteral("api"), 120, ResolutionSource::Fresh, true));
        StoredEvent fallback = resolverEvent(0, ResolverEvent::Kind::FallbackEntered,
                                             QStringLiteral("db.lab.test"),
                                             QStringLiteral("timeout; serving stale"));
        fallback.tier = QStringLiteral("stale");
        fallback.extendedErrors = {{22, QString()}, {22, QStringLiteral("twice")}};
        StoredEvent changed = resolverEvent(50, ResolverEvent::Kind::AddressesChanged,
                                            QStringLiteral("db.lab.test"),
                                            QStringLiteral("127.0.0.1 -> 127.0.0.2"));
        changed.before = {QStringLiteral("127.0.0.1")};
        changed.after = {QStringLiteral("127.0.0.2")};
        changed.validation = DnssecValidation::Validated;
        // db's compared paths diverged; a soa check of another target on the same host and
        // resolver is that target's, not db's.
        StoredEvent diverged = resolverEvent(60, ResolverEvent::Kind::PathsDiverged,
                                             QStringLiteral("db.lab.test"),
                                             QStringLiteral("paths of db differ (direct)"));
        diverged.target = QStringLiteral("db");
        StoredEvent otherTargets = resolverEvent(61, ResolverEvent::Kind::SoaSerialsDiverged,
                                                 QStringLiteral("db.lab.test"),
                                                 QStringLiteral("serials of lab.test diverged"));
        otherTargets.target = QStringLiteral("db-zone");
        batch.events = {fallback,
                        diverged,
                        otherTargets,
                        resolverEvent(30, ResolverEvent::Kind::Pinned,
                                      QStringLiteral("api.lab.test"), QStringLiteral("drill")),
                        resolverEvent(40, ResolverEvent::Kind::ForcedReResolve,
                                      QStringLiteral("api.lab.test"), QStringLiteral("operator")),
                        changed,
                        StoredEvent::fromStateChange(Base.addSecs(90 * 60 + 6),
                                                     QStringLiteral("api"), TargetState::Healthy,
                                                     TargetState::Down,
                                                     QStringLiteral("DNS: servfail"))};
        PinnedFallback pin;
        pin.addresses = ips({QStringLiteral("127.0.0.9")});
        pin.reason = QStringLiteral("drill");
        pin.pinnedAt = Base.addSecs(30 * 60);
        batch.pins.insert(QStringLiteral("api.lab.test"), pin);
        QVERIFY2(m_db->write(batch), qPrintable(m_db->lastError()));
    }

    void numbersComeFromTheHistory()
    {
        QString error;
        const auto report = buildHealthReport(*m_db, request(), &error);
        QVERIFY2(report, qPrintable(error));
        QCOMPARE(report->targets.size(), 2);
        const TargetReport &api = report->targets[0];
        const TargetReport &db = report->targets[1];
        QCOMPARE(api.name, QStringLiteral("api"));
        QCOMPARE(api.probes, 100); // the probe at minute 120 is outside the range
        QCOMPARE(*api.serviceAvailability(), 0.9);
        QCOMPARE(*api.dnsAvailability(), 0.9);
        QCOMPARE(api.downMinutes, 10);
        QCOMPARE(api.fallbackMinutes, 0);
        QCOMPARE(*db.serviceAvailability(), 1.0);
        QCOMPARE(*db.dnsAvailability(), 0.8); // 20 answered by the stale tier, not DNS
        QCOMPARE(db.fallbackMinutes, 20);
        QCOMPARE(db.fallbackEventsByTier.value(QStringLiteral("stale")), 1);
        QCOMPARE(db.addressChanges.size(), 1);
        QCOMPARE(db.addressChanges[0].after, QStringList{QStringLiteral("127.0.0.2")});
        QCOMPARE(db.addressChanges[0].validation, DnssecValidation::Validated);
        QCOMPARE(db.checkEvents.size(), 1);
        QCOMPARE(db.checkEvents[0].kind, QStringLiteral("paths_diverged"));
        QCOMPARE(db.checkEvents[0].target, QStringLiteral("db"));
        QVERIFY(api.checkEvents.isEmpty());
        // Events that carried an Extended DNS Error, by code (a code twice in one event: once).
        QCOMPARE(db.extendedErrorEvents, (QMap<quint16, qint64>{{22, 1}}));
        QVERIFY(api.extendedErrorEvents.isEmpty());
        // Latency quantiles from the histograms: DNS 2 ms in (1, 2.5] ms, service 30 ms in (25, 50].
        QVERIFY(api.dnsLatency.p50Ms > 1 && api.dnsLatency.p50Ms <= 2.5);
        QVERIFY(api.serviceLatency.p95Ms > 25 && api.serviceLatency.p95Ms <= 50);
        QCOMPARE(api.serviceLatency.samples, 90u); // 10 had no address to check
        // Summary: 10 of 100 minutes had a critical target down.
        QCOMPARE(report->minutesWithData, 100);
        QCOMPARE(report->readyMinutes, 90);
        QCOMPARE(*report->readiness(), 0.9);
        QCOMPARE(report->fallbackMinutes, 20);
        QCOMPARE(report->downMinutes, 10);
        QCOMPARE(report->worstIncidents.size(), 1);
        const ReportIncident &incident = report->worstIncidents[0];
        QCOMPARE(incident.target, QStringLiteral("api"));
        QCOMPARE(incident.start, Base.addSecs(90 * 60));
        QCOMPARE(incident.end, Base.addSecs(100 * 60));
        QCOMPARE(incident.minutes, 10);
        QCOMPARE(incident.cause, QStringLiteral("DNS: servfail"));
        // The audit list: the pin and the forced re-resolve, not the fallback or the change.
        QCOMPARE(report->operatorActions.size(), 2);
        QCOMPARE(report->operatorActions[0].kind, QStringLiteral("pinned"));
        QCOMPARE(report->operatorActions[1].kind, QStringLiteral("forced_re_resolve"));
        // From a file: the history's pins, with why.
        QVERIFY(api.pin);
        QCOMPARE(api.pin->reason, QStringLiteral("drill"));
        QCOMPARE(api.pin->origin, QStringLiteral("operator"));
        QVERIFY(!api.series.isEmpty());
        QCOMPARE(report->configDigest, configDigest(labConfig()));
        QCOMPARE(report->configDigest.size(), 64);
    }

    // Probed every 90 s (as a failing target is, retried at most once a minute plus its check
    // time): minutes without a probe in an outage carry it on, so one outage is one incident
    // of its whole length, and readiness counts its minutes without probes too.
    void outageAcrossMinutesWithoutProbesIsOneIncident()
    {
        HistoryDatabase db(QStringLiteral("gaps"));
        QVERIFY(db.open(m_dir.filePath(QStringLiteral("gaps.db"))).ok);
        HistoryWriteBatch batch;
        for (int second = 0; second < 60 * 60; second += 90) {
            const bool down = second >= 20 * 60 && second < 30 * 60;
            ProbeResult result = probe(QStringLiteral("api"), 0, ResolutionSource::Fresh, !down);
            result.time = Base.addSecs(second);
            batch.results.append(result);
        }
        QVERIFY(db.write(batch));
        ReportRequest hour = request();
        hour.to = Base.addSecs(3600);
        hour.targets = {QStringLiteral("api")};
        QString error;
        const auto report = buildHealthReport(db, hour, &error);
        QVERIFY2(report, qPrintable(error));
        // Down probes at 21:00, 22:30, ... 28:30: minutes 21, 22, 24, 25, 27 and 28 have one,
        // 23 and 26 none. One outage from 08:21 to the end of 08:28, not three.
        QCOMPARE(report->worstIncidents.size(), 1);
        QCOMPARE(report->worstIncidents[0].start, Base.addSecs(21 * 60));
        QCOMPARE(report->worstIncidents[0].end, Base.addSecs(29 * 60));
        QCOMPARE(report->worstIncidents[0].minutes, 8);
        QCOMPARE(report->targets[0].downMinutes, 8);
        // 40 minutes had a probe (one every 90 s); 23 and 26 are watched through the outage.
        QCOMPARE(report->minutesWithData, 42);
        QCOMPARE(report->readyMinutes, 34);
    }

    // A range that starts and ends inside hours and minutes counts what whole minutes hold:
    // the same as the minute rows say, read the long way.
    void raggedRangeMatchesTheMinuteRows()
    {
        ReportRequest ragged = request();
        ragged.from = Base.addSecs(30 * 60 + 30); // 08:30:30
        ragged.to = Base.addSecs(70 * 60 + 45); // 09:10:45
        QString error;
        const auto report = buildHealthReport(*m_db, ragged, &error);
        QVERIFY2(report, qPrintable(error));
        QCOMPARE(report->from, Base.addSecs(30 * 60));
        QCOMPARE(report->to, Base.addSecs(70 * 60));
        const auto minutes = m_db->buckets(report->from, report->to, 60);
        QVERIFY(minutes);
        qint64 apiProbes = 0, apiOk = 0;
        for (const HistoryBucket &minute : *minutes) {
            if (minute.target == QLatin1String("api")) {
                apiProbes += minute.probes;
                apiOk += minute.checkOk;
            }
        }
        QCOMPARE(apiProbes, 40);
        QCOMPARE(report->targets[0].probes, apiProbes);
        QCOMPARE(report->targets[0].checkOk, apiOk);
        QCOMPARE(report->minutesWithData, 40);
    }

    // Made with a config that does not name the history's targets (the embedded default):
    // they count, as critical, with the host their results name.
    void targetsMissingFromTheConfigStillCount()
    {
        ReportRequest other = request();
        other.config = AppConfig();
        other.config.source = QStringLiteral("(embedded default)");
        QString error;
        const auto report = buildHealthReport(*m_db, other, &error);
        QVERIFY2(report, qPrintable(error));
        QCOMPARE(report->targets.size(), 2);
        QVERIFY(report->targets[0].critical);
        QCOMPARE(report->targets[0].host, QStringLiteral("api.lab.test"));
        QCOMPARE(report->readyMinutes, 90);
        QCOMPARE(report->targets[1].fallbackEventsByTier.value(QStringLiteral("stale")), 1);
    }

    void chosenTargetsOnly()
    {
        ReportRequest only = request();
        only.targets = {QStringLiteral("db")};
        QString error;
        const auto report = buildHealthReport(*m_db, only, &error);
        QVERIFY(report);
        QCOMPARE(report->targets.size(), 1);
        QCOMPARE(report->targets[0].name, QStringLiteral("db"));
        QVERIFY(report->worstIncidents.isEmpty()); // api's outage is not db's
        QCOMPARE(report->readyMinutes, 100); // db was never down
    }

    void configDigestFollowsTheConfig()
    {
        // A digest tells readers whether two reports ran under the same config, also across
        // versions: the canonical JSON behind it changes only as a decision (then update this;
        // last: the metrics block, which series the agent's /metrics has).
        QCOMPARE(
                configDigest(labConfig()),
                QStringLiteral("5e66e01e6030482be69b07e0d2236f190b1aa04492b60e0bf54796ed48c7757b"));
        AppConfig other = labConfig();
        QCOMPARE(configDigest(other), configDigest(labConfig()));
        other.targets[0].intervalS = 30;
        QVERIFY(configDigest(other) != configDigest(labConfig()));
    }

    void jsonMatchesItsSchema()
    {
        const QString path = m_dir.filePath(QStringLiteral("report.json"));
        QString error;
        QVERIFY2(writeReport(*m_db, request(), ReportFormat::Json, path, &error), qPrintable(error));
        int exitCode = -1;
        const QString said = runPython(
                {QStringLiteral(DNSWATCH_SOURCE_DIR "/tests/report/check_report_json.py"),
                 QStringLiteral(DNSWATCH_SOURCE_DIR "/docs/report-schema.json"), path},
                &exitCode);
        QVERIFY2(exitCode == 0, qPrintable(said));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(json.value(QLatin1String("schema_version")).toInt(), 1);
        const QJsonObject api = json.value(QLatin1String("targets")).toArray()[0].toObject();
        QCOMPARE(api.value(QLatin1String("service_availability")).toDouble(), 0.9);
        QCOMPARE(json.value(QLatin1String("summary"))
                         .toObject()
                         .value(QLatin1String("fallback_minutes"))
                         .toInt(),
                 20);
        const QJsonObject db = json.value(QLatin1String("targets")).toArray()[1].toObject();
        QCOMPARE(db.value(QLatin1String("extended_errors")).toArray(),
                 QJsonArray({QJsonObject{
                         {QStringLiteral("code"), 22},
                         {QStringLiteral("name"), QStringLiteral("no_reachable_authority")},
                         {QStringLiteral("events"), 1}}}));
        const QJsonObject change = db.value(QLatin1String("address_changes")).toArray()[0].toObject();
        QCOMPARE(change.value(QLatin1String("validated")), QJsonValue(true));
        QCOMPARE(change.value(QLatin1String("ede")), QJsonValue(QJsonArray()));
        const QJsonObject pin = json.value(QLatin1String("operator_actions")).toArray()[0].toObject();
        QCOMPARE(pin.value(QLatin1String("validated")), QJsonValue(QJsonValue::Null));
        // No zone is watched in this history: the section is there, and empty.
        QCOMPARE(json.value(QLatin1String("zone_signature_events")), QJsonValue(QJsonArray()));
    }

    // The zone signature watch's events are a zone's (the zone in host, the resolver it is asked
    // through in resolver), not a target's: they come once for the report, in time order, those
    // of the range only. A history without them has an empty list and no section in the HTML.
    void zoneSignatureEventsAreTheReports()
    {
        HistoryDatabase db(QStringLiteral("zones"));
        QVERIFY(db.open(m_dir.filePath(QStringLiteral("zones.db"))).ok);
        const QString expiring = QStringLiteral(
                "lab.test via lab: signatures expire in 20 days (2026-12-10T08:00:00Z) "
                "WARNING: under 30 days");
        const QString renewed = QStringLiteral(
                "lab.test via lab: signatures expire in 60 days (2027-01-19T08:00:00Z)");
        HistoryWriteBatch batch;
        batch.events = {
                resolverEvent(-30, ResolverEvent::Kind::ZoneSignaturesExpired,
                              QStringLiteral("lab.test"),
                              QStringLiteral("lab.test via lab: signatures EXPIRED "
                                             "(2026-11-20T07:30:00Z)")),
                resolverEvent(10, ResolverEvent::Kind::ZoneSignaturesExpiring,
                              QStringLiteral("lab.test"), expiring),
                resolverEvent(70, ResolverEvent::Kind::ZoneSignaturesOk, QStringLiteral("lab.test"),
                              renewed),
                resolverEvent(130, ResolverEvent::Kind::ZoneSignaturesExpired,
                              QStringLiteral("lab.test"),
                              QStringLiteral("lab.test via lab: signatures EXPIRED "
                                             "(2026-11-20T10:10:00Z)")),
        };
        QVERIFY2(db.write(batch), qPrintable(db.lastError()));

        QString error;
        const auto report = buildHealthReport(db, request(), &error);
        QVERIFY2(report, qPrintable(error));
        QCOMPARE(report->zoneSignatureEvents.size(), 2);
        QCOMPARE(report->zoneSignatureEvents[0].kind, QStringLiteral("zone_signatures_expiring"));
        QCOMPARE(report->zoneSignatureEvents[1].kind, QStringLiteral("zone_signatures_ok"));
        QVERIFY(report->operatorActions.isEmpty());
        for (const TargetReport &target : report->targets)
            QVERIFY(target.checkEvents.isEmpty() && target.addressChanges.isEmpty());

        const QJsonObject json = checkedJson(db, request(),
                                             m_dir.filePath(QStringLiteral("zones.json")));
        const QJsonArray events = json.value(QLatin1String("zone_signature_events")).toArray();
        QCOMPARE(events.size(), 2);
        const QJsonObject first = events[0].toObject();
        QCOMPARE(first.value(QLatin1String("time")).toString(),
                 ReportWording::isoLocalTime(Base.addSecs(10 * 60 + 10)));
        QCOMPARE(first.value(QLatin1String("kind")).toString(),
                 QStringLiteral("zone_signatures_expiring"));
        QCOMPARE(first.value(QLatin1String("host")).toString(), QStringLiteral("lab.test"));
        QCOMPARE(first.value(QLatin1String("resolver")).toString(), QStringLiteral("lab"));
        QCOMPARE(first.value(QLatin1String("target")).toString(), QString());
        QCOMPARE(first.value(QLatin1String("detail")).toString(), expiring);
        const QJsonObject second = events[1].toObject();
        QCOMPARE(second.value(QLatin1String("time")).toString(),
                 ReportWording::isoLocalTime(Base.addSecs(70 * 60 + 10)));
        QCOMPARE(second.value(QLatin1String("kind")).toString(),
                 QStringLiteral("zone_signatures_ok"));
        QCOMPARE(second.value(QLatin1String("host")).toString(), QStringLiteral("lab.test"));
        QCOMPARE(second.value(QLatin1String("detail")).toString(), renewed);

        // The HTML: one section after the targets, a row per event in words, oldest first.
        const QString html = QString::fromUtf8(reportHtml(*report));
        QCOMPARE(html.count(QStringLiteral("<h2>DNSSEC zone signatures</h2>")), 1);
        const qsizetype section = html.indexOf(QStringLiteral("<h2>DNSSEC zone signatures</h2>"));
        QVERIFY(section > html.lastIndexOf(QStringLiteral("Target: ")));
        const qsizetype expiringRow = html.indexOf(
                QStringLiteral("<tr><td>") + ReportWording::localTime(Base.addSecs(10 * 60 + 10))
                + QStringLiteral("</td><td>lab.test</td><td>Zone signatures expiring</td><td>")
                + expiring + QStringLiteral("</td></tr>"));
        QVERIFY2(expiringRow > section, qPrintable(html.mid(section, 1000)));
        const qsizetype renewedRow = html.indexOf(
                QStringLiteral("<tr><td>") + ReportWording::localTime(Base.addSecs(70 * 60 + 10))
                + QStringLiteral("</td><td>lab.test</td><td>Zone signatures fine again</td><td>")
                + renewed + QStringLiteral("</td></tr>"));
        QVERIFY2(renewedRow > expiringRow, qPrintable(html.mid(section, 1000)));
        QVERIFY(!html.contains(QStringLiteral("Zone signatures expired")));
        QVERIFY(!html.contains(QStringLiteral("EXPIRED")));

        // A history without them: no list, no section.
        const auto none = buildHealthReport(*m_db, request(), &error);
        QVERIFY2(none, qPrintable(error));
        QVERIFY(none->zoneSignatureEvents.isEmpty());
        QVERIFY(!QString::fromUtf8(reportHtml(*none))
                         .contains(QStringLiteral("DNSSEC zone signatures")));
    }

    // A schema check that cannot fail proves nothing: a broken report is refused.
    void schemaRefusesABrokenReport()
    {
        const QString path = m_dir.filePath(QStringLiteral("broken.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"schema_version": 1, "targets": "none"})");
        file.close();
        int exitCode = -1;
        const QString said = runPython(
                {QStringLiteral(DNSWATCH_SOURCE_DIR "/tests/report/check_report_json.py"),
                 QStringLiteral(DNSWATCH_SOURCE_DIR "/docs/report-schema.json"), path},
                &exitCode);
        QCOMPARE(exitCode, 1);
        QVERIFY2(said.contains(QStringLiteral("$.targets")), qPrintable(said));
    }

    void csvHasOneRowPerResultAndEvent()
    {
        const QString path = m_dir.filePath(QStringLiteral("report.csv"));
        QString error;
        QVERIFY2(writeReport(*m_db, request(), ReportFormat::Csv, path, &error), qPrintable(error));
        int exitCode = -1;
        const QString said = runPython(
                {QStringLiteral(DNSWATCH_SOURCE_DIR "/tests/report/check_report_csv.py"), path},
                &exitCode);
        QVERIFY2(exitCode == 0, qPrintable(said));
        const QJsonObject parsed = QJsonDocument::fromJson(said.toUtf8()).object();
        const QJsonObject counts = parsed.value(QLatin1String("counts")).toObject();
        QCOMPARE(counts.value(QLatin1String("result")).toInt(), 200); // 2 x 100 in the range
        QCOMPARE(counts.value(QLatin1String("event")).toInt(), 7);
        // A field with a comma, quotes and a line break came through whole.
        QVERIFY(parsed.value(QLatin1String("details"))
                        .toArray()
                        .contains(QStringLiteral("127.0.0.1 -> 127.0.0.2")));
        // The DNSSEC verdict and the Extended DNS Errors have columns of their own.
        const QJsonArray header = parsed.value(QLatin1String("header")).toArray();
        QCOMPARE(header.last(), QJsonValue(QStringLiteral("ede")));
        QCOMPARE(header.at(header.size() - 2), QJsonValue(QStringLiteral("validated")));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.contains(QStringLiteral(",true,\r\n"))); // a validated answer
        QVERIFY(text.contains(QStringLiteral(",,DNSSEC Bogus (EDE 6): signature expired\r\n")));
        QVERIFY(text.contains(QStringLiteral(",,No Reachable Authority (EDE 22); No Reachable "
                                             "Authority (EDE 22): twice\r\n")));
    }

    void csvQuotesAsRfc4180Says()
    {
        QCOMPARE(csvField(QStringLiteral("plain")), QStringLiteral("plain"));
        QCOMPARE(csvField(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
        QCOMPARE(csvField(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
        // Control characters from outside show as escapes: a cell stays on its line, and a
        // terminal that shows the file is not steered by it.
        QCOMPARE(csvField(QStringLiteral("two\r\nlines")), QStringLiteral("two\\r\\nlines"));
        QCOMPARE(csvField(QStringLiteral("body \x1b]0;owned\x07, \u202etxt")),
                 QStringLiteral("\"body \\x1b]0;owned\\x07, \\u202etxt\""));
        // What a spreadsheet would run is text; numbers stay numbers.
        QCOMPARE(csvField(QStringLiteral("=HYPERLINK(\"http://x\")")),
                 QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\")\""));
        QCOMPARE(csvField(QStringLiteral("@SUM(A1)")), QStringLiteral("'@SUM(A1)"));
        QCOMPARE(csvField(QStringLiteral("+1+2")), QStringLiteral("'+1+2"));
        QCOMPARE(csvField(QStringLiteral("\tcmd")), QStringLiteral("\\tcmd"));
        QCOMPARE(csvField(QStringLiteral("-12.5")), QStringLiteral("-12.5"));
        QCOMPARE(csvField(QStringLiteral("-")), QStringLiteral("-"));
    }

    void rangesAndFormats()
    {
        const QDateTime now = Base.addDays(2);
        QString error;
        auto range = parseReportRange({}, {}, {}, now, &error);
        QVERIFY(range);
        QCOMPARE(range->from, now.addSecs(-24 * 3600));
        range = parseReportRange({}, {}, QStringLiteral("90m"), now, &error);
        QCOMPARE(range->from, now.addSecs(-90 * 60));
        range = parseReportRange(QStringLiteral("2026-11-20T09:00:00+01:00"),
                                 QStringLiteral("2026-11-20T10:00:00Z"), {}, now, &error);
        QVERIFY2(range, qPrintable(error));
        QCOMPARE(range->from, Base);
        QCOMPARE(range->to, Base.addSecs(2 * 3600));
        for (const auto &[from, to, last, says] :
             {std::tuple{QString(), QString(), QStringLiteral("1w"), QStringLiteral("--last")},
              std::tuple{QStringLiteral("2026-11-20T10:00:00Z"),
                         QStringLiteral("2026-11-20T09:00:00Z"), QString(), QStringLiteral("empty")},
              std::tuple{QStringLiteral("yesterday"), QStringLiteral("2026-11-20T09:00:00Z"),
                         QString(), QStringLiteral("ISO 8601")},
              std::tuple{QStringLiteral("2026-11-20T10:00:00Z"), QString(), QString(),
                         QStringLiteral("go together")},
              std::tuple{QStringLiteral("2026-11-20T10:00:00Z"),
                         QStringLiteral("2026-11-20T11:00:00Z"), QStringLiteral("24h"),
                         QStringLiteral("not both")},
              std::tuple{QStringLiteral("2030-01-01T00:00:00Z"),
                         QStringLiteral("2030-01-02T00:00:00Z"), QString(),
                         QStringLiteral("future")}}) {
            error.clear();
            QVERIFY(!parseReportRange(from, to, last, now, &error));
            QVERIFY2(error.contains(says), qPrintable(error));
        }
        QCOMPARE(reportFormatFromPath(QStringLiteral("/tmp/r.PDF")), ReportFormat::Pdf);
        QCOMPARE(reportFormatFromPath(QStringLiteral("r.htm")), ReportFormat::Html);
        QVERIFY(!reportFormatFromPath(QStringLiteral("report.txt")));
    }

    void unwritablePathSaysWhyAndLeavesNothing()
    {
        const QString path = m_dir.filePath(QStringLiteral("missing/dir/report.json"));
        QString error;
        QVERIFY(!writeReport(*m_db, request(), ReportFormat::Json, path, &error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY(!QFile::exists(path));
    }

    void readsStoppedMidwayWriteNothing()
    {
        // The program exiting stops a report's reads: what was read may be partial, so no file.
        HistoryDatabase reading(QStringLiteral("stopped"));
        QVERIFY(reading.openForReading(m_dir.filePath(QStringLiteral("history.db"))).ok);
        const std::atomic<bool> stop = true;
        reading.setStopFlag(&stop);
        for (const ReportFormat format : {ReportFormat::Json, ReportFormat::Csv}) {
            const QString path = m_dir.filePath(
                    QStringLiteral("stopped.%1").arg(reportFormatName(format)));
            QString error;
            QVERIFY(!writeReport(reading, request(), format, path, &error));
            QVERIFY2(error.contains(QStringLiteral("not written"))
                             && error.contains(QStringLiteral("stopped")),
                     qPrintable(error));
            QVERIFY(!QFile::exists(path));
        }
    }
};

QTEST_MAIN(TestReport)
#include "tst_report.moc"
