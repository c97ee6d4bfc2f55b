#pragma once

#include <atomic>
#include <thread>

// SIGTERM and SIGINT while `--report` makes its report. The history's reads stop at once (give
// stopFlag() to the HistoryDatabase), so the report ends without a file and the command exits
// with exitCode(). A report that has not ended timeoutMs after the signal (a long page being
// drawn, a slow query) is ended there by a watchdog: it says so on stderr and exits with the
// same code; the unnamed temporary file goes with the process. One at a time; the handlers
// that were there before come back when it goes.
class ReportInterruption
{
public:
    explicit ReportInterruption(int timeoutMs);
    ~ReportInterruption();
    ReportInterruption(const ReportInterruption &) = delete;
    ReportInterruption &operator=(const ReportInterruption &) = delete;

    const std::atomic<bool> *stopFlag() const;
    int signal() const; // the one that came, or 0
    static int exitCode(int signal) { return 128 + signal; } // as a shell reports a signal
    static const char *signalName(int signal); // "SIGTERM", "SIGINT"

private:
    std::thread m_watchdog;
};
