#pragma once

#include "store/historyrecorder.h"
#include "store/historystore.h"

#include <QCoreApplication>

#include <functional>
#include <memory>

// The history file (--db) of a mode that probes: --once and --headless.

// The history of --db, or none when dbPath is empty.
std::unique_ptr<HistoryStore> makeModeHistory(const AppConfig &config, const QString &dbPath,
                                              Clock *clock);

// Inside the event loop: opens the history (when there is one) and reads what it kept, then
// calls start. A file that cannot be used ends the run with its reason (exit 2) before anything
// starts.
void startWithHistory(QCoreApplication &app, HistoryStore *history, const QString &dbPath,
                      PageCheck pageCheck,
                      std::function<void(const SchemaReport &, const RestoredState &)> start);

// Writes what is still queued; a history that could not be written makes the run fail.
int closeModeHistory(HistoryStore *history, int exitCode);
