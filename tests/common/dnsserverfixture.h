#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <memory>

// A real DNS server (dnsmasq or unbound) on a free loopback high port, started and stopped by a
// test. Faults as real servers show them: pause() stops the process (SIGSTOP: queries time out),
// resume() continues it, kill() ends it (its port then refuses).
class DnsServerFixture
{
public:
    DnsServerFixture();
    ~DnsServerFixture();

    // dnsmasq with a bare loopback base line plus extra arguments (--host-record=...,
    // --address=...). Queries are logged so queryCount() can count them.
    bool startDnsmasq(const QStringList &extraArguments, QString *error);
    // Serve on this port instead of a free one (53 inside a private network namespace).
    void setFixedPort(quint16 port) { m_fixedPort = port; }
    // Query logging (on by default, for queryCount()) slows dnsmasq down; benchmarks turn it off.
    void setQueryLogging(bool enabled) { m_logQueries = enabled; }
    // Sends SIGHUP: dnsmasq re-reads its --addn-hosts files.
    void reload();
    // unbound with a minimal loopback server block plus extra "server:" lines, forwarding "." to
    // 127.0.0.1@forwardPort (never anywhere else).
    bool startUnbound(const QStringList &extraServerLines, quint16 forwardPort, QString *error);
    // unbound only: clauses after the server block (auth-zone:, stub-zone:...), set before start.
    void setExtraUnboundClauses(const QStringList &lines) { m_extraClauses = lines; }
    // Starts the same server again on the same port (after kill()).
    bool restart(QString *error);

    quint16 port() const { return m_port; }
    QString server() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    qint64 pid() const;
    QString workDir() const { return m_dir.path(); }

    void pause();
    void resume();
    void kill();

    // dnsmasq only: how many queries for name it has logged.
    int queryCount(const QString &name) const;

    static QString findTool(const QString &name);
    static quint16 freePort();

private:
    bool launch(QString *error);
    bool launchOnSomePort(QString *error, const std::function<bool()> &prepare);
    bool waitUntilAnswering(int timeoutMs);

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    QString m_program;
    QStringList m_arguments;
    quint16 m_port = 0;
    quint16 m_fixedPort = 0;
    bool m_logQueries = true;
    bool m_paused = false;
    QStringList m_extraClauses;
};
