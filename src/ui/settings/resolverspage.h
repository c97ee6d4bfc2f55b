#pragma once

#include "settingspage.h"

class ElementList;
class ProblemLabel;
class QFormLayout;
class QLabel;
class QCheckBox;
class QLineEdit;
class QSpinBox;

// The "resolvers" block: "system" (the operating system's resolver) always first, whether the
// file lists it or not, and never removed or renamed; then the file's resolvers, each a name,
// nameservers, a timeout and attempts. Renaming a resolver takes its targets along.
class ResolversPage : public SettingsPage
{
    Q_OBJECT
public:
    explicit ResolversPage(ConfigDocument *document, QWidget *parent = nullptr);

    void reload() override;
    void showProblems(const QList<ConfigError> &errors) override;

    ElementList *list() const { return m_list; }
    void selectResolver(int row);
    int currentResolver() const;
    bool isSystem(int row) const { return row == 0; }

protected:
    QString fieldFor(const ConfigFieldPath &path) const override;

private:
    QWidget *buildForm();
    void findRows();
    void showRows(int current);
    void showResolver(int row);
    // The rows that apply: no servers, attempts or DNSSEC for the system resolver; the TLS
    // keys only for DNS over TLS or HTTPS servers (or when the file sets them anyway).
    void showTransportRows();
    void showCurrentProblems();
    void write(const QString &field, const QJsonValue &value);
    void followRename();
    void addResolver();
    void duplicateResolver(int row);
    void removeResolver(int row);
    QString uniqueName(const QString &wanted) const;
    int rowOf(int element) const { return int(m_elements.indexOf(element)); }

    ElementList *m_list;
    ProblemLabel *m_blockProblems;
    ProblemLabel *m_resolverProblems;
    QWidget *m_form = nullptr;
    QFormLayout *m_formLayout = nullptr;
    QLabel *m_systemNote = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_servers = nullptr;
    QSpinBox *m_timeout = nullptr;
    QSpinBox *m_attempts = nullptr;
    QCheckBox *m_dnssec = nullptr;
    QLineEdit *m_tlsName = nullptr;
    QLineEdit *m_caFile = nullptr;
    QSpinBox *m_tlsIdle = nullptr;
    QList<int> m_elements; // row -> index in the file's "resolvers" array (-1: system, not listed)
    QString m_nameBeforeEdit; // what targets still call the resolver being renamed
    QList<ConfigError> m_errors;
};
