#pragma once

#include <functional>
#include <optional>

class LongPolls;
class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponse;

// Why a request is turned away (the server's access rule), or nothing when it may go on.
using Refusal = std::function<std::optional<QHttpServerResponse>(const QHttpServerRequest &)>;

// GET /api/v1/events?after=ID&wait=S (docs/api.md, "Events"): bad parameters are answered 400
// with {"error": "..."}; the rest is answered, or held, by polls.
void routeEvents(QHttpServer &server, LongPolls &polls, Refusal refusal);
