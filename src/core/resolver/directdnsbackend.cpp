#include "directdnsbackend.h"

#include "clock.h"

#include <QElapsedTimer>

#include <limits>
#include <memory>

using DnsWire::RecordType;
using DnsWire::ResponseCode;

DirectDnsBackend::DirectDnsBackend(const QString &name, const DnsClientOptions &options,
                                   Clock *clock, QObject *parent)
    : ResolverBackend(parent), m_name(name), m_clock(clock), m_client(options, clock, this)
{ }

qint64 DirectDnsBackend::queryBudgetMs() const
{
    const DnsClientOptions &options = m_client.options();
    const qint64 tries = qMax<qsizetype>(1, options.servers.size()) * options.attempts;
    return tries * options.timeoutMs + 100; // the client's own grace included
}

int DirectDnsBackend::lookupTimeoutMs() const
{
    // The first query, plus at most one more started before that budget ran out (a CNAME that
    // leaves the answer); further hops are only started while the first budget lasts.
    return int(qMin<qint64>(std::numeric_limits<int>::max(), 2 * queryBudgetMs()));
}

namespace {

FailureCause causeOfExchangeError(DnsExchange::Error error)
{
    switch (error) {
    case DnsExchange::Error::None:
        return FailureCause::None;
    case DnsExchange::Error::Timeout:
        return FailureCause::Timeout;
    case DnsExchange::Error::Network:
        return FailureCause::Network;
    case DnsExchange::Error::Malformed:
        return FailureCause::Malformed;
    case DnsExchange::Error::BadQuery:
        return FailureCause::Malformed;
    case DnsExchange::Error::Tls:
        return FailureCause::Tls;
    }
    return FailureCause::Network;
}

// "127.0.0.1:53 answered REFUSED: Prohibited (EDE 18)": the server's own reason, when it gave one.
QString withExtendedErrors(const QString &detail, const QList<ExtendedDnsError> &errors)
{
    if (errors.isEmpty())
        return detail;
    return detail + QStringLiteral(": ") + ExtendedDnsErrors::describe(errors);
}

std::optional<quint32> negativeTtl(const DnsWire::Message &message)
{
    for (const DnsWire::Record &record : message.authorities) {
        if (record.soa)
            return qMin(record.ttl, record.soa->minimum);
    }
    return std::nullopt;
}

} // namespace

BackendAnswer DirectDnsBackend::interpret(const DnsExchange &exchange, const QString &name,
                                          quint16 type, QString *followName)
{
    BackendAnswer answer;
    answer.server = exchange.server.toString();
    answer.latencyUs = exchange.latencyUs;
    followName->clear();
    if (exchange.error != DnsExchange::Error::None) {
        answer.cause = causeOfExchangeError(exchange.error);
        answer.detail = exchange.detail;
        return answer;
    }
    const DnsWire::Message &message = exchange.response;
    const QString rcode = DnsWire::responseCodeName(message.rcode);
    answer.extendedErrors = message.extendedErrors;
    switch (ResponseCode(message.rcode)) {
    case ResponseCode::NoError:
        break;
    case ResponseCode::NxDomain:
        answer.cause = FailureCause::NxDomain;
        answer.negativeTtlSeconds = negativeTtl(message);
        answer.detail = withExtendedErrors(
                QStringLiteral("%1 answered NXDOMAIN").arg(answer.server), answer.extendedErrors);
        return answer;
    case ResponseCode::Refused:
        answer.cause = FailureCause::Refused;
        answer.detail = withExtendedErrors(QStringLiteral("%1 answered REFUSED").arg(answer.server),
                                           answer.extendedErrors);
        return answer;
    default:
        answer.cause = FailureCause::ServFail;
        answer.detail = withExtendedErrors(
                QStringLiteral("%1 answered %2").arg(answer.server, rcode), answer.extendedErrors);
        return answer;
    }

    QString current = name;
    quint32 minTtl = std::numeric_limits<quint32>::max();
    for (int hop = 0; hop <= DnsWire::MaxCnameChain; ++hop) {
        bool foundAddress = false;
        QString cnameTarget;
        for (const DnsWire::Record &record : message.answers) {
            if (!DnsWire::namesEqual(record.name, current))
                continue;
            if (record.type == type && !record.address.isNull()) {
                answer.addresses.append(record.address);
                minTtl = qMin(minTtl, record.ttl);
                foundAddress = true;
            } else if (record.type == quint16(RecordType::CNAME) && cnameTarget.isEmpty()) {
                cnameTarget = record.target;
                minTtl = qMin(minTtl, record.ttl);
            }
        }
        if (foundAddress) {
            answer.ttlSeconds = minTtl;
            return answer;
        }
        if (cnameTarget.isEmpty())
            break;
        current = cnameTarget;
    }
    if (!DnsWire::namesEqual(current, name) && !negativeTtl(message)) {
        // The chain points outside what this answer holds; ask for the target itself.
        *followName = current;
        answer.ttlSeconds = minTtl;
        return answer;
    }
    answer.cause = FailureCause::NoData;
    answer.negativeTtlSeconds = negativeTtl(message);
    answer.detail = withExtendedErrors(
            QStringLiteral("%1 has no %2 record (NODATA from %3)")
                    .arg(name, DnsWire::recordTypeName(type), answer.server),
            answer.extendedErrors);
    return answer;
}

DnssecValidation DirectDnsBackend::validationOf(const DnsExchange &exchange) const
{
    if (!m_client.options().dnssecOk || exchange.error != DnsExchange::Error::None)
        return DnssecValidation::NotAsked;
    return exchange.response.authenticData ? DnssecValidation::Validated
                                           : DnssecValidation::NotValidated;
}

void DirectDnsBackend::lookupType(const QString &host, quint16 type, int hopsLeft,
                                  qint64 chainDeadlineMs, QObject *context,
                                  std::function<void(BackendAnswer)> done)
{
    m_client.query(host, type, context, [=, this](const DnsExchange &exchange) {
        QString follow;
        BackendAnswer answer = interpret(exchange, host, type, &follow);
        answer.validation = validationOf(exchange);
        if (follow.isEmpty()) {
            done(answer);
            return;
        }
        if (hopsLeft <= 0 || m_clock->nowMs() >= chainDeadlineMs) {
            answer.cause = hopsLeft <= 0 ? FailureCause::Malformed : FailureCause::Timeout;
            answer.detail = hopsLeft <= 0
                    ? QStringLiteral("CNAME chain of %1 is longer than %2")
                              .arg(host)
                              .arg(DnsWire::MaxCnameChain)
                    : QStringLiteral("CNAME chain of %1 did not end within %2 ms")
                              .arg(host)
                              .arg(queryBudgetMs());
            done(answer);
            return;
        }
        const std::optional<quint32> chainTtl = answer.ttlSeconds;
        const qint64 spentUs = answer.latencyUs;
        lookupType(
                follow, type, hopsLeft - 1, chainDeadlineMs, context,
                [chainTtl, spentUs, headValidation = answer.validation, done](BackendAnswer tail) {
                    if (tail.ttlSeconds && chainTtl)
                        tail.ttlSeconds = qMin(*tail.ttlSeconds, *chainTtl);
                    tail.latencyUs += spentUs;
                    tail.validation = combinedValidation(headValidation, tail.validation);
                    done(tail);
                });
    });
}

namespace {

// A and AAAA asked in parallel; the name resolves if either family has addresses.
BackendAnswer combineFamilies(const BackendAnswer &v4, const BackendAnswer &v6)
{
    const bool has4 = !v4.addresses.isEmpty();
    const bool has6 = !v6.addresses.isEmpty();
    if (has4 || has6) {
        BackendAnswer answer = has4 ? v4 : v6;
        if (has4 && has6) {
            answer.addresses.append(v6.addresses);
            answer.validation = combinedValidation(v4.validation, v6.validation);
            for (const ExtendedDnsError &error : v6.extendedErrors) {
                if (!answer.extendedErrors.contains(error))
                    answer.extendedErrors.append(error);
            }
            answer.ttlSeconds = qMin(v4.ttlSeconds.value_or(0), v6.ttlSeconds.value_or(0));
        }
        answer.latencyUs = qMax(v4.latencyUs, v6.latencyUs);
        return answer;
    }
    if (isNegativeAnswer(v4.cause) && isNegativeAnswer(v6.cause)) {
        BackendAnswer answer = v4;
        answer.cause = (v4.cause == FailureCause::NxDomain && v6.cause == FailureCause::NxDomain)
                ? FailureCause::NxDomain
                : FailureCause::NoData;
        answer.validation = combinedValidation(v4.validation, v6.validation);
        if (v4.negativeTtlSeconds && v6.negativeTtlSeconds)
            answer.negativeTtlSeconds = qMin(*v4.negativeTtlSeconds, *v6.negativeTtlSeconds);
        answer.latencyUs = qMax(v4.latencyUs, v6.latencyUs);
        return answer;
    }
    // One family failed outright: that failure is the story (a NODATA alongside proves nothing).
    BackendAnswer answer = isNegativeAnswer(v4.cause) ? v6 : v4;
    answer.latencyUs = qMax(v4.latencyUs, v6.latencyUs);
    return answer;
}

} // namespace

void DirectDnsBackend::lookup(const QString &host, RecordKind kind, QObject *context,
                              Callback callback)
{
    const quint16 typeA = quint16(RecordType::A);
    const quint16 typeAAAA = quint16(RecordType::AAAA);
    const qint64 deadline = m_clock->nowMs() + queryBudgetMs();
    if (kind != RecordKind::Both) {
        lookupType(host, kind == RecordKind::A ? typeA : typeAAAA, DnsWire::MaxCnameChain, deadline,
                   context, [callback](BackendAnswer answer) { callback(answer); });
        return;
    }
    struct Pair
    {
        std::optional<BackendAnswer> v4, v6;
    };
    auto pair = std::make_shared<Pair>();
    auto complete = [pair, callback] {
        if (pair->v4 && pair->v6)
            callback(combineFamilies(*pair->v4, *pair->v6));
    };
    lookupType(host, typeA, DnsWire::MaxCnameChain, deadline, context,
               [pair, complete](BackendAnswer a) {
                   pair->v4 = std::move(a);
                   complete();
               });
    lookupType(host, typeAAAA, DnsWire::MaxCnameChain, deadline, context,
               [pair, complete](BackendAnswer a) {
                   pair->v6 = std::move(a);
                   complete();
               });
}
