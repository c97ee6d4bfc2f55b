#pragma once

#include <QString>

// What a history file is opened for: a reader (a report) needs the file, a writer (the agent,
// the dashboard, --once) also its directory, where SQLite keeps the write-ahead log beside it.
enum class HistoryAccess { Read, Write };

// Why path cannot be a history for access, checked before SQLite touches it (SQLite would
// create PATH-journal beside a device, and answer a read-only file with "attempt to write a
// readonly database"): empty when nothing speaks against it. A path that does not exist yet is
// fine for a writer (it creates the file) when its directory is writable.
QString historyPathProblem(const QString &path, HistoryAccess access);

// What a reader's "unable to open database file" means when path lies on a read-only file
// system, empty when it does not: SQLite cannot create the shared-memory file that reading a
// write-ahead-logged history needs.
QString readOnlyFileSystemProblem(const QString &path);
