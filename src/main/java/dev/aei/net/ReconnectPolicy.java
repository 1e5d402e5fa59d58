package dev.aei.net;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Whether and how a lane reconnects after its socket drops: exponential backoff with jitter.
 * Only drops the inspector did not ask for count; a first connection that fails is not retried.
 *
 * @param enabled      false: a dropped lane stays closed
 * @param initialDelay the wait before the first retry
 * @param maxDelay     the longest wait between retries
 * @param multiplier   how much each wait grows over the previous one (at least 1)
 * @param jitter       the random spread applied to each wait, 0 (none) to 1 (up to ±100 %)
 * @param maxAttempts  retries in a row before giving up, 0 for no limit
 */
public record ReconnectPolicy(boolean enabled, Duration initialDelay, Duration maxDelay, double multiplier,
                              double jitter, int maxAttempts) {

    /** Never reconnect. */
    public static final ReconnectPolicy OFF = new ReconnectPolicy(false, Duration.ofSeconds(1), Duration.ofSeconds(30),
            2, 0.2, 0);

    public ReconnectPolicy {
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("reconnect delays must satisfy 0 <= initial <= max");
        }
        if (multiplier < 1 || jitter < 0 || jitter > 1 || maxAttempts < 0) {
            throw new IllegalArgumentException("reconnect needs multiplier >= 1, jitter in 0..1, attempts >= 0");
        }
    }

    /** Reconnect after 1 s, doubling up to 30 s, ±20 % jitter, without limit. */
    public static ReconnectPolicy defaults() {
        return new ReconnectPolicy(true, Duration.ofSeconds(1), Duration.ofSeconds(30), 2, 0.2, 0);
    }

    /** True when another retry is allowed after {@code attempt} retries in a row. */
    public boolean allows(int attempt) {
        return enabled && (maxAttempts == 0 || attempt <= maxAttempts);
    }

    /** The wait before retry number {@code attempt} (1-based). */
    public Duration delay(int attempt, RandomGenerator random) {
        double base = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        double capped = Math.min(base, maxDelay.toMillis());
        double spread = jitter == 0 ? 1 : 1 + jitter * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.round(Math.min(capped * spread, maxDelay.toMillis())));
    }
}
