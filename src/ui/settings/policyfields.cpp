#include "policyfields.h"

#include "config/appconfig.h"

QList<PolicyField> PolicyFields::cache()
{
    const CachePolicy defaults;
    const QString s = tr(" s");
    const QString ms = tr(" ms");
    return {
            {QStringLiteral("min_ttl_s"), tr("M&inimum TTL:"),
             tr("Record TTLs shorter than this are raised to it."), s, defaults.minTtlS},
            {QStringLiteral("max_ttl_s"), tr("Ma&ximum TTL:"),
             tr("Record TTLs longer than this are cut to it."), s, defaults.maxTtlS},
            {QStringLiteral("default_ttl_s"), tr("&Default TTL:"),
             tr("The TTL of answers that carry none (the system resolver's)."), s,
             defaults.defaultTtlS},
            {QStringLiteral("stale_ttl_s"), tr("&Stale answer TTL:"),
             tr("The TTL a stale answer is served with (RFC 8767)."), s, defaults.staleTtlS},
            {QStringLiteral("max_stale_s"), tr("Serve stale &for:"),
             tr("How long after it expired an answer may still be served stale (RFC 8767 "
                "suggests one to three days)."),
             s, defaults.maxStaleS},
            {QStringLiteral("negative_ttl_max_s"), tr("&Negative caching cap:"),
             tr("The longest NXDOMAIN and NODATA answers are cached (RFC 2308)."), s,
             defaults.negativeTtlMaxS},
            {QStringLiteral("client_response_timer_ms"), tr("Client &response timer:"),
             tr("A lookup slower than this is answered from the fallback tiers meanwhile "
                "(RFC 8767 suggests 1.8 s)."),
             ms, defaults.clientResponseTimerMs},
            {QStringLiteral("refresh_backoff_initial_ms"), tr("First refresh &retry:"),
             tr("While fallback answers are served, the first refresh in the background comes "
                "after this, and the wait doubles..."),
             ms, defaults.refreshBackoffInitialMs},
            {QStringLiteral("refresh_backoff_max_ms"), tr("&Longest refresh retry:"),
             tr("...up to this."), ms, defaults.refreshBackoffMaxMs},
            {QStringLiteral("fallback_on_negative"), tr("Stale for &deleted names:"),
             tr("Serve stale answers for NXDOMAIN and NODATA too. Off: a name that was deleted "
                "is not \"down\"."),
             QString(), defaults.fallbackOnNegative},
    };
}

QList<PolicyField> PolicyFields::probes()
{
    const ProbePolicy defaults;
    const QString ms = tr(" ms");
    return {
            {QStringLiteral("check_timeout_ms"), tr("Check &timeout:"),
             tr("How long one connect or HTTP request of a check may take."), ms,
             defaults.checkTimeoutMs},
            {QStringLiteral("max_concurrent"), tr("Probes at &once:"),
             tr("How many targets are probed at the same time."), QString(), defaults.maxConcurrent},
            {QStringLiteral("retry_initial_ms"), tr("&First re-probe after:"),
             tr("After a failed probe the target is probed again this soon, and the wait "
                "doubles..."),
             ms, defaults.retryInitialMs},
            {QStringLiteral("retry_max_ms"), tr("&Longest re-probe wait:"), tr("...up to this."),
             ms, defaults.retryMaxMs},
            {QStringLiteral("check_retries"), tr("Check &retries:"),
             tr("How often HTTP and MLflow checks retry 408, 429, 5xx answers and connection "
                "errors."),
             QString(), defaults.checkRetries},
            {QStringLiteral("check_backoff_factor_ms"), tr("Retry &backoff factor:"),
             tr("The wait before retry n is this factor times 2^(n-1), plus jitter."), ms,
             defaults.checkBackoffFactorMs},
            {QStringLiteral("check_backoff_jitter_ms"), tr("Retry &jitter:"),
             tr("A random extra wait before a retry, up to this."), ms,
             defaults.checkBackoffJitterMs},
            {QStringLiteral("check_backoff_max_ms"), tr("Longest retry &wait:"),
             tr("No wait before a retry is longer than this."), ms, defaults.checkBackoffMaxMs},
    };
}
