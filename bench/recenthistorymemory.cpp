#include "recenthistorymemory.h"

#include "probe/probehistorybuffer.h"

#include <QRandomGenerator>

#include <malloc.h>

#include <memory>

namespace {
size_t heapInUse()
{
    const struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
}
} // namespace

double recentHistoryHeapMb(int targets, int intervalS)
{
    const size_t before = heapInUse();
    auto buffer = std::make_unique<ProbeHistoryBuffer>();
    QRandomGenerator random(5);
    const qint64 startMs = QDateTime::currentMSecsSinceEpoch() - ProbeHistoryBuffer::KeptMs;
    const qint64 points = ProbeHistoryBuffer::KeptMs / (intervalS * 1000LL);
    ProbeResult result;
    result.resolution.addresses = {QHostAddress(QStringLiteral("127.0.0.1"))};
    for (qint64 i = 0; i < points; ++i) {
        for (int target = 0; target < targets; ++target) {
            result.target = QStringLiteral("name-%1").arg(target);
            result.time = QDateTime::fromMSecsSinceEpoch(
                    startMs + i * intervalS * 1000 + random.bounded(50), Qt::UTC);
            result.resolution.source = random.bounded(100) ? ResolutionSource::Fresh
                                                           : ResolutionSource::None;
            result.resolution.latencyUs = 150 + random.bounded(2'000); // loopback dnsmasq
            buffer->add(result);
        }
    }
    const size_t after = heapInUse();
    return after > before ? double(after - before) / 1e6 : 0;
}
