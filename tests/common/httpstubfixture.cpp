#include "httpstubfixture.h"

#include <QFile>
#include <QStandardPaths>
#include <QTest>

#include <csignal>
#include <sys/prctl.h>

HttpStubFixture::~HttpStubFixture()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

bool HttpStubFixture::start(QString *error)
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty()) {
        *error = QStringLiteral("python3 not found (scripts/test.sh installs it)");
        return false;
    }
    const QString portFile = m_dir.filePath(QStringLiteral("port"));
    m_process = std::make_unique<QProcess>();
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->start(python,
                     {QStringLiteral(DNSWATCH_HTTP_STUB), portFile,
                      m_dir.filePath(QStringLiteral("requests.log"))});
    QFile port(portFile);
    if (!QTest::qWaitFor(
                [&] { return port.exists() || m_process->state() == QProcess::NotRunning; }, 10000)
        || !port.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("the HTTP stub did not start");
        return false;
    }
    m_port = quint16(port.readAll().toUInt());
    return m_port != 0;
}

QStringList HttpStubFixture::requests() const
{
    QFile log(m_dir.filePath(QStringLiteral("requests.log")));
    if (!log.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(log.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}
