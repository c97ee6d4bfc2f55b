#pragma once

#include "probe/soacomparison.h"

#include <QHostAddress>
#include <QList>
#include <QString>

// One request (or connect) of a service check, as recorded for the history.
struct CheckAttempt
{
    QString what; // "GET /health", "connect 10.0.0.1:5432"
    int httpStatus = 0; // 0 when no HTTP answer came
    QString error; // empty when the attempt succeeded
    qint64 latencyUs = 0;
};

struct CheckOutcome
{
    bool ok = false;
    QString detail; // why not, in words; never holds credentials
    QHostAddress address; // the address that was checked
    qint64 latencyUs = 0; // the whole check, retries and backoff included
    QList<CheckAttempt> attempts;
    std::optional<SoaComparison> soa; // soa checks: each server's serial
};
