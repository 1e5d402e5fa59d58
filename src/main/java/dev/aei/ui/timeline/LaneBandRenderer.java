package dev.aei.ui.timeline;

import javafx.scene.canvas.GraphicsContext;

/** Paints the lane backgrounds (alternating) and the thin separators between lanes. */
final class LaneBandRenderer implements LayerRenderer {

    @Override
    public void draw(GraphicsContext g, RenderContext ctx) {
        LaneLayout layout = ctx.layout();
        Palette palette = ctx.palette();
        g.setLineWidth(1);
        for (int lane = layout.firstVisibleLane(); lane < layout.endVisibleLane(); lane++) {
            double top = layout.laneTop(lane);
            if (lane % 2 == 1) {
                g.setFill(palette.laneAlt());
                g.fillRect(0, top, layout.width(), layout.laneHeight());
            }
            g.setStroke(palette.fade(palette.grid(), 0.7));
            double bottom = RunRenderer.snap(top + layout.laneHeight()) - 1;
            g.strokeLine(0, bottom, layout.width(), bottom);
        }
    }
}
