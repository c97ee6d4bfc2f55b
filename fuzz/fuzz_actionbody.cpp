// libFuzzer target for the bodies of the agent's actions: parsePinRequest() (PUT
// /api/v1/pins/{host}) and parseCacheClearRequest() (POST /api/v1/cache/clear) on arbitrary
// bytes. Beyond "no crash" (ASan, UBSan) it checks what they promise: a body is taken whole or
// refused with a reason; a taken pin has 1 to 64 distinct addresses and an expiry after now; a
// taken clear names a host only when it clears one host. A broken promise traps, which
// libFuzzer reports as a crash.
#include "cacheclearrequest.h"
#include "fuzzcheck.h"
#include "pinrequest.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data),
                                                    qsizetype(size));
    static const QDateTime now(QDate(2026, 12, 6), QTime(9, 0), Qt::UTC);

    QString error;
    const std::optional<PinRequest> pin = parsePinRequest(body, now, &error);
    check(pin.has_value() == error.isEmpty());
    if (pin) {
        check(!pin->addresses.isEmpty() && pin->addresses.size() <= PinRequest::MaxAddresses);
        for (qsizetype i = 0; i < pin->addresses.size(); ++i) {
            check(!pin->addresses[i].isNull() && !pin->addresses[i].isMulticast());
            check(pin->addresses.indexOf(pin->addresses[i]) == i);
        }
        check(!pin->expires || (*pin->expires > now && pin->expires->timeSpec() == Qt::UTC));
        check(pin->reason.size() <= PinRequest::MaxReason);
    }

    const std::optional<CacheClearRequest> clear = parseCacheClearRequest(body, &error);
    check(clear.has_value() == error.isEmpty());
    if (clear)
        check(clear->host.isEmpty() == (clear->scope != CacheClearRequest::Scope::OneHost));
    return 0;
}
