#include "agentplace.h"

#include "agentactionrequest.h"
#include "agentstoredevent.h"
#include "clock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

#include <memory>

AgentPlace::AgentPlace(AgentConnection *connection, QObject *parent)
    : TargetPlace(parent), m_connection(connection)
{
    connection->setParent(this);
    connect(connection, &AgentConnection::statusChanged, this, &TargetPlace::targetsChanged);
    connect(connection, &AgentConnection::statusChanged, this,
            &TargetPlace::readinessMayHaveChanged);
    connect(connection, &AgentConnection::reachChanged, this, [this] {
        Q_EMIT reachChanged();
        Q_EMIT targetsChanged(); // rows greyed or not
        Q_EMIT readinessMayHaveChanged();
    });
    connect(connection, &AgentConnection::eventsArrived, this, &AgentPlace::onEvents);
    connection->start();
}

QList<TargetSnapshot> AgentPlace::targets() const
{
    const std::optional<AgentStatus> &status = m_connection->status();
    return status ? status->targets : QList<TargetSnapshot>();
}

std::optional<TargetSnapshot> AgentPlace::target(const QString &name) const
{
    const std::optional<AgentStatus> &status = m_connection->status();
    if (status) {
        for (const TargetSnapshot &target : status->targets) {
            if (target.name == name)
                return target;
        }
    }
    return std::nullopt;
}

QList<RemoteZone> AgentPlace::zones() const
{
    const std::optional<AgentStatus> &status = m_connection->status();
    return status ? status->zones : QList<RemoteZone>();
}

bool AgentPlace::mayBePinned(const QString &target) const
{
    return this->target(target).has_value();
}

QString AgentPlace::problem() const
{
    return m_connection->reach() == AgentConnection::Reach::Unreachable ? m_connection->problem()
                                                                        : QString();
}

QString AgentPlace::actionRefusal() const
{
    const std::optional<AgentStatus> &status = m_connection->status();
    if (status && status->role == AgentRole::Read)
        return tr("The token for %1 may only read: actions need an operate token").arg(name());
    return QString();
}

PlaceReadiness AgentPlace::readiness() const
{
    PlaceReadiness readiness;
    const std::optional<AgentStatus> &status = m_connection->status();
    if (!status || m_connection->reach() != AgentConnection::Reach::Online)
        return readiness; // not seen: neither ready nor not
    readiness.ready = status->ready;
    for (const TargetSnapshot &target : status->targets) {
        if (target.state == TargetState::Degraded)
            ++readiness.degraded;
        if (!target.critical || target.reachable.value_or(false))
            continue;
        readiness.ready = false;
        readiness.notReady.append(tr("%1 at %2: %3")
                                          .arg(target.name, name(),
                                               target.lastProbe.isValid() ? target.stateDetail
                                                                          : tr("not probed yet")));
    }
    // Not ready for what only the agent sees (its probes stalled, its history damaged).
    if (!readiness.ready && readiness.notReady.isEmpty())
        readiness.notReady.append(tr("%1 says it is not ready").arg(name()));
    return readiness;
}

void AgentPlace::act(const PlaceAction &action, QObject *context, OutcomeCallback callback)
{
    const std::optional<TargetSnapshot> target = this->target(action.target);
    if (!target) {
        callback({false, tr("%1: %2 is not one of its targets").arg(name(), action.target)});
        return;
    }
    const AgentActionRequest request = agentActionRequest(action, target->host);
    m_connection->send(request.verb, request.pathAndQuery, request.body, context,
                       [this, action, callback](const AgentAnswer &answer) {
                           callback(actionOutcome(name(), action, answer));
                           if (answer.ok())
                               m_connection->refreshSoon(); // show the effect without waiting
                       });
}

void AgentPlace::readHistory(const QString &target, const QDateTime &from, const QDateTime &to,
                             int stepS, QObject *context, HistoryCallback callback)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("target"), target);
    query.addQueryItem(QStringLiteral("from"), from.toUTC().toString(Qt::ISODate));
    query.addQueryItem(QStringLiteral("to"), to.toUTC().toString(Qt::ISODate));
    query.addQueryItem(QStringLiteral("step"), QString::number(stepS));
    m_connection->send(AgentConnection::Verb::Get,
                       QStringLiteral("/api/v1/history?") + query.toString(QUrl::FullyEncoded), {},
                       context, [this, callback](const AgentAnswer &answer) {
                           if (!answer.ok())
                               return callback(std::nullopt, answer.problem);
                           QString problem;
                           const std::optional<RemoteHistory> history = parseRemoteHistory(
                                   answer.body, tr("%1 /api/v1/history").arg(name()), &problem);
                           callback(history, problem);
                       });
}

void AgentPlace::readReport(const QDateTime &from, const QDateTime &to, const QString &format,
                            QObject *context, ReportCallback callback)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("from"), from.toUTC().toString(Qt::ISODate));
    query.addQueryItem(QStringLiteral("to"), to.toUTC().toString(Qt::ISODate));
    query.addQueryItem(QStringLiteral("format"), format);
    m_connection->send(
            AgentConnection::Verb::Get,
            QStringLiteral("/api/v1/report?") + query.toString(QUrl::FullyEncoded), {}, context,
            [callback](const AgentAnswer &answer) {
                callback(answer.ok() ? answer.body : QByteArray(), answer.problem);
            },
            ReportTimeoutMs);
}

void AgentPlace::readCache(QObject *context, CacheCallback callback)
{
    QStringList hosts;
    for (const TargetSnapshot &target : targets()) {
        if (!hosts.contains(target.host))
            hosts.append(target.host);
    }
    struct Gathered
    {
        QList<CacheEntrySnapshot> entries;
        QStringList problems;
        qsizetype pending = 0;
    };
    auto gathered = std::make_shared<Gathered>();
    gathered->pending = hosts.size();
    if (hosts.isEmpty())
        return callback({}, QString());
    for (const QString &host : std::as_const(hosts)) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("host"), host);
        m_connection->send(
                AgentConnection::Verb::Get,
                QStringLiteral("/api/v1/resolve?") + query.toString(QUrl::FullyEncoded), {},
                context, [this, host, gathered, callback](const AgentAnswer &answer) {
                    QString problem = answer.problem;
                    if (problem.isEmpty()) {
                        const auto entries = parseRemoteCache(
                                answer.body, tr("%1 /api/v1/resolve?host=%2").arg(name(), host),
                                &problem);
                        if (entries)
                            gathered->entries += *entries;
                    }
                    if (!problem.isEmpty())
                        gathered->problems.append(problem);
                    if (--gathered->pending == 0)
                        callback(gathered->entries, gathered->problems.join(QLatin1Char('\n')));
                });
    }
}

void AgentPlace::clearCache(const QString &host, bool staleOnly, QObject *context,
                            OutcomeCallback callback)
{
    QJsonObject body;
    if (!host.isEmpty())
        body.insert(QStringLiteral("host"), host);
    if (staleOnly)
        body.insert(QStringLiteral("stale_only"), true);
    m_connection->send(
            AgentConnection::Verb::Post, QStringLiteral("/api/v1/cache/clear"),
            QJsonDocument(body).toJson(QJsonDocument::Compact), context,
            [this, callback](const AgentAnswer &answer) {
                if (!answer.ok())
                    return callback(
                            {false, tr("%1: cache not cleared: %2").arg(name(), answer.problem)});
                const qint64 cleared = qint64(QJsonDocument::fromJson(answer.body)
                                                      .object()
                                                      .value(QStringLiteral("cleared"))
                                                      .toDouble());
                callback({true,
                          tr("%1: %n cache entries cleared", nullptr, int(cleared)).arg(name())});
            });
}

void AgentPlace::onEvents(const RemoteEventPage &page)
{
    if (page.gap) {
        StoredEvent gap;
        gap.time = m_connection->clock()->wallTime();
        gap.kind = StoredEvent::eventsMissedKind();
        gap.place = name();
        gap.detail = tr("some events of %1 were lost: the agent no longer held them (restarted, "
                        "or more events than it keeps while unreachable)")
                             .arg(name());
        Q_EMIT eventOccurred(gap);
    }
    for (const RemoteEvent &remote : page.events)
        Q_EMIT eventOccurred(storedEventOf(remote, name()));
}
