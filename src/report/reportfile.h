#pragma once

#include <QSaveFile>

// A report's file, whole or absent. It is written under a temporary name beside the path
// (QSaveFile), unbuffered so that every write is checked where it happens, synced to disk, and
// renamed to the path only when all of it is there: a full disk, an I/O error or a stop leaves
// neither the file nor a temporary one, and errorString() says why in the system's words
// ("No space left on device"). An existing path that is not a regular file (a device such as
// /dev/full, a fifo, a socket, a directory) is refused, never replaced.
class ReportFile
{
public:
    explicit ReportFile(const QString &path);

    bool open();
    // All of bytes, or false: a short write is continued, so the error that ends it is the one
    // said.
    bool write(const QByteArray &bytes);
    // Synced and renamed over the path; false leaves nothing behind.
    bool commit();

    // For writers that take a device (the CSV rows): write to it with writeAll().
    QIODevice *device() { return &m_file; }
    QString errorString() const { return m_error; }

private:
    bool fail(const QString &why);

    QSaveFile m_file;
    QString m_error;
};

// Why a report may not take path's place ("is a character device, ..."; the caller names the
// path); empty when nothing is there or a regular file is.
QString reportTargetProblem(const QString &path);

// Writes all of bytes to out, continuing short writes; false, with out's reason, when it stops.
bool writeAll(QIODevice *out, const QByteArray &bytes, QString *error);
