// The agent with 1,000 targets, the real `dnswatch --headless` against a local dnsmasq:
// - /api/v1/status (every target's latest state) timed beside /healthz, interleaved;
// - 64 clients long-polling /api/v1/events from addresses of their own while /metrics is scraped
//   every second: every scrape and every poll answered, none refused or closed.
// Targets: status p95 at most 50 ms; no refusal.
#include "agentprocess.h"
#include "benchsupport.h"
#include "config/appconfig.h"
#include "config/appconfigjson.h"
#include "dnsserverfixture.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <algorithm>
#include <memory>

namespace {

constexpr int Targets = 1000;
constexpr int Pollers = 64;
constexpr int StatusSamples = 40;

struct Timed
{
    int status = 0;
    qint64 ms = -1; // -1: no answer
    QByteArray body;
};

Timed timedGet(QNetworkAccessManager &network, const QString &url)
{
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = network.get(QNetworkRequest(QUrl(url)));
    if (!runUntil([reply] { return reply->isFinished(); }, 30000))
        qFatal("no answer from %s within 30 s", qPrintable(url));
    Timed timed{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), timer.elapsed(),
                reply->readAll()};
    reply->deleteLater();
    return timed;
}

int probedTargets(const QByteArray &status)
{
    int probed = 0;
    for (const QJsonValue &target :
         QJsonDocument::fromJson(status).object().value(QLatin1String("targets")).toArray())
        probed += target.toObject().contains(QLatin1String("last_probe")) ? 1 : 0;
    return probed;
}

// One client long-polling the feed on a keep-alive connection of its own, from its own loopback
// address (as 64 dashboards would): each answer is read whole, then the next poll is sent.
class Poller : public QObject
{
public:
    Poller(const QHostAddress &from, quint16 port) : m_port(port)
    {
        m_socket.bind(from);
        connect(&m_socket, &QTcpSocket::connected, this, [this] { ask(); });
        connect(&m_socket, &QTcpSocket::readyRead, this, [this] { read(); });
        connect(&m_socket, &QTcpSocket::disconnected, this, [this] { ++m_closed; });
        m_socket.connectToHost(QHostAddress::LocalHost, m_port);
    }
    int answered() const { return m_answered; }
    int refused() const { return m_refused; }
    int closed() const { return m_closed; }
    bool waiting() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

private:
    void ask()
    {
        m_socket.write("GET /api/v1/events?after=" + QByteArray::number(m_after)
                       + "&wait=25 HTTP/1.1\r\nHost: localhost\r\n\r\n");
    }
    void read()
    {
        m_buffer += m_socket.readAll();
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        const QByteArray head = m_buffer.left(headEnd).toLower();
        const qsizetype length = head.indexOf("content-length:");
        const qsizetype bodyLength = length < 0
                ? 0
                : head.mid(length + 15, head.indexOf('\r', length) - length - 15)
                          .trimmed()
                          .toLongLong();
        if (m_buffer.size() < headEnd + 4 + bodyLength)
            return;
        const QByteArray body = m_buffer.mid(headEnd + 4, bodyLength);
        m_buffer.remove(0, headEnd + 4 + bodyLength);
        if (head.startsWith("http/1.1 200")) {
            ++m_answered;
            m_after = qint64(QJsonDocument::fromJson(body)
                                     .object()
                                     .value(QLatin1String("last_id"))
                                     .toDouble());
        } else {
            ++m_refused;
        }
        ask();
    }

    QTcpSocket m_socket;
    quint16 m_port;
    QByteArray m_buffer;
    qint64 m_after = 0;
    int m_answered = 0;
    int m_refused = 0;
    int m_closed = 0;
};

} // namespace

QList<Row> benchAgent(int seconds)
{
    DnsServerFixture dns;
    dns.setQueryLogging(false);
    QString error;
    if (!dns.startDnsmasq({QStringLiteral("--address=/agent.bench.test/127.0.0.1")}, &error))
        qFatal("%s", qPrintable(error));
    QTemporaryDir dir;
    const QString configPath = dir.filePath(QStringLiteral("agent.json"));
    QFile config(configPath);
    if (!config.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(configPath));
    config.write(QJsonDocument(configToJson(benchTargets(dns.server(), Targets,
                                                         QStringLiteral("agent.bench.test"))))
                         .toJson());
    config.close();

    AgentProcess agent(QStringLiteral(DNSWATCH_BINARY), configPath);
    if (!agent.start({}, &error))
        qFatal("%s", qPrintable(error));
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    const QString base = agent.baseUrl();
    // Every target probed once, so the status carries all of them in full.
    if (!runUntil(
                [&] {
                    return probedTargets(
                                   timedGet(network, base + QStringLiteral("/api/v1/status")).body)
                            == Targets;
                },
                120000))
        qFatal("the agent did not probe every target within 2 minutes");

    QList<qint64> statusMs;
    QList<qint64> healthMs;
    qint64 statusBytes = 0;
    for (int i = 0; i < StatusSamples; ++i) {
        const Timed status = timedGet(network, base + QStringLiteral("/api/v1/status"));
        const Timed health = timedGet(network, base + QStringLiteral("/healthz"));
        if (status.status != 200 || health.status != 200)
            qFatal("status %d, healthz %d", status.status, health.status);
        statusMs.append(status.ms);
        healthMs.append(health.ms);
        statusBytes = status.body.size();
    }
    const qint64 statusP95 = percentile(statusMs, 0.95);
    const qint64 healthP95 = std::max<qint64>(1, percentile(healthMs, 0.95));
    const Row statusRow{QStringLiteral("agent, 1,000 targets: /api/v1/status vs /healthz (p95)"),
                        QStringLiteral("%1 ms (p50 %2 ms, %3 KiB)")
                                .arg(statusP95)
                                .arg(percentile(statusMs, 0.5))
                                .arg(statusBytes / 1024),
                        QStringLiteral("%1 ms").arg(healthP95),
                        double(statusP95) / double(healthP95),
                        QStringLiteral("<= 50 ms"),
                        statusP95 <= 50};

    // The scrape alone, then with 64 long polls held.
    QList<qint64> aloneMs;
    for (int i = 0; i < 10; ++i)
        aloneMs.append(timedGet(network, base + QStringLiteral("/metrics")).ms);
    std::vector<std::unique_ptr<Poller>> pollers;
    for (int i = 0; i < Pollers; ++i)
        pollers.push_back(std::make_unique<Poller>(
                QHostAddress(QStringLiteral("127.0.0.%1").arg(10 + i)), agent.port()));
    runUntil(
            [&] {
                return std::all_of(pollers.begin(), pollers.end(),
                                   [](const auto &p) { return p->waiting(); });
            },
            10000);
    QList<qint64> scrapeMs;
    int scrapesFailed = 0;
    QElapsedTimer run;
    run.start();
    while (run.elapsed() < qint64(seconds) * 1000) {
        QElapsedTimer second;
        second.start();
        const Timed scrape = timedGet(network, base + QStringLiteral("/metrics"));
        scrapesFailed += scrape.status == 200 ? 0 : 1;
        scrapeMs.append(scrape.ms);
        runFor(int(std::max<qint64>(0, 1000 - second.elapsed())));
    }
    int answered = 0, refused = 0, closed = 0;
    for (const auto &poller : pollers) {
        answered += poller->answered();
        refused += poller->refused();
        closed += poller->closed();
    }
    const qint64 aloneP95 = std::max<qint64>(1, percentile(aloneMs, 0.95));
    const qint64 withP95 = percentile(scrapeMs, 0.95);
    const int failures = scrapesFailed + refused + closed;
    const Row pollRow{QStringLiteral("agent: /metrics every 1 s with 64 long polls held (p95)"),
                      QStringLiteral("%1 ms; %2 scrapes, %3 poll answers, %4 refused or closed")
                              .arg(withP95)
                              .arg(scrapeMs.size())
                              .arg(answered)
                              .arg(failures),
                      QStringLiteral("%1 ms alone").arg(aloneP95),
                      double(withP95) / double(aloneP95),
                      QStringLiteral("no refusal"),
                      failures == 0};
    agent.stop();
    return {statusRow, pollRow};
}
