#pragma once

#include "resolver/lookupresult.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QStringList>

#include <optional>

// One path of a compared target: its host looked up through one resolver in one probe.
struct PathAnswer
{
    // Whether the path must answer as the others do, or is expected to differ (split horizon).
    enum class Expectation { SameAnswer, MayDiffer };

    LookupResult result; // result.resolver names the path
    Expectation expectation = Expectation::SameAnswer;

    // What the path is compared by: its addresses as a sorted set (whatever tier served them),
    // else "nxdomain" or "nodata", else "failed" (no answer at all).
    QString comparedAnswer() const;
    // Its answer in words: "10.0.0.1, 10.0.0.2", or the cause: "nxdomain", "timeout".
    QString answerWords() const;

    bool operator==(const PathAnswer &other) const;
};

// The paths of one probe of a target (its own resolver first, then "compare"), and whether
// they agree: every path not expected to differ has the same compared answer as the first of
// them. Empty when the target compares nothing.
struct PathComparison
{
    QList<PathAnswer> paths;
    bool agree = true;

    bool isEmpty() const { return paths.isEmpty(); }
    // results in the target's path order; a resolver in expectDivergence may differ.
    static PathComparison of(const QList<LookupResult> &results,
                             const QStringList &expectDivergence);
    // The resolvers whose answer differs from the first path that must agree.
    QStringList disagreeing() const;
    // "system: 10.0.0.1; corp: 10.0.0.2 (differs); public: 10.9.9.9 (may differ)"
    QString describe() const;

    bool operator==(const PathComparison &other) const = default;
};
Q_DECLARE_METATYPE(PathComparison)

// The JSON shape of the paths in `--once --format json` and /api/v1/status: agree, differing,
// and per path resolver, expected ("same" or "may_differ"), source, addresses, error, ttl_s,
// latency_ms and server.
QJsonObject pathsJson(const PathComparison &comparison);
