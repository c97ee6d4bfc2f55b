#pragma once

#include "policyfields.h"
#include "settingspage.h"

class ProblemLabel;

// A flat block of the config ("cache", "probes"): one input per key, the key's loader default
// shown when the file leaves it out (and written only once changed).
class PolicyPage : public SettingsPage
{
    Q_OBJECT
public:
    PolicyPage(const QString &block, const QString &intro, const QList<PolicyField> &fields,
               ConfigDocument *document, QWidget *parent = nullptr);

    void reload() override;
    void showProblems(const QList<ConfigError> &errors) override;

private:
    QList<PolicyField> m_fields;
    ProblemLabel *m_blockProblems; // the block as a whole: an unknown key, two keys out of order
};
