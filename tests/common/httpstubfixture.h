#pragma once

#include <QProcess>
#include <QTemporaryDir>

#include <memory>

// tests/common/http_stub.py, a real HTTP server on 127.0.0.1 with MLflow-like routes, started
// and stopped by a test. requests() returns what it received, one line per request.
class HttpStubFixture
{
public:
    ~HttpStubFixture();
    enum class Protocol { Http, Https };
    // Https: a fresh self-signed certificate for svc.test (see certificatePath()).
    bool start(QString *error, Protocol protocol = Protocol::Http);
    QString certificatePath() const { return m_dir.filePath(QStringLiteral("cert.pem")); }
    quint16 port() const { return m_port; }
    QStringList requests() const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};
