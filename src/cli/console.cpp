#include "console.h"

#include "printabletext.h"

#include <QCoreApplication>

#include <cstdio>

namespace Console {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int usageError(const QString &message)
{
    err() << QCoreApplication::applicationName() << ": " << printable(message, LineBreaks::Keep)
          << '\n'
          << "Try '" << QCoreApplication::applicationName() << " --help'.\n";
    err().flush();
    return ExitUsage;
}

int fail(const QString &message, int exitCode)
{
    err() << QCoreApplication::applicationName() << ": " << printable(message, LineBreaks::Keep)
          << '\n';
    err().flush();
    return exitCode;
}

} // namespace Console
