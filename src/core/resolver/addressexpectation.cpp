#include "addressexpectation.h"

#include <algorithm>

std::optional<AddressExpectation::Range> AddressExpectation::parseRange(const QString &text,
                                                                        QString *error)
{
    const QString expected = QStringLiteral(
            "an address range such as \"10.0.0.0/8\" or \"2001:db8::/32\"");
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    const QString addressText = slash < 0 ? text : text.left(slash);
    QHostAddress address;
    if (addressText.isEmpty() || addressText.trimmed() != addressText
        || !address.setAddress(addressText) || !address.scopeId().isEmpty()) {
        *error = QStringLiteral("%1 is not %2")
                         .arg(text.isEmpty() ? QStringLiteral("\"\"") : text, expected);
        return std::nullopt;
    }
    // IPv4-mapped IPv6 ("::ffff:10.0.0.1") is compared as IPv6: keep it as written.
    const int maxPrefix = address.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128;
    int prefix = maxPrefix;
    if (slash >= 0) {
        const QString prefixText = text.mid(slash + 1);
        bool ok = false;
        prefix = prefixText.toInt(&ok);
        const bool digitsOnly = !prefixText.isEmpty()
                && std::all_of(prefixText.cbegin(), prefixText.cend(),
                               [](QChar c) { return c >= u'0' && c <= u'9'; });
        if (!ok || !digitsOnly || prefix < 0 || prefix > maxPrefix) {
            *error = QStringLiteral("%1: the prefix length after \"/\" must be 0 to %2")
                             .arg(text)
                             .arg(maxPrefix);
            return std::nullopt;
        }
    }
    const Range range = QHostAddress::parseSubnet(
            QStringLiteral("%1/%2").arg(address.toString()).arg(prefix));
    if (range.first.isNull()) {
        *error = QStringLiteral("%1 is not %2").arg(text, expected);
        return std::nullopt;
    }
    if (range.first != address) {
        *error = QStringLiteral("%1 has host bits set after the prefix: the range is %2")
                         .arg(text, rangeText(range));
        return std::nullopt;
    }
    return range;
}

QString AddressExpectation::rangeText(const Range &range)
{
    return QStringLiteral("%1/%2").arg(range.first.toString()).arg(range.second);
}

void AddressExpectation::add(const Range &range)
{
    if (!m_ranges.contains(range))
        m_ranges.append(range);
}

void AddressExpectation::merge(const AddressExpectation &other)
{
    for (const Range &range : other.m_ranges)
        add(range);
}

QStringList AddressExpectation::texts() const
{
    QStringList texts;
    for (const Range &range : m_ranges)
        texts.append(rangeText(range));
    return texts;
}

bool AddressExpectation::accepts(const QHostAddress &address) const
{
    if (m_ranges.isEmpty())
        return true;
    return std::any_of(m_ranges.cbegin(), m_ranges.cend(),
                       [&](const Range &range) { return address.isInSubnet(range); });
}

std::optional<QHostAddress>
AddressExpectation::firstUnexpected(const QList<QHostAddress> &addresses) const
{
    for (const QHostAddress &address : addresses) {
        if (!accepts(address))
            return address;
    }
    return std::nullopt;
}

bool refuseUnexpectedAnswer(const AddressExpectation &expectation, BackendAnswer *answer)
{
    const std::optional<QHostAddress> unexpected = expectation.firstUnexpected(answer->addresses);
    if (!unexpected)
        return false;
    answer->detail = QStringLiteral("unexpected address %1 from %2 (expected %3)")
                             .arg(unexpected->toString(),
                                  answer->server.isEmpty() ? QStringLiteral("the resolver")
                                                           : answer->server,
                                  expectation.texts().join(QLatin1String(", ")));
    answer->cause = FailureCause::UnexpectedAnswer;
    answer->addresses.clear();
    answer->ttlSeconds.reset();
    return true;
}
