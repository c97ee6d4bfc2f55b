#include "fakebackend.h"

FakeBackend::FakeBackend(const QString &name, bool givesTtl, QObject *parent)
    : ResolverBackend(parent), m_name(name), m_givesTtl(givesTtl)
{ }

void FakeBackend::lookup(const QString &host, RecordKind, QObject *, Callback callback)
{
    m_counts[host] += 1;
    m_pending.append({host, std::move(callback)});
}

bool FakeBackend::answer(const QString &host, const BackendAnswer &answer)
{
    for (int i = 0; i < m_pending.size(); ++i) {
        if (m_pending[i].host == host) {
            Pending pending = m_pending.takeAt(i);
            BackendAnswer copy = answer;
            if (copy.server.isEmpty())
                copy.server = QStringLiteral("fake:53");
            pending.callback(copy);
            return true;
        }
    }
    return false;
}

BackendAnswer FakeBackend::addresses(const QStringList &addresses, quint32 ttl)
{
    BackendAnswer answer;
    for (const QString &text : addresses)
        answer.addresses.append(QHostAddress(text));
    answer.ttlSeconds = ttl;
    return answer;
}

BackendAnswer FakeBackend::failure(FailureCause cause, std::optional<quint32> negativeTtl)
{
    BackendAnswer answer;
    answer.cause = cause;
    answer.negativeTtlSeconds = negativeTtl;
    answer.detail = QStringLiteral("scripted %1").arg(causeName(cause));
    return answer;
}
