// libFuzzer target for the dashboard's readers of agent answers: parseAgentStatus(),
// parseRemoteEventPage(), parseRemoteHistory() and parseRemoteCache() on arbitrary bytes (the
// first byte picks which).
// Beyond "no crash" it checks what they promise; a broken promise traps, which libFuzzer reports as
// a crash.
#include "agentevents.h"
#include "agentstatus.h"
#include "fuzzcheck.h"
#include "remotecache.h"
#include "remotehistory.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

namespace {

void checkStatus(const QByteArray &json)
{
    QString error;
    const std::optional<AgentStatus> status = parseAgentStatus(json, QStringLiteral("fuzz"), &error);
    // Either a status or the reasons there is none, each line naming the answer.
    check(status.has_value() == error.isEmpty());
    if (!status)
        check(error.startsWith(QLatin1String("fuzz: $")));
}

void checkEvents(const QByteArray &json)
{
    QString error;
    const std::optional<RemoteEventPage> page = parseRemoteEventPage(json, QStringLiteral("fuzz"),
                                                                     &error);
    check(page.has_value() == error.isEmpty());
    if (!page)
        return;
    constexpr qint64 LargestExactId = Q_INT64_C(9007199254740992);
    qint64 previous = -1;
    for (const RemoteEvent &event : page->events) {
        check(event.id > previous && event.id <= LargestExactId);
        check(event.time.isValid() && !event.kind.isEmpty());
        previous = event.id;
    }
    check(page->lastId >= previous && page->lastId <= LargestExactId);
}

void checkHistory(const QByteArray &json)
{
    QString error;
    const std::optional<RemoteHistory> history = parseRemoteHistory(json, QStringLiteral("fuzz"),
                                                                    &error);
    check(history.has_value() == error.isEmpty());
    if (!history)
        return;
    check(history->stepS >= 1);
    QDateTime previous;
    for (const RemoteHistoryBucket &bucket : history->buckets) {
        check(bucket.start.isValid() && (!previous.isValid() || bucket.start > previous));
        check(bucket.dnsOk <= bucket.probes && bucket.checkOk <= bucket.checks
              && bucket.checks <= bucket.probes && bucket.viaFallback <= bucket.probes);
        previous = bucket.start;
    }
}

void checkCache(const QByteArray &json)
{
    QString error;
    const std::optional<QList<CacheEntrySnapshot>> entries = parseRemoteCache(
            json, QStringLiteral("fuzz"), &error);
    check(entries.has_value() == error.isEmpty());
    if (!entries)
        return;
    for (const CacheEntrySnapshot &entry : *entries) {
        check(!entry.resolver.isEmpty());
        for (const QHostAddress &address : entry.addresses)
            check(!address.isNull());
        check(!entry.ttlLeftMs || *entry.ttlLeftMs >= 0);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char *>(data + 1),
                                                    qsizetype(size - 1));
    switch (data[0] % 4) {
    case 0:
        checkStatus(json);
        break;
    case 1:
        checkEvents(json);
        break;
    case 2:
        checkHistory(json);
        break;
    default:
        checkCache(json);
        break;
    }
    return 0;
}
