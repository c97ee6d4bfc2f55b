#include "apierror.h"

#include <QJsonObject>

QHttpServerResponse apiError(QHttpServerResponse::StatusCode status, const QString &why)
{
    return QHttpServerResponse(QJsonObject{{QStringLiteral("error"), why}}, status);
}
