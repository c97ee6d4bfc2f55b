#include "agentactionrequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace {

QString segment(const QString &text) { return QString::fromLatin1(QUrl::toPercentEncoding(text)); }

QByteArray pinBody(const PinnedFallback &pin)
{
    QJsonArray addresses;
    for (const QHostAddress &address : pin.addresses)
        addresses.append(address.toString());
    const QJsonValue expires = pin.expiresAt
            ? QJsonValue(pin.expiresAt->toUTC().toString(Qt::ISODate))
            : QJsonValue(QJsonValue::Null);
    return QJsonDocument(QJsonObject{{QStringLiteral("addresses"), addresses},
                                     {QStringLiteral("expires"), expires},
                                     {QStringLiteral("reason"), pin.reason}})
            .toJson(QJsonDocument::Compact);
}

QString targetPath(const QString &target, const char *verb)
{
    return QStringLiteral("/api/v1/targets/%1/%2").arg(segment(target), QLatin1String(verb));
}

QString doneWords(PlaceAction::Kind kind)
{
    switch (kind) {
    case PlaceAction::Kind::ReResolve:
        return QObject::tr("re-resolve of %1 started");
    case PlaceAction::Kind::ProbeNow:
        return QObject::tr("probe of %1 started");
    case PlaceAction::Kind::Pause:
        return QObject::tr("%1 paused");
    case PlaceAction::Kind::Resume:
        return QObject::tr("%1 resumed");
    case PlaceAction::Kind::Pin:
        return QObject::tr("%1 pinned");
    case PlaceAction::Kind::Unpin:
        return QObject::tr("%1 unpinned");
    }
    return QString();
}

QString refusedWords(PlaceAction::Kind kind)
{
    switch (kind) {
    case PlaceAction::Kind::ReResolve:
        return QObject::tr("re-resolve of %1 not done: %2");
    case PlaceAction::Kind::ProbeNow:
        return QObject::tr("probe of %1 not done: %2");
    case PlaceAction::Kind::Pause:
        return QObject::tr("pause of %1 not done: %2");
    case PlaceAction::Kind::Resume:
        return QObject::tr("resume of %1 not done: %2");
    case PlaceAction::Kind::Pin:
        return QObject::tr("pin for %1 not set: %2");
    case PlaceAction::Kind::Unpin:
        return QObject::tr("pin of %1 not removed: %2");
    }
    return QString();
}

} // namespace

AgentActionRequest agentActionRequest(const PlaceAction &action, const QString &host)
{
    using Verb = AgentConnection::Verb;
    switch (action.kind) {
    case PlaceAction::Kind::ReResolve:
        return {Verb::Post, targetPath(action.target, "resolve"), {}};
    case PlaceAction::Kind::ProbeNow:
        return {Verb::Post, targetPath(action.target, "probe"), {}};
    case PlaceAction::Kind::Pause:
        return {Verb::Post, targetPath(action.target, "pause"), {}};
    case PlaceAction::Kind::Resume:
        return {Verb::Post, targetPath(action.target, "resume"), {}};
    case PlaceAction::Kind::Pin:
        return {Verb::Put, QStringLiteral("/api/v1/pins/") + segment(host), pinBody(action.pin)};
    case PlaceAction::Kind::Unpin:
        return {Verb::Delete, QStringLiteral("/api/v1/pins/") + segment(host), {}};
    }
    Q_UNREACHABLE();
}

ActionOutcome actionOutcome(const QString &agent, const PlaceAction &action,
                            const AgentAnswer &answer)
{
    const QString words = answer.ok()
            ? doneWords(action.kind).arg(action.target)
            : refusedWords(action.kind).arg(action.target, answer.problem);
    return {answer.ok(), QStringLiteral("%1: %2").arg(agent, words)};
}
