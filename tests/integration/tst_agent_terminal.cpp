// `dnswatch --headless` in a terminal: the real binary on a pseudo-terminal, against a real
// dnsmasq, its output interpreted the way a terminal would (cursor moves, erases, autowrap,
// scrolling) and the resulting screen checked. And with its output in a file: one line per event.
#include "dnsserverfixture.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

// A small terminal: what it shows, plus what a well-behaved full-screen program never makes it
// do (wrap a line that is too long, scroll the screen, receive a sequence it does not know).
class Screen
{
public:
    Screen(int rows, int columns) { resize(rows, columns); }

    void resize(int rows, int columns)
    {
        m_rows = rows;
        m_columns = columns;
        m_cells.resize(rows);
        for (QString &line : m_cells)
            line = line.leftJustified(columns, QLatin1Char(' '), true);
        m_row = qMin(m_row, rows - 1);
        m_column = qMin(m_column, columns - 1);
        m_wrapPending = false;
    }

    void feed(const QByteArray &bytes)
    {
        const QString text = m_decoder.decode(bytes);
        for (const QChar c : text)
            put(c);
    }

    QString row(int index) const { return m_cells.value(index).trimmed(); }
    QStringList rows() const
    {
        QStringList all;
        for (int i = 0; i < m_rows; ++i)
            all << row(i);
        return all;
    }
    // The first row that matches, or an empty string.
    QString find(const QRegularExpression &pattern) const
    {
        for (int i = 0; i < m_rows; ++i) {
            if (pattern.match(row(i)).hasMatch())
                return row(i);
        }
        return QString();
    }
    QString dump() const
    {
        return QStringLiteral("\n|") + rows().join(QStringLiteral("|\n|")) + u'|';
    }

    int wraps = 0; // lines longer than the terminal is wide
    int scrolls = 0; // output below the last row
    QStringList unknown; // sequences this terminal does not interpret

private:
    void newline()
    {
        if (m_row == m_rows - 1) {
            ++scrolls;
            m_cells.removeFirst();
            m_cells.append(QString(m_columns, QLatin1Char(' ')));
        } else {
            ++m_row;
        }
    }

    void put(QChar c)
    {
        if (m_state == State::Escape) {
            if (c == u'[') {
                m_state = State::Csi;
                m_parameters.clear();
            } else {
                unknown << QStringLiteral("ESC ") + c;
                m_state = State::Text;
            }
            return;
        }
        if (m_state == State::Csi) {
            if (c.unicode() >= 0x40 && c.unicode() <= 0x7e) {
                m_state = State::Text;
                control(c);
            } else {
                m_parameters += c;
            }
            return;
        }
        switch (c.unicode()) {
        case 0x1b:
            m_state = State::Escape;
            return;
        case '\r':
            m_column = 0;
            m_wrapPending = false;
            return;
        case '\n':
            m_wrapPending = false;
            newline();
            return;
        default:
            break;
        }
        if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            unknown << QStringLiteral("control 0x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
            return;
        }
        if (m_wrapPending) { // xterm's deferred autowrap
            ++wraps;
            m_wrapPending = false;
            m_column = 0;
            newline();
        }
        m_cells[m_row][m_column] = c;
        if (m_column == m_columns - 1)
            m_wrapPending = true;
        else
            ++m_column;
    }

    void control(QChar final)
    {
        const QStringList parts = m_parameters.split(u';');
        const auto number = [&](int index, int fallback) {
            bool ok = false;
            const int value = parts.value(index).toInt(&ok);
            return ok ? value : fallback;
        };
        m_wrapPending = false;
        if (final == u'H' || final == u'f') {
            m_row = qBound(0, number(0, 1) - 1, m_rows - 1);
            m_column = qBound(0, number(1, 1) - 1, m_columns - 1);
        } else if (final == u'J' && number(0, 0) == 0) {
            m_cells[m_row].replace(m_column, m_columns - m_column,
                                   QString(m_columns - m_column, QLatin1Char(' ')));
            for (int i = m_row + 1; i < m_rows; ++i)
                m_cells[i].fill(QLatin1Char(' '));
        } else if (final == u'J' && number(0, 0) == 2) {
            for (QString &line : m_cells)
                line.fill(QLatin1Char(' '));
        } else if (final == u'K' && number(0, 0) == 0) {
            m_cells[m_row].replace(m_column, m_columns - m_column,
                                   QString(m_columns - m_column, QLatin1Char(' ')));
        } else if (final == u'K' && number(0, 0) == 2) {
            m_cells[m_row].fill(QLatin1Char(' '));
        } else {
            unknown << QStringLiteral("CSI %1%2").arg(m_parameters, final);
        }
    }

    enum class State { Text, Escape, Csi };
    State m_state = State::Text;
    QString m_parameters;
    QStringDecoder m_decoder{QStringDecoder::Utf8};
    QStringList m_cells;
    int m_rows = 0;
    int m_columns = 0;
    int m_row = 0;
    int m_column = 0;
    bool m_wrapPending = false;
};

// The agent on the slave side of a pseudo-terminal, the test on the master side.
class TerminalAgent
{
public:
    TerminalAgent(int rows, int columns) : screen(rows, columns), m_rows(rows), m_columns(columns)
    { }
    ~TerminalAgent()
    {
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
        if (m_master >= 0)
            ::close(m_master);
    }

    bool start(const QStringList &arguments, QString *error)
    {
        // Everything exec needs is made before the fork: the child only calls exec.
        QList<QByteArray> storage{QByteArray(DNSWATCH_BINARY)};
        for (const QString &argument : arguments)
            storage << argument.toLocal8Bit();
        QList<QByteArray> environment{"DNSWATCH_FALLBACK_IPS=", "TERM=xterm", "LC_ALL=C.UTF-8"};
        for (const char *keep : {"PATH", "HOME", "LD_LIBRARY_PATH"}) {
            if (qEnvironmentVariableIsSet(keep))
                environment << QByteArray(keep) + '=' + qgetenv(keep);
        }
        std::vector<char *> argv, envp;
        for (QByteArray &item : storage)
            argv.push_back(item.data());
        argv.push_back(nullptr);
        for (QByteArray &item : environment)
            envp.push_back(item.data());
        envp.push_back(nullptr);

        winsize size{};
        size.ws_row = ushort(m_rows);
        size.ws_col = ushort(m_columns);
        m_pid = ::forkpty(&m_master, nullptr, nullptr, &size);
        if (m_pid < 0) {
            *error = QStringLiteral("forkpty: %1").arg(QString::fromLocal8Bit(::strerror(errno)));
            return false;
        }
        if (m_pid == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL); // dies with the test, even on a crash
            ::execve(argv[0], argv.data(), envp.data());
            ::_exit(127);
        }
        ::fcntl(m_master, F_SETFL, ::fcntl(m_master, F_GETFL) | O_NONBLOCK);
        return true;
    }

    // Reads what the agent wrote so far into the screen; false once the slave side is closed.
    bool pump()
    {
        char buffer[4096];
        for (;;) {
            const ssize_t got = ::read(m_master, buffer, sizeof buffer);
            if (got > 0) {
                const QByteArray bytes(buffer, got);
                output += bytes;
                screen.feed(bytes);
                continue;
            }
            return got < 0 && (errno == EAGAIN || errno == EINTR);
        }
    }

    void resize(int rows, int columns)
    {
        pump();
        winsize size{};
        size.ws_row = ushort(rows);
        size.ws_col = ushort(columns);
        ::ioctl(m_master, TIOCSWINSZ, &size); // the agent gets SIGWINCH
        screen.resize(rows, columns);
    }

    void signal(int number) { ::kill(m_pid, number); }
    // Frames drawn so far: each starts at the top left.
    qsizetype frames() const { return output.count("\x1b[H"); }

    // The exit status once the agent ended within timeoutMs, else -1.
    int waitForExit(int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        int status = 0;
        while (timer.elapsed() < timeoutMs) {
            pump(); // a full terminal buffer would block the agent
            if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
                m_pid = -1;
                pump();
                return status;
            }
            QTest::qWait(20);
        }
        return -1;
    }

    Screen screen;
    QByteArray output;

private:
    int m_rows;
    int m_columns;
    pid_t m_pid = -1;
    int m_master = -1;
};

class TestAgentTerminal : public QObject
{
    Q_OBJECT

private:
    void writeConfig()
    {
        QFile file(m_configPath);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        // Records live 2 s so a paused server soon shows in the stale tier; a lookup gives up
        // after 300 ms. "legacy" is a name the server refuses, kept up by its pinned address;
        // "gone" does not exist (NXDOMAIN is cached negatively: it stays down, not stale).
        file.write(
                "{\"resolvers\":[{\"name\":\"lab\",\"servers\":[\"" + m_dns.server().toLatin1()
                + "\"],\"timeout_ms\":300,\"attempts\":1}],"
                  "\"cache\":{\"min_ttl_s\":1,\"client_response_timer_ms\":400},"
                  "\"targets\":["
                  "{\"name\":\"web\",\"host\":\"web.test\",\"resolver\":\"lab\",\"interval_s\":1},"
                  "{\"name\":\"db\",\"host\":\"db.test\",\"resolver\":\"lab\",\"record\":\"A+"
                  "AAAA\","
                  "\"interval_s\":1},"
                  "{\"name\":\"legacy\",\"host\":\"legacy.test\",\"resolver\":\"lab\","
                  "\"interval_s\":1,\"critical\":false,\"fallback_ips\":[\"10.9.9.9\"]},"
                  "{\"name\":\"gone\",\"host\":\"x.nx.test\",\"resolver\":\"lab\","
                  "\"interval_s\":1,\"critical\":false},"
                  "{\"name\":\"a-target-with-a-much-longer-name\",\"host\":\"web.test\","
                  "\"resolver\":\"lab\",\"interval_s\":1,\"critical\":false}]}");
    }

    QStringList agentArguments() const
    {
        return {QStringLiteral("--headless"), QStringLiteral("--config"), m_configPath,
                QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_port)};
    }

    static QRegularExpression line(const QString &pattern)
    {
        return QRegularExpression(QLatin1Char('^') + pattern);
    }

    // Nothing a terminal would garble: no wrapped line, no scrolled screen, no unknown sequence.
    static void verifyClean(const TerminalAgent &agent)
    {
        QVERIFY2(agent.screen.unknown.isEmpty(),
                 qPrintable(agent.screen.unknown.join(u',') + agent.screen.dump()));
        QVERIFY2(agent.screen.wraps == 0,
                 qPrintable(QStringLiteral("%1 line(s) wider than the terminal wrapped:")
                                    .arg(agent.screen.wraps)
                            + agent.screen.dump()));
        QVERIFY2(agent.screen.scrolls == 0,
                 qPrintable(
                         QStringLiteral("the screen scrolled %1 time(s):").arg(agent.screen.scrolls)
                         + agent.screen.dump()));
    }

    QTemporaryDir m_dir;
    QString m_configPath;
    DnsServerFixture m_dns;
    quint16 m_port = 0;

private Q_SLOTS:
    void initTestCase()
    {
        m_configPath = m_dir.filePath(QStringLiteral("agent.json"));
        QString error;
        QVERIFY2(m_dns.startDnsmasq({QStringLiteral("--host-record=web.test,10.20.30.40,2"),
                                     QStringLiteral("--host-record=db.test,10.20.30.41,fd00::41,2"),
                                     QStringLiteral("--address=/nx.test/")},
                                    &error),
                 qPrintable(error));
        writeConfig();
    }

    void init()
    {
        m_dns.resume();
        m_port = DnsServerFixture::freePort();
        QVERIFY(m_port != 0);
    }

    void cleanup() { m_dns.resume(); }

    void showsOneLinePerTargetAndFollowsAnOutage()
    {
        TerminalAgent agent(30, 100);
        QString error;
        QVERIFY2(agent.start(agentArguments(), &error), qPrintable(error));

        const Screen &screen = agent.screen;
        const auto shows = [&](const QString &pattern) {
            agent.pump();
            return !screen.find(line(pattern)).isEmpty();
        };
        QTRY_VERIFY2_WITH_TIMEOUT(
                shows(QStringLiteral("web +healthy +(fresh|cache) +10\\.20\\.30\\.40 +100\\.0% "
                                     "+\\d\\d:\\d\\d:\\d\\d \\S")),
                qPrintable(screen.dump()), 15000);
        QTRY_VERIFY2_WITH_TIMEOUT(
                shows(QStringLiteral(
                        "db +healthy +(fresh|cache) +(10\\.20\\.30\\.41,fd00::41|fd00::41,"
                        "10\\.20\\.30\\.41) +100\\.0% +\\d\\d:\\d\\d:\\d\\d \\S")),
                qPrintable(screen.dump()), 15000);
        QTRY_VERIFY2_WITH_TIMEOUT(
                shows(QStringLiteral("legacy +degraded +pinned +10\\.9\\.9\\.9 ")),
                qPrintable(screen.dump()), 15000);
        QTRY_VERIFY2_WITH_TIMEOUT(
                shows(QStringLiteral(
                        "gone +down +(fresh|cache|none) +0\\.0% +\\d\\d:\\d\\d:\\d\\d \\S")),
                qPrintable(screen.dump()), 15000);
        // The long name is cut to its column, the rest of its line stays in place.
        QTRY_VERIFY2_WITH_TIMEOUT(
                shows(QStringLiteral("a-target-with-a-much healthy +(fresh|cache) ")),
                qPrintable(screen.dump()), 15000);
        QVERIFY2(screen.row(0).startsWith(
                         QStringLiteral("DNS Watch agent on http://127.0.0.1:%1").arg(m_port)),
                 qPrintable(screen.dump()));
        QVERIFY2(line(QStringLiteral("TARGET +STATE +SOURCE +ADDRESSES +5m OK +LAST EVENT$"))
                         .match(screen.row(2))
                         .hasMatch(),
                 qPrintable(screen.dump()));
        // Exactly one line per target, under the column headers.
        QCOMPARE(screen.rows()
                         .mid(3, 5)
                         .filter(QRegularExpression(
                                 QStringLiteral("^(web|db|legacy|gone|a-target-with-a-much) ")))
                         .size(),
                 5);
        verifyClean(agent);
        if (QTest::currentTestFailed())
            return;

        // The server stops answering: once the records' 2 s run out, the last answers are served
        // stale; the name that does not exist stays down.
        m_dns.pause();
        QTRY_VERIFY2_WITH_TIMEOUT(shows(QStringLiteral("web +degraded +stale +10\\.20\\.30\\.40 ")),
                                  qPrintable(screen.dump()), 15000);
        // Its last event is on its line: the change of state, with the time.
        QTRY_VERIFY2_WITH_TIMEOUT(
                shows(QStringLiteral("web +degraded +stale +10\\.20\\.30\\.40 +\\S+ "
                                     "+\\d\\d:\\d\\d:\\d\\d -> degraded")),
                qPrintable(screen.dump()), 5000);
        QTRY_VERIFY2_WITH_TIMEOUT(shows(QStringLiteral("db +degraded +stale +")),
                                  qPrintable(screen.dump()), 15000);
        QTRY_VERIFY2_WITH_TIMEOUT(
                shows(QStringLiteral("\\d\\d:\\d\\d:\\d\\d fallback_entered web\\.test: ")),
                qPrintable(screen.dump()), 15000);
        QVERIFY2(shows(QStringLiteral(
                         "gone +down +(?!stale)\\S+ +0\\.0% +\\d\\d:\\d\\d:\\d\\d \\S")),
                 qPrintable(screen.dump()));
        QVERIFY2(shows(QStringLiteral("legacy +degraded +pinned +10\\.9\\.9\\.9 ")),
                 qPrintable(screen.dump()));

        // Back: fresh answers again.
        m_dns.resume();
        QTRY_VERIFY2_WITH_TIMEOUT(
                shows(QStringLiteral("web +healthy +(fresh|cache) +10\\.20\\.30\\.40 ")),
                qPrintable(screen.dump()), 15000);
        verifyClean(agent);
        if (QTest::currentTestFailed())
            return;

        agent.signal(SIGTERM);
        const int status = agent.waitForExit(10000);
        QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0,
                 qPrintable(QStringLiteral("wait status %1").arg(status)));
        verifyClean(agent);
        if (QTest::currentTestFailed())
            return;
    }

    void fitsASmallTerminalAndFollowsAResize()
    {
        // 60 columns: lines are cut, never wrapped. 7 rows: fewer than the table needs, so the
        // screen says how many targets it could not show instead of scrolling the header away
        // (targets come by name: "legacy" and "web" are the two left out).
        TerminalAgent agent(7, 60);
        QString error;
        QVERIFY2(agent.start(agentArguments(), &error), qPrintable(error));
        const Screen &screen = agent.screen;
        const auto shows = [&](const QString &pattern) {
            agent.pump();
            return !screen.find(line(pattern)).isEmpty();
        };
        QTRY_VERIFY2_WITH_TIMEOUT(
                shows(QStringLiteral("db +healthy +(fresh|cache) +10\\.20\\.30\\.41")),
                qPrintable(screen.dump()), 15000);
        QTRY_VERIFY2_WITH_TIMEOUT(shows(QStringLiteral("\\.\\.\\. 2 more target\\(s\\)")),
                                  qPrintable(screen.dump()), 15000);
        QVERIFY2(screen.row(0).startsWith(QStringLiteral("DNS Watch agent on")),
                 qPrintable(screen.dump()));
        // Two frames later nothing has wrapped or scrolled.
        const qsizetype frames = agent.frames();
        QTRY_VERIFY_WITH_TIMEOUT((agent.pump(), agent.frames() >= frames + 2), 10000);
        verifyClean(agent);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(screen.row(0).startsWith(QStringLiteral("DNS Watch agent on")),
                 qPrintable(screen.dump()));

        // Made larger, the next frames use the room: every target and the log lines under them.
        agent.resize(30, 120);
        QTRY_VERIFY2_WITH_TIMEOUT(
                shows(QStringLiteral(
                        "gone +down +(fresh|cache|none) +0\\.0% +\\d\\d:\\d\\d:\\d\\d \\S")),
                qPrintable(screen.dump()), 15000);
        QTRY_VERIFY2_WITH_TIMEOUT(shows(QStringLiteral("\\d\\d:\\d\\d:\\d\\d \\S")),
                                  qPrintable(screen.dump()), 15000);
        QVERIFY2(screen.find(line(QStringLiteral("\\.\\.\\. \\d+ more target"))).isEmpty(),
                 qPrintable(screen.dump()));
        // And narrower again: the frame follows at once, still without wrapping.
        agent.resize(30, 40);
        const qsizetype framesBefore = agent.frames();
        QTRY_VERIFY_WITH_TIMEOUT((agent.pump(), agent.frames() >= framesBefore + 2), 10000);
        verifyClean(agent);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(shows(QStringLiteral("web +healthy +(fresh|cache)")), qPrintable(screen.dump()));

        agent.signal(SIGTERM);
        QVERIFY(agent.waitForExit(10000) == 0);
    }

    void redirectedOutputLogsOneEventPerLine()
    {
        // Not a terminal: no table, no escape sequences, one timestamped line per event.
        const QString logPath = m_dir.filePath(QStringLiteral("agent.log"));
        QProcess agent;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DNSWATCH_FALLBACK_IPS"), QString());
        env.remove(QStringLiteral("DNSWATCH_TOKEN"));
        agent.setProcessEnvironment(env);
        agent.setStandardOutputFile(logPath);
        agent.start(QStringLiteral(DNSWATCH_BINARY), agentArguments());
        QVERIFY(agent.waitForStarted());
        const auto logged = [&] {
            QFile file(logPath);
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        };
        QTRY_VERIFY_WITH_TIMEOUT(logged().contains("web: unknown -> healthy"), 15000);
        m_dns.pause();
        QTRY_VERIFY_WITH_TIMEOUT(logged().contains("web: healthy -> degraded"), 15000);
        m_dns.resume();
        QTRY_VERIFY_WITH_TIMEOUT(logged().contains("web: degraded -> healthy"), 15000);
        ::kill(pid_t(agent.processId()), SIGTERM);
        QVERIFY(agent.waitForFinished(10000));
        QCOMPARE(agent.exitCode(), 0);

        const QByteArray text = logged();
        QVERIFY2(!text.contains('\x1b'), text.constData());
        QVERIFY2(!text.contains("TARGET"), text.constData());
        QVERIFY(text.endsWith('\n'));
        const QRegularExpression stamped(QStringLiteral(
                "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)? \\S"));
        const QStringList lines = QString::fromUtf8(text).split(u'\n', Qt::SkipEmptyParts);
        for (const QString &entry : lines)
            QVERIFY2(stamped.match(entry).hasMatch(), qPrintable(entry));
        const auto count = [&](const QString &pattern) {
            return lines.filter(QRegularExpression(pattern)).size();
        };
        QCOMPARE(count(QStringLiteral(" listening on http://127\\.0\\.0\\.1:%1 ").arg(m_port)), 1);
        QCOMPARE(count(QStringLiteral(" web: unknown -> healthy$")), 1);
        QCOMPARE(count(QStringLiteral(" fallback_entered web\\.test: .*serving stale addresses "
                                      "10\\.20\\.30\\.40$")),
                 1);
        QCOMPARE(count(QStringLiteral(" web: healthy -> degraded \\(reachable through stale "
                                      "addresses; DNS: timeout\\)$")),
                 1);
        // Said once when it starts, not at every probe while it lasts.
        QCOMPARE(count(QStringLiteral(" web: kept reachable by the stale tier while DNS says "
                                      "timeout$")),
                 1);
        QCOMPARE(count(QStringLiteral(" web: degraded -> healthy$")), 1);
        QCOMPARE(count(QStringLiteral(" SIGTERM: stopping$")), 1);
    }
};

QTEST_GUILESS_MAIN(TestAgentTerminal)
#include "tst_agent_terminal.moc"
