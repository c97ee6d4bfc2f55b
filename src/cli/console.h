#pragma once

#include <QString>
#include <QTextStream>

// What the command line's modes print, and the exit codes they share.
namespace Console {

constexpr int ExitReady = 0; // also: done, written
constexpr int ExitNotReady = 1; // a critical target is down, or the history could not be written
constexpr int ExitUsage = 2; // a usage, config or file error; nothing was started

QTextStream &out();
QTextStream &err();

// "dnswatch: MESSAGE" and how to get help, on stderr; returns ExitUsage.
int usageError(const QString &message);
// "dnswatch: MESSAGE" on stderr; returns exitCode.
int fail(const QString &message, int exitCode = ExitUsage);

} // namespace Console
