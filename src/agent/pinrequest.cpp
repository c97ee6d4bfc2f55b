#include "pinrequest.h"

#include "config/jsonvalidator.h"
#include "requestbody.h"
#include "resolver/envfallback.h"

#include <QJsonArray>

namespace {

std::optional<QList<QHostAddress>> addressesOf(const QJsonValue &value, QString *error)
{
    if (!value.isArray() || value.toArray().isEmpty()
        || value.toArray().size() > PinRequest::MaxAddresses) {
        *error = QStringLiteral("\"addresses\" is %1; expected an array of 1 to %2 IP addresses "
                                "as strings")
                         .arg(value.isArray()
                                      ? QStringLiteral("an array of %1").arg(value.toArray().size())
                                      : JsonValidator::describe(value))
                         .arg(PinRequest::MaxAddresses);
        return std::nullopt;
    }
    QList<QHostAddress> addresses;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array[i].isString()) {
            *error = QStringLiteral("\"addresses\"[%1] is %2; expected an IP address as a string")
                             .arg(i)
                             .arg(JsonValidator::describe(array[i]));
            return std::nullopt;
        }
        QHostAddress address;
        QString why;
        if (!parseFallbackAddress(array[i].toString(), &address, &why)) {
            *error = QStringLiteral("\"addresses\"[%1]: %2").arg(i).arg(why);
            return std::nullopt;
        }
        if (addresses.contains(address)) {
            *error = QStringLiteral("\"addresses\"[%1]: \"%2\" is given twice; expected each "
                                    "address once")
                             .arg(i)
                             .arg(array[i].toString());
            return std::nullopt;
        }
        addresses.append(address);
    }
    return addresses;
}

// Absent or null: none; else a time after now, or *error.
bool readExpiry(const QJsonValue &value, const QDateTime &now, std::optional<QDateTime> *expires,
                QString *error)
{
    if (value.isUndefined() || value.isNull())
        return true;
    const QString expected = QStringLiteral("an ISO 8601 time with a time zone, such as "
                                            "\"2026-12-06T18:00:00Z\", or null (until unpinned)");
    if (!value.isString()) {
        *error = QStringLiteral("\"expires\" is %1; expected %2")
                         .arg(JsonValidator::describe(value), expected);
        return false;
    }
    const QString text = value.toString();
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    // Without a zone it would be the agent's local time, which the sender may not share.
    if (!time.isValid() || time.timeSpec() == Qt::LocalTime) {
        *error = QStringLiteral("\"expires\" is \"%1\"; expected %2").arg(text, expected);
        return false;
    }
    if (time <= now) {
        *error = QStringLiteral("\"expires\" %1 is not in the future (now %2); expected a later "
                                "time, or null")
                         .arg(text, now.toUTC().toString(Qt::ISODate));
        return false;
    }
    *expires = time.toUTC();
    return true;
}

} // namespace

std::optional<PinRequest> parsePinRequest(const QByteArray &body, const QDateTime &now,
                                          QString *error)
{
    const QString addressesKey = QStringLiteral("addresses");
    const QString expiresKey = QStringLiteral("expires");
    const QString reasonKey = QStringLiteral("reason");
    const std::optional<QJsonObject> object = jsonObjectBody(
            body, {addressesKey, expiresKey, reasonKey}, error);
    if (!object)
        return std::nullopt;
    if (!object->contains(addressesKey)) {
        *error = QStringLiteral("\"addresses\" is missing; expected an array of 1 to %1 IP "
                                "addresses as strings")
                         .arg(PinRequest::MaxAddresses);
        return std::nullopt;
    }
    PinRequest request;
    std::optional<QList<QHostAddress>> addresses = addressesOf(object->value(addressesKey), error);
    if (!addresses)
        return std::nullopt;
    request.addresses = std::move(*addresses);
    if (!readExpiry(object->value(expiresKey), now, &request.expires, error))
        return std::nullopt;
    const QJsonValue reason = object->value(reasonKey);
    if (!reason.isUndefined() && !reason.isNull()) {
        if (!reason.isString() || reason.toString().size() > PinRequest::MaxReason) {
            *error = QStringLiteral("\"reason\" is %1; expected a string of at most %2 characters")
                             .arg(reason.isString() ? QStringLiteral("%1 characters long")
                                                              .arg(reason.toString().size())
                                                    : JsonValidator::describe(reason))
                             .arg(PinRequest::MaxReason);
            return std::nullopt;
        }
        request.reason = reason.toString();
    }
    error->clear();
    return request;
}
