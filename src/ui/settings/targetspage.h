#pragma once

#include "settingspage.h"

class ElementList;
class ProblemLabel;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QLineEdit;
class QSpinBox;

// The "targets" block: the targets by name on the left (add, duplicate, remove), the selected
// one's keys on the right, the check's keys shown for its type only.
class TargetsPage : public SettingsPage
{
    Q_OBJECT
public:
    explicit TargetsPage(ConfigDocument *document, QWidget *parent = nullptr);

    void reload() override;
    void showProblems(const QList<ConfigError> &errors) override;
    // The resolvers a target can choose changed (added, renamed, removed).
    void refreshResolverChoices();

    ElementList *list() const { return m_list; }
    void selectTarget(int row);
    int currentTarget() const;

protected:
    QString fieldFor(const ConfigFieldPath &path) const override;

private:
    QWidget *buildForm();
    void showRows(int current); // the list again (rows came or went), current selected
    void showTarget(int row);
    void showCurrentProblems();
    void write(const QString &field, const QJsonValue &value);
    // A list key from a line of text; left out of the file when the line is empty.
    void writeList(const QString &field, const QString &text);
    QLineEdit *addListField(const QString &label, const QString &field, const QString &placeholder,
                            const QString &help);
    QCheckBox *addSwitch(const QString &label, const QString &field, const QString &text,
                         const QString &help);
    void writeCheck(); // the whole check, from the inputs its type shows
    void showCheckRows();
    void addTarget();
    void duplicateTarget(int row);
    void removeTarget(int row);
    QString uniqueName(const QString &wanted) const;
    QStringList names() const;

    ElementList *m_list;
    ProblemLabel *m_blockProblems; // "$.targets" itself (no target at all, not an array)
    ProblemLabel *m_targetProblems; // the selected target as a whole (a missing or unknown key)
    QWidget *m_form = nullptr;
    QFormLayout *m_formLayout = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_host = nullptr;
    QComboBox *m_resolver = nullptr;
    QComboBox *m_record = nullptr;
    QSpinBox *m_interval = nullptr;
    QCheckBox *m_critical = nullptr;
    QLineEdit *m_fallbackIps = nullptr;
    QLineEdit *m_expectAddresses = nullptr;
    QCheckBox *m_alertOnChange = nullptr;
    QCheckBox *m_requireValidated = nullptr;
    QLineEdit *m_compare = nullptr;
    QLineEdit *m_expectDivergence = nullptr;
    QComboBox *m_checkType = nullptr;
    QLineEdit *m_expect = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_url = nullptr;
    QSpinBox *m_statusMin = nullptr;
    QSpinBox *m_statusMax = nullptr;
    QLineEdit *m_soaZone = nullptr;
    QLineEdit *m_soaServers = nullptr;
    QSpinBox *m_soaMaxLag = nullptr;
    QList<ConfigError> m_errors;
};
