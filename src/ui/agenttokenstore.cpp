#include "agenttokenstore.h"

#include <qt6keychain/keychain.h>

QString AgentTokenStore::defaultService() { return QStringLiteral("DNS Watch agents"); }

AgentTokenStore::AgentTokenStore(QObject *parent) : AgentTokenStore(defaultService(), parent) { }

AgentTokenStore::AgentTokenStore(const QString &service, QObject *parent)
    : QObject(parent), m_service(service)
{ }

void AgentTokenStore::prepare(QKeychain::Job *job, const QString &agentName) const
{
    job->setKey(agentName);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // QtKeychain would write the token to QSettings in clear
}

QString AgentTokenStore::unavailableReason(const QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return tr("the desktop's secret store refused access (%1)").arg(job->errorString());
    default:
        return tr("the desktop's secret store is not available (%1)").arg(job->errorString());
    }
}

void AgentTokenStore::save(const QString &agentName, const QString &token)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    prepare(job, agentName);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [this, agentName, token](QKeychain::Job *done) {
        if (done->error() == QKeychain::NoError) {
            m_sessionTokens.remove(agentName);
            emit tokenSaved(agentName, Persistence::SecretStore, QString());
            return;
        }
        const QString reason = unavailableReason(done);
        m_sessionTokens.insert(agentName, {token, reason});
        emit tokenSaved(agentName, Persistence::SessionOnly, reason);
    });
    job->start();
}

void AgentTokenStore::load(const QString &agentName)
{
    // Always through a job, so answers come in the order of the calls (QtKeychain runs its jobs
    // one after another) and never before load() returns.
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    prepare(job, agentName);
    connect(job, &QKeychain::Job::finished, this, [this, agentName, job] {
        // A token kept for the session is the newest the user gave: the secret store refused it.
        const auto session = m_sessionTokens.constFind(agentName);
        if (session != m_sessionTokens.cend()) {
            emit tokenLoaded(agentName, session->token, Persistence::SessionOnly, session->reason);
            return;
        }
        switch (job->error()) {
        case QKeychain::NoError:
            emit tokenLoaded(agentName, job->textData(), Persistence::SecretStore, QString());
            return;
        case QKeychain::EntryNotFound:
            emit tokenLoaded(agentName, QString(), Persistence::SecretStore, QString());
            return;
        default:
            emit tokenLoaded(agentName, QString(), Persistence::SessionOnly, unavailableReason(job));
            return;
        }
    });
    job->start();
}

void AgentTokenStore::forget(const QString &agentName)
{
    m_sessionTokens.remove(agentName);
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    prepare(job, agentName);
    connect(job, &QKeychain::Job::finished, this, [this, agentName](QKeychain::Job *done) {
        const bool gone = done->error() == QKeychain::NoError
                || done->error() == QKeychain::EntryNotFound;
        emit tokenForgotten(
                agentName,
                gone ? QString()
                     : tr("it may still be in the secret store: %1").arg(unavailableReason(done)));
    });
    job->start();
}

QString AgentTokenStore::describe(Persistence persistence, const QString &reason)
{
    if (persistence == Persistence::SecretStore)
        return tr("Token kept in the desktop's secret store.");
    return tr("Token kept for this session only: %1").arg(reason);
}
