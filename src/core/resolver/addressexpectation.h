#pragma once

#include "lookupresult.h"

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

// The address ranges a host's answers must fall in ("expect_addresses": "10.0.0.0/8",
// "2001:db8::/32", or a single address). An empty expectation accepts every answer.
class AddressExpectation
{
public:
    using Range = QPair<QHostAddress, int>; // network address and prefix length

    // Reads one entry: "10.0.0.0/8", "2001:db8::/32" or an address alone (a /32 or /128).
    // On failure returns none and says why in *error (what was expected).
    static std::optional<Range> parseRange(const QString &text, QString *error);
    static QString rangeText(const Range &range); // "10.0.0.0/8"

    void add(const Range &range);
    // Every range of other, once.
    void merge(const AddressExpectation &other);
    bool isEmpty() const { return m_ranges.isEmpty(); }
    const QList<Range> &ranges() const { return m_ranges; }
    QStringList texts() const;

    bool accepts(const QHostAddress &address) const;
    // The first address none of the ranges hold; none when every one is expected (or no range
    // is set).
    std::optional<QHostAddress> firstUnexpected(const QList<QHostAddress> &addresses) const;

    bool operator==(const AddressExpectation &other) const = default;

private:
    QList<Range> m_ranges;
};

// A live answer with an address the expectation does not hold becomes a failure with the cause
// FailureCause::UnexpectedAnswer, its detail naming the address: it is then never cached, and
// the fallback tiers answer as for any failed lookup. Returns whether it did so.
bool refuseUnexpectedAnswer(const AddressExpectation &expectation, BackendAnswer *answer);
