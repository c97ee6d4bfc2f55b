#pragma once

#include <QCoreApplication>
#include <QJsonValue>
#include <QLatin1String>
#include <QList>
#include <QString>

// One key of a flat block of the config ("cache", "probes") as the settings editor shows it.
struct PolicyField
{
    QString key; // "max_stale_s"
    QString label; // with its mnemonic and colon
    QString help;
    QString suffix; // the unit after the number (" s"), empty for counts
    QJsonValue defaultValue; // integer, or boolean for a check box: what the loader uses when it is
                             // absent
};

// The keys of the "cache" and "probes" blocks: each key, its order and its default from the
// block's table (config/configschema.h), with the words the editor shows for it.
class PolicyFields
{
    Q_DECLARE_TR_FUNCTIONS(PolicyFields)
public:
    static QList<PolicyField> cache();
    static QList<PolicyField> probes();

private:
    static QString suffix(QLatin1String unit);
};
