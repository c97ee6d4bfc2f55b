#include "agentstoredevent.h"

StoredEvent storedEventOf(const RemoteEvent &remote, const QString &place)
{
    StoredEvent event;
    event.time = remote.time;
    event.kind = remote.kind;
    event.target = remote.target;
    event.host = remote.host;
    event.detail = remote.detail;
    event.place = place;
    event.actor = remote.actor;
    if (remote.facts == RemoteEvent::Facts::NotSent) {
        event.facts = StoredEvent::Facts::WordsOnly;
        return event;
    }
    event.resolver = remote.resolver;
    event.tier = remote.tier;
    event.cause = remote.cause;
    event.before = remote.before;
    event.after = remote.after;
    event.ttlS = remote.ttlS;
    event.validation = remote.validation;
    event.extendedErrors = remote.extendedErrors;
    if (event.kind == StoredEvent::stateChangedKind())
        event.detail = remote.reason;
    return event;
}
