#pragma once

#include "agentendpoint.h"

#include <QDialog>
#include <QStringList>

class ProblemLabel;
class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

// File > Connect to agent...: the agent's name, URL, token and private CA file, and whether to
// remember it. OK stays disabled, and each problem is said under the fields, while the name is
// empty or already in use, the URL is not a usable http(s) base, or the CA file cannot be read
// or holds no PEM certificate. An http:// URL to another machine is allowed with a warning: the
// token would cross the network in the clear.
class ConnectAgentDialog : public QDialog
{
    Q_OBJECT
public:
    // namesInUse: the agents already watched; a new one needs another name.
    explicit ConnectAgentDialog(const QStringList &namesInUse, QWidget *parent = nullptr);

    void setEndpoint(const AgentEndpoint &endpoint); // fills the fields
    AgentEndpoint endpoint() const; // the fields, trimmed
    bool remember() const; // "Remember this agent": URL and CA in the settings, token in the
                           // secret store

    bool isInputValid() const;
    QString problem() const; // every problem, one a line; empty when none
    QString warning() const; // empty when none

    // The largest CA file read (on the GUI thread, as the user types): a bundle of certificates
    // is far smaller.
    static constexpr qint64 MaxCaFileBytes = 1024 * 1024;

private:
    void describeFields(); // names, placeholders, what a screen reader says
    void layOut();
    void validate();
    QString nameProblem() const;
    QString urlProblem() const;
    QString caFileProblem() const;
    void browseCaFile();

    QStringList m_namesInUse;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QLineEdit *m_token;
    QCheckBox *m_showToken;
    QLineEdit *m_caFile;
    QPushButton *m_browse;
    QCheckBox *m_remember;
    ProblemLabel *m_problem;
    QWidget *m_warningRow; // an icon and m_warning
    QLabel *m_warning;
    QDialogButtonBox *m_buttons;
};
