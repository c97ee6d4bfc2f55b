#include "configjsonwriter.h"

#include "config/configschema.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace {
// Only the order people read the keys in: each block's as its table has them ("name" of a
// target and of a resolver ranks once, first). What is valid is the loader's business.
const QStringList &keyOrder()
{
    static const QStringList order = [] {
        QStringList keys;
        const QList<QList<QLatin1String>> blocks = {
                ConfigSchema::keyNames(ConfigSchema::topLevel()),
                ConfigSchema::keyNames(ConfigSchema::target()),
                ConfigSchema::keyNames(ConfigSchema::resolver()),
                ConfigSchema::keyNames(ConfigSchema::check()),
                ConfigSchema::cache().keyNames(),
                ConfigSchema::probes().keyNames(),
                ConfigSchema::history().keyNames(),
                ConfigSchema::agent().keyNames(),
                ConfigSchema::agentWatch().keyNames(),
                ConfigSchema::metrics().keyNames(),
        };
        for (const QList<QLatin1String> &block : blocks) {
            for (QLatin1String key : block) {
                if (!keys.contains(key))
                    keys.append(key);
            }
        }
        return keys;
    }();
    return order;
}

qsizetype rank(const QString &key)
{
    const qsizetype index = keyOrder().indexOf(key);
    return index < 0 ? keyOrder().size() : index;
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
