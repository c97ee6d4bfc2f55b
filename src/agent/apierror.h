#pragma once

#include <QHttpServerResponse>
#include <QString>

// An API error: the status and a JSON body {"error": "what was wrong and what was expected"}.
QHttpServerResponse apiError(QHttpServerResponse::StatusCode status, const QString &why);
