#pragma once

#include <QList>
#include <QSslCertificate>
#include <QString>

// A resolver's "ca_file": PEM certificates of a private certificate authority. A relative name is
// taken from the folder of the config file (configSource), as the agents' files are. Returns the
// certificates, or none and *error saying what is wrong with which file.
QList<QSslCertificate> readCaCertificateFile(const QString &name, const QString &configSource,
                                             QString *error);
