package dev.aei.analysis;

import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.CanaryPattern;
import dev.aei.protocol.EventDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RunnableFuture;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * Decodes a replay's frames ahead of its analyzer: the merged items are gathered in runs of
 * {@value #RUN} and the run's frames decoded together ({@link EventDecoder#decodeAll}), their prompt
 * markers found while their texts are still in the decoding core's cache. For a large session the
 * merge runs on a thread of its own (it is cheap: it mostly waits for room) and up to
 * {@value #RUNS_AHEAD} runs are decoded ahead of the analyzer, which is always fed on the caller's
 * thread in stamp order. Decoding is most of the work, so one helper thread per further core
 * decodes, and so does the caller whenever its next run is not decoded yet (it takes the oldest
 * run nobody has started rather than wait). One busy thread per core: on two cores a second
 * helper measured slower, as the threads then take turns on the cores.
 */
final class DecodeAhead {
    static final int RUN = 1024;
    /** Below this many frames a second thread costs more than it saves. */
    static final int THREADED_FROM = 8192;
    private static final int RUNS_AHEAD = 32;
    /** Beyond this many the rules on the caller's thread are the bottleneck anyway. */
    private static final int MAX_HELPERS = 3;

    private final Analyzer analyzer;
    private final EventDecoder decoder;

    DecodeAhead(Analyzer analyzer) {
        this.analyzer = analyzer;
        this.decoder = analyzer.decoder();
    }

    /** Items of a merge, a frame's events beside it; the last run of a merge is marked as such. */
    private static final class Run {
        final Lane[] lanes = new Lane[RUN];
        final Object[] items = new Object[RUN];
        final List<List<AgentEvent>> events = new ArrayList<>(RUN);
        /** Per item, the prompt markers in a frame's text. */
        final List<List<CanaryPattern.Marker>> markers = new ArrayList<>(RUN);
        /** Per item, whether it is a frame the decoder read as one strict JSON object. */
        final boolean[] whole = new boolean[RUN];
        int size;
        boolean last;
        long lastStamp;
        Throwable failed;
        /** What the loads ahead of the rules summed to: kept, so they are not optimised away. */
        long touched;
    }

    /**
     * Runs {@code merge} (which hands every item to its argument and returns the last stamp),
     * feeding the listeners; returns the last stamp.
     */
    long run(long frameCount, ToLongFunction<SessionReplay.Items> merge) {
        if (frameCount < THREADED_FROM) {
            Gatherer gatherer = new Gatherer(run -> feed(decoded(run)));
            long last = merge.applyAsLong(gatherer);
            gatherer.flush();
            return last;
        }
        BlockingQueue<RunnableFuture<Run>> inOrder = new ArrayBlockingQueue<>(RUNS_AHEAD);
        BlockingQueue<RunnableFuture<Run>> undecoded = new LinkedBlockingQueue<>();
        Thread producer = daemon(() -> produce(merge, inOrder, undecoded));
        producer.start();
        List<Thread> helpers = new ArrayList<>();
        for (int i = 0; i < helperCount(); i++) {
            helpers.add(daemon(() -> help(undecoded)));
            helpers.get(i).start();
        }
        try {
            while (true) {
                RunnableFuture<Run> next = inOrder.take();
                decodeUntilDone(next, undecoded);
                Run run = next.get();
                if (run.failed != null) {
                    throw new IllegalStateException("decoding the frames failed", run.failed);
                }
                feed(run);
                if (run.last) {
                    return run.lastStamp;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying the session", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("decoding the frames failed", e.getCause());
        } finally {
            producer.interrupt(); // gone already, unless a listener threw: then it must not wait forever
            helpers.forEach(Thread::interrupt);
        }
    }

    /**
     * Until {@code next} is decoded, decodes the oldest run nobody has started (maybe {@code next}
     * itself) instead of waiting, so no core idles however the work falls between the threads.
     */
    private static void decodeUntilDone(RunnableFuture<Run> next, BlockingQueue<RunnableFuture<Run>> undecoded) {
        while (!next.isDone()) {
            RunnableFuture<Run> any = undecoded.poll();
            if (any == null) {
                next.run(); // not queued (the end of the merge), or a helper is on it: then this does nothing
                return;
            }
            any.run(); // does nothing when a helper has started it already
        }
    }

    /** One decoding thread per core beside the caller's (up to {@value #MAX_HELPERS}). */
    private static int helperCount() {
        return Math.max(1, Math.min(MAX_HELPERS, Runtime.getRuntime().availableProcessors() - 1));
    }

    /** A helper thread: decodes queued runs, oldest first, until interrupted. */
    private static void help(BlockingQueue<RunnableFuture<Run>> undecoded) {
        try {
            while (true) {
                undecoded.take().run();
            }
        } catch (InterruptedException e) {
            // the replay ended
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "aei-decode-ahead");
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Merges on this thread; each gathered run is queued in order for the caller and, to be decoded
     * by whoever comes to it first, in {@code undecoded}.
     */
    private void produce(ToLongFunction<SessionReplay.Items> merge, BlockingQueue<RunnableFuture<Run>> inOrder,
                         BlockingQueue<RunnableFuture<Run>> undecoded) {
        Gatherer gatherer = new Gatherer(run -> {
            RunnableFuture<Run> task = new FutureTask<>(() -> decoded(run));
            put(inOrder, task);
            undecoded.add(task);
        });
        Run end = new Run();
        try {
            end.lastStamp = merge.applyAsLong(gatherer);
            gatherer.flush();
            end.last = true;
        } catch (Throwable e) {
            if (Thread.currentThread().isInterrupted()) {
                return; // the caller stopped taking runs
            }
            end.failed = e;
        }
        if (!Thread.currentThread().isInterrupted()) {
            put(inOrder, new FutureTask<>(() -> end));
        }
    }

    private static void put(BlockingQueue<RunnableFuture<Run>> queue, RunnableFuture<Run> run) {
        try {
            queue.put(run);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the replay stopped", e);
        }
    }

    /** The run with its frames' events, read by the calling thread. */
    private Run decoded(Run run) {
        int count = 0;
        String[] laneIds = new String[run.size];
        Frame[] runFrames = new Frame[run.size];
        for (int i = 0; i < run.size; i++) {
            if (run.items[i] instanceof Frame frame) {
                laneIds[count] = run.lanes[i].id();
                runFrames[count++] = frame;
            }
        }
        List<List<AgentEvent>> decoded = new ArrayList<>(count);
        boolean[] whole = new boolean[count];
        decoder.decodeAll(laneIds, runFrames, count, decoded, whole);
        int next = 0;
        for (int i = 0; i < run.size; i++) {
            boolean frame = run.items[i] instanceof Frame;
            run.whole[i] = frame && whole[next];
            run.events.add(frame ? decoded.get(next++) : null);
            run.markers.add(frame ? analyzer.markersIn((Frame) run.items[i]) : null);
        }
        return run;
    }

    private void feed(Run run) {
        // The frames and their events were last in the decoding core's cache: load them all at once
        // (see touchAhead) rather than one by one as the rules reach them.
        long touched = analyzer.touchAhead(run.events);
        for (int i = 0; i < run.size; i++) {
            touched += run.events.get(i) == null ? 0 : ((Frame) run.items[i]).wallMillis();
        }
        run.touched = touched;
        for (int i = 0; i < run.size; i++) {
            if (run.items[i] instanceof Frame frame) {
                if (run.whole[i]) {
                    run.lanes[i].jsonMarks().mark(frame.index()); // on this one thread, so no mark is lost
                }
                analyzer.decodedFrameAppended(run.lanes[i], frame, run.events.get(i), run.markers.get(i));
            } else {
                analyzer.laneEventReplayed(run.lanes[i], (LaneEvent) run.items[i]);
            }
        }
    }

    /** Gathers merged items into runs and hands each full run on. */
    private static final class Gatherer implements SessionReplay.Items {
        private final Consumer<Run> out;
        private Run run = new Run();

        Gatherer(Consumer<Run> out) {
            this.out = out;
        }

        @Override
        public void take(Lane lane, Object item) {
            run.lanes[run.size] = lane;
            run.items[run.size++] = item;
            if (run.size == RUN) {
                out.accept(run);
                run = new Run();
            }
        }

        /** Hands on what is gathered. */
        void flush() {
            if (run.size > 0) {
                out.accept(run);
                run = new Run();
            }
        }
    }
}
