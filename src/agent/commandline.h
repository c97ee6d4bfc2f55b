#pragma once

#include <QStringList>

class QCoreApplication;

// `dnswatch` as the command line sees it. Parses the arguments, reports errors itself (exit
// code 2), runs the chosen mode on the application's event loop and returns the exit code.
int runCommandLine(QCoreApplication &app);
