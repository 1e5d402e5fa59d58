package dev.aei.capture;

import java.util.function.LongSupplier;

/**
 * The one clock all lanes of a session are stamped with: monotonic nanoseconds since the
 * session started, strictly increasing so that stamp order is also arrival order.
 */
public final class CaptureClock {
    private final LongSupplier nanoTime;
    private final long originNanos;
    private final long originWallMillis;
    private long last = -1;

    /** A clock on the machine's monotonic time, starting now. */
    public CaptureClock() {
        this(System::nanoTime, System.currentTimeMillis());
    }

    /**
     * A clock on another time source (tests drive time-driven rules with a hand-moved one instead
     * of sleeping past a real timeout).
     */
    public CaptureClock(LongSupplier nanoTime, long originWallMillis) {
        this.nanoTime = nanoTime;
        this.originNanos = nanoTime.getAsLong();
        this.originWallMillis = originWallMillis;
    }

    /** The next stamp: never equal to or below the previous one. */
    public synchronized long next() {
        long now = nanoTime.getAsLong() - originNanos;
        last = Math.max(now, last + 1);
        return last;
    }

    /** The clock's time now, for showing it (a stamp is taken with {@link #next}). */
    public long now() {
        return nanoTime.getAsLong() - originNanos;
    }

    /** Wall-clock millis for a stamp of this clock. */
    public long wallMillis(long nanos) {
        return originWallMillis + nanos / 1_000_000;
    }

    /** Wall-clock millis at which the clock started. */
    public long originWallMillis() {
        return originWallMillis;
    }
}
