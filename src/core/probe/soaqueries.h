#pragma once

#include "dns/soaanswer.h"

#include <QList>
#include <QObject>

#include <functional>
#include <memory>
#include <vector>

class Clock;

// Asks each of a zone's authoritative servers for its SOA at once: directly, without recursion
// (RD=0), over UDP with TCP when an answer is truncated, one try within timeoutMs each. done gets
// the answers in the servers' order, once, from the event loop; nothing when this is destroyed
// first.
class SoaQueries : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const QList<SoaAnswer> &)>;

    SoaQueries(const QString &zone, const QList<NameServer> &servers, int timeoutMs, Clock *clock,
               QObject *parent = nullptr);
    ~SoaQueries() override;

    void start(Done done);

private:
    QString m_zone;
    std::vector<std::unique_ptr<DnsClient>> m_clients; // one per server
    QList<SoaAnswer> m_answers;
    int m_waiting = 0;
    Done m_done;
};
