#include "deferredanswer.h"

#include "guardedtcpserver.h"

#include <QHttpServerResponse>

DeferredAnswer::DeferredAnswer(QHttpServerResponder &&responder, GuardedTcpServer *listener)
    : m_socket(responder.socket()), m_listener(listener)
{
    m_state = std::make_shared<State>(std::move(responder));
    if (m_listener && m_socket)
        m_listener->deferAnswer(m_socket);
}

void DeferredAnswer::send(const QHttpServerResponse &response) const
{
    // The socket is deleted when the client goes: the responder must not write to it then.
    if (m_state->sent || m_socket.isNull())
        return;
    m_state->sent = true;
    response.write(std::move(m_state->responder));
    if (m_listener && m_socket)
        m_listener->answerSent(m_socket);
}
