#pragma once

#include "agentendpoint.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

class QSettings;

// The agents added in the dashboard, kept in QSettings as the array "agents": each one's name,
// url and ca_file. Never its token: that is the secret store's (AgentTokenStore). Entries are
// checked when read; a bad one is left out and said why.
class RememberedAgents
{
    Q_DECLARE_TR_FUNCTIONS(RememberedAgents)
public:
    struct Loaded
    {
        QList<AgentEndpoint> agents; // tokens empty
        QStringList problems; // one per entry left out, naming the file and the entry
    };

    explicit RememberedAgents(QSettings *settings); // not owned; outlives this

    Loaded load() const;
    // Adds the agent, or replaces the one of the same name; its token and any user information
    // in its URL are not kept. Returns what went wrong writing the settings, empty when nothing.
    QString remember(const AgentEndpoint &agent);
    // Removes the agent of that name, if remembered; returns like remember().
    QString forget(const QString &name);

private:
    struct Entry
    {
        QString name;
        QString url;
        QString caFile;
    };

    QList<Entry> entries() const; // as stored, bad ones too
    QString write(const QList<Entry> &entries);

    QSettings *m_settings;
};
