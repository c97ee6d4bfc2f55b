// The agent follows its config file as editors and config management write it: deleted, left
// away for a while, and written again. The real binary, its HTTP status as the proof.
#include "binaryrun.h"
#include "dnsserverfixture.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class TestAgentConfigWatch : public QObject
{
    Q_OBJECT

private:
    QByteArray status(quint16 port)
    {
        QNetworkReply *reply = m_network.get(QNetworkRequest(
                QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/status").arg(port))));
        [&] { QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000); }();
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        return body;
    }

    void writeConfig(const QByteArray &targetName)
    {
        QFile file(m_configPath);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{\"resolvers\":[{\"name\":\"lab\",\"servers\":[\"" + m_dns.server().toLatin1()
                   + "\"],\"timeout_ms\":500,\"attempts\":1}],\"targets\":[{\"name\":\""
                   + targetName + "\",\"host\":\"svc.test\",\"resolver\":\"lab\"}]}");
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
        QVERIFY2(m_dns.startDnsmasq({QStringLiteral("--host-record=svc.test,127.0.0.1,60")}, &error),
                 qPrintable(error));
    }

    void reloadsAFileThatWasDeletedAndWrittenAgain()
    {
        writeConfig("first");
        const quint16 port = DnsServerFixture::freePort();
        QProcess agent;
        agent.setProcessEnvironment(binaryEnvironment());
        agent.start(QStringLiteral(DNSWATCH_BINARY),
                    {QStringLiteral("--headless"), QStringLiteral("--config"), m_configPath,
                     QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)});
        QTRY_VERIFY_WITH_TIMEOUT(status(port).contains("\"first\""), 15000);

        QByteArray log;
        // Twice: the watch must survive its own recovery.
        for (const QByteArray &name : {QByteArray("second"), QByteArray("third")}) {
            const qsizetype seen = log.size();
            QVERIFY(QFile::remove(m_configPath));
            // The agent has noticed the file is gone (the old code said so by failing to
            // reload it) before it comes back: the gap is longer than any settling delay.
            QTRY_VERIFY_WITH_TIMEOUT(
                    (log += agent.readAllStandardOutput()).mid(seen).contains("is gone")
                            || log.mid(seen).contains("reload rejected"),
                    15000);
            writeConfig(name);
            QTRY_VERIFY_WITH_TIMEOUT(status(port).contains(QByteArray("\"" + name + "\"")), 15000);
            QVERIFY(!status(port).contains("\"first\""));
        }
        log += agent.readAllStandardOutput();
        QVERIFY2(log.contains("config reloaded"), log.constData());

        ::kill(pid_t(agent.processId()), SIGTERM);
        QVERIFY(agent.waitForFinished(30000));
        QCOMPARE(agent.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAgentConfigWatch)
#include "tst_agent_configwatch.moc"
