package dev.aei.ui.timeline;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * Draws the profile's pairs as rounded boxes from open to close: tool calls labelled with the tool
 * name, the others (text messages, steps, thinking) in the thinking colour with their name.
 */
final class ToolSpanRenderer implements LayerRenderer {
    /** How much of the tool colour tints a box's inside: enough to tell it from the lane in both themes. */
    static final double FILL_TINT = 0.22;
    private final SpanMerger merger = new SpanMerger();
    /** Where the last label drawn on the current lane ends, so labels never overlap. */
    private double labelEnd;

    @Override
    public void draw(GraphicsContext g, RenderContext ctx) {
        LaneLayout layout = ctx.layout();
        double height = layout.laneHeight() * 0.42;
        double arc = 6 * layout.uiScale();
        g.setFont(ctx.text().small());
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        for (int lane = layout.firstVisibleLane(); lane < layout.endVisibleLane(); lane++) {
            LaneTrack track = ctx.model().lanes().get(lane);
            double y = layout.laneCenter(lane);
            labelEnd = Double.NEGATIVE_INFINITY;
            merger.forEach(track.tools(), ctx, (x0, x1, span, failed) -> {
                Color color = failed ? ctx.palette().danger()
                        : span >= 0 && track.tools().otherPair(span) ? ctx.palette().thinking() : ctx.palette().tool();
                double w = Math.max(1.5, x1 - x0);
                if (w < 2 * arc) {
                    // Too narrow for corners to show: one plain box, far cheaper to rasterise by thousands.
                    g.setFill(color);
                    g.fillRect(x0, y - height / 2, w, height);
                } else {
                    g.setFill(ctx.palette().background().interpolate(color, FILL_TINT)); // opaque: hides the run line
                    g.fillRoundRect(x0, y - height / 2, w, height, arc, arc);
                    g.setStroke(color); // the outline carries the contrast (checked against both themes)
                    g.setLineWidth(1);
                    g.strokeRoundRect(x0, y - height / 2, w, height, arc, arc);
                }
                if (span >= 0) {
                    label(g, ctx, track, ctx.model().string(track.tools().label(span)), x0, w, y, height, failed);
                }
            });
        }
    }

    /**
     * The tool name inside the box when it fits between the glyphs at both ends and no event glyph
     * inside the box would be drawn over it, else under the box (where no glyph goes) in the muted
     * colour when that does not run into the previous label.
     */
    private void label(GraphicsContext g, RenderContext ctx, LaneTrack track, String name, double x0, double w,
                       double y, double height, boolean failed) {
        double pad = ctx.glyphRadius() * 1.4;
        double textWidth = ctx.text().smallWidth(name);
        double left = Math.max(x0 + pad, Math.min(ctx.layout().plotLeft() + pad, x0 + w - pad - textWidth));
        if (textWidth + 2 * pad <= w && !glyphsBetween(ctx, track, left - ctx.glyphRadius(),
                left + textWidth + ctx.glyphRadius())) {
            g.setFill(failed ? ctx.palette().danger() : ctx.palette().text());
            g.fillText(name, left, y);
            labelEnd = left + textWidth;
        } else if (x0 > labelEnd + pad) {
            g.setFill(failed ? ctx.palette().danger() : ctx.palette().mutedText());
            g.fillText(name, x0, y + height / 2 + ctx.text().small().getSize() * 0.75);
            labelEnd = x0 + textWidth;
        }
    }

    /** True when the lane has an event between two canvas x positions (its glyph would sit there). */
    private static boolean glyphsBetween(RenderContext ctx, LaneTrack track, double fromX, double toX) {
        EventColumns events = track.events();
        long from = ctx.scale().nanos(fromX - ctx.layout().plotLeft());
        long to = ctx.scale().nanos(toX - ctx.layout().plotLeft());
        return events.firstAtOrAfter(from) < events.firstAtOrAfter(to + 1);
    }
}
