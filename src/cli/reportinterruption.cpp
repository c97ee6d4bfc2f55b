#include "reportinterruption.h"

#include <QDeadlineTimer>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <optional>
#include <poll.h>
#include <unistd.h>
#include <utility>

namespace {

std::atomic<bool> g_stop{false};
std::atomic<int> g_signal{0};
int g_pipe[2] = {-1, -1}; // [0] read by the watchdog, [1] written by the handler and at the end
struct sigaction g_previous[2];
constexpr int Signals[2] = {SIGTERM, SIGINT};
constexpr char Finished = 0; // any other byte is a signal's number

void onSignal(int signal)
{
    // Only async-signal-safe work: atomics and a write to the pipe.
    const int savedErrno = errno;
    g_signal.store(signal);
    g_stop.store(true);
    const char number = char(signal);
    [[maybe_unused]] const ssize_t written = ::write(g_pipe[1], &number, 1);
    errno = savedErrno;
}

// The next byte on the pipe, or nothing when the deadline passed first.
std::optional<char> nextByte(const QDeadlineTimer &deadline)
{
    for (;;) {
        pollfd readable{g_pipe[0], POLLIN, 0};
        const qint64 leftMs = deadline.isForever() ? -1 : deadline.remainingTime();
        const int ready = ::poll(&readable, 1, int(leftMs));
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0)
            return std::nullopt;
        char byte = Finished;
        const ssize_t got = ::read(g_pipe[0], &byte, 1);
        if (got < 0 && errno == EINTR)
            continue;
        return got == 1 ? byte : Finished; // a closed pipe: finished
    }
}

void watch(int timeoutMs)
{
    if (nextByte(QDeadlineTimer(QDeadlineTimer::Forever)).value_or(Finished) == Finished)
        return;
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        const std::optional<char> byte = nextByte(deadline);
        if (byte == Finished)
            return;
        if (!byte)
            break; // a second signal only waits for the same deadline
    }
    const int signal = g_signal.load();
    std::fprintf(stderr,
                 "dnswatch: --report: stopped by %s and not ended within "
                 "history.shutdown_timeout_ms (%d ms): exiting, no report written\n",
                 ReportInterruption::signalName(signal), timeoutMs);
    std::fflush(stderr);
    ::_exit(ReportInterruption::exitCode(signal));
}

} // namespace

ReportInterruption::ReportInterruption(int timeoutMs)
{
    g_stop.store(false);
    g_signal.store(0);
    if (::pipe2(g_pipe, O_CLOEXEC) != 0)
        return; // no watchdog: the signals keep their default (the process ends at once)
    m_watchdog = std::thread(watch, timeoutMs);
    struct sigaction action
    { };
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int i = 0; i < 2; ++i)
        ::sigaction(Signals[i], &action, &g_previous[i]);
}

ReportInterruption::~ReportInterruption()
{
    if (!m_watchdog.joinable())
        return;
    for (int i = 0; i < 2; ++i)
        ::sigaction(Signals[i], &g_previous[i], nullptr);
    [[maybe_unused]] const ssize_t written = ::write(g_pipe[1], &Finished, 1);
    m_watchdog.join();
    for (int &fd : g_pipe)
        ::close(std::exchange(fd, -1));
}

const std::atomic<bool> *ReportInterruption::stopFlag() const { return &g_stop; }

int ReportInterruption::signal() const { return g_signal.load(); }

const char *ReportInterruption::signalName(int signal)
{
    return signal == SIGINT ? "SIGINT" : "SIGTERM";
}
