// The dashboard watching a fleet: N real agents (`dnswatch --headless`, default 20), each with T
// targets (default 100) probed every 5 s against one dnsmasq, and one main window (offscreen,
// 1440x900, no targets of its own) connected to all of them. While it runs, targets are paused
// and resumed at random agents through their API, one after another.
//  - the worst stall of the GUI event loop: a 1 ms timer's largest lateness (and its p99), with
//    how much of it the GUI thread was on the CPU (the rest, the machine ran something else), and
//    the most CPU it spent between two firings;
//  - the dashboard's resident memory at the end (the agents' summed beside it);
//  - from sending a pause or resume to the agent until the table's row for that agent's target
//    shows the new state: p50, p95, max.
// Targets: stall at most 16 ms; at most 300 MB; p95 at most 1 s, none missed (the full run makes
// about 100 changes; the row says how many).
#include "agentplace.h"
#include "agentprocess.h"
#include "benchsupport.h"
#include "config/appconfig.h"
#include "config/appconfigjson.h"
#include "dnsserverfixture.h"
#include "mainwindow.h"
#include "stallprobe.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <memory>

#include <sys/stat.h>

namespace {

constexpr qint64 StallGoalMs = 16;
constexpr double RssGoalMb = 300;
constexpr qint64 ChangeGoalMs = 1000;
constexpr QSize WindowSize(1440, 900);
constexpr int IntervalS = 5;
constexpr qint64 ChangeGiveUpMs = 10'000; // a change not shown by then counts as missed
constexpr int PauseBetweenChangesMs = 250;
const QByteArray OperateToken = "fleet-bench-operate-0123456789abcdef";

// Pauses a random agent's random target through the agent's API, then resumes it, and so on,
// one change at a time: each is timed from sending until the table's row for that target at that
// agent shows it (paused, or no longer paused).
class ChangeSampler : public QObject
{
public:
    ChangeSampler(const QList<AgentProcess *> &agents, const QList<AgentPlace *> &places,
                  int targets, const TargetTableModel *table)
        : m_agents(agents), m_places(places), m_targets(targets), m_table(table)
    {
        m_network.setProxy(QNetworkProxy::NoProxy);
        // The table says every row changed every second (the TTL countdown): the row is found
        // once per change and looked at only when a change covers it, so that the measuring
        // does not cost the GUI thread a search of every row each time.
        connect(table, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    if (m_row >= topLeft.row() && m_row <= bottomRight.row())
                        checkShown();
                });
        const auto rowsMoved = [this] {
            m_row = -1;
            checkShown();
        };
        connect(table, &QAbstractItemModel::rowsInserted, this, rowsMoved);
        connect(table, &QAbstractItemModel::rowsRemoved, this, rowsMoved);
        connect(table, &QAbstractItemModel::modelReset, this, rowsMoved);
        connect(table, &QAbstractItemModel::layoutChanged, this, rowsMoved);
        m_giveUp.setSingleShot(true);
        connect(&m_giveUp, &QTimer::timeout, this, [this] {
            ++m_missed;
            next();
        });
    }
    void start() { send(); }
    void stop()
    {
        m_stopped = true;
        m_giveUp.stop();
    }
    const QList<qint64> &shownMs() const { return m_shownMs; }
    int missed() const { return m_missed; }
    int refused() const { return m_refused; }

private:
    void send()
    {
        if (m_stopped)
            return;
        m_pausing = !m_pausing;
        if (m_pausing) { // a new target; its resume follows
            m_agent = int(m_random.bounded(m_agents.size()));
            m_target = QStringLiteral("t%1").arg(m_random.bounded(m_targets));
        }
        QNetworkRequest request(QUrl(
                m_agents[m_agent]->baseUrl()
                + QStringLiteral("/api/v1/targets/%1/%2")
                          .arg(m_target,
                               m_pausing ? QStringLiteral("pause") : QStringLiteral("resume"))));
        request.setRawHeader("Authorization", "Bearer " + OperateToken);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        m_row = m_table->rowOf(m_target, m_places[m_agent]);
        m_waiting = true;
        m_sent.start();
        m_giveUp.start(ChangeGiveUpMs);
        QNetworkReply *reply = m_network.post(request, QByteArray());
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            reply->deleteLater();
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
                ++m_refused;
        });
    }
    void checkShown()
    {
        if (!m_waiting)
            return;
        if (m_row < 0)
            m_row = m_table->rowOf(m_target, m_places[m_agent]);
        if (m_row < 0)
            return;
        const bool paused = m_table->index(m_row, TargetTableModel::Status)
                                    .data(TargetTableModel::StateRole)
                                    .toInt()
                == int(TargetState::Paused);
        if (paused != m_pausing)
            return;
        m_shownMs.append(m_sent.elapsed());
        next();
    }
    void next()
    {
        m_waiting = false;
        m_giveUp.stop();
        QTimer::singleShot(PauseBetweenChangesMs, this, [this] { send(); });
    }

    QList<AgentProcess *> m_agents;
    QList<AgentPlace *> m_places;
    int m_targets;
    const TargetTableModel *m_table;
    QNetworkAccessManager m_network;
    QRandomGenerator m_random{20261206}; // the same changes every run
    QTimer m_giveUp;
    QElapsedTimer m_sent;
    bool m_stopped = false;
    bool m_waiting = false;
    bool m_pausing = false;
    int m_agent = 0;
    QString m_target;
    int m_row = -1; // m_target's row in the table, -1 when not known
    QList<qint64> m_shownMs;
    int m_missed = 0;
    int m_refused = 0;
};

QString writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// Every row of every agent in the table, each probed at least once.
bool everyRowProbed(const TargetTableModel *table, int expected)
{
    int probed = 0;
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->placeAt(row)->isLocal())
            continue;
        const int state = table->index(row, TargetTableModel::Status)
                                  .data(TargetTableModel::StateRole)
                                  .toInt();
        probed += state == int(TargetState::Unknown) ? 0 : 1;
    }
    return probed == expected;
}

} // namespace

QList<Row> benchFleet(int agentCount, int targetCount, int seconds)
{
    DnsServerFixture dns;
    dns.setQueryLogging(false);
    QString error;
    if (!dns.startDnsmasq({QStringLiteral("--address=/fleet.bench.test/127.0.0.1")}, &error))
        qFatal("%s", qPrintable(error));
    QTemporaryDir dir;
    AppConfig agentConfig = benchTargets(dns.server(), targetCount,
                                         QStringLiteral("fleet.bench.test"));
    for (TargetConfig &target : agentConfig.targets)
        target.intervalS = IntervalS;
    const QString configPath = writeFile(dir.filePath(QStringLiteral("agent.json")),
                                         QJsonDocument(configToJson(agentConfig)).toJson());
    // Actions need an operate token, even on loopback.
    const QString tokensPath = writeFile(dir.filePath(QStringLiteral("tokens")),
                                         "bench operate " + OperateToken + '\n');
    ::chmod(QFile::encodeName(tokensPath).constData(), 0600);

    QElapsedTimer setup;
    setup.start();
    std::vector<std::unique_ptr<AgentProcess>> agents;
    QList<AgentProcess *> agentList;
    for (int i = 0; i < agentCount; ++i) {
        agents.push_back(
                std::make_unique<AgentProcess>(QStringLiteral(DNSWATCH_BINARY), configPath));
        if (!agents.back()->start({QStringLiteral("--tokens"), tokensPath}, &error))
            qFatal("agent %d: %s", i, qPrintable(error));
        agentList.append(agents.back().get());
    }

    AppConfig desk; // watches agents only: one resolver, no targets of its own
    desk.resolvers = agentConfig.resolvers;
    SystemClock clock;
    Monitor monitor(desk, EnvFallback(), MlflowCredentials(), &clock);
    MainWindow window(&monitor);
    window.resize(WindowSize);
    window.show();
    // The agents have just started, as when the dashboard opens while its fleet restarts: their
    // first statuses have most targets not probed yet. The measuring starts once all are probed.
    // (The agents are this process's children: their pipes are polled by this event loop too.)
    QList<AgentPlace *> places;
    for (int i = 0; i < agentCount; ++i) {
        places.append(window.connectAgent(
                AgentEndpoint{QStringLiteral("agent%1").arg(i), QUrl(agents[size_t(i)]->baseUrl()),
                              QString::fromLatin1(OperateToken), QString()}));
    }
    const TargetTableModel *table = window.targetModel();
    if (!runUntil([&] { return everyRowProbed(table, agentCount * targetCount); }, 180'000))
        qFatal("the table did not show every agent's targets probed within 3 minutes");
    runFor(IntervalS * 1000); // settle: a full round of probes and status refreshes
    const qint64 setupMs = setup.elapsed();

    StallProbe stalls;
    ChangeSampler changes(agentList, places, targetCount, table);
    const qint64 cpuBefore = cpuTimeMs();
    stalls.start();
    changes.start();
    runFor(seconds * 1000);
    stalls.stop();
    changes.stop();
    const double cpuPercent = double(cpuTimeMs() - cpuBefore) / (seconds * 10.0);

    const double rssMb = double(residentKb()) / 1024.0;
    qint64 agentsKb = 0;
    for (const auto &agent : agents)
        agentsKb += std::max<qint64>(0, residentKbOf(agent->process()->processId()));
    for (const auto &agent : agents)
        agent->stop();

    const QString size = QStringLiteral("fleet, %1 agents x %2 targets, %3 s")
                                 .arg(agentCount)
                                 .arg(targetCount)
                                 .arg(seconds);
    const qint64 worst = stalls.worstMs();
    const Row stallRow{size + QStringLiteral(": GUI stall"),
                       QStringLiteral("%1; CPU %2%, setup %3 s")
                               .arg(stalls.summary(StallGoalMs))
                               .arg(cpuPercent, 0, 'f', 1)
                               .arg(setupMs / 1000),
                       QStringLiteral("%1 ms").arg(StallGoalMs),
                       double(worst) / double(StallGoalMs),
                       QStringLiteral("<= %1 ms").arg(StallGoalMs),
                       worst <= StallGoalMs};
    // The window's backing store is width x height x 4 bytes: say when the window grew.
    const QString grown = window.size() == WindowSize
            ? QString()
            : QStringLiteral("window grew to %1x%2; ").arg(window.width()).arg(window.height());
    const Row memoryRow{QStringLiteral("the same: dashboard RSS at the end"),
                        QStringLiteral("%1 MB (%2agents: %3 MB in all)")
                                .arg(rssMb, 0, 'f', 1)
                                .arg(grown)
                                .arg(double(agentsKb) / 1024.0, 0, 'f', 0),
                        QStringLiteral("%1 MB").arg(RssGoalMb, 0, 'f', 0),
                        rssMb / RssGoalMb,
                        QStringLiteral("<= %1 MB").arg(RssGoalMb, 0, 'f', 0),
                        rssMb <= RssGoalMb};
    const QList<qint64> &shown = changes.shownMs();
    const qint64 p95 = percentile(shown, 0.95);
    const Row changeRow{
            QStringLiteral("the same: pause/resume at an agent to table (p95)"),
            QStringLiteral("%1 ms (p50 %2, max %3; %4 changes, %5 missed, %6 refused)")
                    .arg(p95)
                    .arg(percentile(shown, 0.5))
                    .arg(shown.isEmpty() ? -1 : *std::max_element(shown.begin(), shown.end()))
                    .arg(shown.size())
                    .arg(changes.missed())
                    .arg(changes.refused()),
            QStringLiteral("%1 ms").arg(ChangeGoalMs),
            double(p95) / double(ChangeGoalMs),
            QStringLiteral("<= %1 ms").arg(ChangeGoalMs),
            p95 >= 0 && p95 <= ChangeGoalMs && changes.missed() == 0 && changes.refused() == 0};
    return {stallRow, memoryRow, changeRow};
}
