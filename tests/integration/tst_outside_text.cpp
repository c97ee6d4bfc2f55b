// Text from outside on its way to the operator: a real MLflow-like service whose /health body
// carries terminal escapes (retitle, clear screen, a right-to-left override), checked by the
// real binary. Its table, its JSON, the agent's log and the CSV report of the history show the
// escapes as text, and never pass a raw ESC to the terminal. Names with control characters are
// refused by the config loader, and the refusal itself shows them escaped.
#include "binaryrun.h"
#include "dnsserverfixture.h"
#include "httpstubfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {
// What the stub's /escapes/health body looks like once printable() has shown it.
const QByteArray EscapedBody = "\\x1b]0;owned\\x07\\x1b[2J\\u202eevil";
const QByteArray RightToLeftOverride = "\xe2\x80\xae"; // U+202E in UTF-8

bool hasRawControl(const QByteArray &bytes)
{
    return bytes.contains('\x1b') || bytes.contains('\x07') || bytes.contains(RightToLeftOverride);
}
} // namespace

class TestOutsideText : public QObject
{
    Q_OBJECT

private:
    static BinaryRun run(const QStringList &arguments)
    {
        return runBinary(QStringLiteral(DNSWATCH_BINARY), arguments);
    }

    QString writeConfig(const QByteArray &targets)
    {
        const QString path = m_dir.filePath(QStringLiteral("config-%1.json").arg(m_configs++));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write config");
        file.write("{\"resolvers\":[{\"name\":\"lab\",\"servers\":[\"" + m_dns.server().toLatin1()
                   + "\"],\"timeout_ms\":500,\"attempts\":1}],\"targets\":[" + targets + "]}");
        return path;
    }

    QString escapesConfig()
    {
        return writeConfig("{\"name\":\"svc\",\"host\":\"svc.test\",\"resolver\":\"lab\","
                           "\"interval_s\":1,\"check\":{\"type\":\"mlflow\",\"url\":"
                           "\"http://svc.test:"
                           + QByteArray::number(m_http.port()) + "/escapes\"}}");
    }

    QTemporaryDir m_dir;
    int m_configs = 0;
    DnsServerFixture m_dns;
    HttpStubFixture m_http;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_dns.startDnsmasq({QStringLiteral("--host-record=svc.test,127.0.0.1,60")}, &error),
                 qPrintable(error));
        QVERIFY2(m_http.start(&error), qPrintable(error));
    }

    void onceTableShowsTheBodyEscaped()
    {
        const BinaryRun result = run(
                {QStringLiteral("--once"), QStringLiteral("--config"), escapesConfig()});
        QCOMPARE(result.exitCode, 1); // the check failed: not ready
        QVERIFY2(!hasRawControl(result.out), result.out.toPercentEncoding(" \n").constData());
        QVERIFY2(!hasRawControl(result.err), result.err.toPercentEncoding(" \n").constData());
        QVERIFY2(result.out.contains(EscapedBody), result.out.constData());
    }

    void onceJsonKeepsTheBodyByJsonRules()
    {
        const BinaryRun result = run({QStringLiteral("--once"), QStringLiteral("--config"),
                                      escapesConfig(), QStringLiteral("--format"),
                                      QStringLiteral("json")});
        QCOMPARE(result.exitCode, 1);
        // JSON escapes controls itself (\u001b); the exact text is there for a program to read.
        QVERIFY(!result.out.contains('\x1b'));
        QVERIFY(!result.out.contains('\x07'));
        const QJsonObject target = QJsonDocument::fromJson(result.out)
                                           .object()
                                           .value(QStringLiteral("targets"))
                                           .toArray()
                                           .first()
                                           .toObject();
        QVERIFY2(target.value(QStringLiteral("check"))
                         .toObject()
                         .value(QStringLiteral("detail"))
                         .toString()
                         .contains(QStringLiteral("\x1b]0;owned\x07")),
                 result.out.constData());
    }

    void agentLogAndCsvReportShowTheBodyEscaped()
    {
        const QString db = m_dir.filePath(QStringLiteral("escapes.db"));
        QProcess agent;
        agent.setProcessEnvironment(binaryEnvironment());
        agent.start(QStringLiteral(DNSWATCH_BINARY),
                    {QStringLiteral("--headless"), QStringLiteral("--config"), escapesConfig(),
                     QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:%1").arg(DnsServerFixture::freePort()),
                     QStringLiteral("--db"), db});
        QByteArray log;
        QTRY_VERIFY_WITH_TIMEOUT((log += agent.readAllStandardOutput()).contains(EscapedBody),
                                 30000);
        ::kill(pid_t(agent.processId()), SIGTERM);
        QVERIFY(agent.waitForFinished(30000));
        log += agent.readAllStandardOutput();
        QCOMPARE(agent.exitCode(), 0);
        QVERIFY2(!hasRawControl(log), log.toPercentEncoding(" \n").constData());
        const QByteArray errors = agent.readAllStandardError();
        QVERIFY2(!hasRawControl(errors), errors.toPercentEncoding(" \n").constData());

        // The history keeps what the service said; the CSV shows it escaped, on one line.
        const QString csvPath = m_dir.filePath(QStringLiteral("escapes.csv"));
        const BinaryRun report = run({QStringLiteral("--report"), csvPath,
                                      QStringLiteral("--format"), QStringLiteral("csv"),
                                      QStringLiteral("--db"), db, QStringLiteral("--last"),
                                      QStringLiteral("1h")});
        QVERIFY2(report.exitCode == 0, report.err.constData());
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray text = csv.readAll();
        QVERIFY2(!hasRawControl(text), text.toPercentEncoding(" \n").constData());
        QVERIFY2(text.contains(EscapedBody), text.constData());
    }

    void controlCharactersInATargetNameAreRefused()
    {
        const QString config = writeConfig(
                "{\"name\":\"svc\\u001b]0;owned\\u0007\",\"host\":\"svc.test\",\"resolver\":"
                "\"lab\"}");
        const BinaryRun result = run({QStringLiteral("--once"), QStringLiteral("--config"), config});
        QCOMPARE(result.exitCode, 2); // nothing started
        QVERIFY2(result.err.contains("$.targets[0].name: expected a name without control "
                                     "characters"),
                 result.err.constData());
        QVERIFY2(result.err.contains("\"svc\\x1b]0;owned\\x07\""), result.err.constData());
        QVERIFY2(!hasRawControl(result.err), result.err.toPercentEncoding(" \n").constData());
    }
};

QTEST_GUILESS_MAIN(TestOutsideText)
#include "tst_outside_text.moc"
