#pragma once

#include <QHostAddress>
#include <QHttpServer>
#include <QList>
#include <QObject>

// The lab's MLflow-like tracking server: GET /health answers 200 "OK" as MLflow's does, and
// /api/2.0/mlflow/experiments/search a one-experiment list. It listens on one port of several
// loopback addresses, so a name that moves between them keeps reaching it.
class DemoService : public QObject
{
    Q_OBJECT
public:
    explicit DemoService(QObject *parent = nullptr);

    // Binds the same free port on every address; false with the reason when it cannot.
    bool listen(const QList<QHostAddress> &addresses, QString *error);
    quint16 port() const { return m_port; }
    quint64 requestsServed() const { return m_requestsServed; }

private:
    QHttpServer m_server;
    quint16 m_port = 0;
    quint64 m_requestsServed = 0;
};
