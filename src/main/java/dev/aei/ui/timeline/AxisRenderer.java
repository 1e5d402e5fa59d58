package dev.aei.ui.timeline;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/** The shared clock: the axis bar on top with tick labels, and faint grid lines down the lanes. */
final class AxisRenderer {
    private static final double MIN_TICK_SPACING = 90;

    /** Vertical grid lines through the lanes, under everything else. */
    void drawGrid(GraphicsContext g, RenderContext ctx) {
        LaneLayout layout = ctx.layout();
        double bottom = Math.min(layout.height(), layout.axisHeight() + layout.contentHeight() - layout.scrollY());
        g.setLineWidth(1);
        for (Tick tick : ticks(ctx)) {
            double x = RunRenderer.snap(ctx.x(tick.nanos()));
            g.setStroke(ctx.palette().fade(ctx.palette().grid(), tick.major() ? 0.9 : 0.45));
            g.strokeLine(x, layout.axisHeight(), x, bottom);
        }
    }

    /** The axis bar with its labels, over the lanes' top edge. */
    void drawAxis(GraphicsContext g, RenderContext ctx) {
        LaneLayout layout = ctx.layout();
        double height = layout.axisHeight();
        g.setFill(ctx.palette().background());
        g.fillRect(0, 0, layout.width(), height);
        g.setStroke(ctx.palette().border());
        g.setLineWidth(1);
        g.strokeLine(0, height - 0.5, layout.width(), height - 0.5);
        g.setFont(ctx.text().small());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        // the badge keeps its place at the right end; a label that would run under it is left out
        double labelsEnd = LiveBadge.bounds(ctx).getMinX() - 6 * layout.uiScale();
        for (Tick tick : ticks(ctx)) {
            double x = ctx.x(tick.nanos());
            if (x < layout.plotLeft() - 1) {
                continue;
            }
            double snapped = RunRenderer.snap(x);
            g.setStroke(ctx.palette().border());
            g.strokeLine(snapped, height - 5 * layout.uiScale(), snapped, height);
            if (x + ctx.text().smallWidth(tick.label()) / 2 <= labelsEnd) {
                g.setFill(tick.major() ? ctx.palette().text() : ctx.palette().mutedText());
                g.fillText(tick.label(), x, height * 0.45);
            }
        }
    }

    private static List<Tick> ticks(RenderContext ctx) {
        return ctx.scale().ticks(MIN_TICK_SPACING * ctx.layout().uiScale());
    }
}
