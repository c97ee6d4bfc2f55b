#pragma once

#include <sys/resource.h>
#include <unistd.h>

// While it lives, the process may open no more files or sockets: the soft RLIMIT_NOFILE is
// lowered to the lowest free descriptor, so the next socket() fails with EMFILE. The old limit
// comes back when it goes.
class NoFreeFileDescriptors
{
public:
    NoFreeFileDescriptors()
    {
        m_ok = getrlimit(RLIMIT_NOFILE, &m_saved) == 0;
        const int lowestFree = dup(STDERR_FILENO);
        if (lowestFree < 0) {
            m_ok = false;
            return;
        }
        close(lowestFree);
        rlimit lowered = m_saved;
        lowered.rlim_cur = rlim_t(lowestFree);
        m_ok = m_ok && setrlimit(RLIMIT_NOFILE, &lowered) == 0;
    }
    ~NoFreeFileDescriptors()
    {
        if (m_ok)
            setrlimit(RLIMIT_NOFILE, &m_saved);
    }
    NoFreeFileDescriptors(const NoFreeFileDescriptors &) = delete;
    NoFreeFileDescriptors &operator=(const NoFreeFileDescriptors &) = delete;

    bool ok() const { return m_ok; }

private:
    rlimit m_saved{};
    bool m_ok = false;
};
