#include "demodnsserver.h"

#include <QNetworkDatagram>
#include <QTimer>

DemoDnsServer::DemoDnsServer(const QString &zone, quint32 ttlS, QObject *parent)
    : QObject(parent), m_zone(DnsWire::normalizedName(zone)), m_ttlS(ttlS)
{
    connect(&m_socket, &QUdpSocket::readyRead, this, &DemoDnsServer::onReadyRead);
}

bool DemoDnsServer::listen(const QHostAddress &address, QString *error)
{
    if (m_socket.bind(address, 0))
        return true;
    if (error)
        *error = QStringLiteral("the lab's DNS server cannot listen on %1 (UDP): %2")
                         .arg(address.toString(), m_socket.errorString());
    return false;
}

void DemoDnsServer::setAddress(const QString &name, const QHostAddress &address)
{
    m_addresses.insert(DnsWire::normalizedName(name), address);
}

QHostAddress DemoDnsServer::address(const QString &name) const
{
    return m_addresses.value(DnsWire::normalizedName(name));
}

void DemoDnsServer::setBehaviour(Behaviour behaviour, int lateByMs)
{
    m_behaviour = behaviour;
    m_lateByMs = lateByMs;
}

void DemoDnsServer::onReadyRead()
{
    while (m_socket.hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_socket.receiveDatagram();
        ++m_queriesReceived;
        const DnsWire::ParseResult parsed = DnsWire::parseMessage(datagram.data());
        // Not a query we can answer (garbage, a response, no question): dropped, as servers do.
        if (!parsed.ok() || parsed.message.isResponse || parsed.message.questions.size() != 1)
            continue;
        const DnsWire::Message &query = parsed.message;
        QByteArray reply;
        switch (m_behaviour) {
        case Behaviour::Silent:
            continue;
        case Behaviour::ServFail:
            reply = DnsWire::buildResponse(query, quint16(DnsWire::ResponseCode::ServFail), {});
            break;
        case Behaviour::Answer:
        case Behaviour::AnswerLate:
            reply = answerTo(query);
            break;
        }
        if (reply.isEmpty())
            continue;
        const QHostAddress to = datagram.senderAddress();
        const quint16 port = quint16(datagram.senderPort());
        if (m_behaviour == Behaviour::AnswerLate && m_lateByMs > 0) {
            // Real time on purpose: lateness is what the client sees on the wire.
            QTimer::singleShot(m_lateByMs, this, [this, reply, to, port] {
                m_socket.writeDatagram(reply, to, port);
            });
        } else {
            m_socket.writeDatagram(reply, to, port);
        }
    }
}

QByteArray DemoDnsServer::answerTo(const DnsWire::Message &query) const
{
    using DnsWire::ResponseCode;
    const DnsWire::Question &question = query.questions.constFirst();
    if (question.qclass != DnsWire::ClassIN || !inZone(question.name))
        return DnsWire::buildResponse(query, quint16(ResponseCode::Refused), {});
    const auto found = m_addresses.constFind(DnsWire::normalizedName(question.name));
    const bool apex = DnsWire::namesEqual(question.name, m_zone);
    if (found == m_addresses.cend() && !apex)
        return DnsWire::buildResponse(query, quint16(ResponseCode::NxDomain), {}, {soaRecord()});
    if (found == m_addresses.cend() || question.type != quint16(DnsWire::RecordType::A))
        return DnsWire::buildResponse(query, quint16(ResponseCode::NoError), {}, {soaRecord()});
    DnsWire::Record record;
    record.name = question.name;
    record.type = quint16(DnsWire::RecordType::A);
    record.ttl = m_ttlS;
    record.address = *found;
    return DnsWire::buildResponse(query, quint16(ResponseCode::NoError), {record});
}

DnsWire::Record DemoDnsServer::soaRecord() const
{
    DnsWire::Record record;
    record.name = m_zone;
    record.type = quint16(DnsWire::RecordType::SOA);
    record.ttl = m_ttlS;
    record.soa = DnsWire::Soa{QStringLiteral("ns.") + m_zone,
                              QStringLiteral("admin.") + m_zone,
                              1,
                              3600,
                              600,
                              86400,
                              m_ttlS};
    return record;
}

bool DemoDnsServer::inZone(const QString &name) const
{
    const QString normalized = DnsWire::normalizedName(name);
    return normalized == m_zone || normalized.endsWith(QLatin1Char('.') + m_zone);
}
