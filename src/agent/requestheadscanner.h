#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

// Finds where each request's head (request line and headers) ends in the bytes a client sends,
// so the listener knows when a request has fully arrived and how large it was, without parsing
// HTTP: Qt HttpServer does that. It looks at no more than it needs: the blank line that ends a
// head (CRLF CRLF, or bare LF as Qt accepts), the version at the end of the request line, and
// three headers (Connection, Content-Length, Transfer-Encoding). Blank lines between requests
// belong to no request, as Qt skips them too. Each byte is looked at once.
class RequestHeadScanner
{
public:
    struct Head
    {
        qint64 endOffset = 0; // bytes of the stream up to and including its blank line
        qint64 size = 0; // from its first byte to its blank line
        bool announcesBody = false; // a Content-Length other than 0, or a Transfer-Encoding
        bool closesConnection = false; // "Connection: close", or HTTP/1.0 without keep-alive
    };

    // The next bytes of the stream; returns the heads they completed, in order.
    QList<Head> feed(QByteArrayView bytes);

    qint64 offset() const { return m_offset; } // bytes fed so far
    bool inHead() const { return m_headStart >= 0; } // a head has begun and not ended
    qint64 partialSize() const { return inHead() ? m_offset - m_headStart : 0; }

private:
    // Ends the current line; true when it was the blank line that ends the head.
    bool endLine();

    // A header line is kept up to this: enough for the three headers looked at.
    static constexpr qsizetype KeptLineBytes = 256;

    qint64 m_offset = 0;
    qint64 m_headStart = -1;
    QByteArray m_line; // the current line without its CR, cut at KeptLineBytes
    QByteArray m_cutTail; // what followed the cut, its last KeptTailBytes (a request line's version)
    static constexpr qsizetype KeptTailBytes = 16;
    qsizetype m_lineBytes = 0; // the current line's length, cut or not
    int m_lines = 0; // complete lines of the current head
    bool m_http10 = false;
    bool m_keepAlive = false;
    bool m_close = false;
    bool m_body = false;
};
