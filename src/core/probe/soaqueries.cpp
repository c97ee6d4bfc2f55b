#include "soaqueries.h"

SoaQueries::SoaQueries(const QString &zone, const QList<NameServer> &servers, int timeoutMs,
                       Clock *clock, QObject *parent)
    : QObject(parent), m_zone(zone)
{
    for (const NameServer &server : servers) {
        DnsClientOptions options;
        options.servers = {server};
        options.timeoutMs = timeoutMs;
        options.attempts = 1;
        options.recursionDesired = false;
        options.socketsPerServer = 1;
        m_clients.push_back(std::make_unique<DnsClient>(options, clock));
        SoaAnswer unanswered;
        unanswered.server = server.toString();
        unanswered.error = QStringLiteral("not asked");
        m_answers.append(unanswered);
    }
}

SoaQueries::~SoaQueries() = default;

void SoaQueries::start(Done done)
{
    m_done = std::move(done);
    m_waiting = int(m_clients.size());
    if (m_waiting == 0)
        QMetaObject::invokeMethod(
                this, [this] { m_done(m_answers); }, Qt::QueuedConnection);
    for (size_t i = 0; i < m_clients.size(); ++i) {
        m_clients[i]->query(m_zone, quint16(DnsWire::RecordType::SOA), this,
                            [this, i](const DnsExchange &exchange) {
                                m_answers[qsizetype(i)] = soaAnswerOf(exchange, m_zone);
                                if (--m_waiting == 0)
                                    m_done(m_answers);
                            });
    }
}
