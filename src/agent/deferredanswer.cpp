#include "deferredanswer.h"

#include <QHttpServerResponse>

DeferredAnswer::DeferredAnswer(QHttpServerResponder &&responder) : m_socket(responder.socket())
{
    m_state = std::make_shared<State>(std::move(responder));
}

void DeferredAnswer::send(const QHttpServerResponse &response) const
{
    // The socket is deleted when the client goes: the responder must not write to it then.
    if (m_state->sent || m_socket.isNull())
        return;
    m_state->sent = true;
    response.write(std::move(m_state->responder));
}
