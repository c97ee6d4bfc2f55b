#include "eventsroute.h"

#include "eventsquery.h"
#include "longpolls.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>

void routeEvents(QHttpServer &server, LongPolls &polls, Refusal refusal)
{
    server.route(QStringLiteral("/api/v1/events"),
                 [&polls, refusal = std::move(refusal)](const QHttpServerRequest &request,
                                                        QHttpServerResponder &&responder) {
                     if (std::optional<QHttpServerResponse> refused = refusal(request)) {
                         refused->write(std::move(responder));
                         return;
                     }
                     const EventsQuery query = EventsQuery::parse(request.query());
                     if (!query.error.isEmpty()) {
                         const QJsonObject body{{QStringLiteral("error"), query.error}};
                         responder.write(QJsonDocument(body).toJson(QJsonDocument::Compact),
                                         QByteArrayLiteral("application/json"),
                                         QHttpServerResponder::StatusCode::BadRequest);
                         return;
                     }
                     polls.answer(std::move(responder), query.after, query.waitS);
                 });
}
