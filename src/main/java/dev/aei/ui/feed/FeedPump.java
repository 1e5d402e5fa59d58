package dev.aei.ui.feed;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * Drains a {@link CaptureFeed} once per JavaFX pulse and hands the batch to its listeners on the
 * FX thread, so the UI sees captured data in bounded batches and never one runLater per frame.
 * The batch size adapts so the listeners stay within a few milliseconds per pulse (a burst is
 * spread over several pulses instead of freezing one). Start and stop it on the FX thread.
 */
public final class FeedPump {
    /** Default cap on items handed over in one pulse. */
    public static final int DEFAULT_MAX_PER_PULSE = 5_000;
    private static final long RATE_WINDOW_NANOS = 1_000_000_000L;
    /** Listener time per pulse the batch size aims at. */
    private static final long BUDGET_NANOS = 6_000_000L;
    private static final int MIN_BATCH = 100;

    private final CaptureFeed feed;
    private final int maxPerPulse;
    private final List<Consumer<FeedBatch>> listeners = new CopyOnWriteArrayList<>();
    private final PulseStats pulseStats = new PulseStats(4096);
    private final ReadOnlyDoubleWrapper eventsPerSecond = new ReadOnlyDoubleWrapper(this, "eventsPerSecond");
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulse(now);
        }
    };
    private int batchSize;
    private long framesDrained;
    private long windowStart = -1;
    private long windowFrames;

    public FeedPump(CaptureFeed feed) {
        this(feed, DEFAULT_MAX_PER_PULSE);
    }

    /** A pump that hands over at most {@code maxPerPulse} items per pulse. */
    public FeedPump(CaptureFeed feed, int maxPerPulse) {
        if (maxPerPulse < 1) {
            throw new IllegalArgumentException("maxPerPulse must be positive: " + maxPerPulse);
        }
        this.feed = feed;
        this.maxPerPulse = maxPerPulse;
        this.batchSize = Math.min(maxPerPulse, 1_000);
    }

    /** Called on the FX thread with every non-empty batch. */
    public void addListener(Consumer<FeedBatch> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<FeedBatch> listener) {
        listeners.remove(listener);
    }

    /** Starts draining on every pulse. */
    public void start() {
        timer.start();
    }

    /** Stops draining; what is queued stays queued. */
    public void stop() {
        timer.stop();
    }

    /**
     * One pump step at pulse time {@code now} (nanos): drains one batch and hands it over.
     * The timer calls it; tests and benchmarks may call it directly on the FX thread.
     */
    public void pulse(long now) {
        pulseStats.pulse(now);
        FeedBatch batch = feed.drain(batchSize);
        framesDrained += batch.frames().size();
        if (!batch.isEmpty()) {
            long started = System.nanoTime();
            for (Consumer<FeedBatch> listener : listeners) {
                listener.accept(batch);
            }
            adapt(batch.size(), System.nanoTime() - started);
        }
        updateRate(now, batch.frames().size());
    }

    /** Items the next pulse may hand over. */
    public int batchSize() {
        return batchSize;
    }

    /** Grows full batches that were cheap, shrinks batches that overran the budget. */
    private void adapt(int size, long spentNanos) {
        if (spentNanos > BUDGET_NANOS) {
            batchSize = Math.max(Math.min(MIN_BATCH, maxPerPulse), batchSize / 2);
        } else if (size == batchSize && spentNanos < BUDGET_NANOS / 2) {
            batchSize = Math.min(maxPerPulse, batchSize * 2);
        }
    }

    /** Frames handed to the listeners so far. */
    public long framesDrained() {
        return framesDrained;
    }

    /** Items captured but not yet handed over. */
    public long backlog() {
        return feed.backlog();
    }

    /** Frames per second handed over, measured over about the last second. */
    public ReadOnlyDoubleProperty eventsPerSecondProperty() {
        return eventsPerSecond.getReadOnlyProperty();
    }

    public double eventsPerSecond() {
        return eventsPerSecond.get();
    }

    /** Intervals between the pulses this pump saw. */
    public PulseStats pulseStats() {
        return pulseStats;
    }

    private void updateRate(long now, int frames) {
        if (windowStart < 0) {
            windowStart = now;
        }
        windowFrames += frames;
        long elapsed = now - windowStart;
        if (elapsed >= RATE_WINDOW_NANOS) {
            eventsPerSecond.set(windowFrames * 1e9 / elapsed);
            windowStart = now;
            windowFrames = 0;
        }
    }
}
