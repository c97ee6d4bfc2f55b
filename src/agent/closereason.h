#pragma once

#include <QString>

#include <array>

// Why the agent's listener closed a connection, or refused one as it came. The names are the
// "reason" label of dnswatch_http_connections_closed_total and appear in the agent's log.
enum class CloseReason {
    HeaderTimeout, // the request's head did not arrive within agent.header_timeout_ms
    IdleTimeout, // nothing asked between requests for the idle timeout (shorter when busy)
    RequestTimeout, // the answer was not taken within agent.request_timeout_ms
    Evicted, // every slot was taken: the longest idle one made room for a new connection
    ClientLimit, // the client had its share of the slots (its own idle one went, or the new one)
    ConnectionLimit, // every slot was busy answering: nothing to make room with
    Oversized, // a request's head above agent.max_request_bytes (answered 431)
    Body, // a request with a body, which no endpoint takes (answered 413)
    Pipeline, // too many pipelined requests waiting for their answers
    TlsHandshake, // the TLS handshake failed (plain HTTP or garbage on the HTTPS port)
};
inline constexpr int CloseReasonCount = int(CloseReason::TlsHandshake) + 1;

QString closeReasonName(CloseReason reason);

using CloseCounts = std::array<quint64, CloseReasonCount>;
