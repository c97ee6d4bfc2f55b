#include "policyfields.h"

#include "config/configschema.h"

#include <algorithm>

namespace {
// The editor's words for one key, found by the struct member its table row names.
template<class Policy>
struct FieldText
{
    typename PolicyKey<Policy>::Member member;
    QString label;
    QString help;
};

template<class Policy>
QList<PolicyField> fields(const PolicyBlock<Policy> &block, const QList<FieldText<Policy>> &texts,
                          QString (*suffix)(QLatin1String))
{
    QList<PolicyField> fields;
    for (const PolicyKey<Policy> &key : block.keys) {
        const auto text = std::find_if(texts.begin(), texts.end(), [&key](const auto &candidate) {
            return candidate.member == key.member;
        });
        // A key the editor has no words for still gets its input: named by its key and explained
        // by its table, rather than left out of the editor.
        const bool known = text != texts.end();
        fields.append({key.key, known ? text->label : QString(key.key) + QLatin1Char(':'),
                       known ? text->help : QString(key.meaning), suffix(key.unit),
                       key.defaultValue()});
    }
    return fields;
}
} // namespace

QString PolicyFields::suffix(QLatin1String unit)
{
    if (unit == ConfigUnit::Seconds)
        return tr(" s");
    if (unit == ConfigUnit::Milliseconds)
        return tr(" ms");
    // The blocks the editor shows use no other unit; another is shown as the table spells it.
    return unit.isEmpty() ? QString() : QLatin1Char(' ') + unit;
}

QList<PolicyField> PolicyFields::cache()
{
    return fields<CachePolicy>(
            ConfigSchema::cache(),
            {
                    {&CachePolicy::minTtlS, tr("M&inimum TTL:"),
                     tr("Record TTLs shorter than this are raised to it.")},
                    {&CachePolicy::maxTtlS, tr("Ma&ximum TTL:"),
                     tr("Record TTLs longer than this are cut to it.")},
                    {&CachePolicy::defaultTtlS, tr("&Default TTL:"),
                     tr("The TTL of answers that carry none (the system resolver's).")},
                    {&CachePolicy::staleTtlS, tr("&Stale answer TTL:"),
                     tr("The TTL a stale answer is served with (RFC 8767).")},
                    {&CachePolicy::maxStaleS, tr("Serve stale &for:"),
                     tr("How long after it expired an answer may still be served stale (RFC "
                        "8767 suggests one to three days).")},
                    {&CachePolicy::negativeTtlMaxS, tr("&Negative caching cap:"),
                     tr("The longest NXDOMAIN and NODATA answers are cached (RFC 2308).")},
                    {&CachePolicy::clientResponseTimerMs, tr("Client &response timer:"),
                     tr("A lookup slower than this is answered from the fallback tiers meanwhile "
                        "(RFC 8767 suggests 1.8 s).")},
                    {&CachePolicy::refreshBackoffInitialMs, tr("First refresh &retry:"),
                     tr("While fallback answers are served, the first refresh in the background "
                        "comes after this, and the wait doubles...")},
                    {&CachePolicy::refreshBackoffMaxMs, tr("&Longest refresh retry:"),
                     tr("...up to this.")},
                    {&CachePolicy::fallbackOnNegative, tr("Stale for &deleted names:"),
                     tr("Serve stale answers for NXDOMAIN and NODATA too. Off: a name that was "
                        "deleted is not \"down\".")},
            },
            &PolicyFields::suffix);
}

QList<PolicyField> PolicyFields::probes()
{
    return fields<ProbePolicy>(
            ConfigSchema::probes(),
            {
                    {&ProbePolicy::checkTimeoutMs, tr("Check &timeout:"),
                     tr("How long one connect or HTTP request of a check may take.")},
                    {&ProbePolicy::maxConcurrent, tr("Probes at &once:"),
                     tr("How many targets are probed at the same time.")},
                    {&ProbePolicy::retryInitialMs, tr("&First re-probe after:"),
                     tr("After a failed probe the target is probed again this soon, and the wait "
                        "doubles...")},
                    {&ProbePolicy::retryMaxMs, tr("&Longest re-probe wait:"), tr("...up to this.")},
                    {&ProbePolicy::checkRetries, tr("Check &retries:"),
                     tr("How often HTTP and MLflow checks retry 408, 429, 5xx answers and "
                        "connection errors.")},
                    {&ProbePolicy::checkBackoffFactorMs, tr("Retry &backoff factor:"),
                     tr("The wait before retry n is this factor times 2^(n-1), plus jitter.")},
                    {&ProbePolicy::checkBackoffJitterMs, tr("Retry &jitter:"),
                     tr("A random extra wait before a retry, up to this.")},
                    {&ProbePolicy::checkBackoffMaxMs, tr("Longest retry &wait:"),
                     tr("No wait before a retry is longer than this.")},
            },
            &PolicyFields::suffix);
}
