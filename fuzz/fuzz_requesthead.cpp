// libFuzzer target for the agent listener's RequestHeadScanner: arbitrary bytes, fed whole and
// cut in two at a place the input chooses, must give the same heads and bodies, in order, inside
// the stream (a last body may go on past it). A broken promise traps, which libFuzzer reports as a
// crash.
#include "fuzzcheck.h"
#include "requestheadscanner.h"

#include <QByteArrayView>

#include <cstddef>
#include <cstdint>

namespace {

bool sameHeads(const QList<RequestHeadScanner::Head> &a, const QList<RequestHeadScanner::Head> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].endOffset != b[i].endOffset || a[i].size != b[i].size || a[i].body != b[i].body
            || a[i].bodyBytes != b[i].bodyBytes || a[i].closesConnection != b[i].closesConnection)
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
    check(whole.inBody() == split.inBody() && !(whole.inBody() && whole.inHead()));

    // Each head ends with a line feed, then its body (only a Content-Length gives one), which
    // may run past the bytes fed so far: only the last can.
    qint64 previousEnd = 0;
    for (qsizetype i = 0; i < heads.size(); ++i) {
        const RequestHeadScanner::Head &head = heads[i];
        const qint64 bodyBytes = head.body == RequestHeadScanner::Body::Length ? head.bodyBytes : 0;
        check(head.bodyBytes >= 0 && head.bodyBytes <= RequestHeadScanner::MaxContentLength);
        check(head.body != RequestHeadScanner::Body::Length || head.bodyBytes > 0);
        const qint64 headEnd = head.endOffset - bodyBytes;
        check(head.size > 0 && head.size <= headEnd - previousEnd);
        check(headEnd <= input.size());
        check(input[headEnd - 1] == '\n');
        check(head.endOffset <= input.size() || i == heads.size() - 1);
        previousEnd = head.endOffset;
    }
    check(whole.inBody() == (previousEnd > input.size()));
    return 0;
}
