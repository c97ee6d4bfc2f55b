#include "configjsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace {
// Only the order people read the keys in (README "Configuration"); what is valid is the
// loader's business.
constexpr const char *KeyOrder[] = {
        // top level
        "resolvers", "cache", "probes", "history", "agent", "targets",
        // targets and resolvers
        "name", "host", "resolver", "record", "interval_s", "critical", "fallback_ips", "check",
        "servers", "timeout_ms", "attempts",
        // checks
        "type", "port", "url", "expect_status", "expect",
        // cache
        "min_ttl_s", "max_ttl_s", "default_ttl_s", "stale_ttl_s", "max_stale_s",
        "negative_ttl_max_s", "client_response_timer_ms", "refresh_backoff_initial_ms",
        "refresh_backoff_max_ms", "fallback_on_negative",
        // probes
        "check_timeout_ms", "max_concurrent", "retry_initial_ms", "retry_max_ms", "check_retries",
        "check_backoff_factor_ms", "check_backoff_jitter_ms", "check_backoff_max_ms",
        // history
        "raw_retention_h", "aggregate_retention_d", "flush_interval_ms", "shutdown_timeout_ms",
        // agent
        "max_connections", "request_timeout_ms", "max_request_bytes"};

qsizetype rank(const QString &key)
{
    const auto found = std::find_if(
            std::begin(KeyOrder), std::end(KeyOrder),
            [&key](const char *known) { return key == QLatin1String(known); });
    return std::distance(std::begin(KeyOrder), found);
}

QStringList orderedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    std::sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) {
        const qsizetype rankA = rank(a), rankB = rank(b);
        return rankA != rankB ? rankA < rankB : a < b;
    });
    return keys;
}

// A string, number, boolean or null exactly as Qt writes it (escapes, number format).
QByteArray scalar(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

bool holdsOnlyScalars(const QJsonArray &array)
{
    return std::none_of(array.begin(), array.end(), [](const QJsonValue &value) {
        return value.isArray() || value.isObject();
    });
}

void write(QByteArray *out, const QJsonValue &value, int depth)
{
    const QByteArray inner(2 * (depth + 1), ' ');
    const QByteArray outer(2 * depth, ' ');
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.isEmpty()) {
            *out += "{}";
            return;
        }
        *out += "{\n";
        const QStringList keys = orderedKeys(object);
        for (qsizetype i = 0; i < keys.size(); ++i) {
            *out += inner + scalar(keys.at(i)) + ": ";
            write(out, object.value(keys.at(i)), depth + 1);
            *out += i + 1 < keys.size() ? ",\n" : "\n";
        }
        *out += outer + '}';
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (holdsOnlyScalars(array)) {
            QByteArrayList items;
            for (const QJsonValue &item : array)
                items.append(scalar(item));
            *out += '[' + items.join(", ") + ']';
            return;
        }
        *out += "[\n";
        for (qsizetype i = 0; i < array.size(); ++i) {
            *out += inner;
            write(out, array.at(i), depth + 1);
            *out += i + 1 < array.size() ? ",\n" : "\n";
        }
        *out += outer + ']';
    } else {
        *out += scalar(value);
    }
}
} // namespace

QByteArray formatConfigJson(const QJsonObject &root)
{
    QByteArray out;
    write(&out, root, 0);
    out += '\n';
    return out;
}
