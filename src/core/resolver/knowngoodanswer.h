#pragma once

#include "lookupresult.h"

#include <QDateTime>
#include <QMetaType>

// A live positive answer as the history keeps it (the last-known-good cache), so that after a
// restart with DNS down the stale tier still has something to serve.
struct KnownGoodAnswer
{
    QString resolver;
    QString host;
    RecordKind kind = RecordKind::Both;
    QList<QHostAddress> addresses;
    QString server;
    QDateTime resolvedAt; // UTC
    QDateTime expiresAt; // UTC, when its TTL ran out or runs out
    DnssecValidation validation = DnssecValidation::NotAsked; // as the resolver said then
};
Q_DECLARE_METATYPE(KnownGoodAnswer)
