#pragma once

#include "config/appconfig.h"
#include "resolver/resolverevent.h"
#include "store/storedevent.h"

// A change of a target's answer set, as the resolver reports it (an "addresses changed" event of
// the target's host through the target's resolver), seen from the targets.
namespace AnswerChange {

// Whether the event changes the answer of target: an addresses-changed event of its host (names
// compared as the cache keys them) through its resolver.
bool concerns(const ResolverEvent &event, const TargetConfig &target);

// The names of the targets the event changes the answer of, in config order.
QStringList targetsOf(const ResolverEvent &event, const QList<TargetConfig> &targets);

// The alert of a target with "alert_on_change": the change's facts (resolver, host, before,
// after, TTL) under the kind StoredEvent::answerChangedAlertKind(), with the target named.
StoredEvent alertOf(const QString &target, const ResolverEvent &event);

} // namespace AnswerChange
