#pragma once

#include "dns/dnsclient.h"
#include "resolverbackend.h"

// Resolves by asking configured nameservers directly (src/core/dns), following CNAME chains and
// keeping record TTLs and SOA-derived negative TTLs for the cache.
class DirectDnsBackend final : public ResolverBackend
{
    Q_OBJECT
public:
    DirectDnsBackend(const QString &name, const DnsClientOptions &options, Clock *clock,
                     QObject *parent = nullptr);

    QString name() const override { return m_name; }
    int lookupTimeoutMs() const override;
    void lookup(const QString &host, RecordKind kind, QObject *context, Callback callback) override;

    DnsClient *client() { return &m_client; }

    // Turns one response for (name, type) into an answer; follows the chain inside the message.
    // When the chain leaves the message without an answer, *followName is the name to ask next.
    static BackendAnswer interpret(const DnsExchange &exchange, const QString &name, quint16 type,
                                   QString *followName);

private:
    // Follows a CNAME out of the answer with another query only while the first query's budget
    // (chainDeadlineMs) lasts, so a whole lookup stays within lookupTimeoutMs().
    void lookupType(const QString &host, quint16 type, int hopsLeft, qint64 chainDeadlineMs,
                    QObject *context, std::function<void(BackendAnswer)> done);
    qint64 queryBudgetMs() const;
    // The AD flag of a response, when the query asked with DO.
    DnssecValidation validationOf(const DnsExchange &exchange) const;

    QString m_name;
    Clock *m_clock;
    DnsClient m_client;
};
