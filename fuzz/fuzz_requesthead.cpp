// libFuzzer target for the agent listener's RequestHeadScanner: arbitrary bytes, fed whole and
// cut in two at a place the input chooses, must give the same heads, in order, inside the
// stream. A broken promise traps, which libFuzzer reports as a crash.
#include "requestheadscanner.h"

#include <QByteArrayView>

#include <cstddef>
#include <cstdint>

namespace {

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

bool sameHeads(const QList<RequestHeadScanner::Head> &a, const QList<RequestHeadScanner::Head> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].endOffset != b[i].endOffset || a[i].size != b[i].size
            || a[i].announcesBody != b[i].announcesBody
            || a[i].closesConnection != b[i].closesConnection)
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArrayView input(reinterpret_cast<const char *>(data) + 1, qsizetype(size) - 1);
    const qsizetype cut = input.isEmpty() ? 0 : qsizetype(data[0]) % (input.size() + 1);

    RequestHeadScanner whole;
    const QList<RequestHeadScanner::Head> heads = whole.feed(input);
    RequestHeadScanner split;
    QList<RequestHeadScanner::Head> pieces = split.feed(input.first(cut));
    pieces += split.feed(input.sliced(cut));
    check(sameHeads(heads, pieces));
    check(whole.offset() == input.size() && split.offset() == input.size());
    check(whole.partialSize() == split.partialSize() && whole.partialSize() <= input.size());

    qint64 previousEnd = 0;
    for (const RequestHeadScanner::Head &head : heads) {
        check(head.size > 0 && head.size <= head.endOffset - previousEnd);
        check(head.endOffset <= input.size());
        check(input[head.endOffset - 1] == '\n');
        previousEnd = head.endOffset;
    }
    return 0;
}
