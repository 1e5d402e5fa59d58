package dev.aei.ui.timeline;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** Brackets each run: a thin band on the lane's centre line from its start to its completion. */
final class RunRenderer implements LayerRenderer {
    /** Opacity of the run band: strong enough to read against both themes' lane backgrounds. */
    static final double BAND_OPACITY = 0.75;
    private final SpanMerger merger = new SpanMerger();

    @Override
    public void draw(GraphicsContext g, RenderContext ctx) {
        LaneLayout layout = ctx.layout();
        double thickness = 2.5 * layout.uiScale();
        for (int lane = layout.firstVisibleLane(); lane < layout.endVisibleLane(); lane++) {
            double y = layout.laneCenter(lane);
            double capHalf = layout.laneHeight() * 0.22;
            merger.forEach(ctx.model().lanes().get(lane).runs(), ctx, (x0, x1, span, failed) -> {
                if (x1 - x0 < 1) {
                    return; // a run seen by a single event (e.g. a foreign one) has no extent
                }
                Color color = failed ? ctx.palette().danger() : ctx.palette().accent();
                g.setFill(ctx.palette().fade(color, BAND_OPACITY));
                g.fillRect(x0, y - thickness / 2, x1 - x0, thickness);
                if (span >= 0 && x1 - x0 > 6) {
                    g.setStroke(ctx.palette().fade(color, BAND_OPACITY));
                    g.setLineWidth(1);
                    g.strokeLine(snap(x0), y - capHalf, snap(x0), y + capHalf);
                    g.strokeLine(snap(x1), y - capHalf, snap(x1), y + capHalf);
                }
            });
        }
    }

    /** Centre of a pixel, so one-pixel lines stay crisp. */
    static double snap(double x) {
        return Math.floor(x) + 0.5;
    }
}
