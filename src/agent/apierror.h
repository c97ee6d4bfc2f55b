#pragma once

#include <QHttpServerResponse>
#include <QString>

// An answer of the API that refuses: the status and {"error": "..."}, the message naming what was
// wrong and what was expected.
QHttpServerResponse apiError(QHttpServerResponse::StatusCode status, const QString &message);
