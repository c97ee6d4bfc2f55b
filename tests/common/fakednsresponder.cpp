#include "fakednsresponder.h"

#include <QNetworkDatagram>
#include <QTcpSocket>
#include <QTimer>
#include <QtEndian>

#include <memory>

FakeDnsResponder::FakeDnsResponder(QObject *parent) : QObject(parent)
{
    connect(&m_udp, &QUdpSocket::readyRead, this, &FakeDnsResponder::onUdp);
    connect(&m_tcp, &QTcpServer::newConnection, this, &FakeDnsResponder::onTcpConnection);
}

bool FakeDnsResponder::listen(const QHostAddress &address)
{
    // The same port for UDP and TCP, as a real server has.
    for (int attempt = 0; attempt < 20; ++attempt) {
        if (!m_udp.bind(address, 0))
            return false;
        if (m_tcp.listen(address, m_udp.localPort()))
            return m_other.bind(address, 0);
        m_udp.close();
    }
    return false;
}

QString FakeDnsResponder::serverString() const
{
    const QHostAddress address = m_udp.localAddress();
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return QStringLiteral("[%1]:%2").arg(address.toString()).arg(port());
    return QStringLiteral("%1:%2").arg(address.toString()).arg(port());
}

void FakeDnsResponder::onUdp()
{
    while (m_udp.hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_udp.receiveDatagram();
        ++m_udpQueries;
        m_senderPorts.insert(quint16(datagram.senderPort()));
        const DnsWire::ParseResult parsed = DnsWire::parseMessage(datagram.data());
        if (!m_script)
            continue;
        const QList<Reply> replies = m_script(parsed.message, datagram.data(), Transport::Udp);
        for (const Reply &reply : replies)
            send(reply, datagram.senderAddress(), quint16(datagram.senderPort()));
    }
}

void FakeDnsResponder::send(const Reply &reply, const QHostAddress &to, quint16 port)
{
    QUdpSocket *socket = reply.fromOtherPort ? &m_other : &m_udp;
    if (reply.delayMs <= 0) {
        socket->writeDatagram(reply.bytes, to, port);
        return;
    }
    QTimer::singleShot(reply.delayMs, this, [socket, bytes = reply.bytes, to, port] {
        socket->writeDatagram(bytes, to, port);
    });
}

void FakeDnsResponder::onTcpConnection()
{
    while (QTcpSocket *socket = m_tcp.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            while (buffer->size() >= 2) {
                const int length = qFromBigEndian<quint16>(buffer->constData());
                if (buffer->size() < 2 + length)
                    return;
                const QByteArray raw = buffer->mid(2, length);
                buffer->remove(0, 2 + length);
                ++m_tcpQueries;
                const DnsWire::ParseResult parsed = DnsWire::parseMessage(raw);
                if (!m_script)
                    continue;
                for (const Reply &reply : m_script(parsed.message, raw, Transport::Tcp)) {
                    QByteArray framed(2, '\0');
                    qToBigEndian<quint16>(quint16(reply.bytes.size()), framed.data());
                    framed.append(reply.bytes);
                    socket->write(framed);
                }
            }
        });
    }
}

QByteArray FakeDnsResponder::encodeName(const QString &name)
{
    QByteArray out;
    for (const QString &label : name.split(QLatin1Char('.'), Qt::SkipEmptyParts)) {
        const QByteArray bytes = label.toLatin1();
        out.append(char(bytes.size()));
        out.append(bytes);
    }
    out.append('\0');
    return out;
}

namespace {
using DnsWire::appendU16;
using DnsWire::appendU32;

void putRecord(QByteArray *out, const FakeDnsResponder::RecordSpec &record)
{
    out->append(FakeDnsResponder::encodeName(record.name));
    appendU16(out, record.type);
    appendU16(out, DnsWire::ClassIN);
    appendU32(out, record.ttl);
    appendU16(out, quint16(record.rdata.size()));
    out->append(record.rdata);
}
} // namespace

QByteArray FakeDnsResponder::response(const DnsWire::Message &query, quint16 rcode,
                                      const QList<RecordSpec> &answers,
                                      const QList<RecordSpec> &authorities, bool truncated)
{
    QByteArray out;
    appendU16(&out, query.id);
    quint16 flags = 0x8000 | 0x0100 | 0x0080 | (rcode & 0xF);
    if (truncated)
        flags |= 0x0200;
    appendU16(&out, flags);
    appendU16(&out, quint16(query.questions.size()));
    appendU16(&out, quint16(answers.size()));
    appendU16(&out, quint16(authorities.size()));
    appendU16(&out, 0);
    for (const DnsWire::Question &question : query.questions) {
        out.append(encodeName(question.name));
        appendU16(&out, question.type);
        appendU16(&out, question.qclass);
    }
    for (const RecordSpec &record : answers)
        putRecord(&out, record);
    for (const RecordSpec &record : authorities)
        putRecord(&out, record);
    return out;
}

FakeDnsResponder::RecordSpec FakeDnsResponder::a(const QString &name, const QString &address,
                                                 quint32 ttl)
{
    QByteArray rdata;
    appendU32(&rdata, QHostAddress(address).toIPv4Address());
    return {name, quint16(DnsWire::RecordType::A), ttl, rdata};
}

FakeDnsResponder::RecordSpec FakeDnsResponder::aaaa(const QString &name, const QString &address,
                                                    quint32 ttl)
{
    const Q_IPV6ADDR bytes = QHostAddress(address).toIPv6Address();
    return {name, quint16(DnsWire::RecordType::AAAA), ttl,
            QByteArray(reinterpret_cast<const char *>(bytes.c), 16)};
}

FakeDnsResponder::RecordSpec FakeDnsResponder::cname(const QString &name, const QString &target,
                                                     quint32 ttl)
{
    return {name, quint16(DnsWire::RecordType::CNAME), ttl, encodeName(target)};
}

FakeDnsResponder::RecordSpec FakeDnsResponder::soa(const QString &zone, quint32 ttl, quint32 minimum)
{
    QByteArray rdata = encodeName(QStringLiteral("ns.") + zone);
    rdata.append(encodeName(QStringLiteral("admin.") + zone));
    appendU32(&rdata, 1);
    appendU32(&rdata, 3600);
    appendU32(&rdata, 600);
    appendU32(&rdata, 86400);
    appendU32(&rdata, minimum);
    return {zone, quint16(DnsWire::RecordType::SOA), ttl, rdata};
}
