package dev.aei.capture;

/**
 * The one clock all lanes of a session are stamped with: monotonic nanoseconds since the
 * session started, strictly increasing so that stamp order is also arrival order.
 */
public final class CaptureClock {
    private final long originNanos = System.nanoTime();
    private final long originWallMillis = System.currentTimeMillis();
    private long last = -1;

    /** The next stamp: never equal to or below the previous one. */
    public synchronized long next() {
        long now = System.nanoTime() - originNanos;
        last = Math.max(now, last + 1);
        return last;
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
