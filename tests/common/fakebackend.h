#pragma once

#include "resolver/resolverbackend.h"

#include <QList>

// A backend the test drives by hand: lookups wait until the test answers them.
class FakeBackend final : public ResolverBackend
{
    Q_OBJECT
public:
    explicit FakeBackend(const QString &name = QStringLiteral("fake"), bool givesTtl = true,
                         QObject *parent = nullptr);

    QString name() const override { return m_name; }
    int lookupTimeoutMs() const override { return 1000; }
    bool givesTtl() const override { return m_givesTtl; }
    void lookup(const QString &host, RecordKind kind, QObject *context, Callback callback) override;

    int lookupCount(const QString &host) const { return m_counts.value(host); }
    int pendingCount() const { return int(m_pending.size()); }
    // Answers the oldest pending lookup of host; returns false when none is pending.
    bool answer(const QString &host, const BackendAnswer &answer);

    static BackendAnswer addresses(const QStringList &addresses, quint32 ttl);
    static BackendAnswer failure(FailureCause cause, std::optional<quint32> negativeTtl = {});

private:
    struct Pending
    {
        QString host;
        Callback callback;
    };
    QString m_name;
    bool m_givesTtl;
    QList<Pending> m_pending;
    QHash<QString, int> m_counts;
};
