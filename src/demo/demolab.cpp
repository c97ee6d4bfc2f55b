#include "demolab.h"

#include "demotimings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QString minutesAndSeconds(qint64 ms)
{
    const qint64 seconds = ms / 1000;
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

DemoDnsServer::Behaviour dnsBehaviourIn(DemoPhase::Kind kind)
{
    switch (kind) {
    case DemoPhase::Kind::SlowAnswers:
        return DemoDnsServer::Behaviour::AnswerLate;
    case DemoPhase::Kind::ServFailBurst:
        return DemoDnsServer::Behaviour::ServFail;
    case DemoPhase::Kind::Outage:
        return DemoDnsServer::Behaviour::Silent;
    case DemoPhase::Kind::Healthy:
    case DemoPhase::Kind::AddressChange:
        break;
    }
    return DemoDnsServer::Behaviour::Answer;
}

QJsonObject labTarget(const QString &name, bool critical, const QJsonObject &check)
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("host"), QStringLiteral("%1.%2").arg(name, DemoLab::zone())},
            {QStringLiteral("resolver"), QStringLiteral("lab")},
            {QStringLiteral("record"), QStringLiteral("A")},
            {QStringLiteral("interval_s"), DemoTimings::ProbeIntervalS},
            {QStringLiteral("critical"), critical},
            {QStringLiteral("check"), check}};
}

} // namespace

DemoLab::DemoLab(Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_scenario(DemoScenario::standardTimeline(), clock)
    , m_dns(zone(), DemoTimings::RecordTtlS)
    , m_laggingDns(zone(), DemoTimings::RecordTtlS)
{
    connect(&m_scenario, &DemoScenario::phaseEntered, this, &DemoLab::applyPhase);
}

bool DemoLab::start(QString *error)
{
    if (!m_dns.listen(homeAddress(), error) || !m_laggingDns.listen(homeAddress(), error)
        || !m_service.listen({homeAddress(), movedAddress()}, error))
        return false;
    for (const QString &name :
         {QStringLiteral("api"), QStringLiteral("db"), QStringLiteral("www")}) {
        m_dns.setAddress(QStringLiteral("%1.%2").arg(name, zone()), homeAddress());
        m_laggingDns.setAddress(QStringLiteral("%1.%2").arg(name, zone()), homeAddress());
    }
    m_env.addressesByHost.insert(QStringLiteral("api.") + zone(), {homeAddress()});

    ConfigLoadResult loaded = parseConfig(configJson(), QStringLiteral("(demo lab)"));
    if (!loaded.config) {
        QStringList problems;
        for (const ConfigError &problem : std::as_const(loaded.errors))
            problems.append(problem.toString());
        if (error)
            *error = QStringLiteral("the demo lab's built-in config is invalid: %1")
                             .arg(problems.join(QStringLiteral("; ")));
        return false;
    }
    m_config = std::move(*loaded.config);
    m_scenario.start(); // sets the moving host's address with the first phase
    return true;
}

QByteArray DemoLab::configJson() const
{
    using namespace DemoTimings;
    const QString serviceUrl = QStringLiteral("http://%2:%1").arg(m_service.port());
    QJsonObject mlflow = labTarget(
            QStringLiteral("mlflow"), true,
            {{QStringLiteral("type"), QStringLiteral("mlflow")},
             {QStringLiteral("url"), serviceUrl.arg(QStringLiteral("mlflow.") + zone())}});
    mlflow.insert(QStringLiteral("fallback_ips"), QJsonArray{homeAddress().toString()});
    mlflow.insert(QStringLiteral("compare"), QJsonArray{laggingResolver()});
    const QJsonObject api = labTarget(
            QStringLiteral("api"), true,
            {{QStringLiteral("type"), QStringLiteral("http")},
             {QStringLiteral("url"),
              QString(serviceUrl.arg(QStringLiteral("api.") + zone())
                      + QStringLiteral("/api/2.0/mlflow/experiments/search?max_results=1"))}});
    const QJsonObject db = labTarget(QStringLiteral("db"), false,
                                     {{QStringLiteral("type"), QStringLiteral("tcp")},
                                      {QStringLiteral("port"), m_service.port()}});
    const QJsonObject www = labTarget(
            QStringLiteral("www"), false,
            {{QStringLiteral("type"), QStringLiteral("dns")},
             {QStringLiteral("expect"), QJsonArray{QStringLiteral("127.0.0.0/8")}}});

    const auto resolver = [](const QString &name, const DemoDnsServer &server) {
        return QJsonObject{{QStringLiteral("name"), name},
                           {QStringLiteral("servers"), QJsonArray{server.server().toString()}},
                           {QStringLiteral("timeout_ms"), LookupTimeoutMs},
                           {QStringLiteral("attempts"), 1}};
    };
    const QJsonObject cache{{QStringLiteral("min_ttl_s"), 1},
                            {QStringLiteral("max_stale_s"), MaxStaleS},
                            {QStringLiteral("client_response_timer_ms"), ClientResponseTimerMs},
                            {QStringLiteral("refresh_backoff_initial_ms"), 1000},
                            {QStringLiteral("refresh_backoff_max_ms"), ProbeIntervalS * 1000}};
    const QJsonObject probes{{QStringLiteral("check_timeout_ms"), 2000},
                             {QStringLiteral("check_retries"), 1},
                             {QStringLiteral("check_backoff_factor_ms"), 200},
                             {QStringLiteral("check_backoff_jitter_ms"), 100},
                             {QStringLiteral("retry_initial_ms"), 1000},
                             {QStringLiteral("retry_max_ms"), ProbeIntervalS * 1000}};
    const QJsonObject root{{QStringLiteral("resolvers"),
                            QJsonArray{resolver(QStringLiteral("lab"), m_dns),
                                       resolver(laggingResolver(), m_laggingDns)}},
                           {QStringLiteral("cache"), cache},
                           {QStringLiteral("probes"), probes},
                           {QStringLiteral("targets"), QJsonArray{mlflow, api, db, www}}};
    return QJsonDocument(root).toJson();
}

void DemoLab::applyPhase(const DemoPhase &phase, const DemoScenario::Position &position)
{
    m_dns.setBehaviour(dnsBehaviourIn(phase.kind), DemoTimings::LateAnswerMs);
    const QHostAddress moving = position.moved ? movedAddress() : homeAddress();
    m_dns.setAddress(movingHost(), moving);
    applyToLaggingPath(phase, moving);
    Q_EMIT phaseAnnounced(announcement(phase, position));
}

void DemoLab::applyToLaggingPath(const DemoPhase &phase, const QHostAddress &movingAddress)
{
    m_laggingDns.setBehaviour(dnsBehaviourIn(phase.kind), DemoTimings::LateAnswerMs);
    if (m_laggingUpdate)
        m_clock->cancel(m_laggingUpdate);
    m_laggingUpdate = 0;
    if (phase.kind != DemoPhase::Kind::AddressChange
        || m_laggingDns.address(movingHost()).isNull()) { // the lab's start: no lag yet
        m_laggingDns.setAddress(movingHost(), movingAddress);
        return;
    }
    m_laggingUpdate = m_clock->callAfter(DemoTimings::PathLagS * 1000, this, [this, movingAddress] {
        m_laggingUpdate = 0;
        m_laggingDns.setAddress(movingHost(), movingAddress);
    });
}

QString DemoLab::pathComparisonText() const
{
    return QStringLiteral(
                   "mlflow is also resolved through a second path, the resolver \"%1\" (%2): a lab "
                   "DNS server\nthat learns of each address change %3 s late. It stands in for the "
                   "system path (what an\napplication gets through a caching forwarder): the "
                   "system "
                   "resolver cannot be pointed at\nthis lab without root. At each address change "
                   "expect paths_diverged (the app would get the\nold address, the nameserver "
                   "already has the new one), then paths_agree once it caught up.\n\n")
            .arg(laggingResolver(), m_laggingDns.server().toString())
            .arg(DemoTimings::PathLagS);
}

QString DemoLab::announcement(const DemoPhase &phase, const DemoScenario::Position &position) const
{
    return m_clock->wallTime().toString(Qt::ISODateWithMs) + QLatin1Char(' ')
            + describe(phase, position);
}

QString DemoLab::describe(const DemoPhase &phase, const DemoScenario::Position &position) const
{
    QString labDoes = QStringLiteral("the lab's DNS %1").arg(phase.labDoes);
    if (phase.kind == DemoPhase::Kind::AddressChange) {
        const QHostAddress now = position.moved ? movedAddress() : homeAddress();
        const QHostAddress before = position.moved ? homeAddress() : movedAddress();
        labDoes = QStringLiteral("%1 now answers %2 instead of %3")
                          .arg(movingHost(), now.toString(), before.toString());
    }
    return QStringLiteral("== phase %1/%2%3: %4 (%5 s) == %6; expect: %7")
            .arg(position.index + 1)
            .arg(m_scenario.timeline().size())
            .arg(position.cycle ? QStringLiteral(", round %1").arg(position.cycle + 1) : QString())
            .arg(phase.name)
            .arg(phase.durationS)
            .arg(labDoes, phase.expect);
}

QString DemoLab::banner(Run run) const
{
    const NameServer dns = m_dns.server();
    QString text =
            QStringLiteral(
                    "DNS Watch demo lab: a DNS server and an MLflow-like service inside this "
                    "process, on loopback only.\n"
                    "The names are fake and local: the zone %1 exists only in this lab.\n\n"
                    "  DNS server        %2 (UDP), every record lives %3 s\n"
                    "  MLflow-like       http://%4:%5 and http://%6:%5 "
                    "(/health, /api/2.0/mlflow/experiments/search)\n\n")
                    .arg(zone(), dns.toString())
                    .arg(DemoTimings::RecordTtlS)
                    .arg(homeAddress().toString())
                    .arg(m_service.port())
                    .arg(movedAddress().toString());

    text += QStringLiteral("  %1 %2 %3 %4\n")
                    .arg(QStringLiteral("TARGET"), -7)
                    .arg(QStringLiteral("HOST"), -26)
                    .arg(QStringLiteral("CHECK"), -7)
                    .arg(QStringLiteral("WHEN DNS FAILS"));
    for (const TargetConfig &target : m_config.targets) {
        QString fallback = QStringLiteral("stale data for %1 s").arg(DemoTimings::MaxStaleS);
        if (!target.fallbackIps.isEmpty())
            fallback += QStringLiteral(", then pinned %1 (the config's fallback_ips)")
                                .arg(addressStrings(target.fallbackIps).join(QLatin1Char(',')));
        else if (m_env.addressesByHost.contains(target.host))
            fallback += QStringLiteral(", then env %1 (the lab's DNSWATCH_FALLBACK_IPS)")
                                .arg(addressStrings(m_env.addressesByHost.value(target.host))
                                             .join(QLatin1Char(',')));
        else
            fallback += QStringLiteral(", then down");
        if (!target.critical)
            fallback += QStringLiteral(" (not critical)");
        text += QStringLiteral("  %1 %2 %3 %4\n")
                        .arg(target.name, -7)
                        .arg(target.host, -26)
                        .arg(checkTypeName(target.check.type), -7)
                        .arg(fallback);
    }

    text += QLatin1Char('\n') + pathComparisonText();
    text += QStringLiteral("The lab's DNS follows this script, %1 long, over and over:\n")
                    .arg(minutesAndSeconds(m_scenario.cycleMs()));
    const QList<DemoPhase> &timeline = m_scenario.timeline();
    for (int i = 0; i < timeline.size(); ++i) {
        const DemoPhase &phase = timeline.at(i);
        text += QStringLiteral("  %1  %2 (%3 s): the lab's DNS %4\n        expect: %5\n")
                        .arg(minutesAndSeconds(m_scenario.phaseOffsetMs(i)), 4)
                        .arg(phase.name)
                        .arg(phase.durationS)
                        .arg(phase.labDoes, phase.expect);
    }
    text += QLatin1Char('\n');
    if (run == Run::Once)
        text += QStringLiteral("--once resolves and checks every target one time, now (phase "
                               "1, healthy). `dnswatch --demo` plays the whole script.\n\n");
    else
        text += QStringLiteral("The agent probes every target every %1 s and logs each event; "
                               "\"== phase\" lines mark the script.\n"
                               "It serves /metrics, /readyz and /api/v1/status on loopback (the "
                               "\"listening on\" line gives the port). Ctrl-C stops.\n\n%2\n")
                        .arg(DemoTimings::ProbeIntervalS)
                        .arg(announcement(m_scenario.phase(), m_scenario.position()));
    return text;
}
