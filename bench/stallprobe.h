#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

// A 1 ms timer on the GUI thread: how much later than its interval it fires is how long the event
// loop was kept from it. For the worst gap, how much of it this thread spent on the CPU says
// whether the window was busy or the machine did not run it.
class StallProbe : public QObject
{
public:
    static constexpr int TickMs = 1;

    StallProbe();
    void start();
    void stop() { m_timer.stop(); }
    qint64 worstMs() const { return m_worstMs; }
    qint64 worstBusyMs() const { return m_worstBusyUs / 1000; }
    // The most CPU this thread spent between two firings: the window's own longest work.
    qint64 mostBusyMs() const { return m_mostBusyUs / 1000; }
    qint64 p99Ms() const;
    qsizetype beyond(qint64 ms) const; // how many firings were later than ms
    // "11 ms (11 ms on CPU; most on CPU 9 ms), p99 0 ms, 0 over 16 ms"
    QString summary(qint64 goalMs) const;

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_sinceTick;
    qint64 m_cpuAtTick = 0;
    QList<qint64> m_latenessMs;
    qint64 m_worstMs = 0;
    qint64 m_worstBusyUs = 0;
    qint64 m_mostBusyUs = 0;
};
