package dev.aei.inspect;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Lets the time-driven rules of an inspection's live session fire once a second, on one daemon thread. */
final class LiveTicker implements AutoCloseable {
    private final Supplier<LiveSession> live;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "aei-inspection-tick");
        thread.setDaemon(true);
        return thread;
    });
    private boolean ticking;

    /** @param live the live session now, or null: asked at every tick, since sessions come and go */
    LiveTicker(Supplier<LiveSession> live) {
        this.live = live;
    }

    /** Starts ticking, once: later live sessions are ticked by the same thread. */
    synchronized void start() {
        if (!ticking) {
            ticking = true;
            ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        }
    }

    private void tick() {
        LiveSession current = live.get();
        if (current != null) {
            current.tick();
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
