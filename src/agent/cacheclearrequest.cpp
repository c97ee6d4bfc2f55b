#include "cacheclearrequest.h"

#include "config/jsonvalidator.h"
#include "requestbody.h"
#include "resolver/envfallback.h"

std::optional<CacheClearRequest> parseCacheClearRequest(const QByteArray &body, QString *error)
{
    const QString hostKey = QStringLiteral("host");
    const QString staleKey = QStringLiteral("stale_only");
    const std::optional<QJsonObject> object = jsonObjectBody(body, {hostKey, staleKey}, error);
    if (!object)
        return std::nullopt;
    CacheClearRequest request;
    const QJsonValue stale = object->value(staleKey);
    if (!stale.isUndefined() && !stale.isBool()) {
        *error = QStringLiteral("\"stale_only\" is %1; expected true or false")
                         .arg(JsonValidator::describe(stale));
        return std::nullopt;
    }
    if (stale.toBool())
        request.scope = CacheClearRequest::Scope::StaleOnly;
    const QJsonValue host = object->value(hostKey);
    if (!host.isUndefined() && !host.isNull()) {
        QString why;
        if (!host.isString()) {
            *error = QStringLiteral("\"host\" is %1; expected a host name as a string")
                             .arg(JsonValidator::describe(host));
            return std::nullopt;
        }
        if (!isValidHostName(host.toString(), &why)) {
            *error = QStringLiteral("\"host\": %1").arg(why);
            return std::nullopt;
        }
        if (request.scope == CacheClearRequest::Scope::StaleOnly) {
            *error = QStringLiteral("\"host\" and \"stale_only\": true together; expected one "
                                    "of them (a host's entries, or every stale entry)");
            return std::nullopt;
        }
        request.scope = CacheClearRequest::Scope::OneHost;
        request.host = host.toString();
    }
    error->clear();
    return request;
}
