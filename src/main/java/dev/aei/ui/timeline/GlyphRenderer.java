package dev.aei.ui.timeline;

import dev.aei.protocol.EventRole;
import javafx.scene.canvas.GraphicsContext;

/**
 * Draws the event glyphs of the visible lanes. Where glyphs would overlap it aggregates per
 * column (the most important role of the column wins), so the cost follows pixels, not events.
 */
final class GlyphRenderer implements LayerRenderer {
    private static final EventRole[] ROLES = EventRole.values();
    /** Below this many pixels per event a lane is drawn as a density strip. */
    private static final double MIN_GLYPH_SPACING = 3;
    /** Width of one strip column in the dense mode. */
    private static final double DENSE_COLUMN = 2;

    private final GlyphPainter painter = new GlyphPainter();

    @Override
    public void draw(GraphicsContext g, RenderContext ctx) {
        LaneLayout layout = ctx.layout();
        for (int lane = layout.firstVisibleLane(); lane < layout.endVisibleLane(); lane++) {
            EventColumns events = ctx.model().lanes().get(lane).events();
            int from = events.firstAtOrAfter(ctx.visibleFrom());
            int to = events.firstAtOrAfter(ctx.visibleTo() + 1);
            double y = layout.laneCenter(lane);
            if ((to - from) * MIN_GLYPH_SPACING * layout.uiScale() <= layout.plotWidth()) {
                drawGlyphs(g, ctx, events, from, to, y);
            } else {
                drawStrip(g, ctx, events, from, to, y);
                drawAlarms(g, ctx, events, from, to, y);
            }
        }
    }

    /** One glyph per event, skipping those a more important glyph in the same column hides. */
    private void drawGlyphs(GraphicsContext g, RenderContext ctx, EventColumns events, int from, int to, double y) {
        int lastColumn = Integer.MIN_VALUE;
        int lastRank = -1;
        for (int i = from; i < to; i++) {
            double x = ctx.x(events.nanos(i));
            int column = (int) x;
            int rank = GlyphPainter.importance(events.roleOrdinal(i));
            if (column == lastColumn && rank <= lastRank) {
                continue;
            }
            lastColumn = column;
            lastRank = rank;
            painter.paint(g, events.role(i), x, y, ctx.glyphRadius(), ctx.palette());
        }
    }

    /** A strip of short bars, one per column, coloured by the column's most important role. */
    private void drawStrip(GraphicsContext g, RenderContext ctx, EventColumns events, int from, int to, double y) {
        double half = ctx.glyphRadius() * 0.8;
        double left = ctx.layout().plotLeft();
        int runStart = -1;
        int runEnd = -1;
        int runRole = -1;
        int column = -1;
        int best = -1;
        for (int i = from; i <= to; i++) {
            int c = i < to ? (int) ((ctx.x(events.nanos(i)) - left) / DENSE_COLUMN) : Integer.MAX_VALUE;
            if (c != column) {
                if (best >= 0 && best == runRole && column == runEnd + 1) {
                    runEnd = column;
                } else {
                    fillRun(g, ctx, runStart, runEnd, runRole, y, half);
                    runStart = column;
                    runEnd = column;
                    runRole = best;
                }
                column = c;
                best = -1;
            }
            if (i < to && (best < 0 || GlyphPainter.importance(events.roleOrdinal(i)) > GlyphPainter.importance(best))) {
                best = events.roleOrdinal(i);
            }
        }
        fillRun(g, ctx, runStart, runEnd, runRole, y, half);
    }

    private void fillRun(GraphicsContext g, RenderContext ctx, int start, int end, int role, double y, double half) {
        if (role < 0 || ROLES[role] == EventRole.IGNORE) {
            return;
        }
        g.setFill(Palette.fade(ctx.palette().role(ROLES[role]), 0.85));
        double x = ctx.layout().plotLeft() + start * DENSE_COLUMN;
        g.fillRect(x, y - half, (end - start + 1) * DENSE_COLUMN - 0.5, 2 * half);
    }

    /** Errors and malformed frames keep their glyph even in a dense strip. */
    private void drawAlarms(GraphicsContext g, RenderContext ctx, EventColumns events, int from, int to, double y) {
        int lastColumn = Integer.MIN_VALUE;
        for (int i = from; i < to; i++) {
            EventRole role = events.role(i);
            if (role == EventRole.ERROR || role == EventRole.MALFORMED) {
                double x = ctx.x(events.nanos(i));
                int column = (int) (x / (2 * ctx.glyphRadius()));
                if (column != lastColumn) {
                    lastColumn = column;
                    painter.paint(g, role, x, y - 2 * ctx.glyphRadius(), ctx.glyphRadius(), ctx.palette());
                }
            }
        }
    }
}
