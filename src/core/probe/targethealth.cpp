#include "targethealth.h"

QString TargetHealth::windowName(int window)
{
    static const char *const names[] = {"1m", "5m", "1h", "24h"};
    return QString::fromLatin1(names[qBound(0, window, int(WindowCount) - 1)]);
}
