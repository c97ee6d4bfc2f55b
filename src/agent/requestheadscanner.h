#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

// Finds where each request's head (request line and headers) ends in the bytes a client sends,
// and skips its body, so the listener knows when a request has fully arrived and how large it
// was, without parsing HTTP: Qt HttpServer does that. It looks at no more than it needs: the
// blank line that ends a head (CRLF CRLF, or bare LF as Qt accepts), the version at the end of
// the request line, and three headers (Connection, Content-Length, Transfer-Encoding). A body is
// framed by its Content-Length alone: its bytes are counted, not looked at. Blank lines between
// requests belong to no request, as Qt skips them too. Each byte is looked at once.
class RequestHeadScanner
{
public:
    // How a head says its body is framed.
    enum class Body {
        None, // no Content-Length, or 0
        Length, // Content-Length: digits, bodyBytes of them follow the head
        TransferEncoding, // a Transfer-Encoding (chunked...): its end is not known in advance
        BadLength, // a Content-Length that is not plain digits, or two of them
    };
    struct Head
    {
        qint64 endOffset = 0; // bytes of the stream up to its blank line and its body
        qint64 size = 0; // from its first byte to its blank line (the body not counted)
        Body body = Body::None;
        qint64 bodyBytes = 0; // Length: the Content-Length
        bool closesConnection = false; // "Connection: close", or HTTP/1.0 without keep-alive
    };

    // A Content-Length beyond this is taken as BadLength (no agent request comes near).
    static constexpr qint64 MaxContentLength = qint64(1) << 40;

    // The next bytes of the stream; returns the heads they completed, in order.
    QList<Head> feed(QByteArrayView bytes);

    qint64 offset() const { return m_offset; } // bytes fed so far
    bool inHead() const { return m_headStart >= 0; } // a head has begun and not ended
    bool inBody() const { return m_bodyLeft > 0; } // a head has ended, its body not yet
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
    Body m_body = Body::None;
    qint64 m_bodyBytes = 0;
    bool m_lengthSeen = false;
    qint64 m_bodyLeft = 0; // of the last head's body, still to come
};
