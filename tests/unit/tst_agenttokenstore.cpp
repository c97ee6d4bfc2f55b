// The agents' tokens in the desktop's secret store (src/ui/agenttokenstore.cpp, QtKeychain).
// Where no secret store answers (no Secret Service or KWallet on the session bus, as on CI, or
// DNSWATCH_EXPECT_SESSION_ONLY set with the bus pointed nowhere, see tests/CMakeLists.txt), a
// saved token is kept for the session only, with the reason, loads back within the session and
// is forgotten. Where a secret store answers, the token makes the round trip through it (a
// second store, with nothing in memory, reads it back). Either way the token never lands in a
// file under the settings and data folders (QtKeychain's plain-text fallback stays off), and
// every wait has a timeout.
#include "agenttokenstore.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <functional>

namespace {
// A service of the test's own, so a real keyring's "DNS Watch agents" is never touched.
const QString Service = QStringLiteral("DNS Watch agents (test %1)");
const QString Agent = QStringLiteral("fra1");
const QString Token = QStringLiteral("tok-8d2f61b7-only-in-the-secret-store");
constexpr int JobTimeoutMs = 30000; // a secret store may ask D-Bus to start it

using Persistence = AgentTokenStore::Persistence;

struct Answer
{
    QString token;
    Persistence persistence = Persistence::SecretStore;
    QString reason;
};

// Files under folder whose bytes hold needle.
QStringList filesHolding(const QString &folder, const QByteArray &needle)
{
    QStringList found;
    QDirIterator files(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            found << file.fileName();
    }
    return found;
}
} // namespace

class TestAgentTokenStore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void saveLoadForget();
    void answersComeInCallOrder();

private:
    bool save(AgentTokenStore &store, const QString &token, Answer *answer);
    bool load(AgentTokenStore &store, Answer *answer);
    bool forget(AgentTokenStore &store, QString *problem);

    QString m_service;
};

void TestAgentTokenStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings and data under ~/.qttest
    m_service = Service.arg(QCoreApplication::applicationPid());
}

void TestAgentTokenStore::cleanupTestCase()
{
    AgentTokenStore store(m_service);
    QString problem;
    forget(store, &problem);
}

namespace {
// Calls call and waits for signal once: its arguments, or none when it did not come (in time,
// once, for Agent).
template<typename Signal>
QList<QVariant> answerTo(AgentTokenStore &store, Signal signal, const std::function<void()> &call)
{
    QSignalSpy spy(&store, signal);
    call();
    if (!spy.wait(JobTimeoutMs) || spy.size() != 1 || spy.first().at(0).toString() != Agent)
        return {};
    return spy.takeFirst();
}
} // namespace

bool TestAgentTokenStore::save(AgentTokenStore &store, const QString &token, Answer *answer)
{
    const QList<QVariant> arguments = answerTo(store, &AgentTokenStore::tokenSaved,
                                               [&] { store.save(Agent, token); });
    if (arguments.isEmpty())
        return false;
    *answer = {token, arguments.at(1).value<Persistence>(), arguments.at(2).toString()};
    return true;
}

bool TestAgentTokenStore::load(AgentTokenStore &store, Answer *answer)
{
    const QList<QVariant> arguments = answerTo(store, &AgentTokenStore::tokenLoaded,
                                               [&] { store.load(Agent); });
    if (arguments.isEmpty())
        return false;
    *answer = {arguments.at(1).toString(), arguments.at(2).value<Persistence>(),
               arguments.at(3).toString()};
    return true;
}

bool TestAgentTokenStore::forget(AgentTokenStore &store, QString *problem)
{
    const QList<QVariant> arguments = answerTo(store, &AgentTokenStore::tokenForgotten,
                                               [&] { store.forget(Agent); });
    if (arguments.isEmpty())
        return false;
    *problem = arguments.at(1).toString();
    return true;
}

void TestAgentTokenStore::saveLoadForget()
{
    AgentTokenStore store(m_service);
    Answer saved;
    QVERIFY(save(store, Token, &saved));
    const bool sessionOnly = saved.persistence == Persistence::SessionOnly;
    qInfo("secret store: %s", sessionOnly ? qPrintable(saved.reason) : "answers");
    if (qEnvironmentVariableIsSet("DNSWATCH_EXPECT_SESSION_ONLY"))
        QVERIFY2(sessionOnly, "the session bus points nowhere, yet a secret store kept the token");
    if (sessionOnly) {
        QVERIFY(!saved.reason.isEmpty());
        QCOMPARE(AgentTokenStore::describe(saved.persistence, saved.reason),
                 QStringLiteral("Token kept for this session only: ") + saved.reason);
    } else {
        QCOMPARE(saved.reason, QString());
    }

    Answer loaded;
    QVERIFY(load(store, &loaded));
    QCOMPARE(loaded.token, Token);
    QCOMPARE(loaded.persistence, saved.persistence);
    QCOMPARE(loaded.reason, saved.reason);
    if (!sessionOnly) {
        // Through the secret store itself: a new store has nothing in memory.
        AgentTokenStore later(m_service);
        Answer reread;
        QVERIFY(load(later, &reread));
        QCOMPARE(reread.token, Token);
        QCOMPARE(reread.persistence, Persistence::SecretStore);
    }

    const QByteArray needle = Token.toUtf8();
    for (const auto location :
         {QStandardPaths::GenericConfigLocation, QStandardPaths::GenericDataLocation}) {
        const QString folder = QStandardPaths::writableLocation(location);
        QCOMPARE(filesHolding(folder, needle), QStringList());
    }

    QString problem;
    QVERIFY(forget(store, &problem));
    if (!sessionOnly)
        QCOMPARE(problem, QString()); // gone from the secret store too
    Answer afterwards;
    QVERIFY(load(store, &afterwards));
    QCOMPARE(afterwards.token, QString());
}

void TestAgentTokenStore::answersComeInCallOrder()
{
    AgentTokenStore store(m_service);
    QSignalSpy saved(&store, &AgentTokenStore::tokenSaved);
    QSignalSpy loaded(&store, &AgentTokenStore::tokenLoaded);
    // No answer before the call returns: the caller connects after calling.
    store.save(Agent, QStringLiteral("first"));
    store.save(Agent, QStringLiteral("second"));
    store.load(Agent);
    QCOMPARE(saved.size(), 0);
    QCOMPARE(loaded.size(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, JobTimeoutMs);
    QCOMPARE(saved.size(), 2);
    QCOMPARE(loaded.at(0).at(1).toString(), QStringLiteral("second"));
}

QTEST_GUILESS_MAIN(TestAgentTokenStore)
#include "tst_agenttokenstore.moc"
