#include "closereason.h"

QString closeReasonName(CloseReason reason)
{
    switch (reason) {
    case CloseReason::HeaderTimeout:
        return QStringLiteral("header_timeout");
    case CloseReason::IdleTimeout:
        return QStringLiteral("idle_timeout");
    case CloseReason::RequestTimeout:
        return QStringLiteral("request_timeout");
    case CloseReason::Evicted:
        return QStringLiteral("evicted");
    case CloseReason::ClientLimit:
        return QStringLiteral("client_limit");
    case CloseReason::ConnectionLimit:
        return QStringLiteral("connection_limit");
    case CloseReason::Oversized:
        return QStringLiteral("oversized");
    case CloseReason::Body:
        return QStringLiteral("body");
    case CloseReason::Pipeline:
        return QStringLiteral("pipeline");
    case CloseReason::TlsHandshake:
        return QStringLiteral("tls_handshake");
    }
    return QStringLiteral("unknown");
}
