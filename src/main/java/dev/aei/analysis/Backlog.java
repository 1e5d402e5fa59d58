package dev.aei.analysis;

import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What capture threads handed to an analyzer and it has not analysed yet, in the order they handed
 * it over. Handing over only enqueues, so a socket thread holds the session's append lock for an
 * append, not for decoding and every rule (fifty sockets queued on that lock before). A worker
 * thread of its own, started on the first item and ended after a second idle, catches the analyzer
 * up; so does every reader of the analyzer's state first, so nothing appended is ever missed.
 * The worker starts a catch-up {@value #GATHER_MICROS} µs after the first item of a quiet spell:
 * under load it wakes a few hundred times a second for a run of frames, not once per frame (a
 * wake-up costs more than analysing a frame).
 */
final class Backlog {
    private static final long IDLE_SECONDS = 1;
    private static final long GATHER_MICROS = 2000;

    /** Something to analyse: a frame, a connection event, or time moving on. */
    sealed interface Item permits FrameItem, LaneEventItem, TickItem {
    }

    record FrameItem(Lane lane, Frame frame) implements Item {
    }

    record LaneEventItem(Lane lane, LaneEvent event) implements Item {
    }

    record TickItem(long nanos) implements Item {
    }

    private final ConcurrentLinkedQueue<Item> items = new ConcurrentLinkedQueue<>();
    /**
     * False only while nothing was added since the last catch-up began: an offline replay, which
     * never adds, then pays one plain read per frame instead of a look at the queue.
     */
    private volatile boolean added;
    /** True while a catch-up is on its way to the worker: one is enough for any number of items. */
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable catchUp;
    private ScheduledThreadPoolExecutor worker;

    /** A backlog whose worker runs {@code catchUp}, which takes every item there is. */
    Backlog(Runnable catchUp) {
        this.catchUp = catchUp;
    }

    void add(Item item) {
        items.offer(item);
        added = true;
        if (!scheduled.getAndSet(true)) {
            worker().schedule(() -> {
                scheduled.set(false); // before taking: an item added from now on schedules another round
                catchUp.run();
            }, GATHER_MICROS, TimeUnit.MICROSECONDS);
        }
    }

    /** True when items may be waiting; {@link #taking()} starts taking them. */
    boolean mayHaveItems() {
        return added;
    }

    /** Called before taking items with {@link #poll()} until it gives null. */
    void taking() {
        added = false;
    }

    /** The oldest item not taken yet, or null. */
    Item poll() {
        return items.poll();
    }

    private synchronized ScheduledThreadPoolExecutor worker() {
        if (worker == null) {
            worker = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "aei-analysis");
                thread.setDaemon(true);
                return thread;
            });
            worker.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
            worker.allowCoreThreadTimeOut(true);
        }
        return worker;
    }
}
