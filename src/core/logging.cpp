#include "logging.h"

Q_LOGGING_CATEGORY(lcDns, "dnswatch.dns", QtWarningMsg)
Q_LOGGING_CATEGORY(lcResolver, "dnswatch.resolver", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSystemResolver, "dnswatch.resolver.system", QtWarningMsg)
Q_LOGGING_CATEGORY(lcConfig, "dnswatch.config", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCli, "dnswatch.cli", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStore, "dnswatch.store", QtWarningMsg)
