#pragma once

#include "agenttokens.h"
#include "probe/monitor.h"
#include "store/historyrecorder.h"
#include "tlsidentity.h"

#include <QFileSystemWatcher>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>

class AgentServer;
class QSocketNotifier;

// `dnswatch --headless`: the monitor without a display, served over HTTP. SIGTERM and SIGINT
// stop it cleanly, SIGHUP (or a change of the config file) reloads the config; an invalid
// reload is reported and the running config stays. In a terminal it keeps a compact live status
// on screen; with output redirected it logs one line per event instead.
class HeadlessAgent : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString configPath; // empty: the embedded default (nothing to reload)
        QHostAddress listenAddress = QHostAddress::LocalHost;
        quint16 listenPort = 9108;
        AgentTokens tokens; // none: reads open on loopback, no actions
        std::optional<TlsIdentity> tls; // HTTPS with this certificate and key; none: plain HTTP
        bool terminal = false; // live status instead of log lines
    };

    HeadlessAgent(const Options &options, const AppConfig &config, const EnvFallback &env,
                  Clock *clock, QObject *parent = nullptr);
    ~HeadlessAgent() override;

    // Keeps results, events, pins and the last-known-good cache in store, after handing the
    // resolver what the store kept (before start(), so before the first probe).
    void keepHistory(HistoryStore *store, const SchemaReport &opened, const RestoredState &state);
    bool start(QString *error);
    quint16 port() const; // 0 until it listens
    QString baseUrl() const; // "https://127.0.0.1:9108"
    Monitor *monitor() const { return m_monitor.get(); }
    AgentServer *server() const { return m_server.get(); }

    bool reload(); // from the config file; false (and logged) when it is invalid
    // One line for the person watching: under the live status in a terminal, else logged.
    void log(const QString &text);

Q_SIGNALS:
    void stopRequested();
    void logged(const QString &line); // each line log() says

private:
    void watchConfigFile();
    void installSignalHandlers();
    void onSignal();
    void drawStatus();
    void noteLastEvent(const QString &target, const QString &what);

    Options m_options;
    Clock *m_clock;
    std::unique_ptr<Monitor> m_monitor;
    std::unique_ptr<AgentServer> m_server;
    std::unique_ptr<HistoryRecorder> m_recorder;
    QStringList m_startLines; // said once start() has set up the log
    QFileSystemWatcher m_watcher;
    QTimer m_statusTimer;
    QTimer m_reloadDelay;
    // Shown under the live status in a terminal, as many as fit: an outage of many targets at
    // once says a lot in one second.
    static constexpr int RecentLineLimit = 200;
    QStringList m_recentLines;
    QSocketNotifier *m_signalNotifier = nullptr;
    QSet<QString> m_keptReachable; // targets now kept reachable only by a fallback tier
    QHash<QString, QString> m_lastEvent; // by target: "12:00:01 healthy -> degraded"
};
