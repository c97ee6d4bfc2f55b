#include "demoservice.h"

#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonObject>
#include <QTcpServer>

#include <memory>
#include <vector>

DemoService::DemoService(QObject *parent) : QObject(parent)
{
    m_server.route(QStringLiteral("/health"), [this] {
        ++m_requestsServed;
        return QHttpServerResponse(QByteArrayLiteral("text/plain"), QByteArrayLiteral("OK"));
    });
    m_server.route(QStringLiteral("/api/2.0/mlflow/experiments/search"), [this] {
        ++m_requestsServed;
        const QJsonObject experiment{{QStringLiteral("experiment_id"), QStringLiteral("0")},
                                     {QStringLiteral("name"), QStringLiteral("Default")},
                                     {QStringLiteral("lifecycle_stage"), QStringLiteral("active")}};
        return QHttpServerResponse(
                QJsonObject{{QStringLiteral("experiments"), QJsonArray{experiment}}});
    });
}

bool DemoService::listen(const QList<QHostAddress> &addresses, QString *error)
{
    Q_ASSERT(!addresses.isEmpty() && m_port == 0);
    // The first address picks a free port; another program may hold it on the others: try again.
    QString problem;
    for (int attempt = 0; attempt < 20; ++attempt) {
        std::vector<std::unique_ptr<QTcpServer>> servers;
        quint16 port = 0;
        for (const QHostAddress &address : addresses) {
            auto server = std::make_unique<QTcpServer>();
            if (!server->listen(address, port)) {
                problem = QStringLiteral("%1 port %2: %3")
                                  .arg(address.toString())
                                  .arg(port)
                                  .arg(server->errorString());
                break;
            }
            port = server->serverPort();
            servers.push_back(std::move(server));
        }
        if (servers.size() != size_t(addresses.size()))
            continue;
        for (std::unique_ptr<QTcpServer> &server : servers)
            m_server.bind(server.release()); // the HTTP server takes it over
        m_port = port;
        return true;
    }
    if (error)
        *error = QStringLiteral("the lab's MLflow-like service cannot listen on %1 (it needs "
                                "the whole of 127.0.0.0/8 on loopback, as Linux has)")
                         .arg(problem);
    return false;
}
