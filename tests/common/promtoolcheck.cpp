#include "promtoolcheck.h"

#include "dnsserverfixture.h"

#include <QProcess>

QByteArray promtoolCheck(const QByteArray &metrics)
{
    QProcess promtool;
    promtool.start(DnsServerFixture::findTool(QStringLiteral("promtool")),
                   {QStringLiteral("check"), QStringLiteral("metrics")});
    if (!promtool.waitForStarted())
        return "promtool missing (Debian package prometheus)";
    promtool.write(metrics);
    promtool.closeWriteChannel();
    if (!promtool.waitForFinished(10000))
        return "promtool did not finish";
    const QByteArray says = promtool.readAllStandardOutput() + promtool.readAllStandardError();
    if (promtool.exitCode() == 0)
        return QByteArray();
    return says + " (exit code " + QByteArray::number(promtool.exitCode()) + ")";
}
