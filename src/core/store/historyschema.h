#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QStringList>

class QSqlError;

// SQLite's own words for an error ("database is locked"), without Qt's driver prefix.
QString sqlErrorText(const QSqlError &error);

// One version of the history database's layout: the statements that bring version - 1 to it.
struct SchemaStep
{
    int version = 0;
    QStringList statements;
};

// What opening a history file found and did.
struct SchemaReport
{
    bool ok = false;
    QString error; // why the file cannot be used; it was left exactly as it was
    bool created = false; // a new, empty file was given the layout
    int fromVersion = 0;
    int toVersion = 0;
    QString backupPath; // the copy taken before a migration
    bool pagesChecked = false; // quick_check ran (and passed) while opening
};

// When the pages of a file are read through (PRAGMA quick_check, which takes about a second per
// few hundred MB): before it is used, or after it opened, by HistoryStore in the background
// while reads already run and writes wait. A file that needs migrating is always checked first.
enum class PageCheck { BeforeUse, InBackground };

// Checks a history file before anything writes to it, and migrates it. A file that belongs to
// another program, was written by a newer DNS Watch or fails SQLite's quick_check gets a clear
// error and is never touched; a file with data is copied aside (VACUUM INTO) before it migrates.
class HistorySchema
{
public:
    static constexpr qint32 ApplicationId = 0x444E5357; // "DNSW" in the file header
    static QList<SchemaStep> steps(); // this build's layout, oldest first
    static int currentVersion() { return steps().constLast().version; }
    // The aggregates' latency histogram columns for kind ("dns" or "check"): dns_h0 counts the
    // results in LatencyHistogram's first bucket, and so on up to +Inf.
    static QStringList histogramColumns(const QString &kind);

    // db is open on path. steps is this build's list (tests pass longer ones).
    static SchemaReport prepare(QSqlDatabase &db, const QString &path,
                                const QList<SchemaStep> &steps,
                                PageCheck pageCheck = PageCheck::BeforeUse);
    // For reading only (db opened read-only): a DNS Watch history with data, at this build's
    // schema. Nothing is changed; an older file is refused with how to migrate it.
    static SchemaReport checkReadable(QSqlDatabase &db, const QString &path);
    // Reads every page of db: empty when sound, else what is wrong, in words for the user.
    static QString checkPages(QSqlDatabase &db);
    // The same on a connection of its own (for another thread).
    static QString checkPages(const QString &path, const QString &connectionName);

private:
    // The header's application id and version, refused (error set) when the file is not ours or
    // is newer than toVersion; *empty when it has no tables at all.
    static SchemaReport readHeader(QSqlDatabase &db, const QString &path, int toVersion,
                                   bool *empty);
    static SchemaReport refused(SchemaReport report, const QString &path, const QString &why);
};
