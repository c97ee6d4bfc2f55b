#include "headlessagent.h"

#include "agentserver.h"

#include "dns/dnsmessage.h"
#include "printabletext.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSocketNotifier>
#include <QTextStream>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>

namespace {
int g_signalPipe[2] = {-1, -1};

void forwardSignal(int signal)
{
    // Only async-signal-safe work here: the event loop picks it up from the (non-blocking) pipe.
    const int savedErrno = errno;
    const char number = char(signal);
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[0], &number, 1);
    errno = savedErrno;
}

// Who may read and act: token names and roles, never the tokens.
QString accessLine(const AgentTokens &tokens)
{
    if (tokens.isEmpty())
        return QStringLiteral("access: no token: reads open on loopback, actions refused");
    QStringList holders;
    for (const AgentToken &token : tokens.tokens())
        holders.append(QStringLiteral("%1 (%2)").arg(token.name, roleName(token.role)));
    return QStringLiteral("access: %1 token(s): %2")
            .arg(tokens.size())
            .arg(holders.join(QStringLiteral(", ")));
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}
} // namespace

HeadlessAgent::HeadlessAgent(const Options &options, const AppConfig &config,
                             const EnvFallback &env, Clock *clock, QObject *parent)
    : QObject(parent), m_options(options), m_clock(clock)
{
    m_monitor = std::make_unique<Monitor>(config, env, MlflowCredentials::fromEnvironment(), clock);
    m_server = std::make_unique<AgentServer>(m_monitor.get(), options.tokens, config.agent);
}

quint16 HeadlessAgent::port() const { return m_server ? m_server->port() : 0; }

QString HeadlessAgent::baseUrl() const
{
    return QStringLiteral("%1://%2:%3")
            .arg(m_options.tls ? QStringLiteral("https") : QStringLiteral("http"),
                 m_options.listenAddress.toString())
            .arg(port());
}

HeadlessAgent::~HeadlessAgent()
{
    for (int signal : {SIGTERM, SIGINT, SIGHUP})
        std::signal(signal, SIG_DFL);
    for (int &fd : g_signalPipe) {
        if (fd >= 0)
            ::close(std::exchange(fd, -1));
    }
}

void HeadlessAgent::keepHistory(HistoryStore *store, const SchemaReport &opened,
                                const RestoredState &state)
{
    m_recorder = std::make_unique<HistoryRecorder>(m_monitor->resolver(), store, state);
    m_recorder->watch(m_monitor.get());
    m_startLines.append(QStringLiteral("history: %1, %2; took back %3 last-known-good answer(s) "
                                       "and %4 pin(s)")
                                .arg(store->path(), describeOpening(opened))
                                .arg(m_recorder->restoredAnswers())
                                .arg(m_recorder->restoredPins()));
    m_server->setHistory(store);
    // Event IDs go on above the last one the file kept, even if the wall clock stepped back.
    EventFeed *feed = m_server->eventFeed();
    feed->continueAfter(state.eventFeedLastId);
    connect(feed, &EventFeed::appended, store, &HistoryStore::keepEventFeedLastId);
    // Not a line per failed batch (a full disk fails several a second): the store sums them up.
    connect(store, &HistoryStore::writeTroubleSaid, this, &HeadlessAgent::log);
    const auto damaged = [](const QString &why) {
        return QStringLiteral("history damaged: %1; monitoring goes on without it, /readyz is not "
                              "ready until the file is replaced and the agent restarted")
                .arg(why);
    };
    // The background page check may have found it already.
    if (!store->damage().isEmpty())
        m_startLines.append(damaged(store->damage()));
    connect(store, &HistoryStore::damaged, this,
            [this, damaged](const QString &why) { log(damaged(why)); });
}

bool HeadlessAgent::start(QString *error)
{
    if (m_options.tls)
        m_server->listener()->setTlsConfiguration(m_options.tls->serverConfiguration());
    if (!m_server->listen(m_options.listenAddress, m_options.listenPort, error))
        return false;
    installSignalHandlers();
    connect(m_server->listener(), &GuardedTcpServer::closuresSummarized, this, &HeadlessAgent::log);
    connect(m_server.get(), &AgentServer::acted, this, &HeadlessAgent::log);
    if (!m_options.configPath.isEmpty())
        watchConfigFile();
    connect(m_monitor.get(), &Monitor::stateChanged, this,
            [this](const QString &target, TargetState from, TargetState to, const QString &detail) {
                noteLastEvent(target, QStringLiteral("-> %1").arg(targetStateName(to)));
                log(QStringLiteral("%1: %2 -> %3%4")
                            .arg(target, targetStateName(from), targetStateName(to),
                                 detail.isEmpty() ? QString()
                                                  : QStringLiteral(" (%1)").arg(detail)));
            });
    connect(m_monitor->resolver(), &Resolver::eventOccurred, this,
            [this](const ResolverEvent &event) {
                const QString what = event.tier == ResolutionSource::None
                        ? eventKindName(event.kind)
                        : QStringLiteral("%1 (%2)").arg(eventKindName(event.kind),
                                                        sourceName(event.tier));
                for (const TargetConfig &target : m_monitor->config().targets) {
                    if (DnsWire::namesEqual(target.host, event.host))
                        noteLastEvent(target.name, what);
                }
                log(QStringLiteral("%1 %2%3").arg(
                        eventKindName(event.kind), event.detail,
                        event.actor.isEmpty() ? QString()
                                              : QStringLiteral(" (by %1)").arg(event.actor)));
            });
    connect(m_monitor->engine(), &ProbeEngine::resultRecorded, this,
            [this](const ProbeResult &result) {
                // Said once when it starts, not at every probe while it lasts.
                if (!result.keptReachableByFallback()) {
                    m_keptReachable.remove(result.target);
                    return;
                }
                if (m_keptReachable.contains(result.target))
                    return;
                m_keptReachable.insert(result.target);
                log(QStringLiteral("%1: kept reachable by the %2 tier while DNS says %3")
                            .arg(result.target, sourceName(result.resolution.source),
                                 causeName(result.resolution.cause)));
            });
    const MlflowCredentials credentials = MlflowCredentials::fromEnvironment();
    for (const TargetConfig &target : m_monitor->config().targets) {
        if (credentials.isSet() && target.check.type == CheckConfig::Type::Mlflow
            && target.check.url.scheme() == QLatin1String("http"))
            log(QStringLiteral(
                        "warning: %1 checks MLflow over plain http; its credentials cross the "
                        "network unencrypted")
                        .arg(target.name));
    }
    log(QStringLiteral("listening on %1 (/metrics /healthz /readyz /api/v1/status); %2 target(s) "
                       "from %3")
                .arg(baseUrl())
                .arg(m_monitor->config().targets.size())
                .arg(m_monitor->config().source));
    log(accessLine(m_options.tokens));
    if (m_options.tls) {
        for (const QString &line : m_options.tls->startLines())
            log(line);
    } else if (!m_options.listenAddress.isLoopback()) {
        log(QStringLiteral("warning: plain HTTP on %1, which is not loopback: the token crosses "
                           "the network in clear; serve HTTPS with --tls-cert and --tls-key")
                    .arg(m_options.listenAddress.toString()));
    }
    for (const QString &line : std::as_const(m_startLines))
        log(line);
    if (m_options.terminal) {
        connect(&m_statusTimer, &QTimer::timeout, this, &HeadlessAgent::drawStatus);
        m_statusTimer.start(1000);
    }
    return true;
}

void HeadlessAgent::watchConfigFile()
{
    // Editors write in steps or replace the file, and config management deletes it and writes
    // it again: the watch on the file ends with the file. The folder is watched too, so a file
    // that comes back is seen however long it was gone.
    const QString path = m_options.configPath;
    m_watcher.addPath(path);
    m_watcher.addPath(QFileInfo(path).absolutePath());
    m_reloadDelay.setSingleShot(true);
    m_reloadDelay.setInterval(300);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, &m_reloadDelay,
            qOverload<>(&QTimer::start));
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this, path] {
        // Other files in the folder come and go; only a config file that is back matters (while
        // it is watched, fileChanged says when it changes).
        if (!m_watcher.files().contains(path) && QFileInfo::exists(path))
            m_reloadDelay.start();
    });
    connect(&m_reloadDelay, &QTimer::timeout, this, [this, path] {
        if (!QFileInfo::exists(path)) {
            m_watcher.removePath(path);
            log(QStringLiteral("config %1 is gone; the running config stays until it is back")
                        .arg(path));
            return;
        }
        // Watch the file that is there now, which may be a new one under the same name.
        m_watcher.removePath(path);
        m_watcher.addPath(path);
        reload();
    });
}

bool HeadlessAgent::reload()
{
    if (m_options.configPath.isEmpty())
        return false;
    const ConfigLoadResult loaded = loadConfigFile(m_options.configPath);
    const QString noTargets = loaded.config ? localTargetsProblem(*loaded.config) : QString();
    if (!loaded.config || !noTargets.isEmpty()) {
        for (const ConfigError &error : loaded.errors)
            log(QStringLiteral("reload rejected: %1").arg(error.toString()));
        if (!noTargets.isEmpty())
            log(QStringLiteral("reload rejected: %1").arg(noTargets));
        log(QStringLiteral("the running config stays"));
        return false;
    }
    const QStringList notApplied = m_monitor->applyConfig(*loaded.config);
    log(QStringLiteral("config reloaded: %1 target(s)").arg(m_monitor->config().targets.size()));
    for (const QString &part : notApplied)
        log(QStringLiteral("not applied until a restart: %1").arg(part));
    return true;
}

void HeadlessAgent::installSignalHandlers()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, g_signalPipe) != 0) {
        log(QStringLiteral("cannot watch for signals (%1): stop with SIGKILL, reload by restarting")
                    .arg(QString::fromLocal8Bit(::strerror(errno))));
        return;
    }
    m_signalNotifier = new QSocketNotifier(g_signalPipe[1], QSocketNotifier::Read, this);
    connect(m_signalNotifier, &QSocketNotifier::activated, this, &HeadlessAgent::onSignal);
    struct sigaction action
    { };
    action.sa_handler = forwardSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int signal : {SIGTERM, SIGINT, SIGHUP})
        ::sigaction(signal, &action, nullptr);
}

void HeadlessAgent::onSignal()
{
    char signal = 0;
    if (::read(g_signalPipe[1], &signal, 1) != 1)
        return;
    if (signal == SIGHUP) {
        log(QStringLiteral("SIGHUP: reloading %1").arg(m_options.configPath));
        reload();
        return;
    }
    log(QStringLiteral("%1: stopping")
                .arg(signal == SIGTERM ? QStringLiteral("SIGTERM") : QStringLiteral("SIGINT")));
    Q_EMIT stopRequested();
}

void HeadlessAgent::log(const QString &text)
{
    // Details, names and errors in a line come from the network and the config: shown, never
    // obeyed by the terminal, and one line stays one line.
    const QString line = printable(text);
    Q_EMIT logged(line);
    if (m_options.terminal) {
        // The live status shows the latest lines under the table.
        m_recentLines.append(m_clock->wallTime().toString(QStringLiteral("HH:mm:ss"))
                             + QLatin1Char(' ') + line);
        while (m_recentLines.size() > RecentLineLimit)
            m_recentLines.removeFirst();
        return;
    }
    out() << m_clock->wallTime().toString(Qt::ISODateWithMs) << ' ' << line << '\n';
    out().flush();
}

void HeadlessAgent::noteLastEvent(const QString &target, const QString &what)
{
    m_lastEvent.insert(target,
                       m_clock->wallTime().toLocalTime().toString(QStringLiteral("HH:mm:ss"))
                               + QLatin1Char(' ') + what);
}

void HeadlessAgent::drawStatus()
{
    // Sized to the terminal as it is now (it may have been resized): a line is cut at its width
    // rather than wrapped, and what does not fit its height is left out rather than scrolling
    // the table off the screen.
    winsize size{};
    const bool sized = ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0
            && size.ws_row > 0;
    const qsizetype width = sized ? size.ws_col : 80;
    const qsizetype height = sized ? size.ws_row : 24;

    QStringList lines{QStringLiteral("DNS Watch agent on %1   %2")
                              .arg(baseUrl(), m_clock->wallTime().toString(Qt::ISODate)),
                      QString(),
                      QStringLiteral("%1 %2 %3 %4 %5 %6")
                              .arg(QStringLiteral("TARGET"), -20)
                              .arg(QStringLiteral("STATE"), -9)
                              .arg(QStringLiteral("SOURCE"), -7)
                              .arg(QStringLiteral("ADDRESSES"), -32)
                              .arg(QStringLiteral("5m OK"), -6)
                              .arg(QStringLiteral("LAST EVENT"))};
    QStringList targetLines;
    for (const TargetHealth &health : m_monitor->statistics()->all()) {
        const QStringList addresses = health.last
                ? addressStrings(health.last->resolution.addresses)
                : QStringList();
        const QString source = health.last ? sourceName(health.last->resolution.source)
                                           : QStringLiteral("-");
        const WindowCounts &five = health.windows[TargetHealth::FiveMinutes];
        targetLines += QStringLiteral("%1 %2 %3 %4 %5 %6")
                               .arg(printable(health.target).left(20), -20)
                               .arg(targetStateName(health.state), -9)
                               .arg(source, -7)
                               .arg(addresses.join(QLatin1Char(',')).left(32), -32)
                               .arg(five.probes ? QStringLiteral("%1%").arg(five.checkRate() * 100,
                                                                            0, 'f', 1)
                                                : QStringLiteral("-"),
                                    -6)
                               .arg(m_lastEvent.value(health.target, QStringLiteral("-")));
    }
    // Every target if they fit, then as many of the latest log lines as fit under them.
    const qsizetype room = height - lines.size();
    if (targetLines.size() > room) {
        const qsizetype shown = qMax<qsizetype>(0, room - 1);
        lines += targetLines.mid(0, shown);
        lines += QStringLiteral("... %1 more target(s): GET /api/v1/status")
                         .arg(targetLines.size() - shown);
    } else {
        lines += targetLines;
        const qsizetype logRoom = height - lines.size() - 1;
        if (logRoom > 0 && !m_recentLines.isEmpty()) {
            lines += QString();
            lines += m_recentLines.mid(qMax<qsizetype>(0, m_recentLines.size() - logRoom));
        }
    }
    lines = lines.mid(0, height);
    // Drawn over the previous frame instead of after clearing the screen (no flicker): from the
    // top left, each line erased and rewritten, then the rest of the screen erased. No newline
    // after the last row, which would scroll a full screen.
    QString screen = QStringLiteral("\x1b[H");
    for (qsizetype i = 0; i < lines.size(); ++i)
        screen += (i ? QStringLiteral("\r\n\x1b[2K") : QStringLiteral("\x1b[2K"))
                + lines[i].left(width);
    if (lines.size() < height)
        screen += QStringLiteral("\r\n\x1b[J");
    out() << screen;
    out().flush();
}
