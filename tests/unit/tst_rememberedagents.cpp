// The agents the dashboard remembers (src/ui/rememberedagents.cpp) in a real settings file in a
// temporary folder: added, replaced by name and removed; entries with a bad URL, no name or a
// name given twice left out with their problem; and never a token in the file's bytes, not even
// one typed into the URL.
#include "rememberedagents.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString Token = QStringLiteral("tok-5f1e0c9a-never-in-settings");

AgentEndpoint agent(const QString &name, const QString &url, const QString &caFile = QString())
{
    return {name, QUrl(url), Token, caFile};
}

QStringList namesOf(const QList<AgentEndpoint> &agents)
{
    QStringList names;
    for (const AgentEndpoint &one : agents)
        names << one.name;
    return names;
}
} // namespace

class TestRememberedAgents : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void emptyAtFirst();
    void addReplaceRemove();
    void badEntriesAreLeftOutWithTheirProblem();
    void noTokenInTheFile();

private:
    QByteArray fileBytes();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
};

void TestRememberedAgents::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("dnswatch.conf")),
                                             QSettings::IniFormat);
}

void TestRememberedAgents::cleanup()
{
    m_settings.reset();
    m_dir.reset();
}

QByteArray TestRememberedAgents::fileBytes()
{
    m_settings->sync();
    QFile file(m_settings->fileName());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void TestRememberedAgents::emptyAtFirst()
{
    const RememberedAgents remembered(m_settings.get());
    const RememberedAgents::Loaded loaded = remembered.load();
    QVERIFY(loaded.agents.isEmpty());
    QVERIFY(loaded.problems.isEmpty());
}

void TestRememberedAgents::addReplaceRemove()
{
    RememberedAgents remembered(m_settings.get());
    QCOMPARE(remembered.remember(agent(QStringLiteral("fra1"),
                                       QStringLiteral("https://agent-fra1.lab.test:9108"),
                                       QStringLiteral("/etc/dnswatch/lab-ca.pem"))),
             QString());
    QCOMPARE(remembered.remember(
                     agent(QStringLiteral("local"), QStringLiteral("http://127.0.0.1:9108"))),
             QString());

    // A second reader of the same file, as the next start of the dashboard.
    QSettings reread(m_settings->fileName(), QSettings::IniFormat);
    RememberedAgents::Loaded loaded = RememberedAgents(&reread).load();
    QCOMPARE(loaded.problems, QStringList());
    QCOMPARE(loaded.agents.size(), 2);
    QCOMPARE(loaded.agents.at(0),
             (AgentEndpoint{QStringLiteral("fra1"),
                            QUrl(QStringLiteral("https://agent-fra1.lab.test:9108")), QString(),
                            QStringLiteral("/etc/dnswatch/lab-ca.pem")}));
    QCOMPARE(loaded.agents.at(1),
             (AgentEndpoint{QStringLiteral("local"), QUrl(QStringLiteral("http://127.0.0.1:9108")),
                            QString(), QString()}));

    // The same name again replaces it, in its place.
    QCOMPARE(remembered.remember(agent(QStringLiteral("fra1"),
                                       QStringLiteral("https://agent-fra1.lab.test:9443"))),
             QString());
    loaded = remembered.load();
    QCOMPARE(namesOf(loaded.agents), (QStringList{QStringLiteral("fra1"), QStringLiteral("local")}));
    QCOMPARE(loaded.agents.at(0).url, QUrl(QStringLiteral("https://agent-fra1.lab.test:9443")));
    QCOMPARE(loaded.agents.at(0).caFile, QString());

    QCOMPARE(remembered.forget(QStringLiteral("fra1")), QString());
    QCOMPARE(namesOf(remembered.load().agents), QStringList{QStringLiteral("local")});
    QCOMPARE(remembered.forget(QStringLiteral("not-there")), QString());
    QCOMPARE(remembered.forget(QStringLiteral("local")), QString());
    QVERIFY(remembered.load().agents.isEmpty());
}

void TestRememberedAgents::badEntriesAreLeftOutWithTheirProblem()
{
    // Written as an older version or a hand edit could leave them.
    const QList<QStringList> entries{
            {QStringLiteral("good"), QStringLiteral("https://agent.lab.test:9108")},
            {QStringLiteral("ftp"), QStringLiteral("ftp://agent.lab.test")},
            {QStringLiteral("hostless"), QStringLiteral("https:///api")},
            {QString(), QStringLiteral("https://nameless.lab.test")},
            {QStringLiteral("good"), QStringLiteral("https://again.lab.test")},
            {QStringLiteral("broken"), QStringLiteral("https://agent.lab.test:port")},
            {QStringLiteral("local"), QStringLiteral("http://[::1]:9108")},
    };
    m_settings->beginWriteArray(QStringLiteral("agents"));
    for (int index = 0; index < entries.size(); ++index) {
        m_settings->setArrayIndex(index);
        m_settings->setValue(QStringLiteral("name"), entries.at(index).at(0));
        m_settings->setValue(QStringLiteral("url"), entries.at(index).at(1));
    }
    m_settings->endArray();

    const RememberedAgents::Loaded loaded = RememberedAgents(m_settings.get()).load();
    QCOMPARE(namesOf(loaded.agents), (QStringList{QStringLiteral("good"), QStringLiteral("local")}));
    QCOMPARE(loaded.problems.size(), 5);
    const QString file = m_settings->fileName();
    QCOMPARE(loaded.problems.at(0),
             file
                     + QStringLiteral(": agents/2 (\"ftp\"): The URL must start with https:// (or "
                                      "http://). It is left out."));
    QCOMPARE(
            loaded.problems.at(1),
            file
                    + QStringLiteral(": agents/3 (\"hostless\"): The URL names no host. It is left "
                                     "out."));
    QCOMPARE(loaded.problems.at(2),
             file + QStringLiteral(": agents/4 (\"\"): The agent has no name. It is left out."));
    QCOMPARE(loaded.problems.at(3),
             file
                     + QStringLiteral(": agents/5 (\"good\"): An agent of this name comes earlier. "
                                      "It is left out."));
    QCOMPARE(loaded.problems.at(4),
             file
                     + QStringLiteral(": agents/6 (\"broken\"): The URL is not valid: check the "
                                      "host and the port number. It is left out."));

    // Remembering another keeps the bad entries as they were (the user may fix them by hand).
    RememberedAgents(m_settings.get())
            .remember(agent(QStringLiteral("new"), QStringLiteral("https://new.lab.test")));
    const RememberedAgents::Loaded after = RememberedAgents(m_settings.get()).load();
    QCOMPARE(namesOf(after.agents),
             (QStringList{QStringLiteral("good"), QStringLiteral("local"), QStringLiteral("new")}));
    QCOMPARE(after.problems, loaded.problems);
}

void TestRememberedAgents::noTokenInTheFile()
{
    RememberedAgents remembered(m_settings.get());
    QCOMPARE(remembered.remember(agent(QStringLiteral("fra1"),
                                       QStringLiteral("https://agent-fra1.lab.test:9108"))),
             QString());
    // Even a token typed into the URL as its password (the dialog refuses it) is not kept.
    AgentEndpoint inUrl = agent(QStringLiteral("ams2"), QStringLiteral("https://agent.lab.test"));
    inUrl.url.setUserName(QStringLiteral("ops"));
    inUrl.url.setPassword(Token);
    QCOMPARE(remembered.remember(inUrl), QString());

    const QByteArray bytes = fileBytes();
    QVERIFY2(bytes.contains("agent-fra1.lab.test"), bytes.constData());
    QVERIFY2(!bytes.contains(Token.toUtf8()), bytes.constData());
    QVERIFY2(!bytes.contains("ops@"), bytes.constData());
    const RememberedAgents::Loaded loaded = remembered.load();
    QCOMPARE(loaded.agents.size(), 2);
    for (const AgentEndpoint &one : loaded.agents)
        QCOMPARE(one.token, QString());
    QCOMPARE(loaded.agents.at(1).url, QUrl(QStringLiteral("https://agent.lab.test")));
}

QTEST_GUILESS_MAIN(TestRememberedAgents)
#include "tst_rememberedagents.moc"
