#pragma once

#include "eventfeed.h"

#include <QByteArray>

// The body of GET /api/v1/events: {"events": [{"id", "time", "kind", "target", "host",
// "detail", "actor", "resolver", "tier", "cause", "before", "after", "reason"}], "last_id": N,
// "gap": bool}, compact. Every field is always present; a text is "" and a list [] when there
// is none.
QByteArray eventsPageJson(const EventFeed::Page &page);
