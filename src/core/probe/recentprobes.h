#pragma once

#include "resolver/lookupresult.h"

#include <QList>
#include <QString>

#include <array>
#include <optional>

struct ProbeResult;

// One probe, as the heartbeat strip shows it: when, where the addresses came from (or none),
// and what the service check said.
struct ProbeMark
{
    enum class Check : quint8 { NotRun, Ok, Failed };

    qint64 timeMs = 0; // since the epoch, UTC
    ResolutionSource source = ResolutionSource::None;
    bool hasAddresses = false; // false: no address at all (the probe failed)
    // The answer lacked the DNSSEC validation the target requires (cause not_validated): its
    // addresses were used, but DNS did not answer as required.
    bool unvalidated = false;
    Check check = Check::NotRun;

    static ProbeMark of(const ProbeResult &result);
    // As ProbeResult::dnsAnswered: a live answer (not a fallback tier) that met the requirements.
    bool dnsAnswered() const;
    bool operator==(const ProbeMark &other) const = default;
};

// The last Kept probes of one target, in a fixed ring (no allocation per probe).
class RecentProbes
{
public:
    static constexpr int Kept = 30;

    void add(const ProbeMark &mark);
    QList<ProbeMark> marks() const; // oldest first
    int size() const { return m_count; }

private:
    std::array<ProbeMark, Kept> m_ring{};
    int m_next = 0;
    int m_count = 0;
};

// The agent API's compact form of a target's recent probes, one character a probe, oldest
// first: "sources" is f(resh), c(ache), s(tale), p(inned), e(nv), or x when no address came;
// "checks" is + (the service answered), - (it did not) or . (no check ran).
QChar sourceLetter(const ProbeMark &mark);
QChar checkLetter(ProbeMark::Check check);
// The mark a pair of letters stand for; none when either letter is not one of those above.
std::optional<ProbeMark> markOfLetters(QChar source, QChar check, qint64 timeMs);
