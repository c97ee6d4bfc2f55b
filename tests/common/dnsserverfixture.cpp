#include "dnsserverfixture.h"

#include "dns/dnsmessage.h"

#include <QFile>
#include <QNetworkDatagram>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QUdpSocket>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

DnsServerFixture::DnsServerFixture() = default;

DnsServerFixture::~DnsServerFixture() { kill(); }

QString DnsServerFixture::findTool(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(
                name, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    return path;
}

quint16 DnsServerFixture::freePort()
{
    // A port free for both UDP and TCP on 127.0.0.1, in the ephemeral range the kernel hands out.
    for (int attempt = 0; attempt < 50; ++attempt) {
        QUdpSocket udp;
        if (!udp.bind(QHostAddress::LocalHost, 0))
            continue;
        QTcpServer tcp;
        if (tcp.listen(QHostAddress::LocalHost, udp.localPort()))
            return udp.localPort();
    }
    return 0;
}

bool DnsServerFixture::startDnsmasq(const QStringList &extraArguments, QString *error)
{
    m_program = findTool(QStringLiteral("dnsmasq"));
    if (m_program.isEmpty()) {
        *error = QStringLiteral("dnsmasq not found (Debian package dnsmasq-base; scripts/test.sh "
                                "installs it)");
        return false;
    }
    return launchOnSomePort(error, [&] {
        m_arguments = {QStringLiteral("--keep-in-foreground"),
                       QStringLiteral("--conf-file=/dev/null"),
                       QStringLiteral("--port=%1").arg(m_port),
                       QStringLiteral("--listen-address=127.0.0.1"),
                       QStringLiteral("--bind-interfaces"),
                       QStringLiteral("--no-resolv"),
                       QStringLiteral("--no-hosts"),
                       QStringLiteral("--pid-file=")};
        if (m_logQueries)
            m_arguments << QStringLiteral("--log-queries")
                        << QStringLiteral("--log-facility=%1/queries.log").arg(m_dir.path());
        if (geteuid() == 0)
            m_arguments << QStringLiteral("--user=root") << QStringLiteral("--group=root");
        m_arguments << extraArguments;
        return true;
    });
}

bool DnsServerFixture::startUnbound(const QStringList &extraServerLines, quint16 forwardPort,
                                    QString *error)
{
    const QString installed = findTool(QStringLiteral("unbound"));
    if (installed.isEmpty()) {
        *error = QStringLiteral("unbound not found (Debian package unbound; scripts/test.sh "
                                "installs it)");
        return false;
    }
    // Debian's AppArmor profile for /usr/sbin/unbound only lets it read /etc/unbound; a copy of
    // the binary under another path runs unconfined and can read our config.
    m_program = m_dir.filePath(QStringLiteral("unbound"));
    if (!QFile::exists(m_program) && !QFile::copy(installed, m_program)) {
        *error = QStringLiteral("cannot copy %1 to %2").arg(installed, m_program);
        return false;
    }
    QFile::setPermissions(m_program, QFile::permissions(m_program) | QFile::ExeOwner);
    const QString configPath = m_dir.filePath(QStringLiteral("unbound.conf"));
    return launchOnSomePort(error, [&] {
        QStringList lines = {QStringLiteral("server:"),
                             QStringLiteral("  interface: 127.0.0.1"),
                             QStringLiteral("  port: %1").arg(m_port),
                             QStringLiteral("  do-daemonize: no"),
                             QStringLiteral("  username: \"\""),
                             QStringLiteral("  chroot: \"\""),
                             QStringLiteral("  pidfile: \"\""),
                             QStringLiteral("  logfile: \"\""),
                             QStringLiteral("  use-syslog: no"),
                             QStringLiteral("  module-config: \"iterator\""),
                             QStringLiteral("  do-not-query-localhost: no"),
                             QStringLiteral("  access-control: 127.0.0.0/8 allow"),
                             QStringLiteral("  local-zone: \"test.\" nodefault")};
        for (const QString &line : extraServerLines)
            lines << QStringLiteral("  ") + line;
        // Everything unbound cannot answer itself goes to the loopback server: never anywhere else.
        lines << QStringLiteral("remote-control:") << QStringLiteral("  control-enable: no")
              << QStringLiteral("forward-zone:") << QStringLiteral("  name: \".\"")
              << QStringLiteral("  forward-addr: 127.0.0.1@%1").arg(forwardPort);
        lines << m_extraClauses;
        QFile config(configPath);
        if (!config.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        config.write(lines.join(QLatin1Char('\n')).toUtf8() + '\n');
        m_arguments = {QStringLiteral("-d"), QStringLiteral("-c"), configPath};
        return true;
    });
}

bool DnsServerFixture::launchOnSomePort(QString *error, const std::function<bool()> &prepare)
{
    // A free port can be taken between our check and the server's bind (parallel tests, the
    // client's own random source ports): try another one a few times.
    for (int attempt = 0; attempt < 3; ++attempt) {
        m_port = m_fixedPort ? m_fixedPort : freePort();
        if (!prepare()) {
            *error = QStringLiteral("cannot write the server's config in %1").arg(m_dir.path());
            return false;
        }
        if (launch(error))
            return true;
        kill();
        if (m_fixedPort)
            break;
    }
    return false;
}

bool DnsServerFixture::restart(QString *error)
{
    kill();
    return launch(error);
}

bool DnsServerFixture::launch(QString *error)
{
    m_process = std::make_unique<QProcess>();
    // The server dies with the test, even when the test crashes or aborts.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->setStandardOutputFile(QProcess::nullDevice());
    m_process->start(m_program, m_arguments);
    if (!m_process->waitForStarted(5000)) {
        *error = QStringLiteral("%1 did not start: %2").arg(m_program, m_process->errorString());
        return false;
    }
    if (!waitUntilAnswering(10000)) {
        *error = QStringLiteral("%1 %2 did not answer on port %3")
                         .arg(m_program, m_arguments.join(QLatin1Char(' ')))
                         .arg(m_port);
        return false;
    }
    return true;
}

bool DnsServerFixture::waitUntilAnswering(int timeoutMs)
{
    QUdpSocket socket;
    socket.bind(QHostAddress::LocalHost, 0);
    const QByteArray query = DnsWire::buildQuery(0x5151, QStringLiteral("fixture-ready.invalid"), 1,
                                                 DnsWire::QueryOptions{});
    bool answered = false;
    QObject::connect(&socket, &QUdpSocket::readyRead, &socket, [&] {
        while (socket.hasPendingDatagrams()) {
            socket.receiveDatagram();
            answered = true;
        }
    });
    return QTest::qWaitFor(
                   [&] {
                       if (m_process->state() != QProcess::Running)
                           return true;
                       if (!answered)
                           socket.writeDatagram(query, QHostAddress::LocalHost, m_port);
                       return answered;
                   },
                   timeoutMs)
            && answered;
}

qint64 DnsServerFixture::pid() const { return m_process ? m_process->processId() : 0; }

void DnsServerFixture::pause()
{
    if (pid() > 0 && !m_paused) {
        ::kill(pid_t(pid()), SIGSTOP);
        m_paused = true;
    }
}

void DnsServerFixture::reload()
{
    if (pid() > 0)
        ::kill(pid_t(pid()), SIGHUP);
}

void DnsServerFixture::resume()
{
    if (pid() > 0 && m_paused) {
        ::kill(pid_t(pid()), SIGCONT);
        m_paused = false;
    }
}

void DnsServerFixture::kill()
{
    if (!m_process)
        return;
    resume();
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_process.reset();
}

int DnsServerFixture::queryCount(const QString &name) const
{
    QFile log(m_dir.filePath(QStringLiteral("queries.log")));
    if (!log.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray needle = " " + name.toLatin1() + " from ";
    int count = 0;
    for (const QByteArray &line : log.readAll().split('\n')) {
        if (line.contains("query[") && line.contains(needle))
            ++count;
    }
    return count;
}
