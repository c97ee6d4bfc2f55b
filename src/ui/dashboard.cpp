#include "dashboard.h"

#include "agentlinks.h"
#include "configuredagent.h"
#include "filesindicator.h"
#include "mainwindow.h"
#include "store/historyrecorder.h"

#include <QApplication>
#include <QMessageBox>
#include <QStatusBar>

namespace {
void warnLater(QWidget *parent, const QString &title, const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open(); // not exec(): the event loop goes on
}

// Everything the dashboard runs on, made once the history (if any) has given back what it kept,
// so the first probes already have the stale and pinned tiers, and every result is recorded.
struct DashboardSession
{
    DashboardSession(const DashboardRequest &request, Clock *clock, HistoryStore *history,
                     const RestoredState &state)
        : monitor(request.config, request.env, MlflowCredentials::fromEnvironment(), clock)
        , window(&monitor)
        , files(new FilesIndicator(request.configPath, &window))
    {
        window.setConfigPath(request.configPath);
        window.statusBar()->addPermanentWidget(files);
        QStringList problems;
        for (const AgentLinkConfig &agent : request.config.agents) {
            QString problem;
            if (const std::optional<AgentEndpoint> endpoint = configuredAgent(
                        agent, request.configPath, &problem))
                window.connectAgent(*endpoint);
            else
                problems.append(problem);
        }
        window.agentLinks()->restore(); // those connected in the dashboard before
        if (!problems.isEmpty())
            warnLater(&window, QApplication::translate("Dashboard", "Agents"),
                      problems.join(QLatin1Char('\n')));
        if (history) {
            recorder = std::make_unique<HistoryRecorder>(monitor.resolver(), history, state);
            recorder->watch(&monitor);
            window.setHistory(history);
        }
    }
    Monitor monitor;
    MainWindow window;
    FilesIndicator *files; // owned by the window
    std::unique_ptr<HistoryRecorder> recorder;
};
} // namespace

int runDashboard(const DashboardRequest &request)
{
    SystemClock clock;
    std::unique_ptr<HistoryStore> history;
    std::unique_ptr<DashboardSession> session;
    const auto start = [&](HistoryStore *store, const RestoredState &state) {
        session = std::make_unique<DashboardSession>(request, &clock, store, state);
        session->window.show();
    };
    if (request.dbPath.isEmpty()) {
        start(nullptr, RestoredState());
        session->files->showNoHistory(request.historyProblem);
        if (!request.historyProblem.isEmpty())
            warnLater(&session->window, QApplication::translate("Dashboard", "History"),
                      request.historyProblem);
    } else {
        history = std::make_unique<HistoryStore>(request.config.history,
                                                 request.config.cache.maxStaleS, &clock);
        // The page check runs in the background: the window opens at once.
        openHistory(
                history.get(), request.dbPath, qApp,
                [&](const QString &error, const SchemaReport &report, const RestoredState &state) {
                    if (!error.isEmpty()) {
                        start(nullptr, RestoredState());
                        session->window.statusBar()->showMessage(
                                QApplication::translate("Dashboard", "No history: %1").arg(error));
                        session->files->showNoHistory(error);
                        warnLater(&session->window, QApplication::translate("Dashboard", "History"),
                                  QApplication::translate("Dashboard",
                                                          "This dashboard runs without a history "
                                                          "(no pins or results are kept): %1")
                                          .arg(error));
                        return;
                    }
                    start(history.get(), state);
                    session->files->showHistory(request.dbPath);
                    session->window.statusBar()->showMessage(
                            QApplication::translate("Dashboard", "History %1: %2")
                                    .arg(request.dbPath, describeOpening(report)),
                            10000);
                    QObject::connect(history.get(), &HistoryStore::damaged, &session->window,
                                     [&session](const QString &why) {
                                         warnLater(&session->window,
                                                   QApplication::translate("Dashboard", "History"),
                                                   why);
                                     });
                },
                PageCheck::InBackground);
    }
    const int exitCode = QApplication::exec();
    session.reset(); // no more results: what was recorded is queued in the history
    if (history) {
        QString error;
        if (!history->close(&error)) {
            qWarning("%s", qPrintable(error));
            return exitCode == 0 ? 1 : exitCode;
        }
    }
    return exitCode;
}
