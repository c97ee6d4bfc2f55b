#pragma once

#include <QList>
#include <QSslError>
#include <QString>

// Certificate problems in words for the "tls" cause: "certificate name mismatch: expected
// dns.test, got other.test", "unknown CA: ...". The first problem that explains the others wins.
QString describeTlsErrors(const QList<QSslError> &errors, const QString &expectedName);
