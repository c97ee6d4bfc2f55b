#include "commandline.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("dnswatch"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DNSWATCH_VERSION));
    return runCommandLine(app);
}
