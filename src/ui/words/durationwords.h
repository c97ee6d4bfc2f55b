#pragma once

#include <QString>

// A length of time in words, in its two largest units, with the language's plural forms:
// "45 s", "3 min 20 s", "1 h 5 min", "1 day", "2 days 3 h". A unit that is zero after the
// first is left out ("2 days", not "2 days 0 h").
QString durationWords(qint64 seconds);
