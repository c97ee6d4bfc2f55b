#include "configerror.h"

QString ConfigError::toString() const
{
    return QStringLiteral("%1: %2: %3").arg(file, path, message);
}
