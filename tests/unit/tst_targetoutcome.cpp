// The one rule for a target's state after a probe (judgeProbe), and the one JSON shape of a
// target's outcome that --once and the agent's /api/v1/status both print.
#include "probe/targetoutcome.h"
#include "probe/validationrequirement.h"
#include "probe/verdictlookup.h"

#include <QJsonArray>
#include <QTest>

Q_DECLARE_METATYPE(DnssecValidation)

namespace {

ProbeResult probeOf(ResolutionSource source, FailureCause cause, bool withAddress,
                    std::optional<bool> checkOk)
{
    ProbeResult probe;
    probe.target = QStringLiteral("api");
    probe.resolution.host = QStringLiteral("api.test");
    probe.resolution.source = source;
    probe.resolution.cause = cause;
    if (withAddress)
        probe.resolution.addresses = {QHostAddress(QStringLiteral("10.0.0.1"))};
    if (checkOk) {
        probe.checked = true;
        probe.check.ok = *checkOk;
        probe.check.detail = *checkOk ? QString() : QStringLiteral("connection refused");
        probe.reachable = *checkOk;
    }
    return probe;
}

} // namespace

class TestTargetOutcome : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void judgeProbe_data()
    {
        QTest::addColumn<ProbeResult>("probe");
        QTest::addColumn<TargetState>("state");
        QTest::addColumn<QString>("detail");
        QTest::newRow("fresh, service answered")
                << probeOf(ResolutionSource::Fresh, FailureCause::None, true, true)
                << TargetState::Healthy << QString();
        QTest::newRow("cache, not checked")
                << probeOf(ResolutionSource::Cache, FailureCause::None, true, std::nullopt)
                << TargetState::Healthy << QString();
        QTest::newRow("stale, service answered")
                << probeOf(ResolutionSource::Stale, FailureCause::ServFail, true, true)
                << TargetState::Degraded
                << QStringLiteral("reachable through stale addresses; DNS: servfail");
        QTest::newRow("env, not checked")
                << probeOf(ResolutionSource::Env, FailureCause::Timeout, true, std::nullopt)
                << TargetState::Degraded
                << QStringLiteral("reachable through env addresses; DNS: timeout");
        QTest::newRow("no address")
                << probeOf(ResolutionSource::None, FailureCause::NxDomain, false, std::nullopt)
                << TargetState::Down << QStringLiteral("no address: nxdomain");
        QTest::newRow("fresh, service refused")
                << probeOf(ResolutionSource::Fresh, FailureCause::None, true, false)
                << TargetState::Down << QStringLiteral("connection refused");
        QTest::newRow("fresh but not validated, service answered")
                << probeOf(ResolutionSource::Fresh, FailureCause::NotValidated, true, true)
                << TargetState::Degraded
                << QStringLiteral("reachable through fresh addresses; DNS: not_validated");
        QTest::newRow("pinned, service refused")
                << probeOf(ResolutionSource::Pinned, FailureCause::Timeout, true, false)
                << TargetState::Down << QStringLiteral("connection refused");
    }

    void judgeProbe()
    {
        QFETCH(ProbeResult, probe);
        QFETCH(TargetState, state);
        QFETCH(QString, detail);
        const TargetVerdict verdict = ::judgeProbe(probe);
        QCOMPARE(targetStateName(verdict.state), targetStateName(state));
        QCOMPARE(verdict.detail, detail);
    }

    void requireValidatedMarksUnvalidatedAnswers_data()
    {
        QTest::addColumn<bool>("required");
        QTest::addColumn<ResolutionSource>("source");
        QTest::addColumn<DnssecValidation>("validation");
        QTest::addColumn<FailureCause>("before");
        QTest::addColumn<FailureCause>("after");
        const auto row = [](const char *name, bool required, ResolutionSource source,
                            DnssecValidation validation, FailureCause before, FailureCause after) {
            QTest::newRow(name) << required << source << validation << before << after;
        };
        row("validated", true, ResolutionSource::Fresh, DnssecValidation::Validated,
            FailureCause::None, FailureCause::None);
        row("no AD", true, ResolutionSource::Fresh, DnssecValidation::NotValidated,
            FailureCause::None, FailureCause::NotValidated);
        row("cached without AD", true, ResolutionSource::Cache, DnssecValidation::NotValidated,
            FailureCause::None, FailureCause::NotValidated);
        row("not required", false, ResolutionSource::Fresh, DnssecValidation::NotValidated,
            FailureCause::None, FailureCause::None);
        row("stale keeps its cause", true, ResolutionSource::Stale, DnssecValidation::NotAsked,
            FailureCause::Timeout, FailureCause::Timeout);
        row("pinned keeps its cause", true, ResolutionSource::Pinned, DnssecValidation::NotAsked,
            FailureCause::ServFail, FailureCause::ServFail);
    }

    void requireValidatedMarksUnvalidatedAnswers()
    {
        QFETCH(bool, required);
        QFETCH(ResolutionSource, source);
        QFETCH(DnssecValidation, validation);
        QFETCH(FailureCause, before);
        QFETCH(FailureCause, after);
        TargetConfig target;
        target.requireValidated = required;
        ProbeResult probe = probeOf(source, before, true, true);
        probe.resolution.validation = validation;
        probe.resolution.server = QStringLiteral("127.0.0.1:53");
        applyValidationRequirement(target, &probe.resolution);
        QCOMPARE(causeName(probe.resolution.cause), causeName(after));
        if (after == FailureCause::NotValidated) {
            QCOMPARE(probe.resolution.detail,
                     QStringLiteral("127.0.0.1:53 answered api.test without DNSSEC validation "
                                    "(no AD flag)"));
            const TargetVerdict verdict = ::judgeProbe(probe);
            QCOMPARE(verdict.state, TargetState::Degraded);
            // The words read back, as the history and an agent's events keep only them.
            const std::optional<VerdictLookup> lookup = verdictLookupFromDetail(verdict.detail);
            QVERIFY(lookup);
            QCOMPARE(lookup->source, source);
            QCOMPARE(lookup->cause, FailureCause::NotValidated);
        }
    }

    void outcomeOfAProbeKeepsItsFacts()
    {
        TargetConfig target;
        target.name = QStringLiteral("api");
        target.host = QStringLiteral("api.test");
        target.check.type = CheckConfig::Type::Tcp;
        const ProbeResult probe = probeOf(ResolutionSource::Stale, FailureCause::Timeout, true,
                                          true);
        const TargetOutcome outcome = TargetOutcome::of(target, probe);
        QCOMPARE(outcome.state, TargetState::Degraded);
        QVERIFY(outcome.check);
        QVERIFY(outcome.check->ok);

        const QDateTime when = QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC);
        const ProbeResult back = outcome.toProbeResult(when);
        QCOMPARE(back.time, when);
        QCOMPARE(back.target, QStringLiteral("api"));
        QVERIFY(back.checked);
        QVERIFY(back.reachable);
        QCOMPARE(back.resolution.source, ResolutionSource::Stale);

        TargetOutcome unchecked = outcome;
        unchecked.check.reset();
        unchecked.result.addresses.clear();
        unchecked.judge();
        QCOMPARE(unchecked.state, TargetState::Down);
        QVERIFY(!unchecked.toProbeResult(when).reachable);
    }

    void outcomeJsonHasOneShape()
    {
        TargetOutcome outcome;
        outcome.target.name = QStringLiteral("db");
        outcome.target.host = QStringLiteral("db.test");
        outcome.target.critical = false;
        QJsonObject json = outcomeJson(outcome); // before any probe
        QCOMPARE(json.value(QLatin1String("status")).toString(), QStringLiteral("unknown"));
        QVERIFY(json.value(QLatin1String("check")).isNull());
        QVERIFY(json.value(QLatin1String("ttl_s")).isNull());
        QCOMPARE(json.value(QLatin1String("critical")).toBool(true), false);

        outcome.result.source = ResolutionSource::Fresh;
        outcome.result.addresses = {QHostAddress(QStringLiteral("10.0.0.2"))};
        outcome.result.ttlLeftMs = 1001; // rounded up to whole seconds
        outcome.result.latencyUs = 2500;
        CheckOutcome check;
        check.ok = true;
        check.address = QHostAddress(QStringLiteral("10.0.0.2"));
        outcome.check = check;
        outcome.judge();
        json = outcomeJson(outcome);
        const QStringList keys{QStringLiteral("addresses"), QStringLiteral("check"),
                               QStringLiteral("critical"),  QStringLiteral("detail"),
                               QStringLiteral("ede"),       QStringLiteral("error"),
                               QStringLiteral("host"),      QStringLiteral("latency_ms"),
                               QStringLiteral("name"),      QStringLiteral("resolver"),
                               QStringLiteral("server"),    QStringLiteral("source"),
                               QStringLiteral("status"),    QStringLiteral("ttl_s"),
                               QStringLiteral("validated")};
        QCOMPARE(json.keys(), keys);
        QCOMPARE(json.value(QLatin1String("ede")).toArray(), QJsonArray()); // none in the answer
        QVERIFY(json.value(QLatin1String("validated")).isNull()); // not asked with DNSSEC
        outcome.result.validation = DnssecValidation::Validated;
        QCOMPARE(outcomeJson(outcome).value(QLatin1String("validated")), QJsonValue(true));
        outcome.result.validation = DnssecValidation::NotValidated;
        QCOMPARE(outcomeJson(outcome).value(QLatin1String("validated")), QJsonValue(false));
        QCOMPARE(json.value(QLatin1String("status")).toString(), QStringLiteral("healthy"));
        QCOMPARE(json.value(QLatin1String("source")).toString(), QStringLiteral("fresh"));
        QCOMPARE(json.value(QLatin1String("ttl_s")).toDouble(), 2.0);
        QCOMPARE(json.value(QLatin1String("latency_ms")).toDouble(), 2.5);
        QCOMPARE(json.value(QLatin1String("addresses")).toArray(),
                 QJsonArray{QStringLiteral("10.0.0.2")});
        QCOMPARE(json.value(QLatin1String("check")).toObject().value(QLatin1String("ok")).toBool(),
                 true);
    }
};

QTEST_GUILESS_MAIN(TestTargetOutcome)
#include "tst_targetoutcome.moc"
