#include "jsonduplicatekeys.h"

#include <QHash>
#include <QList>

namespace {

// One object or array open around the scanner.
struct Container
{
    bool isObject = false;
    QString path;
    QHash<QString, int> keyLines; // objects: each key and the line it was first given on
    bool expectingKey = true; // objects: the next string is a key
    qsizetype index = 0; // arrays: the element being read
    QString childPath; // the path of the value being read
};

class Scanner
{
public:
    explicit Scanner(QByteArrayView json) : m_json(json) { }

    std::optional<DuplicateJsonKey> run()
    {
        while (m_pos < m_json.size()) {
            const char c = m_json[m_pos];
            if (c == '"') {
                const int line = m_line;
                const QString text = readString();
                if (std::optional<DuplicateJsonKey> duplicate = noteString(text, line))
                    return duplicate;
                continue;
            }
            if (c == '\n')
                ++m_line;
            else if (c == '{' || c == '[')
                open(c == '{');
            else if ((c == '}' || c == ']') && !m_open.isEmpty())
                m_open.removeLast();
            else if (c == ',' && !m_open.isEmpty())
                nextMember();
            ++m_pos;
        }
        return std::nullopt;
    }

private:
    void open(bool isObject)
    {
        Container container;
        container.isObject = isObject;
        container.path = m_open.isEmpty() ? QStringLiteral("$") : m_open.last().childPath;
        // What is read before a key (in text that is no JSON) counts as the object's own.
        container.childPath = isObject ? container.path : elementPath(container.path, 0);
        m_open.append(std::move(container));
    }

    void nextMember()
    {
        Container &current = m_open.last();
        if (current.isObject) {
            current.expectingKey = true;
        } else {
            ++current.index;
            current.childPath = elementPath(current.path, current.index);
        }
    }

    std::optional<DuplicateJsonKey> noteString(const QString &text, int line)
    {
        if (m_open.isEmpty() || !m_open.last().isObject || !m_open.last().expectingKey)
            return std::nullopt;
        Container &object = m_open.last();
        object.expectingKey = false;
        object.childPath = object.path + QLatin1Char('.') + text;
        const auto first = object.keyLines.constFind(text);
        if (first != object.keyLines.constEnd())
            return DuplicateJsonKey{object.childPath, line, first.value()};
        object.keyLines.insert(text, line);
        return std::nullopt;
    }

    static QString elementPath(const QString &path, qsizetype index)
    {
        return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
    }

    // From the opening quote past the closing one (or the end), escapes decoded.
    QString readString()
    {
        QByteArray raw;
        QString decoded;
        auto flushRaw = [&] {
            decoded += QString::fromUtf8(raw);
            raw.clear();
        };
        ++m_pos;
        while (m_pos < m_json.size()) {
            const char c = m_json[m_pos++];
            if (c == '"')
                break;
            if (c == '\n')
                ++m_line; // not valid JSON, but the lines after it stay right
            if (c != '\\' || m_pos >= m_json.size()) {
                raw.append(c);
                continue;
            }
            const char escaped = m_json[m_pos++];
            if (escaped == 'u') {
                flushRaw();
                decoded += QChar(char16_t(hexUnit()));
                continue;
            }
            raw.append(unescaped(escaped));
        }
        flushRaw();
        return decoded;
    }

    // The four hex digits after \u (fewer at the end of the text or before a non-digit).
    uint hexUnit()
    {
        uint unit = 0;
        for (int digit = 0; digit < 4 && m_pos < m_json.size(); ++digit) {
            const int value = hexValue(m_json[m_pos]);
            if (value < 0)
                break;
            unit = unit * 16 + uint(value);
            ++m_pos;
        }
        return unit;
    }

    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    static char unescaped(char escaped)
    {
        switch (escaped) {
        case 'b':
            return '\b';
        case 'f':
            return '\f';
        case 'n':
            return '\n';
        case 'r':
            return '\r';
        case 't':
            return '\t';
        default:
            return escaped; // \" \\ \/
        }
    }

    QByteArrayView m_json;
    qsizetype m_pos = 0;
    int m_line = 1;
    QList<Container> m_open;
};

} // namespace

std::optional<DuplicateJsonKey> findDuplicateJsonKey(QByteArrayView json)
{
    return Scanner(json).run();
}
