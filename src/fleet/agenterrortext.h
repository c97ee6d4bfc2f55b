#pragma once

#include <QNetworkReply>
#include <QString>

// Words for the operator when an agent gave no answer: "connection refused", "no answer within
// the time allowed"... (errorString, Qt's own words, when none fits better).
QString networkProblem(QNetworkReply::NetworkError error, const QString &errorString);
// Words for an agent's refusal: its JSON {"error": ...} or its first line of text, after what the
// status means ("the agent refused the token (HTTP 401)").
QString httpProblem(int httpStatus, const QByteArray &body);
