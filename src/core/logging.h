#pragma once

#include <QLoggingCategory>

// One category per module; quiet by default (enable with QT_LOGGING_RULES="dnswatch.*=true").
Q_DECLARE_LOGGING_CATEGORY(lcDns)
Q_DECLARE_LOGGING_CATEGORY(lcResolver)
Q_DECLARE_LOGGING_CATEGORY(lcSystemResolver)
Q_DECLARE_LOGGING_CATEGORY(lcConfig)
Q_DECLARE_LOGGING_CATEGORY(lcCli)
Q_DECLARE_LOGGING_CATEGORY(lcStore)

// Every message of Qt's logging (ours and Qt's own) goes on through the handler that was there,
// with control characters shown as escapes (printable(), line breaks kept): a detail from the
// network must not steer the terminal or the journal. The executable installs it once.
void installPrintableMessageHandler();
