#include "storedevent.h"

StoredEvent StoredEvent::fromResolverEvent(const ResolverEvent &event)
{
    StoredEvent stored;
    stored.time = event.time;
    stored.kind = eventKindName(event.kind);
    stored.target = event.target;
    stored.resolver = event.resolver;
    stored.host = event.host;
    if (event.tier != ResolutionSource::None)
        stored.tier = sourceName(event.tier);
    stored.cause = causeName(event.cause);
    stored.before = addressStrings(event.before);
    stored.after = addressStrings(event.after);
    stored.detail = event.detail;
    stored.ttlS = event.ttlS;
    stored.validation = event.validation;
    stored.extendedErrors = event.extendedErrors;
    return stored;
}

StoredEvent StoredEvent::fromStateChange(const QDateTime &time, const QString &target,
                                         TargetState from, TargetState to, const QString &detail)
{
    StoredEvent stored;
    stored.time = time;
    stored.kind = stateChangedKind();
    stored.target = target;
    stored.before = {targetStateName(from)};
    stored.after = {targetStateName(to)};
    stored.detail = detail;
    return stored;
}
