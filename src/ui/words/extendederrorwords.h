#pragma once

#include "dns/extendeddnserror.h"

#include <QCoreApplication>
#include <QString>

// Extended DNS Errors (RFC 8914) in the user's language, for the dashboard: "Verboten (EDE 18)"
// for "Prohibited". The server's extra text is shown as it came, printable.
class ExtendedErrorWords
{
    Q_DECLARE_TR_FUNCTIONS(ExtendedErrorWords)
public:
    static QString words(quint16 infoCode); // "EDE 4711" for a code without words
    // Every error: "Verboten (EDE 18): client refused; ..."; empty for none.
    static QString describe(const QList<ExtendedDnsError> &errors);
};
