#pragma once

#include "dns/dnsmessage.h"
#include "dns/nameserver.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QUdpSocket>

// The lab's DNS server: authoritative for one zone, over UDP on one address. A names of the zone
// answer their address with a fixed TTL; other types get NODATA and unknown names NXDOMAIN (both
// with the zone's SOA, so they are cached as RFC 2308 says); names outside the zone get REFUSED.
// Its behaviour says what happens to the queries meanwhile: answered at once, answered late,
// answered SERVFAIL, or dropped.
class DemoDnsServer : public QObject
{
    Q_OBJECT
public:
    enum class Behaviour { Answer, AnswerLate, ServFail, Silent };

    DemoDnsServer(const QString &zone, quint32 ttlS, QObject *parent = nullptr);

    // Binds a free UDP port; false with the reason when it cannot.
    bool listen(const QHostAddress &address, QString *error);
    NameServer server() const { return {m_socket.localAddress(), m_socket.localPort()}; }
    QString zone() const { return m_zone; }

    void setAddress(const QString &name, const QHostAddress &address);
    QHostAddress address(const QString &name) const;
    // lateByMs: how late AnswerLate answers go out.
    void setBehaviour(Behaviour behaviour, int lateByMs = 0);
    Behaviour behaviour() const { return m_behaviour; }
    quint64 queriesReceived() const { return m_queriesReceived; }

private:
    void onReadyRead();
    // The answer the zone gives, before the behaviour is applied.
    QByteArray answerTo(const DnsWire::Message &query) const;
    DnsWire::Record soaRecord() const;
    bool inZone(const QString &name) const;

    QUdpSocket m_socket;
    QString m_zone; // normalized: lower case, no trailing dot
    quint32 m_ttlS;
    QHash<QString, QHostAddress> m_addresses; // by normalized name
    Behaviour m_behaviour = Behaviour::Answer;
    int m_lateByMs = 0;
    quint64 m_queriesReceived = 0;
};
