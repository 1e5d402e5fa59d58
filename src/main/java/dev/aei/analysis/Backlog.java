package dev.aei.analysis;

import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.EventDecoder;
import dev.aei.runtime.BackgroundPriority;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What capture threads handed to an analyzer and it has not analysed yet, in the order they handed
 * it over. Handing over only enqueues, so a socket thread holds the session's append lock for an
 * append, not for decoding and every rule (fifty sockets queued on that lock before). A worker
 * thread of its own, started on the first item and ended after a second idle, catches the analyzer
 * up; so does every reader of the analyzer's state first, so nothing appended is ever missed.
 * The worker starts a catch-up {@value #GATHER_MILLIS} ms after the first item of a quiet spell, and
 * runs at the system's lowest priority: on a machine the capture keeps busy the analysis yields the
 * processor to the sockets and catches up in the gaps and after the burst, rather than slowing the
 * capture by a fair share of a core. Under load it wakes about twenty times a second for a long
 * run of frames: woken every couple of milliseconds instead, it was preempted by the sockets in
 * every gap it filled, and the capture ran measurably slower. The price: the window shows a
 * frame's events up to a twentieth of a second later, about three screen refreshes.
 */
final class Backlog {
    private static final long IDLE_SECONDS = 1;
    private static final long GATHER_MILLIS = 50;
    private static final int DECODE_RUN = 256;

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
    /** An item taken from the queue to end a run, not handed over yet (the analyzer's lock guards it). */
    private Item pending;
    /** False only while nothing was added since the last catch-up began. */
    private volatile boolean added;
    private final Lane[] runLanes = new Lane[DECODE_RUN];
    private final String[] runLaneIds = new String[DECODE_RUN];
    private final Frame[] runFrames = new Frame[DECODE_RUN];
    private final boolean[] runWhole = new boolean[DECODE_RUN];
    private final List<List<AgentEvent>> runEvents = new ArrayList<>(DECODE_RUN);
    /** True while a catch-up is on its way to the worker: one is enough for any number of items. */
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** Threads waiting for (or holding) the lock to read the analysis; the worker steps aside for them. */
    private final AtomicInteger readers = new AtomicInteger();
    private final Object lock;
    private final EventDecoder decoder;
    private final Taker taker;
    private ScheduledThreadPoolExecutor worker;

    /** A backlog whose items {@code taker} analyses, under {@code lock} (the analyzer's). */
    Backlog(Object lock, EventDecoder decoder, Taker taker) {
        this.lock = lock;
        this.decoder = decoder;
        this.taker = taker;
    }

    void add(Item item) {
        items.offer(item);
        added = true;
        // Read before the atomic swap: under load a round is nearly always on its way already, and
        // fifty capturing threads swapping one flag per frame would fight over it.
        if (!scheduled.get() && !scheduled.getAndSet(true)) {
            worker().schedule(() -> {
                scheduled.set(false); // before taking: an item added from now on schedules another round
                workBetweenReaders();
            }, GATHER_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** What a catch-up does with each item taken, in the order they were added. */
    interface Taker {
        void frame(Lane lane, Frame frame, List<AgentEvent> events);

        void laneEvent(Lane lane, LaneEvent event);

        void tick(long nanos);
    }

    /**
     * The worker's catch-up: a run at a time, stepping aside as soon as a reader waits. The worker
     * runs at the lowest priority; holding the lock through a long backlog it could keep a reader
     * waiting as long as something else keeps the processor busy. The reader catches up itself.
     */
    private void workBetweenReaders() {
        while (readers.get() == 0) {
            synchronized (lock) {
                if (!takeNext()) {
                    return;
                }
            }
        }
    }

    /** Catches up and reads under the lock on the calling thread, the worker stepping aside (see above). */
    <T> T read(Supplier<T> reading) {
        readers.incrementAndGet();
        try {
            synchronized (lock) {
                takeAll();
                return reading.get();
            }
        } finally {
            readers.decrementAndGet();
        }
    }

    /**
     * Takes every item there is and hands it to the taker; frames that follow one another are
     * decoded together first, in runs of up to {@value #DECODE_RUN} (one parser for all, as offline).
     * The caller holds the lock; an offline replay, which never adds, pays one read of a flag.
     */
    void takeAll() {
        if (!added && pending == null) {
            return;
        }
        added = false; // before taking: whatever is added from now on is seen by the next call
        while (takeNext()) {
            // one run of frames, or one other item, at a time
        }
    }

    /**
     * Takes the next run of frames, or the next other item; false when there was none. Leaves the
     * "added" flag alone: a {@link #takeAll} after it still takes whatever is left. The caller
     * holds the lock.
     */
    private boolean takeNext() {
        Item item = pending != null ? pending : items.poll();
        pending = null;
        if (item instanceof FrameItem) {
            int count = 0;
            while (item instanceof FrameItem f && count < DECODE_RUN) {
                runLanes[count] = f.lane();
                runLaneIds[count] = f.lane().id();
                runFrames[count++] = f.frame();
                item = items.poll();
            }
            pending = item; // the first item after the run, or null
            takeRun(count);
        } else if (item instanceof LaneEventItem e) {
            taker.laneEvent(e.lane(), e.event());
        } else if (item instanceof TickItem t) {
            taker.tick(t.nanos());
        } else {
            return false;
        }
        return true;
    }

    private void takeRun(int count) {
        runEvents.clear();
        decoder.decodeAll(runLaneIds, runFrames, count, runEvents, runWhole);
        for (int i = 0; i < count; i++) {
            if (runWhole[i]) {
                runLanes[i].jsonMarks().mark(runFrames[i].index());
            }
            taker.frame(runLanes[i], runFrames[i], runEvents.get(i));
            runLanes[i] = null; // the run arrays must not keep frames alive
            runFrames[i] = null;
        }
        runEvents.clear();
    }

    private synchronized ScheduledThreadPoolExecutor worker() {
        if (worker == null) {
            worker = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(() -> {
                    BackgroundPriority.lowerCurrentThread();
                    task.run();
                }, "aei-analysis");
                thread.setDaemon(true);
                return thread;
            });
            worker.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
            worker.allowCoreThreadTimeOut(true);
        }
        return worker;
    }
}
