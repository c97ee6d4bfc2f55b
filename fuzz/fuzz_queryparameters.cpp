// libFuzzer target for the agent API's QueryParameters: an arbitrary query string read as every
// kind of parameter. Beyond "no crash": a value read is what was asked for (a whole number in its
// bounds, a UTC time, one of the words), a refusal is said and names a parameter, and the words
// said never carry a control character from the input. A broken promise traps.
#include "fuzzcheck.h"
#include "queryparameters.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QStringList names{QStringLiteral("host"), QStringLiteral("from"), QStringLiteral("step"),
                            QStringLiteral("format")};
    QueryParameters parameters(QUrlQuery(text), names);
    using Need = QueryParameters::Need;
    const auto host = parameters.text(QStringLiteral("host"), Need::Optional);
    check(!host || !host->isEmpty());
    const auto from = parameters.time(QStringLiteral("from"), Need::Optional);
    check(!from || (from->isValid() && from->timeSpec() == Qt::UTC));
    const auto step = parameters.integer(QStringLiteral("step"), 1, 86400, Need::Optional);
    check(!step || (*step >= 1 && *step <= 86400));
    const QStringList words{QStringLiteral("html"), QStringLiteral("pdf")};
    const auto format = parameters.word(QStringLiteral("format"), words, Need::Required);
    check(!format || words.contains(*format));
    check(parameters.ok() == parameters.error().isEmpty());
    if (!parameters.ok()) {
        check(parameters.error().contains(QLatin1Char(':')));
        for (const QChar c : parameters.error())
            check(c.unicode() >= 0x20 && c.unicode() != 0x7f && c.unicode() != 0x202e);
    }
    return 0;
}
