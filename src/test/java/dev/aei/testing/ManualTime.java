package dev.aei.testing;

import dev.aei.capture.CaptureClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A time source that moves only when a test moves it, so time-driven rules need no sleeping. */
public final class ManualTime implements LongSupplier {
    private final AtomicLong nanos = new AtomicLong();

    @Override
    public long getAsLong() {
        return nanos.get();
    }

    /** Moves time forward. */
    public void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    /** A capture clock on this time, starting at a fixed wall-clock instant. */
    public CaptureClock clock() {
        return new CaptureClock(this, 1_767_866_400_000L);
    }
}
