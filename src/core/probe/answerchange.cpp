#include "answerchange.h"

namespace AnswerChange {

bool concerns(const ResolverEvent &event, const TargetConfig &target)
{
    return event.kind == ResolverEvent::Kind::AddressesChanged && event.resolver == target.resolver
            && canonicalHost(event.host) == canonicalHost(target.host);
}

QStringList targetsOf(const ResolverEvent &event, const QList<TargetConfig> &targets)
{
    QStringList names;
    for (const TargetConfig &target : targets) {
        if (concerns(event, target))
            names.append(target.name);
    }
    return names;
}

StoredEvent alertOf(const QString &target, const ResolverEvent &event)
{
    StoredEvent alert = StoredEvent::fromResolverEvent(event);
    alert.kind = StoredEvent::answerChangedAlertKind();
    alert.target = target;
    alert.detail = QStringLiteral("%1: %2").arg(target, event.detail);
    return alert;
}

} // namespace AnswerChange
