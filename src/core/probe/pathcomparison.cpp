#include "pathcomparison.h"

#include "probe/targetoutcome.h"

#include <QJsonArray>

#include <algorithm>

QString PathAnswer::comparedAnswer() const
{
    if (result.hasAddresses()) {
        QStringList addresses = addressStrings(result.addresses);
        std::sort(addresses.begin(), addresses.end());
        addresses.removeDuplicates();
        return addresses.join(QLatin1Char(','));
    }
    if (isNegativeAnswer(result.cause))
        return causeName(result.cause);
    return QStringLiteral("failed");
}

QString PathAnswer::answerWords() const
{
    if (result.hasAddresses())
        return addressStrings(result.addresses).join(QLatin1String(", "));
    const QString cause = causeName(result.cause);
    return cause.isEmpty() ? QStringLiteral("no answer") : cause;
}

bool PathAnswer::operator==(const PathAnswer &other) const
{
    return expectation == other.expectation && result.resolver == other.result.resolver
            && result.source == other.result.source && result.cause == other.result.cause
            && result.addresses == other.result.addresses
            && result.ttlLeftMs == other.result.ttlLeftMs
            && result.latencyUs == other.result.latencyUs;
}

PathComparison PathComparison::of(const QList<LookupResult> &results,
                                  const QStringList &expectDivergence)
{
    PathComparison comparison;
    for (const LookupResult &result : results) {
        PathAnswer path;
        path.result = result;
        path.expectation = expectDivergence.contains(result.resolver)
                ? PathAnswer::Expectation::MayDiffer
                : PathAnswer::Expectation::SameAnswer;
        comparison.paths.append(path);
    }
    comparison.agree = comparison.disagreeing().isEmpty();
    return comparison;
}

QStringList PathComparison::disagreeing() const
{
    QStringList resolvers;
    std::optional<QString> reference;
    for (const PathAnswer &path : paths) {
        if (path.expectation == PathAnswer::Expectation::MayDiffer)
            continue;
        const QString answer = path.comparedAnswer();
        if (!reference)
            reference = answer;
        else if (answer != *reference)
            resolvers.append(path.result.resolver);
    }
    return resolvers;
}

QString PathComparison::describe() const
{
    const QStringList differing = disagreeing();
    QStringList parts;
    for (const PathAnswer &path : paths) {
        QString part = QStringLiteral("%1: %2").arg(path.result.resolver, path.answerWords());
        if (path.result.isFallback())
            part += QStringLiteral(" [%1]").arg(sourceName(path.result.source));
        if (path.expectation == PathAnswer::Expectation::MayDiffer)
            part += QStringLiteral(" (may differ)");
        else if (differing.contains(path.result.resolver))
            part += QStringLiteral(" (differs)");
        parts.append(part);
    }
    return parts.join(QLatin1String("; "));
}

QJsonObject pathsJson(const PathComparison &comparison)
{
    QJsonArray paths;
    for (const PathAnswer &path : comparison.paths) {
        const LookupResult &result = path.result;
        const std::optional<qint64> ttl = ttlLeftSeconds(result);
        paths.append(QJsonObject{
                {QStringLiteral("resolver"), result.resolver},
                {QStringLiteral("expected"),
                 path.expectation == PathAnswer::Expectation::MayDiffer
                         ? QStringLiteral("may_differ")
                         : QStringLiteral("same")},
                {QStringLiteral("source"), sourceName(result.source)},
                {QStringLiteral("addresses"),
                 QJsonArray::fromStringList(addressStrings(result.addresses))},
                {QStringLiteral("error"),
                 result.cause == FailureCause::None ? QJsonValue() : causeName(result.cause)},
                {QStringLiteral("ttl_s"), ttl ? QJsonValue(double(*ttl)) : QJsonValue()},
                {QStringLiteral("latency_ms"), double(result.latencyUs) / 1000.0},
                {QStringLiteral("server"), result.server.isEmpty() ? QJsonValue() : result.server},
        });
    }
    return QJsonObject{
            {QStringLiteral("agree"), comparison.agree},
            {QStringLiteral("differing"), QJsonArray::fromStringList(comparison.disagreeing())},
            {QStringLiteral("paths"), paths},
    };
}
