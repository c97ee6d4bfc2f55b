#include "immediateack.h"

#if defined(Q_OS_LINUX)
#    include <netinet/in.h>
#    include <netinet/tcp.h>
#    include <sys/socket.h>
#endif

void acknowledgeReceivedNow(qintptr socketDescriptor)
{
#if defined(Q_OS_LINUX) && defined(TCP_QUICKACK)
    if (socketDescriptor < 0)
        return;
    // Leaving the "interactive" delayed-ACK mode sends an ACK that is due at once. The kernel
    // returns to delaying ACKs by itself, so this is asked again after every read.
    const int on = 1;
    ::setsockopt(int(socketDescriptor), IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
#else
    Q_UNUSED(socketDescriptor);
#endif
}
