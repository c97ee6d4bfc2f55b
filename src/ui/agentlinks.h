#pragma once

#include "agentendpoint.h"
#include "agenttokenstore.h"
#include "connectagentdialog.h"

#include <QObject>
#include <QPointer>

class MainWindow;

// The agents the operator connects to from the dashboard (File > Connect to agent...): the
// dialog, the agent connected at once, and, when asked to remember it, its URL and CA file kept
// in the settings (RememberedAgents) and its token in the secret store (AgentTokenStore, or for
// the session only, said in the status bar). restore() connects the remembered agents again at
// start, each once its token is read back.
class AgentLinks : public QObject
{
    Q_OBJECT
public:
    explicit AgentLinks(MainWindow *window);

    void askToConnect(); // opens the dialog (one at a time), never blocks
    void restore();
    ConnectAgentDialog *dialog() const { return m_dialog; }

private:
    void connectFromDialog();
    void say(const QString &message);

    MainWindow *m_window;
    AgentTokenStore m_tokens;
    QPointer<ConnectAgentDialog> m_dialog;
    QHash<QString, AgentEndpoint> m_awaitingTokens; // remembered, their token being read
};
