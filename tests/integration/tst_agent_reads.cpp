// The agent's reads (GET /api/v1/pins, /resolve, /history, /report) from the real `dnswatch
// --headless` over HTTP, against a real dnsmasq: what each answers, and each refusal with its
// status and JSON error.
#include "agentprocess.h"
#include "dnsserverfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

class TestAgentReads : public QObject
{
    Q_OBJECT

private:
    struct Answer
    {
        int status = 0;
        QByteArray body;
        QByteArray contentType;
        QByteArray disposition;
        QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
        QString error() const { return json().value(QStringLiteral("error")).toString(); }
    };

    Answer get(quint16 port, const QString &pathAndQuery, const QByteArray &host = QByteArray())
    {
        QNetworkRequest request(
                QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(pathAndQuery)));
        if (!host.isEmpty())
            request.setRawHeader("Host", host);
        QNetworkReply *reply = m_network.get(request);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 60000); }();
        Answer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                      reply->readAll(), reply->rawHeader("Content-Type"),
                      reply->rawHeader("Content-Disposition")};
        reply->deleteLater();
        return answer;
    }

    std::unique_ptr<QProcess> startAgent(quint16 port, const QStringList &extra)
    {
        return startHeadlessAgent(
                QStringLiteral(DNSWATCH_BINARY), m_configPath,
                QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)}
                        + extra,
                QProcess::ForwardedErrorChannel);
    }

    static QString now(qint64 offsetS = 0)
    {
        return QDateTime::currentDateTimeUtc().addSecs(offsetS).toString(Qt::ISODate);
    }

    static QString query(const QList<std::pair<QString, QString>> &items)
    {
        QUrlQuery q;
        for (const auto &[name, value] : items)
            q.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
        return q.toString(QUrl::FullyEncoded);
    }

    // The answer of host through the lab resolver.
    QJsonObject resolved(quint16 port, const QString &host)
    {
        const QJsonArray answers = get(port, QStringLiteral("/api/v1/resolve?host=") + host)
                                           .json()
                                           .value(QStringLiteral("answers"))
                                           .toArray();
        return answers.isEmpty() ? QJsonObject() : answers.first().toObject();
    }

    QTemporaryDir m_dir;
    QString m_configPath;
    DnsServerFixture m_dns;
    QNetworkAccessManager m_network;
    quint16 m_port = 0; // the agent with a history
    quint16 m_bare = 0; // the agent without one
    std::unique_ptr<QProcess> m_agent;
    std::unique_ptr<QProcess> m_bareAgent;

private Q_SLOTS:
    void initTestCase()
    {
        m_network.setProxy(QNetworkProxy::NoProxy);
        QString error;
        QVERIFY2(m_dns.startDnsmasq({QStringLiteral("--host-record=svc.test,127.0.0.1,1"),
                                     QStringLiteral("--host-record=other.test,127.0.0.2,300")},
                                    &error),
                 qPrintable(error));
        m_configPath = m_dir.filePath(QStringLiteral("agent.json"));
        QFile file(m_configPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
                "{\"cache\":{\"min_ttl_s\":1},"
                "\"resolvers\":[{\"name\":\"lab\",\"servers\":[\""
                + m_dns.server().toLatin1()
                + "\"],\"timeout_ms\":300,\"attempts\":1}],\"targets\":["
                  "{\"name\":\"svc\",\"host\":\"svc.test\",\"resolver\":\"lab\",\"interval_s\":1,"
                  "\"fallback_ips\":[\"10.9.9.9\"],\"check\":{\"type\":\"dns\"}},"
                  "{\"name\":\"other\",\"host\":\"Other.Test.\",\"resolver\":\"lab\","
                  "\"interval_s\":1,\"check\":{\"type\":\"dns\"}}]}");
        file.close();
        m_port = DnsServerFixture::freePort();
        m_agent = startAgent(
                m_port, {QStringLiteral("--db"), m_dir.filePath(QStringLiteral("history.db"))});
        m_bare = DnsServerFixture::freePort();
        while (m_bare == m_port)
            m_bare = DnsServerFixture::freePort();
        m_bareAgent = startAgent(m_bare, {});
        QTRY_COMPARE_WITH_TIMEOUT(get(m_port, QStringLiteral("/healthz")).status, 200, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(get(m_bare, QStringLiteral("/healthz")).status, 200, 20000);
    }

    void cleanupTestCase()
    {
        for (QProcess *agent : {m_agent.get(), m_bareAgent.get()}) {
            if (!agent)
                continue;
            agent->terminate();
            if (!agent->waitForFinished(20000))
                agent->kill();
        }
    }

    void pinsFromTheConfig()
    {
        const Answer pins = get(m_port, QStringLiteral("/api/v1/pins"));
        QCOMPARE(pins.status, 200);
        QVERIFY(pins.contentType.startsWith("application/json"));
        const QJsonArray list = pins.json().value(QStringLiteral("pins")).toArray();
        QCOMPARE(list.size(), 1);
        const QJsonObject pin = list.first().toObject();
        QCOMPARE(pin.value(QStringLiteral("host")).toString(), QStringLiteral("svc.test"));
        QCOMPARE(pin.value(QStringLiteral("addresses")).toArray(),
                 QJsonArray{QStringLiteral("10.9.9.9")});
        QCOMPARE(pin.value(QStringLiteral("origin")).toString(), QStringLiteral("config"));
        QVERIFY(pin.value(QStringLiteral("expires")).isNull());
        QVERIFY(QDateTime::fromString(pin.value(QStringLiteral("pinned_at")).toString(), Qt::ISODate)
                        .isValid());
        QVERIFY(!pin.value(QStringLiteral("reason")).toString().isEmpty());

        const Answer extra = get(m_port, QStringLiteral("/api/v1/pins?all=1"));
        QCOMPARE(extra.status, 400);
        QCOMPARE(extra.error(), QStringLiteral("\"all\": this endpoint takes no parameters"));
    }

    void resolvesConfiguredHostsOnly()
    {
        QTRY_COMPARE_WITH_TIMEOUT(resolved(m_port, QStringLiteral("svc.test"))
                                          .value(QStringLiteral("source"))
                                          .toString(),
                                  QStringLiteral("cache"), 20000);
        const Answer answer = get(m_port, QStringLiteral("/api/v1/resolve?host=svc.test"));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json().value(QStringLiteral("host")).toString(), QStringLiteral("svc.test"));
        const QJsonObject first =
                answer.json().value(QStringLiteral("answers")).toArray().first().toObject();
        QCOMPARE(first.value(QStringLiteral("resolver")).toString(), QStringLiteral("lab"));
        QCOMPARE(first.value(QStringLiteral("targets")).toArray(),
                 QJsonArray{QStringLiteral("svc")});
        QCOMPARE(first.value(QStringLiteral("addresses")).toArray(),
                 QJsonArray{QStringLiteral("127.0.0.1")});
        QVERIFY(first.value(QStringLiteral("error")).isNull());

        // The config's spelling and the caller's differ in case and the trailing dot.
        QTRY_COMPARE_WITH_TIMEOUT(resolved(m_port, QStringLiteral("OTHER.test"))
                                          .value(QStringLiteral("addresses"))
                                          .toArray(),
                                  QJsonArray{QStringLiteral("127.0.0.2")}, 20000);
        QCOMPARE(resolved(m_port, QStringLiteral("other.test.")).value(QStringLiteral("source")),
                 QStringLiteral("cache"));

        // Not an open resolver: a name the config does not hold is refused and never asked.
        const Answer unknown = get(m_port, QStringLiteral("/api/v1/resolve?host=stranger.test"));
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.error(),
                 QStringLiteral("host: \"stranger.test\" is not the host of any "
                                "target in this agent's config; it answers only "
                                "for those"));
        QCOMPARE(get(m_bare, QStringLiteral("/api/v1/resolve?host=stranger.test")).status, 404);
        QCOMPARE(m_dns.queryCount(QStringLiteral("stranger.test")), 0);
        QVERIFY(m_dns.queryCount(QStringLiteral("svc.test")) > 0); // the count does count

        const Answer missing = get(m_port, QStringLiteral("/api/v1/resolve"));
        QCOMPARE(missing.status, 400);
        QCOMPARE(missing.error(), QStringLiteral("host: required; expected a value"));
        const Answer malformed = get(m_port, QStringLiteral("/api/v1/resolve?host=a..b"));
        QCOMPARE(malformed.status, 400);
        QCOMPARE(malformed.error(),
                 QStringLiteral("host: \"a..b\" is not a valid host name: empty label"));
        QCOMPARE(get(m_port, QStringLiteral("/api/v1/resolve?host=svc.test&host=x")).status, 400);
    }

    void historyOfATarget()
    {
        const QString recent = QStringLiteral("/api/v1/history?")
                + query({{QStringLiteral("target"), QStringLiteral("svc")},
                         {QStringLiteral("from"), now(-600)},
                         {QStringLiteral("to"), now(60)},
                         {QStringLiteral("step"), QStringLiteral("60")}});
        QTRY_VERIFY_WITH_TIMEOUT(
                !get(m_port, recent).json().value(QStringLiteral("buckets")).toArray().isEmpty(),
                20000);
        const Answer answer = get(m_port, recent);
        QCOMPARE(answer.status, 200);
        const QJsonObject bucket =
                answer.json().value(QStringLiteral("buckets")).toArray().first().toObject();
        QVERIFY(bucket.value(QStringLiteral("probes")).toInt() > 0);
        QVERIFY(bucket.value(QStringLiteral("dns_ok")).toInt() > 0);
        const QJsonObject dnsLatency = bucket.value(QStringLiteral("dns_latency_ms")).toObject();
        QVERIFY(dnsLatency.value(QStringLiteral("p50")).toDouble() > 0);
        QVERIFY(dnsLatency.value(QStringLiteral("p95")).toDouble()
                <= dnsLatency.value(QStringLiteral("max")).toDouble());
        QCOMPARE(QDateTime::fromString(bucket.value(QStringLiteral("start")).toString(), Qt::ISODate)
                                 .toSecsSinceEpoch()
                         % 60,
                 0);
        // The agent started less than ten minutes ago: with a history the answer is complete,
        // without one it says from when it is.
        QCOMPARE(answer.json().value(QStringLiteral("complete")).toBool(), true);
        QVERIFY(answer.json().value(QStringLiteral("kept_from")).isNull());
        const Answer bare = get(m_bare, recent);
        QCOMPARE(bare.status, 200);
        QCOMPARE(bare.json().value(QStringLiteral("complete")).toBool(), false);
        QVERIFY(QDateTime::fromString(bare.json().value(QStringLiteral("kept_from")).toString(),
                                      Qt::ISODate)
                > QDateTime::currentDateTimeUtc().addSecs(-600));
        // Older than memory, from the history: whole minutes.
        const QString older = QStringLiteral("/api/v1/history?")
                + query({{QStringLiteral("target"), QStringLiteral("svc")},
                         {QStringLiteral("from"), now(-3 * 3600)},
                         {QStringLiteral("to"), now()},
                         {QStringLiteral("step"), QStringLiteral("60")}});
        const Answer fromHistory = get(m_port, older);
        QCOMPARE(fromHistory.status, 200);
        QVERIFY(!fromHistory.json().value(QStringLiteral("buckets")).toArray().isEmpty());
        // A step of seconds: the history keeps minutes, so only memory's part, and it says so.
        const QString notWhole = QString(older).replace(QStringLiteral("step=60"),
                                                        QStringLiteral("step=45"));
        const Answer seconds = get(m_port, notWhole);
        QCOMPARE(seconds.status, 200);
        QCOMPARE(seconds.json().value(QStringLiteral("complete")).toBool(), false);
        QVERIFY(seconds.json().value(QStringLiteral("kept_from")).isString());

        const auto refusal = [this](const QList<std::pair<QString, QString>> &items) {
            return get(m_port, QStringLiteral("/api/v1/history?") + query(items));
        };
        const QString target = QStringLiteral("target");
        const QString from = QStringLiteral("from");
        const QString to = QStringLiteral("to");
        const QString step = QStringLiteral("step");
        Answer refused = refusal({{target, QStringLiteral("nope")}, {from, now(-60)}, {to, now()}});
        QCOMPARE(refused.status, 404);
        QCOMPARE(refused.error(),
                 QStringLiteral("target: no target of this agent's config is named \"nope\""));
        refused = refusal({{from, now(-60)}, {to, now()}});
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.error(), QStringLiteral("target: required; expected a value"));
        refused = refusal(
                {{target, QStringLiteral("svc")}, {from, QStringLiteral("yesterday")}, {to, now()}});
        QCOMPARE(refused.status, 400);
        QVERIFY2(refused.error().startsWith(QStringLiteral("from: expected an ISO 8601 time")),
                 qPrintable(refused.error()));
        refused = refusal({{target, QStringLiteral("svc")}, {from, now(-60)}});
        QCOMPARE(refused.status, 400);
        QVERIFY2(refused.error().startsWith(QStringLiteral("to: required")),
                 qPrintable(refused.error()));
        refused = refusal({{target, QStringLiteral("svc")}, {from, now()}, {to, now(-60)}});
        QCOMPARE(refused.status, 400);
        QVERIFY2(refused.error().startsWith(QStringLiteral("to: expected a time after from")),
                 qPrintable(refused.error()));
        refused = refusal({{target, QStringLiteral("svc")},
                           {from, now(-60)},
                           {to, now()},
                           {step, QStringLiteral("0")}});
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.error(),
                 QStringLiteral("step: expected a whole number from 1 to 86400, got \"0\""));
        refused = refusal({{target, QStringLiteral("svc")},
                           {from, QStringLiteral("2026-01-01T00:00:00Z")},
                           {to, QStringLiteral("2026-01-02T00:00:00Z")},
                           {step, QStringLiteral("10")}});
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.error(),
                 QStringLiteral("step: 10 s makes 8640 buckets of this range, "
                                "more than 5000; give a step of 18 s or more"));
    }

    void reportsInEveryFormat_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("contentType");
        QTest::newRow("json") << QStringLiteral("json") << QByteArray("application/json");
        QTest::newRow("csv") << QStringLiteral("csv") << QByteArray("text/csv; charset=utf-8");
        QTest::newRow("html") << QStringLiteral("html") << QByteArray("text/html; charset=utf-8");
        QTest::newRow("pdf") << QStringLiteral("pdf") << QByteArray("application/pdf");
    }

    void reportsInEveryFormat()
    {
        QFETCH(QString, format);
        QFETCH(QByteArray, contentType);
        const Answer report = get(m_port, QStringLiteral("/api/v1/report?last=1h&format=") + format);
        QCOMPARE(report.status, 200);
        QCOMPARE(report.contentType, contentType);
        QVERIFY2(report.disposition.startsWith("attachment; filename=\"dnswatch-report-")
                         && report.disposition.endsWith(QByteArray("." + format.toLatin1() + "\"")),
                 report.disposition.constData());
        // Each as the report checkers of tests/report read it.
        const QString path = m_dir.filePath(QStringLiteral("report.") + format);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(report.body);
        file.close();
        QStringList check;
        if (format == QLatin1String("json"))
            check = {QStringLiteral(DNSWATCH_SOURCE_DIR "/tests/report/check_report_json.py"),
                     QStringLiteral(DNSWATCH_SOURCE_DIR "/docs/report-schema.json"), path};
        else if (format == QLatin1String("csv"))
            check = {QStringLiteral(DNSWATCH_SOURCE_DIR "/tests/report/check_report_csv.py"), path};
        else if (format == QLatin1String("html"))
            check = {QStringLiteral(DNSWATCH_SOURCE_DIR "/tests/report/check_report_html.py"),
                     path,
                     QStringLiteral("--images"),
                     QStringLiteral("4"),
                     QStringLiteral("--text"),
                     QStringLiteral("svc")};
        if (check.isEmpty()) {
            QVERIFY(report.body.startsWith("%PDF-"));
            QProcess pdftotext;
            pdftotext.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
            QVERIFY(pdftotext.waitForFinished(60000));
            QCOMPARE(pdftotext.exitCode(), 0);
            QVERIFY(pdftotext.readAllStandardOutput().contains("svc"));
            return;
        }
        QProcess checker;
        checker.setProcessChannelMode(QProcess::MergedChannels);
        checker.start(QStringLiteral(DNSWATCH_PYTHON), check);
        QVERIFY(checker.waitForFinished(60000));
        QVERIFY2(checker.exitCode() == 0, checker.readAll().constData());
    }

    void reportRefusals()
    {
        Answer refused = get(m_bare, QStringLiteral("/api/v1/report?last=1h"));
        QCOMPARE(refused.status, 409);
        QCOMPARE(refused.error(),
                 QStringLiteral("report: this agent keeps no history; start it "
                                "with --db FILE to have reports of it"));
        refused = get(m_port, QStringLiteral("/api/v1/report?format=docx"));
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.error(),
                 QStringLiteral("format: expected one of html, pdf, csv, json, got \"docx\""));
        refused = get(m_port, QStringLiteral("/api/v1/report?last=soon"));
        QCOMPARE(refused.status, 400);
        QVERIFY2(refused.error().startsWith(QStringLiteral("last: \"soon\" is not a duration")),
                 qPrintable(refused.error()));
        refused = get(m_port,
                      QStringLiteral("/api/v1/report?")
                              + query({{QStringLiteral("from"), now(-60)}}));
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.error(),
                 QStringLiteral("from and to go together (or use last, e.g. "
                                "last 24h)"));
        refused = get(m_port,
                      QStringLiteral("/api/v1/report?")
                              + query({{QStringLiteral("from"), QStringLiteral("noon")},
                                       {QStringLiteral("to"), now()}}));
        QCOMPARE(refused.status, 400);
        QVERIFY2(refused.error().startsWith(QStringLiteral("from: expected an ISO 8601 time")),
                 qPrintable(refused.error()));
        refused = get(m_port,
                      QStringLiteral("/api/v1/report?last=1h&")
                              + query({{QStringLiteral("from"), now(-60)},
                                       {QStringLiteral("to"), now()}}));
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.error(), QStringLiteral("give either last or from and to, not both"));
    }

    void foreignHostIsRefusedEverywhere()
    {
        // The same DNS-rebinding guard as the other endpoints.
        for (const QString &path :
             {QStringLiteral("/api/v1/pins"), QStringLiteral("/api/v1/resolve?host=svc.test"),
              QStringLiteral("/api/v1/history?target=svc"), QStringLiteral("/api/v1/report")})
            QCOMPARE(get(m_port, path, "evil.example").status, 403);
    }

    // Last: it stops the DNS server.
    void staleWhenDnsStops()
    {
        m_dns.kill();
        // Stale once a lookup has failed (an expired answer is "stale" before that too).
        QTRY_VERIFY_WITH_TIMEOUT(!resolved(m_port, QStringLiteral("svc.test"))
                                          .value(QStringLiteral("error"))
                                          .toString()
                                          .isEmpty(),
                                 20000);
        const QJsonObject stale = resolved(m_port, QStringLiteral("svc.test"));
        QCOMPARE(stale.value(QStringLiteral("source")).toString(), QStringLiteral("stale"));
        QCOMPARE(stale.value(QStringLiteral("addresses")).toArray(),
                 QJsonArray{QStringLiteral("127.0.0.1")});
        QVERIFY(stale.value(QStringLiteral("ttl_left_s")).isNull());
        QVERIFY(!stale.value(QStringLiteral("stale_since")).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAgentReads)
#include "tst_agent_reads.moc"
