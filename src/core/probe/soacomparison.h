#pragma once

#include "dns/soaanswer.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// One server of a soa check, as compared.
struct SoaServerState
{
    QString server; // "127.0.0.1:5301"
    std::optional<quint32> serial; // none when it gave no usable answer
    quint32 behind = 0; // increments behind the newest serial (RFC 1982)
    std::optional<qint64> behindForS; // how long it has been seen behind; none when it is not
    QString error; // why it gave no serial

    bool operator==(const SoaServerState &other) const = default;
};

// The SOA serials of a zone across its authoritative servers: agreement, who lags and by how
// much. ok when every server answered and each lagging one has been behind for less than
// max_lag_s.
struct SoaComparison
{
    QString zone;
    std::optional<quint32> newest; // the serial no server is ahead of
    QList<SoaServerState> servers; // in the configured order
    bool ok = false;
    bool lagFailed = false; // some server has been behind for max_lag_s or longer
    QString detail; // why not ok, or who lags within max_lag_s; empty when all agree

    // Every server answered with one serial.
    bool agree() const;
    // "127.0.0.1:5302 (2026120601)", for those behind the newest serial.
    QStringList lagging() const;

    bool operator==(const SoaComparison &other) const = default;
};

// When each server of each target was first seen behind, while it stays behind with the serial
// it had then: a server that moves to another serial and is still behind starts again (it is
// taking updates), one stuck at a serial keeps its time however often the newest moves on.
class SoaLagMemory
{
public:
    // How long (ms) target's server has been behind with this serial, at nowMs; 0 when new.
    qint64 behindForMs(const QString &target, const QString &server, quint32 serial, qint64 nowMs);
    void caughtUp(const QString &target, const QString &server);
    // Keeps only these targets (the others left the config).
    void keepOnly(const QStringList &targets);

private:
    struct Since
    {
        quint32 serial = 0;
        qint64 sinceMs = 0;
    };
    QHash<QString, QHash<QString, Since>> m_since; // target -> server -> since when
};

// Compares what the servers answered, at nowMs, for target, remembering lags in memory.
SoaComparison compareSoaAnswers(const QString &zone, const QList<SoaAnswer> &answers, int maxLagS,
                                const QString &target, SoaLagMemory *memory, qint64 nowMs);

// `--once` JSON and /api/v1/status: zone, newest, servers [{server, serial, behind, behind_for_s,
// error}].
QJsonObject soaJson(const SoaComparison &comparison);
// "6 min", "45 s", "3 h": how long, in the words the details use.
QString lagDurationText(qint64 seconds);
