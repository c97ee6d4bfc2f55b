#include "requestheadscanner.h"

#include <optional>

namespace {

// What Qt HttpServer skips before a request line.
bool isBlank(char c) { return c == '\r' || c == '\n' || c == ' ' || c == '\t' || c == '\v'; }

// "Connection: keep-alive, Upgrade" holds the token "keep-alive".
bool hasToken(QByteArrayView list, QByteArrayView token)
{
    for (const QByteArrayView part : list.toByteArray().split(',')) {
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// Content-Length as Qt HttpServer reads it, but only the spelling every reader agrees on:
// digits alone. Anything else would let Qt and this scanner disagree on where the next request
// starts.
std::optional<qint64> contentLengthOf(QByteArrayView value)
{
    if (value.isEmpty() || value.size() > 13)
        return std::nullopt;
    qint64 length = 0;
    for (const char c : value) {
        if (c < '0' || c > '9')
            return std::nullopt;
        length = length * 10 + (c - '0');
    }
    if (length > RequestHeadScanner::MaxContentLength)
        return std::nullopt;
    return length;
}

} // namespace

QList<RequestHeadScanner::Head> RequestHeadScanner::feed(QByteArrayView bytes)
{
    QList<Head> completed;
    for (qsizetype at = 0; at < bytes.size(); ++at) {
        if (m_bodyLeft > 0) {
            // Counted, not looked at.
            const qint64 skipped = qMin<qint64>(m_bodyLeft, bytes.size() - at);
            m_bodyLeft -= skipped;
            m_offset += skipped;
            at += skipped - 1;
            continue;
        }
        const char c = bytes[at];
        ++m_offset;
        if (!inHead()) {
            if (isBlank(c))
                continue;
            m_headStart = m_offset - 1;
        }
        if (c != '\n') {
            if (m_line.size() < KeptLineBytes) {
                m_line.append(c);
            } else {
                m_cutTail.append(c);
                if (m_cutTail.size() > KeptTailBytes)
                    m_cutTail.remove(0, 1);
            }
            ++m_lineBytes;
            continue;
        }
        if (!endLine())
            continue;
        const qint64 bodyBytes = m_body == Body::Length ? m_bodyBytes : 0;
        completed.append({m_offset + bodyBytes, m_offset - m_headStart, m_body, bodyBytes,
                          m_close || (m_http10 && !m_keepAlive)});
        m_bodyLeft = bodyBytes;
        m_headStart = -1;
        m_lines = 0;
        m_http10 = m_keepAlive = m_close = m_lengthSeen = false;
        m_body = Body::None;
        m_bodyBytes = 0;
    }
    return completed;
}

bool RequestHeadScanner::endLine()
{
    const bool blank = m_lineBytes == 0 || (m_lineBytes == 1 && m_line == "\r");
    QByteArrayView line(m_line);
    if (line.endsWith('\r'))
        line.chop(1);
    if (m_lines++ == 0) {
        // A long target is cut from the kept line; the version at its end is in the tail.
        QByteArray ending = m_line + m_cutTail;
        if (ending.endsWith('\r'))
            ending.chop(1);
        m_http10 = ending.trimmed().endsWith("HTTP/1.0");
    } else if (!blank) {
        const qsizetype colon = line.indexOf(':');
        const QByteArrayView name = colon < 0 ? QByteArrayView() : line.first(colon).trimmed();
        const QByteArrayView value = colon < 0 ? QByteArrayView()
                                               : line.sliced(colon + 1).trimmed();
        const auto is = [name](QByteArrayView known) {
            return name.compare(known, Qt::CaseInsensitive) == 0;
        };
        if (is("content-length")) {
            const std::optional<qint64> length = contentLengthOf(value);
            // A Transfer-Encoding wins over any length, as Qt reads it.
            if (m_body != Body::TransferEncoding)
                m_body = !length || m_lengthSeen ? Body::BadLength
                        : *length > 0            ? Body::Length
                                                 : Body::None;
            m_bodyBytes = length.value_or(0);
            m_lengthSeen = true;
        } else if (is("transfer-encoding")) {
            m_body = Body::TransferEncoding;
        } else if (is("connection")) {
            m_close = m_close || hasToken(value, "close");
            m_keepAlive = m_keepAlive || hasToken(value, "keep-alive");
        }
    }
    m_line.clear();
    m_cutTail.clear();
    m_lineBytes = 0;
    return blank && m_lines > 1;
}
