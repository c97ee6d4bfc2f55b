#pragma once

#include <QHttpServerResponse>
#include <QJsonObject>

class QUrlQuery;
class Resolver;
struct PinnedFallback;

// GET /api/v1/pins: the pinned fallback addresses the resolver holds, by host (docs/api.md).
namespace PinsRoute {
QHttpServerResponse answer(const QUrlQuery &query, const Resolver &resolver);
QJsonObject pinJson(const QString &host, const PinnedFallback &pin);
} // namespace PinsRoute
