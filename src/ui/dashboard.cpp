#include "dashboard.h"

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
} // namespace

int runDashboard(const DashboardRequest &request)
{
    SystemClock clock;
    Monitor monitor(request.config, request.env, MlflowCredentials::fromEnvironment(), &clock);
    MainWindow window(&monitor);
    std::unique_ptr<HistoryStore> history;
    std::unique_ptr<HistoryRecorder> recorder;
    if (!request.dbPath.isEmpty()) {
        history = std::make_unique<HistoryStore>(request.config.history,
                                                 request.config.cache.maxStaleS, &clock);
        window.statusBar()->showMessage(
                QApplication::translate("Dashboard", "Opening the history %1...")
                        .arg(request.dbPath));
        openHistory(
                history.get(), request.dbPath, &window,
                [&](const QString &error, const SchemaReport &report, const RestoredState &state) {
                    if (!error.isEmpty()) {
                        window.statusBar()->showMessage(
                                QApplication::translate("Dashboard", "No history: %1").arg(error));
                        warnLater(&window, QApplication::translate("Dashboard", "History"), error);
                        return;
                    }
                    recorder = std::make_unique<HistoryRecorder>(monitor.resolver(), history.get(),
                                                                 state);
                    recorder->watch(&monitor);
                    window.charts()->setHistory(history.get());
                    window.statusBar()->showMessage(
                            QApplication::translate("Dashboard", "History %1: %2")
                                    .arg(request.dbPath, describeOpening(report)),
                            10000);
                },
                PageCheck::InBackground);
        QObject::connect(
                history.get(), &HistoryStore::damaged, &window, [&window](const QString &why) {
                    warnLater(&window, QApplication::translate("Dashboard", "History"), why);
                });
    }
    window.show();
    const int exitCode = QApplication::exec();
    recorder.reset();
    if (history) {
        QString error;
        if (!history->close(&error)) {
            qWarning("%s", qPrintable(error));
            return exitCode == 0 ? 1 : exitCode;
        }
    }
    return exitCode;
}
