#pragma once

#include "dnsmessage.h"
#include "nameserver.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>

class Clock;
class DnsUdpChannel;
class DnsTcpExchange;
class DnsTlsConnection;
class DnsHttp2Connection;
class QUdpSocket;

struct DnsClientOptions
{
    QList<NameServer> servers;
    int timeoutMs = 1000; // per try
    int attempts = 2; // rounds over the server list
    quint16 ednsUdpPayload = 1232; // 0 sends plain RFC 1035 queries
    int socketsPerServer = 8; // connected UDP sockets used in rotation
    int queriesPerSocket = 256; // then the socket is replaced (fresh random source port)
    // UDP tries on the wire at once; more wait their turn. Bounded so a burst does not overflow
    // the socket buffers of the server (dnsperf keeps 100 outstanding by default).
    int maxOutstanding = 128;
    // Sets DO (RFC 3225) on every query: DNSSEC records come back, and a validating resolver
    // says with AD whether it validated the answer. Needs EDNS (ednsUdpPayload above 0).
    bool dnssecOk = false;
    // DNS over TLS and HTTPS: the name certificates must carry (and TLS's SNI), empty for each
    // server's own host; CAs trusted besides the system's; how long an unused connection stays.
    QString tlsName;
    QList<QSslCertificate> caCertificates;
    int tlsIdleCloseMs = 10000;
    // RD on every query; an authoritative server is asked without it (the soa check).
    bool recursionDesired = true;
    // CD on every query: a validating resolver answers without validating (the zone signatures'
    // second question, once validation failed).
    bool checkingDisabled = false;
};

// How one query ended. A DNS answer with any rcode (NXDOMAIN, SERVFAIL...) is a response;
// `error` is for the cases where no usable response came back.
struct DnsExchange
{
    enum class Error { None, Timeout, Network, Malformed, BadQuery, Tls };

    Error error = Error::None;
    DnsWire::Message response;
    NameServer server; // the one that answered, or the last one tried
    qint64 latencyUs = 0; // from the first send to the end
    int tries = 0; // queries sent, UDP and TCP
    bool overTcp = false;
    QString detail; // human text for errors: "connection refused by 127.0.0.1:53"
};

// Asynchronous DNS client over UDP with TCP when an answer is truncated. Many queries may be in
// flight; each try goes out with a random ID through a connected UDP socket whose source port the
// kernel picked at random, and sockets are replaced after a number of queries. Replies that do not
// match an outstanding query (ID, question, sender) are ignored and counted. All timeouts hang on
// one Clock deadline. tls:// servers are asked over one reused DNS over TLS connection each
// (DnsTlsConnection), https:// servers by DNS over HTTPS (DnsHttpsExchange) on one reused HTTP/2
// connection each (DnsHttp2Connection), with the same
// timeouts, attempts and failover.
class DnsClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const DnsExchange &)>;

    struct Stats
    {
        quint64 queries = 0;
        quint64 triesSent = 0;
        quint64 responses = 0;
        quint64 mismatched = 0; // wrong ID, question or sender; ignored
        quint64 malformed = 0; // matched by ID but did not parse; ignored
        quint64 timeouts = 0; // tries that timed out
        quint64 tcpFallbacks = 0;
        quint64 tlsConnections = 0; // DNS over TLS connections opened
        quint64 tlsIdleCloses = 0; // and closed again after being idle
        quint64 httpsConnections = 0; // DNS over HTTPS (HTTP/2) connections opened
    };

    DnsClient(const DnsClientOptions &options, Clock *clock, QObject *parent = nullptr);
    ~DnsClient() override;

    const DnsClientOptions &options() const { return m_options; }

    // Sends a query; callback runs exactly once, later (never from inside this call), unless
    // context is destroyed first, and at the latest timeoutMs x attempts x servers (+100 ms)
    // after this call, however many queries are ahead of it.
    void query(const QString &name, quint16 type, QObject *context, Callback callback);

    Stats stats() const;
    int inFlight() const { return int(m_queries.size()); }

private:
    struct Query;
    friend class DnsUdpChannel;
    friend class DnsTcpExchange;

    void startNextTry(Query *query);
    void sendUdp(Query *query);
    void sendTcp(Query *query);
    void sendTry(Query *query); // over the transport of the query's current server
    void sendTls(Query *query);
    void sendHttps(Query *query);
    DnsTlsConnection *tlsConnectionFor(int serverIndex);
    DnsHttp2Connection *httpsConnectionFor(int serverIndex);
    QString peerNameOf(const NameServer &server) const;
    void onTlsReply(int serverIndex, quint16 id, const QByteArray &reply);
    void onTlsFailed(int serverIndex, const QList<quint16> &ids, DnsExchange::Error error,
                     const QString &detail);
    void onHttpsFinished(quint64 serial, int tryNumber, DnsExchange::Error error,
                         const QByteArray &reply, const QString &detail);
    void handleStreamReply(Query *query, const QByteArray &reply, quint16 expectedId,
                           int serverIndex, bool currentTry);
    void armDeadline(Query *query);
    void scheduleSweep();
    void onDeadline();
    void giveUp(Query *query);
    bool deliverRcodeAnswer(Query *query);
    void onDatagram(DnsUdpChannel *channel, const QByteArray &datagram, const QHostAddress &sender,
                    quint16 senderPort);
    void onChannelError(DnsUdpChannel *channel, const QString &error);
    void onTcpFinished(quint64 serial, int tryNumber, const QByteArray &reply, const QString &error);
    void handleResponse(Query *query, DnsWire::Message &&response, int serverIndex, bool currentTry);
    void tryFailed(Query *query, DnsExchange::Error error, const QString &detail);
    void finish(Query *query, DnsExchange::Error error, const QString &detail);
    void finishLater(Query *query, DnsExchange::Error error, const QString &detail);
    void deliver(Query *query, DnsExchange &&exchange);
    void leaveWire(Query *query); // the current try no longer counts against the window
    void detachAll(Query *query); // the query ends: every try's ID is released
    DnsUdpChannel *channelOf(const QUdpSocket *socket) const;
    DnsUdpChannel *channelFor(int serverIndex);
    void releaseChannel(DnsUdpChannel *channel);
    void pumpWaiting();
    bool matchesQuestion(const Query &query, const DnsWire::Message &response) const;

    DnsClientOptions m_options;
    Clock *m_clock;
    Stats m_stats;
    quint64 m_nextSerial = 1;
    std::unordered_map<quint64, std::unique_ptr<Query>> m_queries;
    std::deque<quint64> m_waiting; // queries waiting for a send slot
    int m_outstandingUdp = 0;
    bool m_pumping = false;
    struct Deadline
    {
        qint64 atMs;
        quint64 serial;
        int tryNumber;
    };
    std::deque<Deadline> m_deadlines; // sorted: every try has the same timeout
    // Each query as a whole ends after timeout x tries, even if it waited for a send slot.
    std::deque<Deadline> m_giveUps; // sorted: every query has the same budget
    quint64 m_deadlineTimer = 0;
    qint64 m_deadlineTimerAt = 0;
    QList<QList<DnsUdpChannel *>> m_channels; // per server: the sockets in rotation
    QList<int> m_nextChannel;
    QList<DnsUdpChannel *> m_retired; // drained channels, deleted once their signals are done
    QByteArray m_receiveBuffer = QByteArray(65535, Qt::Uninitialized); // the largest UDP payload
    // The system's CAs and the configured ones; only with encrypted servers (a QSslConfiguration,
    // even a default-constructed one, loads the TLS backend: OpenSSL, about 4 MB resident).
    std::optional<QSslConfiguration> m_tls;
    QList<DnsTlsConnection *> m_tlsConnections; // per server, made when first needed
    QList<QHash<quint16, quint64>> m_tlsPending; // per server: DNS ID -> query serial
    QList<DnsHttp2Connection *> m_httpsConnections; // per server, made when first needed
};
