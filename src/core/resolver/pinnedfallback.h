#pragma once

#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QString>

#include <optional>

// An operator's or the config's fallback addresses for a host (the "pinned" tier).
struct PinnedFallback
{
    enum class Origin { Operator, Config };

    QList<QHostAddress> addresses;
    Origin origin = Origin::Operator;
    QString reason;
    QDateTime pinnedAt; // UTC
    std::optional<QDateTime> expiresAt; // UTC; none = until unpinned
};
