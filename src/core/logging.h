#pragma once

#include <QLoggingCategory>

// One category per module; quiet by default (enable with QT_LOGGING_RULES="dnswatch.*=true").
Q_DECLARE_LOGGING_CATEGORY(lcDns)
Q_DECLARE_LOGGING_CATEGORY(lcResolver)
Q_DECLARE_LOGGING_CATEGORY(lcSystemResolver)
Q_DECLARE_LOGGING_CATEGORY(lcConfig)
Q_DECLARE_LOGGING_CATEGORY(lcCli)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
