#include "agentprocess.h"

#include "binaryrun.h"
#include "dnsserverfixture.h"

#include <QDeadlineTimer>
#include <QTcpSocket>

#include <sys/prctl.h>

#include <csignal>

std::unique_ptr<QProcess> startHeadlessAgent(const QString &binary, const QString &configPath,
                                             const QStringList &extra,
                                             QProcess::ProcessChannelMode mode)
{
    auto agent = std::make_unique<QProcess>();
    agent->setProcessEnvironment(binaryEnvironment());
    agent->setProcessChannelMode(mode);
    // A test that crashes must not leave its agents running (and holding their ports).
    agent->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    agent->start(binary,
                 QStringList{QStringLiteral("--headless"), QStringLiteral("--config"), configPath}
                         + extra);
    return agent;
}

AgentProcess::AgentProcess(const QString &binary, const QString &configPath)
    : m_binary(binary), m_configPath(configPath), m_port(DnsServerFixture::freePort())
{ }

AgentProcess::~AgentProcess() { kill(); }

QString AgentProcess::baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }

bool AgentProcess::start(const QStringList &extra, QString *error, int timeoutMs)
{
    kill();
    m_process = startHeadlessAgent(
            m_binary, m_configPath,
            QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_port)}
                    + extra,
            QProcess::MergedChannels);
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning) {
            *error = QStringLiteral("the agent ended: ") + QString::fromUtf8(output());
            return false;
        }
        // Listening is enough: a plain connect, so TLS or tokens need nothing here.
        QTcpSocket probe;
        probe.connectToHost(QStringLiteral("127.0.0.1"), m_port);
        if (probe.waitForConnected(200))
            return true;
        m_process->waitForReadyRead(100);
    }
    *error = QStringLiteral("the agent did not listen within %1 ms: ").arg(timeoutMs)
            + QString::fromUtf8(output());
    return false;
}

bool AgentProcess::stop(int timeoutMs)
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return false;
    ::kill(pid_t(m_process->processId()), SIGTERM);
    const bool ended = m_process->waitForFinished(timeoutMs);
    output();
    return ended && m_process->exitStatus() == QProcess::NormalExit && m_process->exitCode() == 0;
}

void AgentProcess::kill()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

QByteArray AgentProcess::output()
{
    if (m_process)
        m_output += m_process->readAll();
    return m_output;
}
