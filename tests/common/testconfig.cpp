#include "testconfig.h"

AppConfig testConfig(const QByteArray &json)
{
    const ConfigLoadResult loaded = parseConfig(json, QStringLiteral("test"));
    if (!loaded.config)
        qFatal("%s", qPrintable(loaded.errors.value(0).toString()));
    return *loaded.config;
}
