#include "historybucket.h"

int historyBucketWidthS(qint64 spanS, int buckets)
{
    const qint64 widthS = std::max<qint64>(60, spanS / std::max(1, buckets));
    return int(widthS >= 1800 ? (widthS + 3599) / 3600 * 3600 : (widthS + 59) / 60 * 60);
}
