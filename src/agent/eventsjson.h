#pragma once

#include "eventfeed.h"

#include <QByteArray>

// The body of GET /api/v1/events: {"events": [{"id", "time", "kind", "target", "host",
// "detail", "actor"}], "last_id": N, "gap": bool}, compact. Every field is always present;
// "target" and "actor" are "" when there is none.
QByteArray eventsPageJson(const EventFeed::Page &page);
