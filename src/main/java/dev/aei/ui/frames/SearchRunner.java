package dev.aei.ui.frames;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
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

    /** The rows from {@code from} on whose payload holds the needle, or null when cancelled. */
    static IntArray scan(FrameRows.Snapshot rows, int from, Needle needle, AtomicBoolean cancelled,
                         DoubleConsumer progress) {
        IntArray hits = new IntArray();
        int total = Math.max(1, rows.size() - from);
        for (int row = from; row < rows.size(); row++) {
            if (((row - from) % STEP) == STEP - 1) {
                if (cancelled.get()) {
                    return null;
                }
                progress.accept((row - from) / (double) total);
            }
            if (needle.foundIn(FramePayload.searchText(rows.frame(row)), cancelled::get)) {
                hits.add(row);
            }
        }
        return cancelled.get() ? null : hits;
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
