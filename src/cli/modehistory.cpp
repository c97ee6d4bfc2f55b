#include "modehistory.h"

#include "console.h"

std::unique_ptr<HistoryStore> makeModeHistory(const AppConfig &config, const QString &dbPath,
                                              Clock *clock)
{
    if (dbPath.isEmpty())
        return nullptr;
    return std::make_unique<HistoryStore>(config.history, config.cache.maxStaleS, clock);
}

void startWithHistory(QCoreApplication &app, HistoryStore *history, const QString &dbPath,
                      PageCheck pageCheck,
                      std::function<void(const SchemaReport &, const RestoredState &)> start)
{
    QMetaObject::invokeMethod(
            &app,
            [&app, history, dbPath, pageCheck, start] {
                if (!history) {
                    start(SchemaReport(), RestoredState());
                    return;
                }
                openHistory(
                        history, dbPath, &app,
                        [&app, start](const QString &error, const SchemaReport &report,
                                      const RestoredState &state) {
                            if (!error.isEmpty()) {
                                app.exit(Console::fail(QStringLiteral("--db: %1").arg(error)));
                                return;
                            }
                            start(report, state);
                        },
                        pageCheck);
            },
            Qt::QueuedConnection);
}

int closeModeHistory(HistoryStore *history, int exitCode)
{
    if (!history)
        return exitCode;
    QString error;
    if (!history->close(&error)) {
        Console::fail(error);
        return exitCode == Console::ExitReady ? Console::ExitNotReady : exitCode;
    }
    return exitCode;
}
