#include "agentlinks.h"

#include "connectagentdialog.h"
#include "mainwindow.h"
#include "rememberedagents.h"

#include <QSettings>
#include <QStatusBar>

AgentLinks::AgentLinks(MainWindow *window) : QObject(window), m_window(window)
{
    connect(&m_tokens, &AgentTokenStore::tokenSaved, this,
            [this](const QString &name, AgentTokenStore::Persistence persistence,
                   const QString &reason) {
                say(tr("%1: %2").arg(name, AgentTokenStore::describe(persistence, reason)));
            });
    connect(&m_tokens, &AgentTokenStore::tokenLoaded, this,
            [this](const QString &name, const QString &token) {
                const auto found = m_awaitingTokens.constFind(name);
                if (found == m_awaitingTokens.cend())
                    return;
                AgentEndpoint endpoint = *found;
                m_awaitingTokens.erase(found);
                endpoint.token = token;
                m_window->connectAgent(endpoint);
            });
}

void AgentLinks::say(const QString &message) { m_window->statusBar()->showMessage(message, 15000); }

void AgentLinks::restore()
{
    QSettings settings;
    const RememberedAgents::Loaded loaded = RememberedAgents(&settings).load();
    for (const QString &problem : loaded.problems)
        say(problem);
    QStringList inUse;
    for (const TargetPlace *place : m_window->places())
        inUse.append(place->name());
    for (const AgentEndpoint &agent : loaded.agents) {
        if (inUse.contains(agent.name))
            continue; // the config's agent of that name wins
        m_awaitingTokens.insert(agent.name, agent);
        m_tokens.load(agent.name);
    }
}

void AgentLinks::askToConnect()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    QStringList inUse;
    for (const TargetPlace *place : m_window->places())
        inUse.append(place->name());
    m_dialog = new ConnectAgentDialog(inUse, m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::accepted, this, &AgentLinks::connectFromDialog);
    m_dialog->open();
}

void AgentLinks::connectFromDialog()
{
    const AgentEndpoint endpoint = m_dialog->endpoint();
    m_window->connectAgent(endpoint);
    say(tr("Connecting to %1 at %2...").arg(endpoint.name, endpoint.url.toDisplayString()));
    if (!m_dialog->remember())
        return;
    QSettings settings;
    const QString problem = RememberedAgents(&settings).remember(endpoint);
    if (!problem.isEmpty()) {
        say(tr("%1 is not remembered: %2").arg(endpoint.name, problem));
        return;
    }
    m_tokens.save(endpoint.name, endpoint.token); // said in the status bar when kept
}
