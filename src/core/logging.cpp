#include "logging.h"

#include "printabletext.h"

Q_LOGGING_CATEGORY(lcDns, "dnswatch.dns", QtWarningMsg)
Q_LOGGING_CATEGORY(lcResolver, "dnswatch.resolver", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSystemResolver, "dnswatch.resolver.system", QtWarningMsg)
Q_LOGGING_CATEGORY(lcConfig, "dnswatch.config", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCli, "dnswatch.cli", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStore, "dnswatch.store", QtWarningMsg)

namespace {
QtMessageHandler g_nextHandler = nullptr;

void printableMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_nextHandler(type, context, printable(message, LineBreaks::Keep));
}
} // namespace

void installPrintableMessageHandler()
{
    if (g_nextHandler)
        return;
    g_nextHandler = qInstallMessageHandler(printableMessage);
}
