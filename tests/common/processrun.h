#pragma once

#include <QProcess>

// A program run to its end: its exit code (-1 when it crashed or did not end within the time
// given, when it is killed) and what it wrote on stdout and stderr together.
struct ProcessRun
{
    int exitCode = -1;
    QString output;

    static ProcessRun of(const QString &program, const QStringList &arguments,
                         int timeoutMs = 60'000)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(program, arguments);
        if (!process.waitForFinished(timeoutMs))
            process.kill();
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAll())};
    }
};
