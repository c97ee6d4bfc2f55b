#include "gzipencoder.h"

#include <zlib.h>

#include <limits>
#include <memory>

QByteArray gzipCompressed(QByteArrayView text)
{
    z_stream stream{};
    // windowBits 15 + 16: a gzip header and trailer instead of zlib's. Level 1: the exposition
    // repeats its names and labels so much that the fastest level has most of the gain. With
    // 1,000 targets (3.8 MB) level 1 gave 173 KB in 12 ms, zlib's default level 6 158 KB in
    // 34 ms (docs/benchmarks.md).
    if (deflateInit2(&stream, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    // zlib's state is freed on every way out, a failed allocation of the output's too.
    const std::unique_ptr<z_stream, int (*)(z_stream *)> ended(&stream, deflateEnd);
    // The exposition repeats its names and labels: it shrinks to well under a tenth. Start
    // there and grow by half when that was not enough.
    QByteArray out(std::max<qsizetype>(1024, text.size() / 8), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(text.data()));
    qsizetype inLeft = text.size();
    qsizetype written = 0;
    int status = Z_OK;
    while (status == Z_OK) {
        if (written == out.size())
            out.resize(out.size() + out.size() / 2);
        const uInt inChunk = uInt(std::min<qsizetype>(inLeft, std::numeric_limits<uInt>::max()));
        stream.avail_in = inChunk;
        stream.next_out = reinterpret_cast<Bytef *>(out.data() + written);
        const uInt outRoom = uInt(
                std::min<qsizetype>(out.size() - written, std::numeric_limits<uInt>::max()));
        stream.avail_out = outRoom;
        status = deflate(&stream, inChunk == inLeft ? Z_FINISH : Z_NO_FLUSH);
        inLeft -= inChunk - stream.avail_in;
        written += outRoom - stream.avail_out;
        if (status == Z_BUF_ERROR) // no room was left: grow and go on
            status = Z_OK;
    }
    if (status != Z_STREAM_END)
        return {};
    out.truncate(written);
    out.squeeze(); // the answer may wait in the socket a while: hold no spare room meanwhile
    return out;
}
