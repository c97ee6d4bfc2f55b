#include "apierror.h"

#include <QJsonObject>

QHttpServerResponse apiError(QHttpServerResponse::StatusCode status, const QString &message)
{
    return QHttpServerResponse(QJsonObject{{QStringLiteral("error"), message}}, status);
}
