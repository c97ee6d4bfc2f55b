#pragma once

#include "dns/extendeddnserror.h"
#include "resolver/dnssecvalidation.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// One event of an agent's feed (/api/v1/events).
struct RemoteEvent
{
    qint64 id = 0;
    QDateTime time; // UTC
    QString kind; // "fallback_entered", "state_changed", "paused"...
    QString target;
    QString host;
    QString detail; // the agent's words, in English
    QString actor; // the token name of the operator who asked; empty for the agent's own
    // The facts the words say, in machine words; an agent older than them sends none.
    enum class Facts { Sent, NotSent };
    Facts facts = Facts::NotSent;
    QString resolver;
    QString tier; // "stale", "pinned", "env"
    QString cause; // "timeout", "nxdomain", ...
    QStringList before; // addresses, or a change of state's previous state
    QStringList after;
    QString reason; // a change of state's why, in the core's words
    std::optional<qint64> ttlS; // an answer change: the TTL of the new answer
    // The DNSSEC verdict and Extended DNS Errors of the answer the event is about; not asked and
    // none from agents older than them.
    DnssecValidation validation = DnssecValidation::NotAsked;
    QList<ExtendedDnsError> extendedErrors;

    bool operator==(const RemoteEvent &other) const = default;
};

// One answer of the feed: the events after the asked ID, oldest first.
struct RemoteEventPage
{
    QList<RemoteEvent> events;
    qint64 lastId = 0; // ask for the events after this one next
    bool gap = false; // events after the asked ID were lost: the agent no longer holds them

    bool operator==(const RemoteEventPage &other) const = default;
};

// Reads a feed answer; on a malformed one returns none and sets *error (every problem with its
// JSON path). IDs must be whole numbers that grow within the page.
std::optional<RemoteEventPage> parseRemoteEventPage(const QByteArray &json, const QString &source,
                                                    QString *error);
