#pragma once

#include <QString>

class QObject;
class QSslConfiguration;
class QSslSocket;

// A new QSslSocket, a child of owner, for a DNS over TLS or HTTPS connection to a server checked
// as peerName: it takes tls, switches Nagle off once connected (Nagle would hold a query back
// until the answer to the one before is acknowledged), and writes what is wrong with the
// server's certificate, in words, to *certificateProblem for the failure that follows. The owner
// connects its own signals, then connects the socket.
QSslSocket *newEncryptedDnsSocket(QObject *owner, const QSslConfiguration &tls,
                                  const QString &peerName, QString *certificateProblem);
