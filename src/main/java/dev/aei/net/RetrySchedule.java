package dev.aei.net;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** One lane's retries after a drop: counts them in a row, waits as the policy says, can be called off. */
final class RetrySchedule {
    private final ReconnectPolicy policy;
    private final ScheduledExecutorService timer;
    private int retries;
    private ScheduledFuture<?> pending;

    /** A scheduled retry: its number in the current row and the wait before it. */
    record Retry(int number, Duration delay) {
    }

    RetrySchedule(ReconnectPolicy policy, ScheduledExecutorService timer) {
        this.policy = policy;
        this.timer = timer;
    }

    /** True while retries are under way (a failure now is a failed retry, not a first attempt). */
    synchronized boolean retrying() {
        return retries > 0;
    }

    /** Schedules the next retry unless the policy forbids it; returns it, or null. */
    synchronized Retry next(Runnable action) {
        if (!policy.allows(retries + 1)) {
            return null;
        }
        retries++;
        Duration wait = policy.delay(retries, ThreadLocalRandom.current());
        pending = timer.schedule(action, wait.toMillis(), TimeUnit.MILLISECONDS);
        return new Retry(retries, wait);
    }

    /** Calls off a pending retry and starts counting afresh. */
    synchronized void reset() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        retries = 0;
    }
}
