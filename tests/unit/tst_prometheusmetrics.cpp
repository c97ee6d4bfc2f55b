// The agent's /metrics text built in-process from a Monitor on a ManualClock, fed probe results
// by hand: what each series says, that every label set is there before the first probe, and that
// labels are escaped.
#include "clock.h"
#include "expositionwriter.h"
#include "probe/monitor.h"
#include "prometheusmetrics.h"
#include "promtoolcheck.h"
#include "testconfig.h"

#include <QRegularExpression>
#include <QTest>

namespace {

AppConfig twoTargets(const char *metrics = "{}")
{
    return testConfig(QByteArray("{\"metrics\": ") + metrics
                      + ", \"targets\": [{\"name\": \"api\", \"host\": \"api.test\"},"
                        " {\"name\": \"odd \\\"one\\\"\\\\\", \"host\": \"odd.test\", "
                        "\"critical\": false}]}");
}

const char *const Detailed = "{\"detailed\": true}";

ProbeResult probe(const QString &target, ResolutionSource source, bool reachable, qint64 nowMs)
{
    ProbeResult result;
    result.time = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    result.target = target;
    result.resolution.source = source;
    result.resolution.latencyUs = 4000;
    if (source != ResolutionSource::None)
        result.resolution.addresses = {QHostAddress(QStringLiteral("10.0.0.1"))};
    result.checked = result.resolution.hasAddresses();
    result.check.ok = reachable;
    result.check.latencyUs = 20'000;
    result.reachable = reachable;
    return result;
}

// The samples of one target (its target label exactly this).
int seriesOf(const QByteArray &text, const QByteArray &target)
{
    const QByteArray label = "{target=\"" + target + "\",";
    int series = 0;
    for (const QByteArray &line : text.split('\n')) {
        if (!line.startsWith('#') && line.contains(label))
            ++series;
    }
    return series;
}

// The value of the one sample whose name and labels are exactly these; NaN when absent.
double sample(const QByteArray &text, const QString &series)
{
    for (const QByteArray &line : text.split('\n')) {
        const QString lineText = QString::fromUtf8(line);
        if (lineText.startsWith(series + QLatin1Char(' ')))
            return lineText.mid(series.size() + 1).toDouble();
    }
    return std::numeric_limits<double>::quiet_NaN();
}

const QString ApiLabels = QStringLiteral("target=\"api\",host=\"api.test\",resolver=\"system\"");

} // namespace

class TestPrometheusMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyLabelSetIsThereBeforeTheFirstProbe()
    {
        ManualClock clock;
        Monitor monitor(twoTargets(Detailed), EnvFallback(), MlflowCredentials(), &clock);
        const QByteArray text = prometheusMetrics(monitor);
        QCOMPARE(sample(text, QStringLiteral("dnswatch_probes_total{%1}").arg(ApiLabels)), 0.0);
        QCOMPARE(sample(text, QStringLiteral("dnswatch_target_critical{%1}").arg(ApiLabels)), 1.0);
        QCOMPARE(
                sample(text,
                       QStringLiteral("dnswatch_target_state{%1,state=\"unknown\"}").arg(ApiLabels)),
                1.0);
        // A window without probes has no ratio: NaN, not 0 (which would read as an outage).
        QVERIFY(text.contains(QStringLiteral("dnswatch_dns_success_ratio{%1,window=\"5m\"} NaN")
                                      .arg(ApiLabels)
                                      .toUtf8()));
        QCOMPARE(sample(text, QStringLiteral("dnswatch_ready")), 0.0);
    }

    void probesShowInCountersStatesAndHistograms()
    {
        // The clock stands still: the monitor's own probes (of names nothing serves) never run.
        ManualClock clock;
        Monitor monitor(twoTargets(Detailed), EnvFallback(), MlflowCredentials(), &clock);
        HealthStatistics *statistics = monitor.statistics();
        statistics->record(probe(QStringLiteral("api"), ResolutionSource::Fresh, true,
                                 clock.wallTime().toMSecsSinceEpoch()));
        statistics->record(probe(QStringLiteral("api"), ResolutionSource::Stale, true,
                                 clock.wallTime().toMSecsSinceEpoch()));
        const QByteArray text = prometheusMetrics(monitor);

        QCOMPARE(sample(text, QStringLiteral("dnswatch_probes_total{%1}").arg(ApiLabels)), 2.0);
        QCOMPARE(sample(text, QStringLiteral("dnswatch_dns_success_total{%1}").arg(ApiLabels)),
                 1.0); // the stale answer was a fallback, not DNS
        QCOMPARE(sample(text, QStringLiteral("dnswatch_check_success_total{%1}").arg(ApiLabels)),
                 2.0);
        QCOMPARE(sample(text,
                        QStringLiteral("dnswatch_kept_reachable_by_fallback_total{%1}")
                                .arg(ApiLabels)),
                 1.0);
        QCOMPARE(sample(text,
                        QStringLiteral("dnswatch_fallback_entries_total{%1,tier=\"stale\"}")
                                .arg(ApiLabels)),
                 1.0);
        QCOMPARE(
                sample(text,
                       QStringLiteral("dnswatch_target_state{%1,state=\"degraded\"}").arg(ApiLabels)),
                1.0);
        QCOMPARE(
                sample(text,
                       QStringLiteral("dnswatch_target_state{%1,state=\"healthy\"}").arg(ApiLabels)),
                0.0);
        QCOMPARE(
                sample(text,
                       QStringLiteral("dnswatch_dns_success_ratio{%1,window=\"5m\"}").arg(ApiLabels)),
                0.5);
        QCOMPARE(sample(text,
                        QStringLiteral("dnswatch_dns_lookup_duration_seconds_count{%1}")
                                .arg(ApiLabels)),
                 2.0);
        QCOMPARE(
                sample(text,
                       QStringLiteral("dnswatch_dns_lookup_duration_seconds_sum{%1}").arg(ApiLabels)),
                0.008);
        // The only critical target is reachable (through a fallback): ready.
        QCOMPARE(sample(text, QStringLiteral("dnswatch_ready")), 1.0);
    }

    // dnswatch_extended_dns_errors_total: a series per code seen, none before; and an answer
    // the target's require_validated refuses is no DNS success.
    void extendedErrorsAreCountedByCodeAndUnvalidatedIsNoSuccess()
    {
        ManualClock clock;
        Monitor monitor(twoTargets(Detailed), EnvFallback(), MlflowCredentials(), &clock);
        QVERIFY(prometheusMetrics(monitor).contains(
                "# TYPE dnswatch_extended_dns_errors_total counter"));
        QVERIFY(!prometheusMetrics(monitor).contains("dnswatch_extended_dns_errors_total{"));
        const qint64 now = clock.wallTime().toMSecsSinceEpoch();
        ProbeResult stale = probe(QStringLiteral("api"), ResolutionSource::Fresh, true, now);
        stale.resolution.extendedErrors = {{3, QStringLiteral("upstream down")}};
        monitor.statistics()->record(stale);
        monitor.statistics()->record(stale);
        ProbeResult unvalidated = probe(QStringLiteral("api"), ResolutionSource::Fresh, true, now);
        unvalidated.resolution.cause = FailureCause::NotValidated;
        unvalidated.resolution.extendedErrors = {{4711, QString()}};
        monitor.statistics()->record(unvalidated);
        const QByteArray text = prometheusMetrics(monitor);
        QCOMPARE(sample(text,
                        QStringLiteral("dnswatch_extended_dns_errors_total{%1,code=\"3\","
                                       "name=\"stale_answer\"}")
                                .arg(ApiLabels)),
                 2.0);
        QCOMPARE(sample(text,
                        QStringLiteral("dnswatch_extended_dns_errors_total{%1,code=\"4711\","
                                       "name=\"ede_4711\"}")
                                .arg(ApiLabels)),
                 1.0);
        QCOMPARE(sample(text, QStringLiteral("dnswatch_probes_total{%1}").arg(ApiLabels)), 3.0);
        QCOMPARE(sample(text, QStringLiteral("dnswatch_dns_success_total{%1}").arg(ApiLabels)), 2.0);
        QCOMPARE(
                sample(text,
                       QStringLiteral("dnswatch_dns_success_ratio{%1,window=\"5m\"}").arg(ApiLabels)),
                2.0 / 3.0);
    }

    void comparedPathsShowAgreementLatencyAndAddresses()
    {
        ManualClock clock;
        Monitor monitor(testConfig(R"({"resolvers": [{"name": "corp", "servers": ["127.0.0.1:1"]}],
                    "targets": [{"name": "api", "host": "api.test", "compare": ["corp"]}]})"),
                        EnvFallback(), MlflowCredentials(), &clock);
        const QString corpPath = QStringLiteral("%1,path=\"corp\"").arg(ApiLabels);
        QByteArray text = prometheusMetrics(monitor);
        // Before the first probe: every series there, with no data.
        QVERIFY(text.contains(
                QStringLiteral("dnswatch_paths_agree{%1} NaN").arg(ApiLabels).toUtf8()));
        QVERIFY(text.contains(
                QStringLiteral("dnswatch_path_lookup_seconds{%1} NaN").arg(corpPath).toUtf8()));

        ProbeResult result = probe(QStringLiteral("api"), ResolutionSource::Fresh, true,
                                   clock.wallTime().toMSecsSinceEpoch());
        result.resolution.resolver = QStringLiteral("system");
        LookupResult corp;
        corp.resolver = QStringLiteral("corp");
        corp.cause = FailureCause::Timeout;
        corp.latencyUs = 500'000;
        result.paths = PathComparison::of({result.resolution, corp}, {});
        monitor.statistics()->record(result);
        text = prometheusMetrics(monitor);
        QCOMPARE(sample(text, QStringLiteral("dnswatch_paths_agree{%1}").arg(ApiLabels)), 0.0);
        QCOMPARE(sample(text, QStringLiteral("dnswatch_path_lookup_seconds{%1}").arg(corpPath)),
                 0.5);
        QCOMPARE(sample(text, QStringLiteral("dnswatch_path_addresses{%1}").arg(corpPath)), 0.0);
        QCOMPARE(
                sample(text,
                       QStringLiteral("dnswatch_path_addresses{%1,path=\"system\"}").arg(ApiLabels)),
                1.0);
        // A target that compares nothing has no such series.
        QVERIFY(!prometheusMetrics(Monitor(twoTargets(), EnvFallback(), MlflowCredentials(), &clock))
                         .contains("dnswatch_paths_agree"));
    }

    // The families of compared paths, zone serials, zone signatures, DNSSEC validation,
    // unexpected answers, answer changes and Extended DNS Errors in one exposition that
    // promtool's parser and linter pass; each has samples but the zone's expiry, absent until a
    // check gives one (tst_dnssec_agent scrapes that one from a real signed zone).
    void everyResolverPathFamilyPassesPromtool()
    {
        ManualClock clock;
        Monitor monitor(testConfig(R"({"resolvers": [{"name": "corp", "servers": ["127.0.0.1:1"],
                                               "dnssec": true}],
                    "dnssec_zones": [{"zone": "example.test", "resolver": "corp"}],
                    "targets": [
                        {"name": "api", "host": "api.test", "resolver": "corp",
                         "compare": ["system"], "expect_addresses": ["10.0.0.0/8"],
                         "alert_on_change": true, "require_validated": true},
                        {"name": "zone", "host": "ns.test", "check": {"type": "soa",
                         "zone": "example.test", "servers": ["127.0.0.1:1", "127.0.0.2:1"]}}]})"),
                        EnvFallback(), MlflowCredentials(), &clock);
        ProbeResult result = probe(QStringLiteral("api"), ResolutionSource::Fresh, true,
                                   clock.wallTime().toMSecsSinceEpoch());
        result.resolution.resolver = QStringLiteral("corp");
        result.resolution.extendedErrors = {{3, QStringLiteral("upstream down")}};
        LookupResult system;
        system.resolver = QStringLiteral("system");
        system.addresses = {QHostAddress(QStringLiteral("10.0.0.2"))};
        system.latencyUs = 1000;
        result.paths = PathComparison::of({result.resolution, system}, {});
        monitor.statistics()->record(result);

        const QByteArray text = prometheusMetrics(monitor);
        for (const char *family :
             {"dnswatch_paths_agree{", "dnswatch_path_lookup_seconds{", "dnswatch_path_addresses{",
              "dnswatch_soa_serial{", "dnswatch_soa_serial_behind{",
              "dnswatch_zone_signatures_expiry_timestamp_seconds",
              "dnswatch_zone_signatures_warn_seconds{", "dnswatch_zone_signatures_check_success{",
              "dnswatch_target_dnssec_validated{", "dnswatch_unexpected_answers_total{",
              "dnswatch_answer_changes_total{", "dnswatch_target_alert_on_change{",
              "dnswatch_extended_dns_errors_total{"})
            QVERIFY2(text.contains(family), family);
        const QByteArray promtoolSays = promtoolCheck(text);
        QVERIFY2(promtoolSays.isEmpty(), promtoolSays.constData());
    }

    // How many series each target adds, exactly: a new one is a decision, and the docs
    // (operations.md, Metrics) say these numbers.
    void seriesPerTarget_data()
    {
        QTest::addColumn<QByteArray>("metrics");
        QTest::addColumn<QByteArray>("check");
        QTest::addColumn<int>("series");
        QTest::newRow("lean, DNS only")
                << QByteArray("{}") << QByteArray("{\"type\": \"dns\"}") << 36;
        QTest::newRow("lean, service check")
                << QByteArray("{\"detailed\": false}")
                << QByteArray("{\"type\": \"tcp\", \"port\": 443}") << 53;
        QTest::newRow("full, DNS only")
                << QByteArray(Detailed) << QByteArray("{\"type\": \"dns\"}") << 61;
        QTest::newRow("full, service check")
                << QByteArray(Detailed) << QByteArray("{\"type\": \"tcp\", \"port\": 443}") << 61;
    }

    void seriesPerTarget()
    {
        QFETCH(QByteArray, metrics);
        QFETCH(QByteArray, check);
        QFETCH(int, series);
        ManualClock clock;
        Monitor monitor(testConfig("{\"metrics\": " + metrics
                                   + ", \"targets\": [{\"name\": \"api\", \"host\": \"api.test\", "
                                     "\"check\": "
                                   + check + "}]}"),
                        EnvFallback(), MlflowCredentials(), &clock);
        QCOMPARE(seriesOf(prometheusMetrics(monitor), "api"), series);
        // A probe adds no series (Extended DNS Errors aside, which none of these has).
        monitor.statistics()->record(probe(QStringLiteral("api"), ResolutionSource::Fresh, true,
                                           clock.wallTime().toMSecsSinceEpoch()));
        QCOMPARE(seriesOf(prometheusMetrics(monitor), "api"), series);
    }

    // The lean default leaves out what Prometheus computes from the counters (the ratios per
    // window) and the check histogram of a target whose check is its DNS answer; the alerts'
    // and the dashboard's series are there.
    void theLeanSetKeepsWhatTheAlertsAndTheDashboardUse()
    {
        ManualClock clock;
        Monitor monitor(twoTargets(), EnvFallback(), MlflowCredentials(), &clock);
        const QByteArray lean = prometheusMetrics(monitor);
        QVERIFY(!lean.contains("dnswatch_dns_success_ratio"));
        QVERIFY(!lean.contains("dnswatch_check_success_ratio"));
        QVERIFY(!lean.contains("dnswatch_check_duration_seconds_count{"));
        for (const char *kept :
             {"dnswatch_probes_total{", "dnswatch_dns_success_total{",
              "dnswatch_check_success_total{", "dnswatch_target_state{",
              "dnswatch_dns_lookup_duration_seconds_bucket{", "dnswatch_fallback_entries_total{"})
            QVERIFY2(lean.contains(kept), kept);
        Monitor detailed(twoTargets(Detailed), EnvFallback(), MlflowCredentials(), &clock);
        const QByteArray full = prometheusMetrics(detailed);
        QVERIFY(full.contains("dnswatch_dns_success_ratio{"));
        QVERIFY(full.contains("dnswatch_check_duration_seconds_count{"));
        // Full is the lean set and more: every lean line is in it.
        for (const QByteArray &line : lean.split('\n'))
            QVERIFY2(full.contains(line), line.constData());
    }

    // Counts are said as integers however large (to 2^53, where a double stops holding every
    // integer); other values with 12 significant digits.
    void valuesAreSaidAsIntegersOrTwelveDigits_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QByteArray>("said");
        QTest::newRow("zero") << 0.0 << QByteArray("0");
        QTest::newRow("count") << 42.0 << QByteArray("42");
        QTest::newRow("negative") << -7.0 << QByteArray("-7");
        QTest::newRow("a trillion probes") << 1e12 << QByteArray("1000000000000");
        QTest::newRow("2^53") << 9007199254740992.0 << QByteArray("9007199254740992");
        QTest::newRow("beyond 2^53") << 1e20 << QByteArray("1e+20");
        QTest::newRow("a third") << 1.0 / 3.0 << QByteArray("0.333333333333");
        QTest::newRow("seconds") << 0.0125 << QByteArray("0.0125");
        QTest::newRow("no data") << std::numeric_limits<double>::quiet_NaN() << QByteArray("NaN");
        QTest::newRow("infinite") << std::numeric_limits<double>::infinity() << QByteArray("+Inf");
        QTest::newRow("minus infinite")
                << -std::numeric_limits<double>::infinity() << QByteArray("-Inf");
    }
    void valuesAreSaidAsIntegersOrTwelveDigits()
    {
        QFETCH(double, value);
        QFETCH(QByteArray, said);
        ExpositionWriter out(256);
        out.family("dnswatch_example", "gauge", "An example.");
        out.sample({}, value);
        QCOMPARE(out.take(),
                 "# HELP dnswatch_example An example.\n# TYPE dnswatch_example gauge\n"
                 "dnswatch_example "
                         + said + '\n');
    }

    void labelsAreEscapedAndEveryFamilyIsDeclared()
    {
        ManualClock clock;
        Monitor monitor(twoTargets(), EnvFallback(), MlflowCredentials(), &clock);
        const QByteArray text = prometheusMetrics(monitor);
        QVERIFY(text.contains("target=\"odd \\\"one\\\"\\\\\",host=\"odd.test\""));
        // Every sample belongs to a family whose HELP and TYPE came before it.
        QSet<QString> declared;
        const QRegularExpression typeLine(
                QStringLiteral("^# TYPE (\\w+) (counter|gauge|histogram)$"));
        const QRegularExpression sampleLine(QStringLiteral("^(\\w+?)(_bucket|_sum|_count)?[{ ]"));
        int samples = 0;
        for (const QByteArray &line : text.split('\n')) {
            const QString lineText = QString::fromUtf8(line);
            if (lineText.isEmpty() || lineText.startsWith(QLatin1String("# HELP")))
                continue;
            if (const auto type = typeLine.match(lineText); type.hasMatch()) {
                declared.insert(type.captured(1));
                continue;
            }
            const auto name = sampleLine.match(lineText);
            QVERIFY2(name.hasMatch(), qPrintable(lineText));
            const bool known = declared.contains(name.captured(1))
                    || declared.contains(name.captured(1) + name.captured(2));
            QVERIFY2(known, qPrintable(lineText));
            ++samples;
        }
        QVERIFY(samples > 50);
    }
};

QTEST_GUILESS_MAIN(TestPrometheusMetrics)
#include "tst_prometheusmetrics.moc"
