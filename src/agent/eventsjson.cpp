#include "eventsjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

QByteArray eventsPageJson(const EventFeed::Page &page)
{
    QJsonArray events;
    for (const FeedEvent &event : page.events) {
        events.append(QJsonObject{
                {QStringLiteral("id"), double(event.id)},
                {QStringLiteral("time"), event.time.toUTC().toString(Qt::ISODateWithMs)},
                {QStringLiteral("kind"), event.kind},
                {QStringLiteral("target"), event.target},
                {QStringLiteral("host"), event.host},
                {QStringLiteral("detail"), event.detail},
                {QStringLiteral("actor"), event.actor},
                {QStringLiteral("resolver"), event.resolver},
                {QStringLiteral("tier"), event.tier},
                {QStringLiteral("cause"), event.cause},
                {QStringLiteral("before"), QJsonArray::fromStringList(event.before)},
                {QStringLiteral("after"), QJsonArray::fromStringList(event.after)},
                {QStringLiteral("reason"), event.reason},
                {QStringLiteral("ttl_s"),
                 event.ttlS ? QJsonValue(double(*event.ttlS)) : QJsonValue()},
                {QStringLiteral("validated"), dnssecValidationJson(event.validation)},
                {QStringLiteral("ede"), ExtendedDnsErrors::toJson(event.extendedErrors)},
        });
    }
    const QJsonObject body{{QStringLiteral("events"), events},
                           {QStringLiteral("last_id"), double(page.lastId)},
                           {QStringLiteral("gap"), page.gap}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}
