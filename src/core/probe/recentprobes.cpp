#include "recentprobes.h"

#include "probe/proberesult.h"

namespace {
// In ResolutionSource order; None has no letter of its own (it never has addresses).
constexpr std::pair<ResolutionSource, char> SourceLetters[] = {
        {ResolutionSource::Fresh, 'f'}, {ResolutionSource::Cache, 'c'},
        {ResolutionSource::Stale, 's'}, {ResolutionSource::Pinned, 'p'},
        {ResolutionSource::Env, 'e'},
};
constexpr char NoAddressLetter = 'x';
constexpr char UnvalidatedLetter = 'u';
constexpr std::pair<ProbeMark::Check, char> CheckLetters[] = {
        {ProbeMark::Check::NotRun, '.'},
        {ProbeMark::Check::Ok, '+'},
        {ProbeMark::Check::Failed, '-'},
};
} // namespace

ProbeMark ProbeMark::of(const ProbeResult &result)
{
    ProbeMark mark;
    mark.timeMs = result.time.toMSecsSinceEpoch();
    mark.source = result.resolution.source;
    mark.hasAddresses = result.resolution.hasAddresses();
    mark.unvalidated = mark.hasAddresses && result.resolution.cause == FailureCause::NotValidated;
    if (result.checked)
        mark.check = result.reachable ? Check::Ok : Check::Failed;
    return mark;
}

bool ProbeMark::dnsAnswered() const
{
    return hasAddresses && !isFallbackSource(source) && !unvalidated;
}

void RecentProbes::add(const ProbeMark &mark)
{
    m_ring[size_t(m_next)] = mark;
    m_next = (m_next + 1) % Kept;
    m_count = std::min(m_count + 1, Kept);
}

QList<ProbeMark> RecentProbes::marks() const
{
    QList<ProbeMark> marks;
    marks.reserve(m_count);
    const int oldest = (m_next - m_count + Kept) % Kept;
    for (int i = 0; i < m_count; ++i)
        marks.append(m_ring[size_t((oldest + i) % Kept)]);
    return marks;
}

QChar sourceLetter(const ProbeMark &mark)
{
    if (!mark.hasAddresses)
        return QLatin1Char(NoAddressLetter);
    if (mark.unvalidated)
        return QLatin1Char(UnvalidatedLetter);
    for (const auto &[source, letter] : SourceLetters) {
        if (source == mark.source)
            return QLatin1Char(letter);
    }
    return QLatin1Char(NoAddressLetter);
}

QChar checkLetter(ProbeMark::Check check)
{
    for (const auto &[value, letter] : CheckLetters) {
        if (value == check)
            return QLatin1Char(letter);
    }
    return QLatin1Char('.');
}

std::optional<ProbeMark> markOfLetters(QChar source, QChar check, qint64 timeMs)
{
    ProbeMark mark;
    mark.timeMs = timeMs;
    bool sourceKnown = source == QLatin1Char(NoAddressLetter);
    if (source == QLatin1Char(UnvalidatedLetter)) { // a live answer, from the cache or not
        mark.source = ResolutionSource::Fresh;
        mark.hasAddresses = true;
        mark.unvalidated = true;
        sourceKnown = true;
    }
    for (const auto &[value, letter] : SourceLetters) {
        if (source == QLatin1Char(letter)) {
            mark.source = value;
            mark.hasAddresses = true;
            sourceKnown = true;
        }
    }
    bool checkKnown = false;
    for (const auto &[value, letter] : CheckLetters) {
        if (check == QLatin1Char(letter)) {
            mark.check = value;
            checkKnown = true;
        }
    }
    if (!sourceKnown || !checkKnown)
        return std::nullopt;
    return mark;
}
