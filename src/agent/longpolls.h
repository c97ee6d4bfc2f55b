#pragma once

#include "clock.h"

#include <QObject>

#include <memory>
#include <optional>
#include <vector>

class EventFeed;
class GuardedTcpServer;
class QHttpServerResponder;
class QTcpSocket;

// The long polls of GET /api/v1/events: a request with nothing newer to answer is held (its
// responder kept) until the feed has an event after the ID it asked from, or its wait passes on
// the clock (then it is answered with an empty list). The listener holds its connection outside
// the connection bounds (GuardedTcpServer::holdLongPoll()); when that bound is full the poll is
// answered 503 at once. A poll whose client hangs up is dropped before Qt deletes the socket, so
// nothing is ever written to a socket that is gone.
class LongPolls : public QObject
{
    Q_OBJECT
public:
    // Beyond the wait, how long the listener lets a held poll's answer take before it closes
    // the connection: the answer is due at the wait, this only catches one that never comes.
    static qint64 listenerMarginMs(const GuardedTcpServer &listener);

    LongPolls(EventFeed *feed, GuardedTcpServer *listener, Clock *clock, QObject *parent = nullptr);
    ~LongPolls() override;

    // Answers at once when there is something to say (events, a gap) or waitS is 0; else holds.
    void answer(QHttpServerResponder &&responder, qint64 after, int waitS);
    int waiting() const { return int(m_polls.size()); }

private:
    struct Poll
    {
        std::unique_ptr<QHttpServerResponder> responder;
        QTcpSocket *socket = nullptr;
        qint64 after = 0;
        Clock::TimerId deadline = 0;
        QMetaObject::Connection hangUp; // the socket's disconnected
        QMetaObject::Connection gone; // the socket's destroyed
    };

    void onAppended();
    void answerWaiting(); // every held poll that now has events
    std::optional<Poll> take(QTcpSocket *socket); // out of m_polls
    void expire(QTcpSocket *socket);
    void drop(QTcpSocket *socket); // its client hung up: never written to
    void unhook(Poll &poll); // its deadline and socket watches gone
    void finish(Poll &poll); // answers with what came after its ID

    EventFeed *m_feed;
    GuardedTcpServer *m_listener;
    Clock *m_clock;
    std::vector<Poll> m_polls;
    bool m_answerQueued = false;
};
