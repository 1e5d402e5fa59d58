package dev.aei.ui.bench;

import dev.aei.bench.FramesResults;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import dev.aei.inspect.Shown;
import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.EventDecoder;
import dev.aei.ui.feed.FeedBatch;
import dev.aei.ui.feed.FeedPump;
import dev.aei.ui.frames.FrameActions;
import dev.aei.ui.frames.FramesView;
import dev.aei.ui.frames.FramesViewModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.control.TableRow;

/**
 * The frames table figure: a large finished session handed to the table in the feed's batches (the
 * events decoded beforehand, off the clock, as the analysis does in the app), then its last row shown,
 * then the payload search for a marker only the last frame holds, against a bare loop over the same
 * payloads.
 */
final class FramesFigure {
    private final BenchWindow window;
    private final EventDecoder decoder;
    private final int rounds;

    FramesFigure(BenchWindow window, EventDecoder decoder, int rounds) {
        this.window = window;
        this.decoder = decoder;
        this.rounds = rounds;
    }

    /** Measures on {@code session}, whose last frame holds {@code marker} and no other frame does. */
    FramesResults run(Session session, String marker) throws InterruptedException {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "aei-bench-search");
            t.setDaemon(true);
            return t;
        });
        try {
            List<List<FeedBatch.LaneFrame>> batches = batches(session);
            double[] open = new double[rounds + 1];
            FramesView view = null;
            for (int round = 0; round <= rounds; round++) {
                FramesViewModel vm = Fx.call(() -> new FramesViewModel(decoder::decode, worker, Platform::runLater));
                view = Fx.call(() -> {
                    FramesView v = new FramesView(vm, new FrameActions(vm, (l, t) -> List.of(), d -> { }, List::of,
                            List::of, Runnable::run, Runnable::run));
                    window.show(v);
                    return v;
                });
                open[round] = open(view, session, batches);
            }
            FramesView shown = view;
            boolean lastShown = lastRowShownWithin(shown, 120);
            double[] search = new double[rounds + 1];
            double[] bare = new double[rounds + 1];
            int matches = 0;
            for (int round = 0; round <= rounds; round++) {
                search[round] = search(shown.model(), marker);
                matches = Fx.call(() -> shown.model().search().matchCountProperty().get());
                bare[round] = bareScan(session, marker);
            }
            return new FramesResults(session.frameCount(), median(open), median(search), median(bare), matches,
                    lastShown);
        } finally {
            worker.shutdownNow();
        }
    }

    /** The session's frames in stamp order, decoded, in batches of the feed pump's largest size. */
    private List<List<FeedBatch.LaneFrame>> batches(Session session) {
        List<FeedBatch.LaneFrame> all = new ArrayList<>();
        for (Lane lane : session.lanes()) {
            for (Frame frame : lane.frames()) {
                List<AgentEvent> events = decoder.decode(lane.id(), frame);
                all.add(new FeedBatch.LaneFrame(lane.id(), frame, events));
            }
        }
        all.sort((a, b) -> Long.compare(a.frame().nanos(), b.frame().nanos()));
        List<List<FeedBatch.LaneFrame>> batches = new ArrayList<>();
        for (int from = 0; from < all.size(); from += FeedPump.DEFAULT_MAX_PER_PULSE) {
            batches.add(all.subList(from, Math.min(all.size(), from + FeedPump.DEFAULT_MAX_PER_PULSE)));
        }
        return batches;
    }

    /** FX-thread time to take every batch, then to lay out the table scrolled to its last row. */
    private static double open(FramesView view, Session session, List<List<FeedBatch.LaneFrame>> batches)
            throws InterruptedException {
        List<String> lanes = session.lanes().stream().map(Lane::id).toList();
        long spent = Fx.call(() -> {
            long started = System.nanoTime();
            view.model().accept(new FeedBatch(Shown.live(session), lanes, List.of(), List.of(), List.of()));
            return System.nanoTime() - started;
        });
        for (List<FeedBatch.LaneFrame> batch : batches) {
            FeedBatch feed = new FeedBatch(null, List.of(), batch, List.of(), List.of());
            spent += Fx.call(() -> {
                long started = System.nanoTime();
                view.model().accept(feed);
                return System.nanoTime() - started;
            });
        }
        spent += Fx.call(() -> {
            long started = System.nanoTime();
            view.applyCss();
            view.layout();
            view.reveal(view.model().items().size() - 1);
            view.layout();
            return System.nanoTime() - started;
        });
        return spent / 1e6;
    }

    /** From setting the search text to the matches arriving on the FX thread. */
    private static double search(FramesViewModel vm, String marker) throws InterruptedException {
        Fx.run(() -> vm.search().queryProperty().set(""));
        CompletableFuture<Long> done = new CompletableFuture<>();
        long started = Fx.call(() -> {
            vm.search().searchingProperty().addListener((o, was, now) -> {
                if (!now) {
                    done.complete(System.nanoTime());
                }
            });
            long t = System.nanoTime();
            vm.search().queryProperty().set(marker);
            return t;
        });
        return (Fx.await(done) - started) / 1e6;
    }

    /** The reference: every payload read and looked through for the marker, nothing else. */
    private static double bareScan(Session session, String marker) {
        long started = System.nanoTime();
        int found = 0;
        for (Lane lane : session.lanes()) {
            List<Frame> frames = lane.frames();
            for (int i = 0; i < frames.size(); i++) {
                String text = frames.get(i).text();
                if (text != null && text.indexOf(marker) >= 0) {
                    found++;
                }
            }
        }
        long took = System.nanoTime() - started;
        if (found != 1) {
            throw new IllegalStateException("the marker should be in exactly one frame, found " + found);
        }
        return took / 1e6;
    }

    /** Whether the last row is drawn within {@code pulses} pulses (the table lays its cells out on a pulse). */
    private static boolean lastRowShownWithin(FramesView view, int pulses) throws InterruptedException {
        CompletableFuture<Boolean> shown = new CompletableFuture<>();
        Fx.run(() -> new javafx.animation.AnimationTimer() {
            private int pulse;

            @Override
            public void handle(long now) {
                boolean last = lastRowShown(view);
                if (last || ++pulse == pulses) {
                    stop();
                    shown.complete(last);
                }
            }
        }.start());
        return Fx.await(shown);
    }

    private static boolean lastRowShown(FramesView view) {
        int last = view.model().items().size() - 1;
        return view.table().lookupAll(".table-row-cell").stream().anyMatch(n -> n instanceof TableRow<?> row
                && row.getIndex() == last && !row.isEmpty() && row.isVisible());
    }

    /** The median of the measured rounds (the first, a warm-up, left out). */
    private static double median(double[] rounds) {
        double[] measured = Arrays.copyOfRange(rounds, 1, rounds.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }
}
