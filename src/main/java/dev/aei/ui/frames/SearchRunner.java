package dev.aei.ui.frames;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * Runs the frames search on a worker: scans payloads of a row range, reports progress a few times,
 * can be cancelled, and hands the matching rows back on the FX thread in one go. One scan at a time;
 * a new one cancels the last.
 */
final class SearchRunner {
    /** Rows between two progress reports and cancellation checks of a scan. */
    static final int STEP = 16_384;

    private final Executor background;
    private final Executor fx;
    private AtomicBoolean running;

    SearchRunner(Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
    }

    /**
     * Scans rows {@code from} to the snapshot's end for {@code needle}. {@code progress} (0-1) and
     * {@code done} are called on the FX thread; {@code done} never runs for a cancelled scan.
     */
    void scan(FrameRows.Snapshot rows, int from, Needle needle, DoubleConsumer progress, Consumer<IntArray> done) {
        cancel();
        AtomicBoolean cancelled = new AtomicBoolean();
        running = cancelled;
        background.execute(() -> {
            IntArray hits = scan(rows, from, needle, cancelled, p -> fx.execute(() -> {
                if (!cancelled.get()) {
                    progress.accept(p);
                }
            }));
            if (hits != null) {
                fx.execute(() -> {
                    if (!cancelled.get()) {
                        running = null;
                        done.accept(hits);
                    }
                });
            }
        });
    }

    /**
     * The rows from {@code from} on whose payload holds the needle, or null when cancelled. The rows are
     * scanned in chunks on every core (the FX thread mostly waits meanwhile); the matches come back in
     * row order.
     */
    static IntArray scan(FrameRows.Snapshot rows, int from, Needle needle, AtomicBoolean cancelled,
                         DoubleConsumer progress) {
        int chunks = Math.max(1, (rows.size() - from + STEP - 1) / STEP);
        AtomicInteger done = new AtomicInteger();
        IntArray[] found = new IntArray[chunks];
        IntStream.range(0, chunks).parallel().forEach(c -> {
            if (cancelled.get()) {
                return;
            }
            int start = from + c * STEP;
            int end = Math.min(rows.size(), start + STEP);
            IntArray hits = new IntArray(16);
            for (int row = start; row < end; row++) {
                if (needle.foundIn(FramePayload.searchText(rows.frame(row)), cancelled::get)) {
                    hits.add(row);
                }
            }
            found[c] = hits;
            progress.accept(done.incrementAndGet() / (double) chunks);
        });
        if (cancelled.get()) {
            return null;
        }
        IntArray all = new IntArray();
        for (IntArray part : found) {
            for (int i = 0; i < part.size(); i++) {
                all.add(part.get(i));
            }
        }
        return all;
    }

    /** Stops the scan under way, if any; its results never arrive. */
    void cancel() {
        if (running != null) {
            running.set(true);
            running = null;
        }
    }

    /** True while a scan runs. */
    boolean running() {
        return running != null;
    }
}
