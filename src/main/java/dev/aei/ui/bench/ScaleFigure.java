package dev.aei.ui.bench;

import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import dev.aei.protocol.EventDecoder;
import dev.aei.ui.timeline.TimelineView;
import java.util.concurrent.CompletableFuture;
import javafx.animation.AnimationTimer;

/**
 * The scale figure: a large finished session on the timeline, panned a little on every pulse at
 * three zoom levels. Each pulse times the timeline's layout pass (the full redraw of the visible
 * range on the FX thread) and notes the pulse interval (which also includes rendering).
 */
final class ScaleFigure {
    /** Mid zoom shows this fraction of the whole session. */
    private static final int MID_ZOOM_DIVISOR = 64;
    /** Full zoom-in: the timeline's smallest span. */
    private static final long FULL_ZOOM_IN_NANOS = 10_000;
    private static final int WARM_UP_PULSES = 10;

    private final BenchWindow window;
    private final EventDecoder decoder;
    private final int redrawsPerZoom;

    ScaleFigure(BenchWindow window, EventDecoder decoder, int redrawsPerZoom) {
        this.window = window;
        this.decoder = decoder;
        this.redrawsPerZoom = redrawsPerZoom;
    }

    /** Redraw and pulse p99 of one zoom level. */
    record Level(double redrawP99, double pulseP99) {
    }

    /** What the scale figure measured. */
    record Measured(Level empty, Level[] levels, long events) {
    }

    /** Draws {@code session} and measures its redraws. */
    Measured run(Session session) throws InterruptedException {
        TimelineView view = Fx.call(() -> {
            TimelineView v = new TimelineView(decoder);
            window.show(v);
            session.lanes().forEach(lane -> v.addLane(lane.id()));
            v.showRange(0, TimelineView.DEFAULT_SPAN_NANOS);
            return v;
        });
        Level empty = panned(view);
        for (Lane lane : session.lanes()) {
            Fx.run(() -> {
                view.addFrames(lane.id(), lane.frames());
                lane.events().forEach(e -> view.addLaneEvent(lane.id(), e));
            });
        }
        long whole = Fx.call(() -> {
            view.zoomToFit();
            return view.getVisibleEnd() - view.getVisibleStart();
        });
        long centre = Fx.call(() -> view.getVisibleStart() + whole / 2);
        Level fit = panned(view);
        Fx.run(() -> view.showRange(centre - whole / MID_ZOOM_DIVISOR / 2, centre + whole / MID_ZOOM_DIVISOR / 2));
        Level mid = panned(view);
        Fx.run(() -> view.showRange(centre, centre + FULL_ZOOM_IN_NANOS));
        Level in = panned(view);
        return new Measured(empty, new Level[]{fit, mid, in}, session.frameCount());
    }

    /** Pans back and forth by 1 % of the visible span on each pulse and times each layout pass. */
    private Level panned(TimelineView view) throws InterruptedException {
        int pulses = redrawsPerZoom + WARM_UP_PULSES;
        double[] redraws = new double[redrawsPerZoom];
        double[] intervals = new double[redrawsPerZoom];
        CompletableFuture<Level> done = new CompletableFuture<>();
        Fx.run(() -> new AnimationTimer() {
            private int pulse;
            private long last = -1;

            @Override
            public void handle(long now) {
                long step = (view.getVisibleEnd() - view.getVisibleStart()) / 100;
                long started = System.nanoTime();
                view.panBy(pulse % 2 == 0 ? step : -step);
                view.layout();
                long took = System.nanoTime() - started;
                int measured = pulse - WARM_UP_PULSES;
                if (measured >= 0) {
                    redraws[measured] = took / 1e6;
                    intervals[measured] = (now - last) / 1e6;
                }
                last = now;
                if (++pulse == pulses) {
                    stop();
                    done.complete(new Level(percentile99(redraws), percentile99(intervals)));
                }
            }
        }.start());
        return Fx.await(done);
    }

    private static double percentile99(double[] samples) {
        double[] sorted = samples.clone();
        java.util.Arrays.sort(sorted);
        int rank = (int) Math.ceil(0.99 * sorted.length) - 1;
        return sorted[Math.max(0, rank)];
    }
}
