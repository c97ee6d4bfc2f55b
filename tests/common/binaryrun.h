#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QStringList>

// The real `dnswatch` binary (or a tool a fixture needs: mount, dd) run to its end by a test, as
// a user runs it.
struct BinaryRun
{
    int exitCode = -1; // -1: it crashed, or did not finish in time (and was killed)
    QByteArray out;
    QByteArray err;

    QString output() const { return QString::fromUtf8(out + err); } // both, for what it said
};

// The test's environment without what would change the binary's behaviour behind its back: no
// emergency fallback, no MLflow server or credentials, no agent token.
QProcessEnvironment binaryEnvironment();

BinaryRun runBinary(const QString &binary, const QStringList &arguments, int timeoutMs = 60000);
