#pragma once

#include <QString>
#include <QStringView>

// Text from outside (service bodies, server errors, names, config values) on its way to a
// terminal, a log, a CSV cell or a table. Control characters would move the cursor, retitle the
// terminal, forge log lines or reorder what is shown; here they become visible escapes instead:
// C0 controls, DEL and C1 controls as \xHH (\t, \n and \r by name), bidi overrides and
// isolates, line and paragraph separators and unpaired surrogates as \uHHHH. A backslash stays
// as it is: the result is for reading, not for parsing back.
enum class LineBreaks {
    Escape, // one line of output: tab, line feed and carriage return become \t \n \r
    Keep // text laid out in several lines (markup, messages of our own): tab and line feed stay
};

QString printable(QStringView text, LineBreaks lineBreaks = LineBreaks::Escape);

// Whether printable() would change the text.
bool hasUnprintable(QStringView text, LineBreaks lineBreaks = LineBreaks::Escape);
