#pragma once

#include <QByteArray>
#include <QString>

// What an agent said to one request the dashboard made for the operator (an action, a history
// or report read): the HTTP status and body, or why there was none.
struct AgentAnswer
{
    int httpStatus = 0; // 0 when no answer came (refused, timed out, certificate)
    QByteArray body;
    QByteArray contentType;
    QString problem; // empty when the agent answered 2xx; else words for the operator

    bool ok() const { return problem.isEmpty(); }
};
