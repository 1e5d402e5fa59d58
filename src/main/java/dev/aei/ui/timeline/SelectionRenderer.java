package dev.aei.ui.timeline;

import dev.aei.capture.Frame;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** Rings the selected glyph (with a line through its lane) and the glyph under the pointer. */
final class SelectionRenderer implements LayerRenderer {

    @Override
    public void draw(GraphicsContext g, RenderContext ctx) {
        if (ctx.hovered() != null && !ctx.hovered().equals(ctx.selected())) {
            ring(g, ctx, ctx.hovered(), ctx.palette().mutedText(), false);
        }
        if (ctx.selected() != null) {
            ring(g, ctx, ctx.selected(), ctx.palette().accent(), true);
        }
    }

    private static void ring(GraphicsContext g, RenderContext ctx, FrameRef ref, Color color, boolean selected) {
        int lane = HitTester.laneIndex(ctx.model(), ref);
        if (lane < 0) {
            return;
        }
        Frame frame = ctx.model().lanes().get(lane).frame(ref.frame());
        if (frame == null) {
            return;
        }
        LaneLayout layout = ctx.layout();
        double x = ctx.x(frame.nanos());
        double y = layout.laneCenter(lane);
        double r = ctx.glyphRadius() * 1.6;
        if (selected) {
            g.setFill(ctx.palette().fade(color, 0.12));
            g.fillRect(x - 1.5, layout.laneTop(lane), 3, layout.laneHeight() - 1);
        }
        g.setStroke(color);
        g.setLineWidth(selected ? 2 : 1.5);
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
    }
}
