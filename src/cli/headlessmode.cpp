#include "headlessmode.h"

#include "console.h"
#include "modehistory.h"
#include "reportschedule.h"

#include <QDateTime>
#include <QFile>

#include <memory>
#include <unistd.h>

namespace {

// The token file's first line, newline not counted; a token is far shorter.
constexpr qint64 MaxTokenLineBytes = 4096;

// The agent's log says when reports are written or fail.
std::unique_ptr<ReportSchedule> scheduleReports(const ReportSchedule::Options &options,
                                                HistoryStore *history, HeadlessAgent *agent)
{
    auto schedule = std::make_unique<ReportSchedule>(options, history, agent->monitor());
    QObject::connect(schedule.get(), &ReportSchedule::written, agent, [agent](const QString &path) {
        agent->log(QStringLiteral("report: %1").arg(path));
    });
    QObject::connect(schedule.get(), &ReportSchedule::failed, agent, [agent](const QString &why) {
        agent->log(QStringLiteral("report failed: %1").arg(why));
    });
    QObject::connect(schedule.get(), &ReportSchedule::removed, agent,
                     [agent, keep = options.keep](const QString &path) {
                         agent->log(QStringLiteral("report removed (older than the newest %1): %2")
                                            .arg(keep)
                                            .arg(path));
                     });
    agent->log(QStringLiteral("reports: every %1 s into %2, the newest %3 kept")
                       .arg(options.intervalS)
                       .arg(options.directory)
                       .arg(options.keep));
    return schedule;
}

} // namespace

std::optional<HeadlessAgent::Options> agentOptionsFor(const CommandLine &commandLine, QString *error)
{
    HeadlessAgent::Options options;
    options.configPath = commandLine.configPath;
    options.terminal = ::isatty(STDOUT_FILENO);
    options.listenAddress = commandLine.listenAddress;
    options.listenPort = commandLine.listenPort;
    if (!commandLine.tlsCertificate.isEmpty()) {
        options.tls = TlsIdentity::load(commandLine.tlsCertificate, commandLine.tlsKey,
                                        QDateTime::currentDateTimeUtc(), error);
        if (!options.tls)
            return std::nullopt;
    }
    if (!commandLine.tokensFile.isEmpty()) {
        // It names every token: DNSWATCH_TOKEN is not one of them.
        const AgentTokensLoad load = loadAgentTokens(commandLine.tokensFile);
        if (!load.tokens) {
            *error = load.error;
            return std::nullopt;
        }
        options.tokens = *load.tokens;
        return options;
    }
    QString token = commandLine.token.value_or(qEnvironmentVariable("DNSWATCH_TOKEN"));
    if (!commandLine.tokenFile.isEmpty()) {
        QFile tokenFile(commandLine.tokenFile);
        if (!tokenFile.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("--token-file %1: %2")
                             .arg(tokenFile.fileName(), tokenFile.errorString());
            return std::nullopt;
        }
        // A line longer than the limit is refused, not cut: a cut token would never match.
        const QByteArray line = tokenFile.readLine(MaxTokenLineBytes + 2);
        const bool complete = line.endsWith('\n') || tokenFile.atEnd();
        if (line.size() - (line.endsWith('\n') ? 1 : 0) > MaxTokenLineBytes || !complete) {
            *error = QStringLiteral("--token-file %1: line 1 is longer than %2 bytes; expected "
                                    "the token alone on the first line")
                             .arg(tokenFile.fileName())
                             .arg(MaxTokenLineBytes);
            return std::nullopt;
        }
        token = QString::fromUtf8(line).trimmed();
        if (token.isEmpty()) {
            *error = QStringLiteral("--token-file %1: the first line is empty")
                             .arg(tokenFile.fileName());
            return std::nullopt;
        }
    }
    options.tokens = AgentTokens::single(token);
    return options;
}

int runHeadlessMode(QCoreApplication &app, const HeadlessAgent::Options &options,
                    const AppConfig &config, const EnvFallback &env, const QString &dbPath,
                    const std::optional<ReportSchedule::Options> &schedule,
                    const std::function<void(HeadlessAgent &)> &started)
{
    SystemClock clock;
    const std::unique_ptr<HistoryStore> history = makeModeHistory(config, dbPath, &clock);
    std::unique_ptr<HeadlessAgent> agent;
    std::unique_ptr<ReportSchedule> reports;
    startWithHistory(app, history.get(), dbPath,
                     // A long-running agent checks its file's pages in the background.
                     PageCheck::InBackground,
                     [&](const SchemaReport &opened, const RestoredState &state) {
                         agent = std::make_unique<HeadlessAgent>(options, config, env, &clock);
                         if (history)
                             agent->keepHistory(history.get(), opened, state);
                         QString error;
                         if (!agent->start(&error)) {
                             app.exit(Console::fail(error));
                             return;
                         }
                         QObject::connect(agent.get(), &HeadlessAgent::stopRequested, &app,
                                          &QCoreApplication::quit);
                         if (schedule && history)
                             reports = scheduleReports(*schedule, history.get(), agent.get());
                         if (started)
                             started(*agent);
                     });
    const int exitCode = app.exec();
    reports.reset();
    agent.reset(); // no more results: what it recorded is queued in the history
    return closeModeHistory(history.get(), exitCode);
}
