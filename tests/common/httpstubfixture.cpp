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

bool HttpStubFixture::start(QString *error, Protocol protocol)
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty()) {
        *error = QStringLiteral("python3 not found (scripts/test.sh installs it)");
        return false;
    }
    const QString portFile = m_dir.filePath(QStringLiteral("port"));
    QStringList arguments{QStringLiteral(DNSWATCH_HTTP_STUB), portFile,
                          m_dir.filePath(QStringLiteral("requests.log"))};
    if (protocol == Protocol::Https) {
        const QString key = m_dir.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                       QStringLiteral("-keyout"), key, QStringLiteral("-out"), certificatePath(),
                       QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=svc.test"), QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=DNS:svc.test")});
        if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0) {
            *error = QStringLiteral("openssl could not make a test certificate: %1")
                             .arg(QString::fromLocal8Bit(openssl.readAllStandardError()));
            return false;
        }
        arguments << certificatePath() << key;
    }
    m_process = std::make_unique<QProcess>();
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->start(python, arguments);
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
