package dev.aei.cli.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/** Counts frames as they arrive on any thread and notes when an expected total is reached. */
final class Arrivals {
    private final AtomicLong count = new AtomicLong();
    private volatile long target = Long.MAX_VALUE;
    private volatile CompletableFuture<Long> reached = new CompletableFuture<>();

    /** Called for every frame received, on the receiving thread. */
    void arrived() {
        if (count.incrementAndGet() == target) {
            reached.complete(System.nanoTime());
        }
    }

    long count() {
        return count.get();
    }

    /** Starts waiting for {@code more} frames beyond those counted so far. */
    void expect(long more) {
        reached = new CompletableFuture<>();
        target = count.get() + more;
        if (count.get() >= target) {
            reached.complete(System.nanoTime());
        }
    }

    /** The nanoTime at which the expected total arrived, or -1 after the timeout. */
    long awaitNanos(long timeoutSeconds) throws InterruptedException {
        try {
            return reached.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return -1;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
