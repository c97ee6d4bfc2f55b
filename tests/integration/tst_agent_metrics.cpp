// The real `dnswatch --headless` scraped as Prometheus does: /metrics gzipped when the scraper
// asks (Content-Encoding and Vary), the same text as a plain scrape once decoded, plain when
// gzip is refused; the lean default and the detailed set both clean for promtool.
#include "agentprocess.h"
#include "dnsserverfixture.h"
#include "promtoolcheck.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

namespace {

struct Scrape
{
    int status = 0;
    QByteArray body;
    QByteArray contentEncoding;
    QByteArray vary;
};

// The gzip member's text, inflated with zlib (windowBits 31: gzip only); empty when it is
// not gzip or does not end.
QByteArray gunzip(const QByteArray &compressed)
{
    z_stream stream{};
    if (inflateInit2(&stream, 31) != Z_OK)
        return {};
    QByteArray text;
    char chunk[16384];
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.data()));
    stream.avail_in = uInt(compressed.size());
    int status = Z_OK;
    while (status == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef *>(chunk);
        stream.avail_out = sizeof chunk;
        status = inflate(&stream, Z_NO_FLUSH);
        text.append(chunk, qsizetype(sizeof chunk - stream.avail_out));
    }
    inflateEnd(&stream);
    return status == Z_STREAM_END && stream.avail_in == 0 ? text : QByteArray();
}

// The exposition without the listener's own series (connections open and closed change from
// one request to the next).
QByteArray withoutListener(const QByteArray &text)
{
    QByteArray kept;
    for (const QByteArray &line : text.split('\n')) {
        if (!line.contains("dnswatch_http_"))
            kept += line + '\n';
    }
    return kept;
}

} // namespace

class TestAgentMetrics : public QObject
{
    Q_OBJECT

private:
    // GET /metrics with this Accept-Encoding, as sent: a header set by hand keeps Qt from
    // decoding the answer itself.
    Scrape scrape(quint16 port, const QByteArray &acceptEncoding)
    {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(port)));
        request.setRawHeader("Accept-Encoding", acceptEncoding);
        QNetworkReply *reply = m_network.get(request);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000); }();
        Scrape answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                      reply->readAll(), reply->rawHeader("Content-Encoding"),
                      reply->rawHeader("Vary")};
        reply->deleteLater();
        return answer;
    }

    void writeConfig(const QByteArray &metrics)
    {
        QFile file(m_configPath);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        // Probed once within 6 s of the start (a tenth of the interval) and then not for at least
        // half a minute: two scrapes in between see the same counts.
        file.write("{\"metrics\": " + metrics
                   + ", \"resolvers\": [{\"name\": \"lab\", \"servers\": [\""
                   + m_dns.server().toLatin1()
                   + "\"]}], \"targets\": ["
                     "{\"name\": \"svc\", \"host\": \"svc.test\", \"resolver\": \"lab\", "
                     "\"interval_s\": 60},"
                     "{\"name\": \"db\", \"host\": \"db.test\", \"resolver\": \"lab\", "
                     "\"interval_s\": 60, \"critical\": false}]}");
    }

    // An agent on this config once both targets have had their first probe (and no other: both
    // resolve); its text then.
    QByteArray probedOnce(AgentProcess *agent)
    {
        QString error;
        if (!agent->start({}, &error)) {
            qWarning("%s", qPrintable(error));
            return {};
        }
        const auto probed = [&] {
            const QByteArray text = scrape(agent->port(), "identity").body;
            return text.contains("dnswatch_probes_total{target=\"svc\",host=\"svc.test\","
                                 "resolver=\"lab\"} 1")
                    && text.contains("dnswatch_probes_total{target=\"db\",host=\"db.test\","
                                     "resolver=\"lab\"} 1");
        };
        if (!QTest::qWaitFor(probed, 15000)) {
            qWarning("not probed within 15 s:\n%s",
                     scrape(agent->port(), "identity").body.constData());
            return {};
        }
        return scrape(agent->port(), "identity").body;
    }

    QTemporaryDir m_dir;
    QString m_configPath;
    DnsServerFixture m_dns;
    QNetworkAccessManager m_network;

private Q_SLOTS:
    void initTestCase()
    {
        m_network.setProxy(QNetworkProxy::NoProxy);
        m_configPath = m_dir.filePath(QStringLiteral("agent.json"));
        QString error;
        // Answers that stay fresh for the whole test: nothing changes between two scrapes.
        QVERIFY2(m_dns.startDnsmasq({QStringLiteral("--host-record=svc.test,127.0.0.1,3600"),
                                     QStringLiteral("--host-record=db.test,127.0.0.2,3600")},
                                    &error),
                 qPrintable(error));
    }

    void aGzipScrapeDecodesToThePlainText()
    {
        writeConfig("{}");
        AgentProcess agent(QStringLiteral(DNSWATCH_BINARY), m_configPath);
        const QByteArray plainText = probedOnce(&agent);
        QVERIFY(!plainText.isEmpty());

        const Scrape plain = scrape(agent.port(), "identity");
        QCOMPARE(plain.status, 200);
        QCOMPARE(plain.contentEncoding, QByteArray());
        QCOMPARE(plain.vary, QByteArray("Accept-Encoding"));
        QVERIFY(plain.body.startsWith("# HELP dnswatch_build_info"));

        // Prometheus's own header.
        const Scrape gzipped = scrape(agent.port(), "gzip");
        QCOMPARE(gzipped.status, 200);
        QCOMPARE(gzipped.contentEncoding, QByteArray("gzip"));
        QCOMPARE(gzipped.vary, QByteArray("Accept-Encoding"));
        QVERIFY(gzipped.body.startsWith("\x1f\x8b"));
        QVERIFY2(gzipped.body.size() * 4 < plain.body.size(),
                 qPrintable(QStringLiteral("%1 of %2 bytes")
                                    .arg(gzipped.body.size())
                                    .arg(plain.body.size())));
        const QByteArray decoded = gunzip(gzipped.body);
        QVERIFY(!decoded.isEmpty());
        QCOMPARE(withoutListener(decoded), withoutListener(plain.body));

        // Refused with q=0 (and nothing else taken): plain.
        const Scrape refused = scrape(agent.port(), "gzip;q=0, identity");
        QCOMPARE(refused.contentEncoding, QByteArray());
        QCOMPARE(withoutListener(refused.body), withoutListener(plain.body));
        const Scrape weighted = scrape(agent.port(), "identity;q=0.5, gzip;q=0.8");
        QCOMPARE(weighted.contentEncoding, QByteArray("gzip"));
        QCOMPARE(withoutListener(gunzip(weighted.body)), withoutListener(plain.body));
    }

    // promtool's parser and linter pass the lean default and the detailed set alike; the detailed
    // one has the ratios the lean one leaves to rate().
    void bothSetsPassPromtool_data()
    {
        QTest::addColumn<QByteArray>("metrics");
        QTest::addColumn<bool>("ratios");
        QTest::newRow("lean") << QByteArray("{}") << false;
        QTest::newRow("full") << QByteArray("{\"detailed\": true}") << true;
    }

    void bothSetsPassPromtool()
    {
        QFETCH(QByteArray, metrics);
        QFETCH(bool, ratios);
        writeConfig(metrics);
        AgentProcess agent(QStringLiteral(DNSWATCH_BINARY), m_configPath);
        const QByteArray text = probedOnce(&agent);
        QVERIFY(!text.isEmpty());
        QCOMPARE(text.contains("dnswatch_dns_success_ratio{"), ratios);
        const QByteArray promtoolSays = promtoolCheck(text);
        QVERIFY2(promtoolSays.isEmpty(), promtoolSays.constData());
    }
};

QTEST_MAIN(TestAgentMetrics)
#include "tst_agent_metrics.moc"
