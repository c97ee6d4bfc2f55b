#pragma once

#include <QProcess>
#include <QStringList>

#include <memory>

// `binary --headless --config configPath` + extra, started in binaryEnvironment() (no fallback,
// MLflow or token from the test's environment), its output on the channels mode says.
std::unique_ptr<QProcess>
startHeadlessAgent(const QString &binary, const QString &configPath, const QStringList &extra,
                   QProcess::ProcessChannelMode mode = QProcess::SeparateChannels);

// The real `dnswatch --headless` started by a test on a free loopback port, with the fallback
// environment emptied and no token from the environment: start() it, talk to port(), stop() it
// with SIGTERM (or kill() it) and start() it again on the same port.
class AgentProcess
{
public:
    AgentProcess(const QString &binary, const QString &configPath);
    ~AgentProcess();

    // Starts it with the extra arguments (after --headless --config FILE --listen ...); true when
    // /healthz answers within timeoutMs, else *error says what it printed.
    bool start(const QStringList &extra, QString *error, int timeoutMs = 15000);
    bool stop(int timeoutMs = 10000); // SIGTERM; true when it ended with exit code 0
    void kill();
    quint16 port() const { return m_port; }
    QString baseUrl() const; // "http://127.0.0.1:PORT"
    QProcess *process() const { return m_process.get(); }
    // Everything it wrote to stdout and stderr so far.
    QByteArray output();

private:
    QString m_binary;
    QString m_configPath;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_output;
};
