package com.cdcappsync.infra.config;

import java.util.List;
import java.util.OptionalLong;

/**
 * How the public GraphQL API is hardened: introspection and an optional AWS WAF rate limit per IP.
 *
 * @param introspection whether GraphQL introspection ({@code __schema}, {@code __type}) answers; AppSync's
 *                      {@code IntrospectionConfig}, {@code DISABLED} unless this is true
 * @param wafRateLimit  requests one IP may send in 5 minutes before AWS WAF blocks it; empty: no web ACL.
 *                      {@value #MIN_RATE_LIMIT} to {@value #MAX_RATE_LIMIT}, the limits of AWS WAF's
 *                      {@code RateBasedStatement.Limit}
 */
public record ApiProtection(boolean introspection, OptionalLong wafRateLimit) {

    /** The lowest limit AWS WAF accepts (AWS WAF Developer Guide, "Rate-based rule high-level settings"). */
    public static final long MIN_RATE_LIMIT = 10;
    /** The highest limit AWS WAF accepts (AWS WAF API Reference, {@code RateBasedStatement}, {@code Limit}). */
    public static final long MAX_RATE_LIMIT = 2_000_000_000L;
    /** The window the limit counts in: 300 s, AWS WAF's default {@code EvaluationWindowSec}. */
    public static final long EVALUATION_WINDOW_SECONDS = 300;

    /** Introspection off, no web ACL: the context defaults. */
    public static final ApiProtection DEFAULT = new ApiProtection(false, OptionalLong.empty());

    /** @throws InfraConfigException when the rate limit is outside what AWS WAF accepts */
    public ApiProtection {
        if (wafRateLimit == null) {
            throw new InfraConfigException("Invalid stack configuration", List.of("apiProtection.wafRateLimit = "
                    + "null: expected OptionalLong.empty() (no web ACL) or a limit"));
        }
        wafRateLimit.ifPresent(limit -> {
            if (!withinRateLimits(limit)) {
                throw new InfraConfigException("Invalid stack configuration", List.of("apiProtection.wafRateLimit = "
                        + limit + ": expected " + MIN_RATE_LIMIT + " to " + MAX_RATE_LIMIT + " requests per 5 "
                        + "minutes per IP (AWS WAF's rate-based rule limit)"));
            }
        });
    }

    static boolean withinRateLimits(long limit) {
        return limit >= MIN_RATE_LIMIT && limit <= MAX_RATE_LIMIT;
    }
}
