#include "longpolls.h"

#include "eventfeed.h"
#include "eventsjson.h"
#include "guardedtcpserver.h"

#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

qint64 LongPolls::listenerMarginMs(const GuardedTcpServer &listener)
{
    return listener.limits().requestTimeoutMs;
}

LongPolls::LongPolls(EventFeed *feed, GuardedTcpServer *listener, Clock *clock, QObject *parent)
    : QObject(parent), m_feed(feed), m_listener(listener), m_clock(clock)
{
    connect(feed, &EventFeed::appended, this, &LongPolls::onAppended);
}

LongPolls::~LongPolls()
{
    for (Poll &poll : m_polls)
        unhook(poll);
}

void LongPolls::answer(QHttpServerResponder &&responder, qint64 after, int waitS)
{
    const EventFeed::Page page = m_feed->after(after);
    if (waitS <= 0 || !page.events.isEmpty() || page.gap) {
        responder.write(eventsPageJson(page), QByteArrayLiteral("application/json"));
        return;
    }
    QTcpSocket *socket = responder.socket();
    const qint64 answerByMs = m_clock->nowMs() + qint64(waitS) * 1000;
    if (!m_listener->holdLongPoll(socket, answerByMs + listenerMarginMs(*m_listener))) {
        const QJsonObject body{
                {QStringLiteral("error"),
                 QStringLiteral("too many long polls are waiting (agent.max_waiting_polls): ask "
                                "again after Retry-After seconds")}};
        responder.write(QJsonDocument(body).toJson(QJsonDocument::Compact),
                        {{"Content-Type", "application/json"}, {"Retry-After", "1"}},
                        QHttpServerResponder::StatusCode::ServiceUnavailable);
        return;
    }
    Poll poll;
    poll.responder = std::make_unique<QHttpServerResponder>(std::move(responder));
    poll.socket = socket;
    poll.after = after;
    poll.deadline = m_clock->callAt(answerByMs, this, [this, socket] { expire(socket); });
    // Qt HttpServer deletes the socket (deleteLater) once it disconnects; the responder only
    // keeps its address. Forget the poll at the first sign, and never write to it.
    poll.hangUp = connect(socket, &QAbstractSocket::disconnected, this,
                          [this, socket] { drop(socket); });
    poll.gone = connect(socket, &QObject::destroyed, this, [this, socket] { drop(socket); });
    m_polls.push_back(std::move(poll));
}

void LongPolls::onAppended()
{
    // Answered once the burst has been recorded, so a client gets its events together.
    if (m_polls.empty() || m_answerQueued)
        return;
    m_answerQueued = true;
    QTimer::singleShot(0, this, &LongPolls::answerWaiting);
}

void LongPolls::answerWaiting()
{
    m_answerQueued = false;
    const qint64 last = m_feed->lastId();
    std::vector<Poll> due;
    for (auto it = m_polls.begin(); it != m_polls.end();) {
        if (it->after < last) {
            due.push_back(std::move(*it));
            it = m_polls.erase(it);
        } else {
            ++it;
        }
    }
    for (Poll &poll : due)
        finish(poll);
}

std::optional<LongPolls::Poll> LongPolls::take(QTcpSocket *socket)
{
    const auto it = std::find_if(m_polls.begin(), m_polls.end(),
                                 [socket](const Poll &poll) { return poll.socket == socket; });
    if (it == m_polls.end())
        return std::nullopt;
    Poll poll = std::move(*it);
    m_polls.erase(it);
    return poll;
}

void LongPolls::expire(QTcpSocket *socket)
{
    if (std::optional<Poll> poll = take(socket)) {
        poll->deadline = 0; // it has run
        finish(*poll);
    }
}

void LongPolls::drop(QTcpSocket *socket)
{
    // The responder goes without writing (its destructor touches no socket).
    if (std::optional<Poll> poll = take(socket))
        unhook(*poll);
}

void LongPolls::unhook(Poll &poll)
{
    if (poll.deadline)
        m_clock->cancel(poll.deadline);
    QObject::disconnect(poll.hangUp);
    QObject::disconnect(poll.gone);
}

void LongPolls::finish(Poll &poll)
{
    unhook(poll);
    poll.responder->write(eventsPageJson(m_feed->after(poll.after)),
                          QByteArrayLiteral("application/json"));
    // Written (queued on the socket): the listener's usual deadlines again.
    m_listener->releaseLongPoll(poll.socket);
}
