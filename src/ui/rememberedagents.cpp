#include "rememberedagents.h"

#include "agenturlcheck.h"

#include <QSet>
#include <QSettings>

#include <algorithm>

namespace {
const QString Array = QStringLiteral("agents");
const QString NameKey = QStringLiteral("name");
const QString UrlKey = QStringLiteral("url");
const QString CaFileKey = QStringLiteral("ca_file");
} // namespace

RememberedAgents::RememberedAgents(QSettings *settings) : m_settings(settings) { }

QList<RememberedAgents::Entry> RememberedAgents::entries() const
{
    QList<Entry> found;
    const int count = m_settings->beginReadArray(Array);
    for (int index = 0; index < count; ++index) {
        m_settings->setArrayIndex(index);
        found.append({m_settings->value(NameKey).toString(), m_settings->value(UrlKey).toString(),
                      m_settings->value(CaFileKey).toString()});
    }
    m_settings->endArray();
    return found;
}

RememberedAgents::Loaded RememberedAgents::load() const
{
    Loaded loaded;
    QSet<QString> names;
    const QList<Entry> stored = entries();
    for (qsizetype index = 0; index < stored.size(); ++index) {
        const Entry &entry = stored.at(index);
        const QUrl url(entry.url.trimmed(), QUrl::StrictMode);
        QString problem;
        if (entry.name.trimmed().isEmpty())
            problem = tr("The agent has no name.");
        else if (names.contains(entry.name))
            problem = tr("An agent of this name comes earlier.");
        else
            problem = AgentUrlCheck::problem(url);
        if (!problem.isEmpty()) {
            // Array entries are numbered from 1 in the file.
            loaded.problems.append(tr("%1: agents/%2 (\"%3\"): %4 It is left out.")
                                           .arg(m_settings->fileName())
                                           .arg(index + 1)
                                           .arg(entry.name, problem));
            continue;
        }
        names.insert(entry.name);
        loaded.agents.append({entry.name, url, QString(), entry.caFile});
    }
    return loaded;
}

QString RememberedAgents::remember(const AgentEndpoint &agent)
{
    QList<Entry> stored = entries();
    const Entry entry{agent.name, agent.url.toString(QUrl::RemoveUserInfo), agent.caFile};
    const auto same = std::find_if(stored.begin(), stored.end(),
                                   [&agent](const Entry &one) { return one.name == agent.name; });
    if (same != stored.end())
        *same = entry;
    else
        stored.append(entry);
    return write(stored);
}

QString RememberedAgents::forget(const QString &name)
{
    QList<Entry> stored = entries();
    stored.removeIf([&name](const Entry &one) { return one.name == name; });
    return write(stored);
}

QString RememberedAgents::write(const QList<Entry> &entries)
{
    m_settings->remove(Array);
    m_settings->beginWriteArray(Array, int(entries.size()));
    for (qsizetype index = 0; index < entries.size(); ++index) {
        m_settings->setArrayIndex(int(index));
        m_settings->setValue(NameKey, entries.at(index).name);
        m_settings->setValue(UrlKey, entries.at(index).url);
        m_settings->setValue(CaFileKey, entries.at(index).caFile);
    }
    m_settings->endArray();
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError)
        return tr("The agents could not be saved in %1.").arg(m_settings->fileName());
    return {};
}
