// DNS Watch's agent beside Prometheus blackbox_exporter, side by side on this machine: 1,000 names
// probed every 10 s (100 probes/s) from one dnsmasq whose answers have a TTL of 5 s, so every
// probe is a real query. Each prober runs as a process of its own, measured alone, in turns:
// agent, blackbox, agent, blackbox (A B A B), then the agent with --db.
// - the agent: the real `dnswatch --headless` with 1,000 targets (A records, one query a probe, as
//   blackbox's), /metrics scraped every 15 s with `Accept-Encoding: gzip`, as Prometheus does;
// - blackbox_exporter: one dns module a name (its dns prober takes the name from the module and
//   the server from the target), driven by GET /probe spread evenly, one every 10 ms, as a
//   Prometheus with 1,000 targets at scrape_interval 10s would.
// Measured for the prober process only, over the window: CPU (utime + stime from /proc/PID/stat)
// per 100 probes/s, resident memory (VmRSS every 5 s: max and drift; VmHWM), the bytes a scrape
// sends and the samples per target. Targets: agent RSS at most 45 MB (55 MB with --db, flat),
// also at two hours, when its recent history is full (measured in this process and added to the
// agent turns' RSS), CPU at most 0.3x blackbox's.
#include "agentprocess.h"
#include "benchsupport.h"
#include "config/appconfig.h"
#include "config/appconfigjson.h"
#include "dnsserverfixture.h"
#include "probe/probehistorybuffer.h"
#include "recenthistorymemory.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <sys/prctl.h>
#include <unistd.h>

#include <csignal>
#include <functional>
#include <memory>
#include <optional>

namespace {

constexpr int Targets = 1000;
constexpr int IntervalS = 10;
constexpr int ScrapeEveryS = 15;
constexpr int RssEveryS = 5;
constexpr double RssGoalMb = 45;
constexpr double DbRssGoalMb = 55;
constexpr double CpuGoal = 0.3;
constexpr double FlatMb = 2; // drift over the window that still counts as flat
// A long window's drift is also taken from its sample this far in: an agent with --db first fills
// SQLite's page caches (2 MB a connection) as its new history grows.
constexpr int SettleS = 120;
const QString Zone = QStringLiteral("peer.bench.test");

// User plus system CPU time of a process so far, in milliseconds (-1 when it cannot be read).
qint64 cpuMsOf(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // The fields after "(comm) ": state is field 3, utime 14, stime 15.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const qint64 ticks = fields[11].toLongLong() + fields[12].toLongLong();
    return ticks * 1000 / ::sysconf(_SC_CLK_TCK);
}

// A field of /proc/PID/status in KiB ("VmHWM"), -1 when it cannot be read.
qint64 statusKbOf(qint64 pid, const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

struct Reply
{
    int status = 0;
    QByteArray body;
    bool gzipped = false;
};

// GET url; asks for gzip as Prometheus does when gzip is true (the body is then the bytes sent).
Reply get(QNetworkAccessManager &network, const QString &url, bool gzip)
{
    QNetworkRequest request{QUrl(url)};
    request.setRawHeader("Accept-Encoding", gzip ? "gzip" : "identity");
    QNetworkReply *reply = network.get(request);
    if (!runUntil([reply] { return reply->isFinished(); }, 60000))
        qFatal("no answer from %s within 60 s", qPrintable(url));
    Reply answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                 reply->readAll(), reply->rawHeader("Content-Encoding") == "gzip"};
    reply->deleteLater();
    return answer;
}

int samplesIn(const QByteArray &text)
{
    int samples = 0;
    for (const QByteArray &line : text.split('\n'))
        samples += !line.isEmpty() && !line.startsWith('#') ? 1 : 0;
    return samples;
}

// The sum of a counter's samples in an exposition (0 when absent).
double counterSum(const QByteArray &text, const QByteArray &name)
{
    double sum = 0;
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(QByteArray(name + '{')) || line.startsWith(QByteArray(name + ' ')))
            sum += line.mid(line.lastIndexOf(' ') + 1).toDouble();
    }
    return sum;
}

// What one turn of one prober measured.
struct Turn
{
    QString prober;
    double cpuPercent = 0; // of one core, over the window
    double probesPerS = 0;
    double maxRssMb = 0;
    double driftMb = 0; // last sample minus first
    std::optional<double> settledDriftMb; // last minus the one SettleS in (windows of 2 x SettleS)
    double peakMb = 0; // VmHWM at the end
    qint64 scrapeBytes = 0; // as sent, with gzip when offered
    bool gzipped = false;
    qint64 plainBytes = 0;
    double samplesPerTarget = 0;
    int failedRequests = 0;

    double cpuPer100() const { return probesPerS > 0 ? cpuPercent * 100 / probesPerS : 0; }
};

// Samples a process's CPU and memory over a window.
class ProcessWatch
{
public:
    explicit ProcessWatch(qint64 pid) : m_pid(pid)
    {
        m_cpuStartMs = cpuMsOf(pid);
        m_clock.start();
        sample();
    }
    void sample()
    {
        const double mb = double(residentKbOf(m_pid)) / 1024;
        if (m_firstMb < 0)
            m_firstMb = mb;
        if (m_settledMb < 0 && m_clock.elapsed() >= SettleS * 1000)
            m_settledMb = mb;
        m_lastMb = mb;
        m_maxMb = qMax(m_maxMb, mb);
    }
    void finish(Turn *turn) const
    {
        const double elapsedMs = double(m_clock.elapsed());
        turn->cpuPercent = double(cpuMsOf(m_pid) - m_cpuStartMs) * 100 / elapsedMs;
        turn->maxRssMb = m_maxMb;
        turn->driftMb = m_lastMb - m_firstMb;
        if (m_settledMb >= 0 && elapsedMs >= 2 * SettleS * 1000)
            turn->settledDriftMb = m_lastMb - m_settledMb;
        turn->peakMb = double(statusKbOf(m_pid, "VmHWM")) / 1024;
    }
    double elapsedS() const { return double(m_clock.elapsed()) / 1000; }

private:
    qint64 m_pid;
    qint64 m_cpuStartMs = 0;
    QElapsedTimer m_clock;
    double m_firstMb = -1;
    double m_settledMb = -1;
    double m_lastMb = 0;
    double m_maxMb = 0;
};

enum class Edge { Start, Inside, End };

// Runs for seconds, calling sample() every RssEveryS and scrape() every ScrapeEveryS (and at the
// start and the end).
void runWindow(int seconds, const std::function<void()> &sample,
               const std::function<void(Edge)> &scrape)
{
    QElapsedTimer clock;
    clock.start();
    qint64 nextSampleMs = RssEveryS * 1000;
    qint64 nextScrapeMs = ScrapeEveryS * 1000;
    if (scrape)
        scrape(Edge::Start);
    while (clock.elapsed() < qint64(seconds) * 1000) {
        const qint64 nextMs = qMin<qint64>(qMin(nextSampleMs, nextScrapeMs), qint64(seconds) * 1000);
        runFor(int(qMax<qint64>(1, nextMs - clock.elapsed())));
        if (clock.elapsed() >= nextSampleMs) {
            sample();
            nextSampleMs += RssEveryS * 1000;
        }
        if (scrape && clock.elapsed() >= nextScrapeMs) {
            scrape(Edge::Inside);
            nextScrapeMs += ScrapeEveryS * 1000;
        }
    }
    if (scrape)
        scrape(Edge::End);
    sample();
}

QString writeAgentConfig(const QTemporaryDir &dir, const QString &dnsServer)
{
    AppConfig config = benchTargets(dnsServer, Targets, Zone);
    for (TargetConfig &target : config.targets)
        target.record = RecordKind::A; // one query a probe, as blackbox's dns module
    const QString path = dir.filePath(QStringLiteral("agent.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(QJsonDocument(configToJson(config)).toJson());
    return path;
}

Turn runAgent(const QString &configPath, const QString &dbPath, int seconds)
{
    // DNSWATCH_BENCH_PEER_BINARY: another build of the agent (a before-and-after comparison).
    const QString binary = qEnvironmentVariable("DNSWATCH_BENCH_PEER_BINARY",
                                                QStringLiteral(DNSWATCH_BINARY));
    AgentProcess agent(binary, configPath);
    QString error;
    if (!agent.start(dbPath.isEmpty() ? QStringList{} : QStringList{QStringLiteral("--db"), dbPath},
                     &error))
        qFatal("%s", qPrintable(error));
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    const QString metrics = agent.baseUrl() + QStringLiteral("/metrics");
    // Every target probed at least once before the window: one interval and a little.
    runFor((IntervalS + 5) * 1000);
    Turn turn;
    turn.prober = dbPath.isEmpty() ? QStringLiteral("dnswatch --headless")
                                   : QStringLiteral("dnswatch --headless --db");
    const qint64 pid = agent.process()->processId();
    double firstProbes = 0, lastProbes = 0, firstAtS = 0, lastAtS = 0;
    QByteArray lastPlain;
    ProcessWatch watch(pid);
    runWindow(
            seconds, [&] { watch.sample(); },
            [&](Edge edge) {
                // The window's first and last scrapes are plain, to read the probe counter;
                // the others ask for gzip, as Prometheus does.
                const Reply scrape = get(network, metrics, edge == Edge::Inside);
                turn.failedRequests += scrape.status == 200 ? 0 : 1;
                if (edge == Edge::Inside) {
                    turn.scrapeBytes = scrape.body.size();
                    turn.gzipped = scrape.gzipped;
                    return;
                }
                const double probes = counterSum(scrape.body,
                                                 QByteArrayLiteral("dnswatch_probes_total"));
                (edge == Edge::Start ? firstProbes : lastProbes) = probes;
                (edge == Edge::Start ? firstAtS : lastAtS) = watch.elapsedS();
                lastPlain = scrape.body;
            });
    watch.finish(&turn);
    if (turn.scrapeBytes == 0) { // a window shorter than one scrape interval
        const Reply scrape = get(network, metrics, true);
        turn.scrapeBytes = scrape.body.size();
        turn.gzipped = scrape.gzipped;
    }
    turn.plainBytes = lastPlain.size();
    turn.samplesPerTarget = double(samplesIn(lastPlain)) / Targets;
    turn.probesPerS = lastAtS > firstAtS ? (lastProbes - firstProbes) / (lastAtS - firstAtS) : 0;
    agent.stop();
    return turn;
}

QString writeBlackboxConfig(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("blackbox.yml"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    QTextStream out(&file);
    out << "modules:\n";
    for (int i = 0; i < Targets; ++i) {
        out << "  dns_t" << i << ":\n    prober: dns\n    timeout: 5s\n    dns:\n"
            << "      query_name: t" << i << '.' << Zone << "\n      query_type: A\n"
            << "      transport_protocol: udp\n      preferred_ip_protocol: ip4\n"
            << "      ip_protocol_fallback: false\n";
    }
    return path;
}

Turn runBlackbox(const QString &configPath, const QString &dnsServer, int seconds)
{
    const QString program = DnsServerFixture::findTool(
            QStringLiteral("prometheus-blackbox-exporter"));
    if (program.isEmpty())
        qFatal("prometheus-blackbox-exporter not found (Debian package "
               "prometheus-blackbox-exporter; "
               "scripts/deps.sh test installs it)");
    const quint16 port = DnsServerFixture::freePort();
    QProcess blackbox;
    blackbox.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    blackbox.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    blackbox.start(program,
                   {QStringLiteral("--config.file=%1").arg(configPath),
                    QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port)});
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
    if (!runUntil(
                [&] { return get(network, base + QStringLiteral("/health"), false).status == 200; },
                15000))
        qFatal("blackbox_exporter did not answer within 15 s");
    const auto probeUrl = [&](int i) -> QString {
        return base + QStringLiteral("/probe?module=dns_t%1&target=%2").arg(i).arg(dnsServer);
    };
    Turn turn;
    turn.prober = QStringLiteral("blackbox_exporter");
    qint64 sent = 0;
    qint64 done = 0;
    bool counting = false;
    QTimer driver; // one probe every 10 ms: each name every 10 s
    driver.setTimerType(Qt::PreciseTimer);
    driver.setInterval(IntervalS * 1000 / Targets);
    QObject::connect(&driver, &QTimer::timeout, &driver, [&] {
        QNetworkRequest request{QUrl(probeUrl(int(sent++ % Targets)))};
        request.setRawHeader("Accept-Encoding", "gzip");
        QNetworkReply *reply = network.get(request);
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply] {
            const bool ok = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()
                            == 200
                    && reply->readAll().size() > 0;
            if (counting) {
                ++done;
                turn.failedRequests += ok ? 0 : 1;
            }
            reply->deleteLater();
        });
    });
    driver.start();
    runFor((IntervalS + 5) * 1000); // the same warm-up as the agent's
    ProcessWatch watch(blackbox.processId());
    counting = true;
    runWindow(seconds, [&] { watch.sample(); }, {});
    watch.finish(&turn);
    turn.probesPerS = double(done) / watch.elapsedS();
    driver.stop();
    const Reply gzipped = get(network, probeUrl(0), true);
    turn.scrapeBytes = gzipped.body.size();
    turn.gzipped = gzipped.gzipped;
    const Reply plain = get(network, probeUrl(0), false);
    turn.plainBytes = plain.body.size();
    turn.samplesPerTarget = samplesIn(plain.body);
    if (!plain.body.contains("probe_success 1"))
        qFatal("blackbox's probe failed:\n%s", plain.body.constData());
    blackbox.terminate();
    if (!blackbox.waitForFinished(5000))
        blackbox.kill();
    return turn;
}

QString bytes(qint64 count)
{
    return count >= 1024 * 1024 ? QStringLiteral("%1 MB").arg(double(count) / 1048576, 0, 'f', 1)
                                : QStringLiteral("%1 KiB").arg(double(count) / 1024, 0, 'f', 1);
}

QString scrapeText(const Turn &turn)
{
    return QStringLiteral("%1 (%2 plain), %3 samples per target")
            .arg(bytes(turn.scrapeBytes) + (turn.gzipped ? QStringLiteral(" gzip") : QString()),
                 bytes(turn.plainBytes))
            .arg(turn.samplesPerTarget, 0, 'f', 1);
}

QString signedMb(double mb)
{
    return (mb >= 0 ? QStringLiteral("+") : QString()) + QString::number(mb, 'f', 1);
}

QString memoryText(const Turn &turn)
{
    const QString settled = turn.settledDriftMb ? QStringLiteral(", %1 MB after the first %2 min")
                                                          .arg(signedMb(*turn.settledDriftMb))
                                                          .arg(SettleS / 60)
                                                : QString();
    return QStringLiteral("%1 MB max (%2 MB drift%3, peak %4 MB)")
            .arg(turn.maxRssMb, 0, 'f', 1)
            .arg(signedMb(turn.driftMb), settled)
            .arg(turn.peakMb, 0, 'f', 1);
}

QString turnLine(int number, const Turn &turn)
{
    QString line;
    QTextStream err(&line);
    err << "| " << number << " | " << turn.prober << " | "
        << QString::number(turn.cpuPer100(), 'f', 2) << " % of a core | "
        << QString::number(turn.probesPerS, 'f', 1) << " | " << memoryText(turn) << " | "
        << scrapeText(turn)
        << (turn.failedRequests ? QStringLiteral(", %1 failed").arg(turn.failedRequests) : QString())
        << " |";
    err.flush();
    return line;
}

// The table, one line a turn, on stderr (the parent passes it on).
void printTable(const QList<Turn> &turns, int seconds)
{
    QTextStream err(stderr);
    err << "\npeer benchmark: 1,000 names every 10 s, " << seconds << " s a turn, " << machine()
        << "\n| turn | prober | CPU per 100 probes/s | probes/s | RSS | what a scrape costs |"
           "\n| --- | --- | --- | --- | --- | --- |\n";
    for (int i = 0; i < turns.size(); ++i)
        err << turnLine(i + 1, turns[i]) << '\n';
    err.flush();
}

// Each turn's line as it ends, so a long run shows progress.
void append(QList<Turn> *turns, const Turn &turn)
{
    turns->append(turn);
    QTextStream(stderr) << "peer: " << turnLine(int(turns->size()), turn) << '\n';
}

} // namespace

QList<Row> benchPeer(int seconds, int dbSeconds)
{
    DnsServerFixture dns;
    dns.setQueryLogging(false);
    QString error;
    if (!dns.startDnsmasq({QStringLiteral("--address=/%1/127.0.0.1").arg(Zone),
                           QStringLiteral("--local-ttl=5"), QStringLiteral("--cache-size=0")},
                          &error))
        qFatal("%s", qPrintable(error));
    QTemporaryDir dir;
    const QString agentConfig = writeAgentConfig(dir, dns.server());
    const QString blackboxConfig = writeBlackboxConfig(dir);

    QList<Turn> turns;
    for (int round = 0; round < 2; ++round) { // A B A B
        append(&turns, runAgent(agentConfig, QString(), seconds));
        append(&turns, runBlackbox(blackboxConfig, dns.server(), seconds));
    }
    append(&turns, runAgent(agentConfig, dir.filePath(QStringLiteral("history.db")), dbSeconds));
    printTable(turns, seconds);

    QList<Row> rows;
    for (int round = 0; round < 2; ++round) {
        const Turn &ours = turns[round * 2];
        const Turn &theirs = turns[round * 2 + 1];
        const double cpuRatio = theirs.cpuPer100() > 0 ? ours.cpuPer100() / theirs.cpuPer100() : 0;
        rows.append({QStringLiteral("peer %1: CPU per 100 probes/s vs blackbox").arg(round + 1),
                     QStringLiteral("%1% of a core (%2 probes/s)")
                             .arg(ours.cpuPer100(), 0, 'f', 2)
                             .arg(ours.probesPerS, 0, 'f', 1),
                     QStringLiteral("%1%").arg(theirs.cpuPer100(), 0, 'f', 2), cpuRatio,
                     QStringLiteral("<= %1x").arg(CpuGoal, 0, 'f', 1),
                     cpuRatio <= CpuGoal && ours.failedRequests + theirs.failedRequests == 0});
        rows.append(
                {QStringLiteral("peer %1: agent RSS, scraped every 15 s").arg(round + 1),
                 memoryText(ours), QStringLiteral("%1 MB blackbox").arg(theirs.maxRssMb, 0, 'f', 1),
                 ours.maxRssMb / RssGoalMb, QStringLiteral("<= %1 MB").arg(RssGoalMb, 0, 'f', 0),
                 ours.maxRssMb <= RssGoalMb});
    }
    const Turn &ours = turns[0];
    const Turn &theirs = turns[1];
    rows.append({QStringLiteral("peer: a scrape, agent /metrics vs blackbox /probe"),
                 scrapeText(ours), scrapeText(theirs),
                 theirs.samplesPerTarget > 0 ? ours.samplesPerTarget / theirs.samplesPerTarget : 0,
                 QStringLiteral("reported"), true});
    // The windows are minutes long; the agent's recent history fills for two hours. Its RSS at two
    // hours: a turn's, plus the heap of the hours its window had not held yet.
    const double fullHistoryMb = recentHistoryHeapMb(Targets, IntervalS);
    const auto atTwoHoursMb = [&](const Turn &turn, int windowS) {
        const double heldS = IntervalS + 5 + windowS; // warm-up and window
        return turn.maxRssMb
                + fullHistoryMb * qMax(0.0, 1 - heldS * 1000 / double(ProbeHistoryBuffer::KeptMs));
    };
    const double twoHoursMb = qMax(atTwoHoursMb(turns[0], seconds), atTwoHoursMb(turns[2], seconds));
    rows.append({QStringLiteral("peer: agent RSS at two hours (recent history full)"),
                 QStringLiteral("%1 MB (%2 MB of it two hours of recent points)")
                         .arg(twoHoursMb, 0, 'f', 1)
                         .arg(fullHistoryMb, 0, 'f', 1),
                 QStringLiteral("%1 MB limit").arg(RssGoalMb, 0, 'f', 0), twoHoursMb / RssGoalMb,
                 QStringLiteral("<= %1 MB").arg(RssGoalMb, 0, 'f', 0), twoHoursMb <= RssGoalMb});
    const Turn &db = turns.last();
    const double dbTwoHoursMb = atTwoHoursMb(db, dbSeconds);
    const double dbDriftMb = db.settledDriftMb.value_or(db.driftMb);
    rows.append(
            {QStringLiteral("peer: agent --db RSS, scraped every 15 s"),
             QStringLiteral("%1; %2 MB at two hours").arg(memoryText(db)).arg(dbTwoHoursMb, 0, 'f', 1),
             QStringLiteral("%1 MB limit").arg(DbRssGoalMb, 0, 'f', 0), dbTwoHoursMb / DbRssGoalMb,
             QStringLiteral("<= %1 MB, flat").arg(DbRssGoalMb, 0, 'f', 0),
             dbTwoHoursMb <= DbRssGoalMb && dbDriftMb < FlatMb});
    return rows;
}
