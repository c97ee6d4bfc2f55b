#pragma once

#include "agenttokens.h"

#include <QHttpServerResponse>

#include <optional>

class QHttpServerRequest;

// Who may do what on the agent's HTTP API (/healthz needs nothing and is not asked about):
// - reads (/readyz, /metrics, every GET under /api/v1): with no token configured, anyone on
//   loopback whose Host header names this machine (a web page rebinding its own name to
//   127.0.0.1 names itself: 403); with tokens, a read or operate token, else 401;
// - actions: an operate token, always, on loopback too (a web page in a local browser can post
//   to a loopback port): none or a wrong one 401, a read token 403.
// Every 401 carries "WWW-Authenticate: Bearer"; every refusal has a JSON body
// {"error": "..."} that never holds a token.
class AccessCheck
{
public:
    explicit AccessCheck(const AgentTokens &tokens) : m_tokens(tokens) { }

    bool hasTokens() const { return !m_tokens.isEmpty(); }
    // Why request may not read, or nothing when it may.
    std::optional<QHttpServerResponse> readRefusal(const QHttpServerRequest &request) const;
    // Why request may not act, or nothing when it may: then *actor is its token's name.
    std::optional<QHttpServerResponse> actionRefusal(const QHttpServerRequest &request,
                                                     QString *actor) const;
    // The token the request presents ("Authorization: Bearer ..."), if it is one of ours.
    std::optional<AgentToken> presented(const QHttpServerRequest &request) const;

private:
    AgentTokens m_tokens;
};
