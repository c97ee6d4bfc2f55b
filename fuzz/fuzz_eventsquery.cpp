// libFuzzer target for the parameters of the agent's GET /api/v1/events: arbitrary bytes as a
// URL's query. Either an error that names the parameter, or values within their bounds; an
// error never quotes more than a short piece of what was sent. A broken promise traps, which
// libFuzzer reports as a crash.
#include "eventsquery.h"
#include "fuzzcheck.h"

#include <QUrlQuery>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QUrlQuery query(QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size)));
    const EventsQuery parsed = EventsQuery::parse(query);
    if (parsed.error.isEmpty()) {
        check(parsed.after >= 0 && parsed.after <= EventsQuery::MaxId);
        check(parsed.waitS >= 0 && parsed.waitS <= EventsQuery::MaxWaitS);
    } else {
        check(parsed.error.startsWith(QLatin1String("after: "))
              || parsed.error.startsWith(QLatin1String("wait: ")));
        check(parsed.error.size() < 120);
    }
    return 0;
}
