#pragma once

#include "dns/dnsmessage.h"

#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QTcpServer>
#include <QUdpSocket>

#include <functional>

// An in-process DNS server on loopback for what real servers never do: garbage, wrong IDs,
// truncation, exact delays, silence. The script sees each query and says what to send back.
class FakeDnsResponder : public QObject
{
    Q_OBJECT
public:
    struct Reply
    {
        QByteArray bytes;
        int delayMs = 0;
        bool fromOtherPort = false; // sent from a different socket (wrong source)
    };
    enum class Transport { Udp, Tcp };
    using Script = std::function<QList<Reply>(const DnsWire::Message &query, const QByteArray &raw,
                                              Transport transport)>;

    explicit FakeDnsResponder(QObject *parent = nullptr);

    bool listen(const QHostAddress &address = QHostAddress::LocalHost);
    quint16 port() const { return m_udp.localPort(); }
    QString serverString() const;
    void setScript(Script script) { m_script = std::move(script); }
    int udpQueries() const { return m_udpQueries; }
    int tcpQueries() const { return m_tcpQueries; }
    // The source ports UDP queries came from.
    QSet<quint16> senderPorts() const { return m_senderPorts; }

    // Builds a response to query: the question echoed, rcode, and the given answer records.
    struct RecordSpec
    {
        QString name;
        quint16 type;
        quint32 ttl;
        QByteArray rdata;
    };
    static QByteArray response(const DnsWire::Message &query, quint16 rcode,
                               const QList<RecordSpec> &answers,
                               const QList<RecordSpec> &authorities = {}, bool truncated = false);
    static RecordSpec a(const QString &name, const QString &address, quint32 ttl);
    static RecordSpec aaaa(const QString &name, const QString &address, quint32 ttl);
    static RecordSpec cname(const QString &name, const QString &target, quint32 ttl);
    static RecordSpec soa(const QString &zone, quint32 ttl, quint32 minimum);
    static QByteArray encodeName(const QString &name);

private:
    void onUdp();
    void onTcpConnection();
    void send(const Reply &reply, const QHostAddress &to, quint16 port);

    QUdpSocket m_udp;
    QUdpSocket m_other;
    QTcpServer m_tcp;
    Script m_script;
    int m_udpQueries = 0;
    int m_tcpQueries = 0;
    QSet<quint16> m_senderPorts;
};
