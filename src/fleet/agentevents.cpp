#include "agentevents.h"

#include "answerreader.h"

#include <cmath>

namespace {

using Presence = AnswerReader::Presence;

// JSON numbers are doubles: IDs are exact up to 2^53.
constexpr double LargestExactId = 9007199254740992.0;

std::optional<qint64> readId(AnswerReader &reader, const QJsonObject &object, const QString &path,
                             QLatin1String key)
{
    const std::optional<double> id = reader.number(object, path, key, Presence::Required);
    if (!id)
        return std::nullopt;
    if (*id < 0 || *id > LargestExactId || std::floor(*id) != *id) {
        reader.fail(JsonValidator::childPath(path, key),
                    QStringLiteral("expected a whole number from 0 to 2^53, found %1")
                            .arg(*id, 0, 'g', 17));
        return std::nullopt;
    }
    return qint64(*id);
}

std::optional<RemoteEvent> readEvent(AnswerReader &reader, const QJsonObject &object,
                                     const QString &path)
{
    RemoteEvent event;
    const std::optional<qint64> id = readId(reader, object, path, QLatin1String("id"));
    event.time = reader.time(object, path, QLatin1String("time"), Presence::Required);
    event.kind = reader.text(object, path, QLatin1String("kind"), Presence::Required);
    event.target = reader.text(object, path, QLatin1String("target"));
    event.host = reader.text(object, path, QLatin1String("host"));
    event.detail = reader.text(object, path, QLatin1String("detail"));
    event.actor = reader.text(object, path, QLatin1String("actor"));
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
        page.lastId = readId(reader, *root, path, QLatin1String("last_id")).value_or(0);
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
