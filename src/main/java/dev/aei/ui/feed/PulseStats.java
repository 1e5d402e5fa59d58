package dev.aei.ui.feed;

import java.util.Arrays;

/**
 * The most recent pulse intervals, for the status bar and the UI benchmark (pulse p99).
 * Used on one thread only (the FX thread).
 */
public final class PulseStats {
    private final long[] intervals;
    private int count;
    private int next;
    private long lastPulse = -1;

    /** Keeps the last {@code capacity} intervals. */
    public PulseStats(int capacity) {
        intervals = new long[capacity];
    }

    /** Records a pulse at {@code nanos}; the first pulse only starts the clock. */
    public void pulse(long nanos) {
        if (lastPulse >= 0) {
            intervals[next] = nanos - lastPulse;
            next = (next + 1) % intervals.length;
            count = Math.min(count + 1, intervals.length);
        }
        lastPulse = nanos;
    }

    /** Number of intervals kept. */
    public int count() {
        return count;
    }

    /** The given percentile (0-100) of the kept intervals in milliseconds; 0 when there are none. */
    public double percentileMillis(double percentile) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(intervals, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, rank))] / 1_000_000.0;
    }

    /** Forgets all intervals (e.g. after a warm-up). */
    public void reset() {
        count = 0;
        next = 0;
        lastPulse = -1;
    }
}
