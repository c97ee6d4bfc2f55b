#include "jsonwriter.h"

#include <QCborValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <utility>

JsonWriter::JsonWriter(qsizetype reserveBytes) { m_out.reserve(reserveBytes); }

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_empty.empty())
        return;
    if (!m_empty.back())
        m_out.append(',');
    m_empty.back() = false;
}

void JsonWriter::open(char bracket)
{
    beforeValue();
    m_out.append(bracket);
    m_empty.push_back(true);
}

void JsonWriter::close(char bracket)
{
    m_out.append(bracket);
    m_empty.pop_back();
}

void JsonWriter::beginObject() { open('{'); }

void JsonWriter::endObject() { close('}'); }

void JsonWriter::beginArray() { open('['); }

void JsonWriter::endArray() { close(']'); }

JsonWriter &JsonWriter::key(QLatin1StringView name)
{
    // ASCII (every key of ours) is its own UTF-8; anything beyond is converted.
    const bool ascii = std::all_of(name.begin(), name.end(), [](char c) { return uchar(c) < 0x80; });
    if (!ascii)
        return key(QString(name));
    beforeValue();
    appendEscaped(QByteArrayView(name.data(), name.size()));
    m_out.append(':');
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::key(const QString &name)
{
    beforeValue();
    appendEscaped(name.toUtf8());
    m_out.append(':');
    m_afterKey = true;
    return *this;
}

void JsonWriter::value(QStringView text)
{
    beforeValue();
    appendEscaped(text.toUtf8());
}

void JsonWriter::value(QLatin1StringView text) { value(QStringView(QString(text))); }

void JsonWriter::value(bool flag)
{
    beforeValue();
    m_out.append(flag ? "true" : "false");
}

void JsonWriter::value(double number)
{
    beforeValue();
    constexpr double ExactIntegers = 9007199254740992.0; // 2^53
    if (!std::isfinite(number))
        m_out.append("null");
    else if (std::trunc(number) == number && std::fabs(number) <= ExactIntegers)
        m_out.append(QByteArray::number(qint64(number)));
    else
        m_out.append(QByteArray::number(number, 'g', QLocale::FloatingPointShortest));
}

void JsonWriter::null()
{
    beforeValue();
    m_out.append("null");
}

void JsonWriter::value(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        null();
        return;
    case QJsonValue::Bool:
        this->value(value.toBool());
        return;
    case QJsonValue::Double: {
        // A number held as an integer is said exactly, beyond 2^53 too, as Qt says it.
        const QCborValue number = QCborValue::fromJsonValue(value);
        if (number.isInteger()) {
            beforeValue();
            m_out.append(QByteArray::number(number.toInteger()));
        } else {
            this->value(value.toDouble());
        }
        return;
    }
    case QJsonValue::String:
        this->value(QStringView(value.toString()));
        return;
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        beforeValue();
        // Most targets' lists (extended errors, paths) are empty.
        m_out.append(array.isEmpty() ? QByteArray("[]")
                                     : QJsonDocument(array).toJson(QJsonDocument::Compact));
        return;
    }
    case QJsonValue::Object:
        beforeValue();
        m_out.append(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        return;
    }
}

QByteArray JsonWriter::take()
{
    m_empty.clear();
    m_afterKey = false;
    return std::exchange(m_out, QByteArray());
}

// As RFC 8259 asks: the quotation mark, the backslash and the control characters escaped,
// every other character as its UTF-8.
void JsonWriter::appendEscaped(QByteArrayView utf8)
{
    static constexpr char Hex[] = "0123456789abcdef";
    m_out.append('"');
    qsizetype plainFrom = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto byte = uchar(utf8[i]);
        if (byte >= 0x20 && byte != '"' && byte != '\\')
            continue;
        m_out.append(utf8.sliced(plainFrom, i - plainFrom));
        plainFrom = i + 1;
        switch (byte) {
        case '"':
            m_out.append("\\\"");
            break;
        case '\\':
            m_out.append("\\\\");
            break;
        case '\b':
            m_out.append("\\b");
            break;
        case '\f':
            m_out.append("\\f");
            break;
        case '\n':
            m_out.append("\\n");
            break;
        case '\r':
            m_out.append("\\r");
            break;
        case '\t':
            m_out.append("\\t");
            break;
        default:
            m_out.append("\\u00");
            m_out.append(Hex[byte >> 4]);
            m_out.append(Hex[byte & 0xf]);
        }
    }
    m_out.append(utf8.sliced(plainFrom));
    m_out.append('"');
}
