#pragma once

#include "agentaction.h"

#include <QHttpServerResponse>
#include <QObject>

class AccessCheck;
class Monitor;
class QHttpServer;
class QHttpServerRequest;
struct TargetConfig;

// The agent's actions, each allowed to an operate token only (AccessCheck::actionRefusal):
//   POST   /api/v1/targets/{name}/resolve   re-resolve past the cache, then probe (202)
//   POST   /api/v1/targets/{name}/probe     probe now, even when paused (202)
//   POST   /api/v1/targets/{name}/pause     stop probing it (200, its state)
//   POST   /api/v1/targets/{name}/resume    probe it again (200, its state)
//   PUT    /api/v1/pins/{host}              pin fallback addresses (PinRequest; 200, the pin)
//   DELETE /api/v1/pins/{host}              remove an operator's pin (200, what it held)
//   POST   /api/v1/cache/clear              CacheClearRequest (200, how many were cleared)
// Errors are 400 (a body not as expected), 404 (no such target, a host no target names, no
// pin), 409 (a pin from the config) with {"error": "..."}. What the resolver does meanwhile
// (forced re-resolve, pinned, unpinned, cache cleared) it reports itself, as events carrying
// the token's name as their actor; the rest is actionTaken.
class ActionRoutes : public QObject
{
    Q_OBJECT
public:
    ActionRoutes(Monitor *monitor, const AccessCheck *access, QObject *parent = nullptr);

    void addTo(QHttpServer &server);

Q_SIGNALS:
    // An operator paused, resumed or asked to probe a target (the resolver reports the rest).
    void actionTaken(const AgentAction &action);
    // One line per action, naming the actor: "alice paused mlflow-prod".
    void acted(const QString &line);

private:
    enum class TargetAction { Resolve, Probe, Pause, Resume };

    QHttpServerResponse onTarget(TargetAction action, const QString &name,
                                 const QHttpServerRequest &request);
    QHttpServerResponse putPin(const QString &host, const QHttpServerRequest &request);
    QHttpServerResponse deletePin(const QString &host, const QHttpServerRequest &request);
    QHttpServerResponse clearCache(const QHttpServerRequest &request);

    const TargetConfig *target(const QString &name) const;
    const TargetConfig *targetWithHost(const QString &host) const;
    QHttpServerResponse targetState(const QString &name) const;
    void report(const QString &kind, const QString &target, const QString &actor,
                const QString &words);

    Monitor *m_monitor;
    const AccessCheck *m_access;
};
