#include "binaryrun.h"

#include <QProcess>

QProcessEnvironment binaryEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DNSWATCH_FALLBACK_IPS"), QString());
    for (const char *name : {"MLFLOW_TRACKING_URI", "MLFLOW_TRACKING_USERNAME",
                             "MLFLOW_TRACKING_PASSWORD", "MLFLOW_TRACKING_TOKEN", "DNSWATCH_TOKEN"})
        env.remove(QString::fromLatin1(name));
    return env;
}

BinaryRun runBinary(const QString &binary, const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(binaryEnvironment());
    process.start(binary, arguments);
    BinaryRun result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}
