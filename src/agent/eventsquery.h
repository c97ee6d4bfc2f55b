#pragma once

#include <QString>

class QUrlQuery;

// The parameters of GET /api/v1/events: after=ID (default 0) and wait=S (default 0, at most
// MaxWaitS), each a non-negative decimal integer, at most once. Other parameters are ignored.
struct EventsQuery
{
    static constexpr int MaxWaitS = 30;
    static constexpr qint64 MaxId = (qint64(1) << 53) - 1; // what a JSON number holds exactly

    qint64 after = 0;
    int waitS = 0;
    QString error; // "after: expected a non-negative integer, got \"x\""; empty when valid

    static EventsQuery parse(const QUrlQuery &query);
};
