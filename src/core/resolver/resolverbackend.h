#pragma once

#include "lookupresult.h"

#include <QObject>

#include <functional>

// One way of turning a name into addresses: the system resolver or a direct DNS client.
// A backend bounds its own work in time: the callback always runs, exactly once, and never from
// inside lookup() itself.
class ResolverBackend : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const BackendAnswer &)>;

    using QObject::QObject;

    virtual QString name() const = 0;
    // The longest a lookup may take before the backend reports a timeout.
    virtual int lookupTimeoutMs() const = 0;
    // False when answers carry no TTL (the system resolver): the cache then uses its default.
    virtual bool givesTtl() const { return true; }
    virtual void lookup(const QString &host, RecordKind kind, QObject *context,
                        Callback callback) = 0;
};
