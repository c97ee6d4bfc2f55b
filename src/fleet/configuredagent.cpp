#include "configuredagent.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

std::optional<AgentEndpoint> configuredAgent(const AgentLinkConfig &agent,
                                             const QString &configPath, QString *error)
{
    AgentEndpoint endpoint{agent.name, agent.url, QString(), QString()};
    const QDir base = configPath.isEmpty() ? QDir::current() : QFileInfo(configPath).absoluteDir();
    if (!agent.caFile.isEmpty())
        endpoint.caFile = base.absoluteFilePath(agent.caFile);
    if (agent.tokenFile.isEmpty())
        return endpoint;
    QFile file(base.absoluteFilePath(agent.tokenFile));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QObject::tr("agent %1: token file %2: %3")
                         .arg(agent.name, file.fileName(), file.errorString());
        return std::nullopt;
    }
    endpoint.token = QString::fromUtf8(file.readLine(4096)).trimmed();
    if (endpoint.token.isEmpty()) {
        *error = QObject::tr("agent %1: token file %2 holds no token; expected the token on its "
                             "first line")
                         .arg(agent.name, file.fileName());
        return std::nullopt;
    }
    return endpoint;
}
