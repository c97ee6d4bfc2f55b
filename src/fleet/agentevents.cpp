#include "agentevents.h"

#include "agentextendederrors.h"
#include "answerreader.h"

namespace {

using Presence = AnswerReader::Presence;

std::optional<RemoteEvent> readEvent(AnswerReader &reader, const QJsonObject &object,
                                     const QString &path)
{
    RemoteEvent event;
    const std::optional<qint64> id = reader.count(object, path, QLatin1String("id"),
                                                  Presence::Required);
    event.time = reader.time(object, path, QLatin1String("time"), Presence::Required);
    event.kind = reader.text(object, path, QLatin1String("kind"), Presence::Required);
    if (object.value(QLatin1String("kind")).isString() && event.kind.isEmpty())
        reader.fail(JsonValidator::childPath(path, QLatin1String("kind")),
                    QStringLiteral("expected an event kind, found an empty string"));
    event.target = reader.text(object, path, QLatin1String("target"));
    event.host = reader.text(object, path, QLatin1String("host"));
    event.detail = reader.text(object, path, QLatin1String("detail"));
    event.actor = reader.text(object, path, QLatin1String("actor"));
    if (object.contains(QLatin1String("after"))) {
        event.facts = RemoteEvent::Facts::Sent;
        event.resolver = reader.text(object, path, QLatin1String("resolver"));
        event.tier = reader.text(object, path, QLatin1String("tier"));
        event.cause = reader.text(object, path, QLatin1String("cause"));
        event.before = reader.texts(object, path, QLatin1String("before"));
        event.after = reader.texts(object, path, QLatin1String("after"));
        event.reason = reader.text(object, path, QLatin1String("reason"));
        if (!object.value(QLatin1String("ttl_s")).isNull()) // null, or absent from older agents
            event.ttlS = reader.count(object, path, QLatin1String("ttl_s"));
        if (const std::optional<bool> validated = reader.boolean(object, path,
                                                                 QLatin1String("validated")))
            event.validation = *validated ? DnssecValidation::Validated
                                          : DnssecValidation::NotValidated;
        event.extendedErrors = readAgentExtendedErrors(reader, object, path);
    }
    if (!id)
        return std::nullopt;
    event.id = *id;
    return event;
}

} // namespace

std::optional<RemoteEventPage> parseRemoteEventPage(const QByteArray &json, const QString &source,
                                                    QString *error)
{
    AnswerReader reader(source);
    const std::optional<QJsonObject> root = reader.parse(json);
    RemoteEventPage page;
    if (root) {
        const QString path = QStringLiteral("$");
        const QString eventsPath = QStringLiteral("$.events");
        const QJsonArray events = reader.array(*root, path, QLatin1String("events"),
                                               Presence::Required);
        for (qsizetype i = 0; i < events.size(); ++i) {
            const auto object = reader.element(events, eventsPath, i);
            const QString at = JsonValidator::elementPath(eventsPath, i);
            const auto event = object ? readEvent(reader, *object, at) : std::nullopt;
            if (!event)
                continue;
            if (!page.events.isEmpty() && event->id <= page.events.last().id)
                reader.fail(at + QStringLiteral(".id"),
                            QStringLiteral("expected an ID above the previous event's %1, found %2")
                                    .arg(page.events.last().id)
                                    .arg(event->id));
            page.events.append(*event);
        }
        page.lastId = reader.count(*root, path, QLatin1String("last_id"), Presence::Required)
                              .value_or(0);
        page.gap = reader.boolean(*root, path, QLatin1String("gap"), Presence::Required)
                           .value_or(false);
        if (!page.events.isEmpty() && page.events.last().id > page.lastId)
            reader.fail(QStringLiteral("$.last_id"),
                        QStringLiteral("expected at least the last event's ID %1, found %2")
                                .arg(page.events.last().id)
                                .arg(page.lastId));
    }
    if (reader.hasErrors()) {
        *error = reader.errorText();
        return std::nullopt;
    }
    return page;
}
