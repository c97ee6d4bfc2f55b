#pragma once

#include "store/historydatabase.h"

#include <QIODevice>

// The raw results and events of [from, to) as one CSV table (RFC 4180: comma-separated, CRLF
// line ends, fields quoted when they hold a comma, quote or line break; UTF-8; times ISO 8601
// with the local offset). The first column says what a row is ("result" or "event"); the
// columns of the other kind are empty. Rows are written as they are read, so millions of
// results cost no more memory than a few. With targets (and their hosts) chosen, only theirs.
// False, with why, when the history or out fails.
bool writeReportCsv(HistoryDatabase &db, const QDateTime &from, const QDateTime &to,
                    const QStringList &targets, const QStringList &hosts, QIODevice *out,
                    QString *error);

// One field as RFC 4180 wants it. Text that a spreadsheet would take for a formula (it starts
// with = + - @, a tab or a return, and is not a number) gets a leading ', as OWASP advises: a
// host name or an error detail from the network must not run as one. Control characters are
// shown as escapes (printable()), so a cell stays on its line.
QString csvField(const QString &text);
