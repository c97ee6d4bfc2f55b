#pragma once

#include <QHostAddress>
#include <QList>
#include <QStringList>

// Addresses from their texts, to compare with what the code under test gives.
inline QList<QHostAddress> ips(const QStringList &texts)
{
    QList<QHostAddress> result;
    for (const QString &text : texts)
        result.append(QHostAddress(text));
    return result;
}
