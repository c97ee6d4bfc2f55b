#include "soacheckwords.h"

#include "durationwords.h"

QString SoaCheckWords::describe(const SoaComparison &soa)
{
    QStringList parts;
    if (!soa.newest && !soa.servers.isEmpty()) {
        bool anySerial = false;
        for (const SoaServerState &state : soa.servers)
            anySerial = anySerial || state.serial.has_value();
        if (anySerial)
            parts.append(tr("the serials of %1 cannot be ordered (RFC 1982)").arg(soa.zone));
    }
    for (const SoaServerState &state : soa.servers) {
        if (!state.serial) {
            // The reason is the server's answer in the check's words.
            parts.append(tr("%1 gave no serial: %2").arg(state.server, state.error));
        } else if (soa.newest && state.behind > 0) {
            const QString lag = tr("%1 serial %2 is %3 behind %4")
                                        .arg(state.server)
                                        .arg(*state.serial)
                                        .arg(state.behind)
                                        .arg(*soa.newest);
            parts.append(state.behindForS
                                 ? tr("%1 (for %2)").arg(lag, durationWords(*state.behindForS))
                                 : lag);
        }
    }
    return parts.join(QLatin1String("; "));
}

QString SoaCheckWords::checkDetail(const TargetSnapshot &target)
{
    const QString words = target.soa ? describe(*target.soa) : QString();
    return words.isEmpty() ? target.checkDetail : words;
}
