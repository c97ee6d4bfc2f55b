#include "pinsroute.h"

#include "apierror.h"
#include "queryparameters.h"
#include "resolver/resolver.h"

#include <QJsonArray>

namespace {
QJsonValue isoTime(const std::optional<QDateTime> &time)
{
    if (!time || !time->isValid())
        return QJsonValue::Null;
    return time->toUTC().toString(Qt::ISODate);
}
} // namespace

QJsonObject PinsRoute::pinJson(const QString &host, const PinnedFallback &pin)
{
    return QJsonObject{{QStringLiteral("host"), host},
                       {QStringLiteral("addresses"),
                        QJsonArray::fromStringList(addressStrings(pin.addresses))},
                       {QStringLiteral("origin"),
                        pin.origin == PinnedFallback::Origin::Config ? QStringLiteral("config")
                                                                     : QStringLiteral("operator")},
                       {QStringLiteral("reason"), pin.reason},
                       {QStringLiteral("pinned_at"), isoTime(pin.pinnedAt)},
                       {QStringLiteral("expires"), isoTime(pin.expiresAt)}};
}

QHttpServerResponse PinsRoute::answer(const QUrlQuery &query, const Resolver &resolver)
{
    QueryParameters parameters(query, {});
    if (!parameters.ok())
        return apiError(QHttpServerResponse::StatusCode::BadRequest, parameters.error());
    const QHash<QString, PinnedFallback> pins = resolver.pins();
    QStringList hosts = pins.keys();
    hosts.sort();
    QJsonArray list;
    for (const QString &host : std::as_const(hosts))
        list.append(pinJson(host, pins.value(host)));
    return QHttpServerResponse(QJsonObject{{QStringLiteral("pins"), list}});
}
