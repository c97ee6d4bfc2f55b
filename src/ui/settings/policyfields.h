#pragma once

#include <QCoreApplication>
#include <QVariant>

// One key of a flat block of the config ("cache", "probes") as the settings editor shows it.
struct PolicyField
{
    QString key; // "max_stale_s"
    QString label; // with its mnemonic and colon
    QString help;
    QString suffix; // the unit after the number (" s"), empty for counts
    QVariant defaultValue; // int, or bool for a check box: what the loader uses when it is absent
};

// The keys of the "cache" and "probes" blocks, in the README's order, with the defaults of
// CachePolicy and ProbePolicy (which the loader starts from).
class PolicyFields
{
    Q_DECLARE_TR_FUNCTIONS(PolicyFields)
public:
    static QList<PolicyField> cache();
    static QList<PolicyField> probes();
};
