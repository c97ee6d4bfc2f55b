#include "heapreturn.h"

#include <QTest>

#include <cstdlib>
#include <cstring>
#include <malloc.h>

// The headless agent keeps glibc's mmap threshold fixed, so every large buffer it frees goes back
// to the system, not only the first one.
class TestHeapReturn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyLargeBlockIsMappedAndReturned()
    {
        returnLargeBlocksToTheSystem();
        const std::size_t blockBytes = 4 * 1024 * 1024;
        // By default the first free of a 4 MiB block raises the threshold above 4 MiB, and the
        // second and third come from the heap.
        for (int round = 0; round < 3; ++round) {
            const std::size_t mappedBefore = ::mallinfo2().hblkhd;
            void *block = std::malloc(blockBytes);
            QVERIFY(block);
            std::memset(block, 1, blockBytes);
            QVERIFY2(::mallinfo2().hblkhd >= mappedBefore + blockBytes,
                     qPrintable(QStringLiteral("round %1: not mapped").arg(round)));
            std::free(block);
            QCOMPARE(::mallinfo2().hblkhd, mappedBefore);
        }
    }
};

QTEST_APPLESS_MAIN(TestHeapReturn)
#include "tst_heapreturn.moc"
