package dev.aei.ui.timeline;

import dev.aei.protocol.EventRole;
import javafx.scene.canvas.GraphicsContext;

/**
 * Draws the event glyphs of the visible lanes. Where glyphs would crowd, a lane becomes a strip
 * of short bars, each coloured by the most important role under it, read from per-block
 * summaries when very dense; so the cost follows pixels, not events. Errors and malformed frames
 * keep their own glyph above a strip.
 */
final class GlyphRenderer implements LayerRenderer {
    private static final EventRole[] ROLES = EventRole.values();
    /** Below this many pixels per event a lane is drawn as a strip. */
    private static final double MIN_GLYPH_SPACING = 6;
    /** Width of one strip column. */
    private static final double COLUMN = 2;
    /** Bars of one colour closer than this many columns join. */
    private static final int JOIN_COLUMNS = 4;
    /** From this many events per column on, the strip reads block summaries. */
    private static final int BLOCK_DENSITY = 16;

    private final GlyphPainter painter = new GlyphPainter();
    private final StripWriter strip = new StripWriter();

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
                boolean blocks = (to - from) / (layout.plotWidth() / COLUMN) >= BLOCK_DENSITY;
                drawStrip(g, ctx, events, from, to, y, blocks ? EventColumns.BLOCK : 1);
                drawAlarms(g, ctx, events, from, to, y);
            }
        }
    }

    /**
     * One glyph per event, except that a glyph overlapping the previous drawn one is left out
     * unless it matters more (a burst shows its start and end, not a smear).
     */
    private void drawGlyphs(GraphicsContext g, RenderContext ctx, EventColumns events, int from, int to, double y) {
        double minGap = ctx.glyphRadius() * 1.2;
        double lastX = Double.NEGATIVE_INFINITY;
        int lastRank = -1;
        for (int i = from; i < to; i++) {
            double x = ctx.x(events.nanos(i));
            int rank = GlyphPainter.importance(events.roleOrdinal(i));
            boolean overlaps = x - lastX < minGap;
            if (overlaps && rank <= lastRank) {
                continue;
            }
            lastX = x;
            lastRank = rank;
            painter.paint(g, events.role(i), x, y, ctx.glyphRadius(), ctx.palette());
        }
    }

    /** The strip, reading every event ({@code unit} 1) or one summary per block. */
    private void drawStrip(GraphicsContext g, RenderContext ctx, EventColumns events, int from, int to, double y,
                           int unit) {
        strip.begin(g, ctx, y);
        double left = ctx.layout().plotLeft();
        for (int i = from - from % unit; i < to; i += unit) {
            int role = unit == 1 ? events.roleOrdinal(i) : events.blockRoleOrdinal(i / unit);
            strip.add((int) Math.floor((ctx.x(events.nanos(i)) - left) / COLUMN), role);
        }
        strip.end();
    }

    /** Errors and malformed frames keep their glyph, just above the strip. */
    private void drawAlarms(GraphicsContext g, RenderContext ctx, EventColumns events, int from, int to, double y) {
        int lastColumn = Integer.MIN_VALUE;
        int block = EventColumns.BLOCK;
        for (int b = from / block; b * block < to; b++) {
            if (!isAlarm(ROLES[events.blockRoleOrdinal(b)])) {
                continue;
            }
            for (int i = Math.max(from, b * block); i < Math.min(to, (b + 1) * block); i++) {
                if (isAlarm(events.role(i))) {
                    double x = ctx.x(events.nanos(i));
                    int column = (int) (x / (2 * ctx.glyphRadius()));
                    if (column != lastColumn) {
                        lastColumn = column;
                        painter.paint(g, events.role(i), x, y - 2 * ctx.glyphRadius(), ctx.glyphRadius(), ctx.palette());
                    }
                }
            }
        }
    }

    private static boolean isAlarm(EventRole role) {
        return role == EventRole.ERROR || role == EventRole.MALFORMED;
    }

    /** Collects per-column roles and writes runs of one colour as single bars. */
    private static final class StripWriter {
        private GraphicsContext g;
        private RenderContext ctx;
        private double y;
        private int column;
        private int best;
        private int runStart;
        private int runEnd;
        private int runRole;

        void begin(GraphicsContext graphics, RenderContext context, double centre) {
            g = graphics;
            ctx = context;
            y = centre;
            column = Integer.MIN_VALUE;
            best = -1;
            runRole = -1;
        }

        void add(int c, int role) {
            if (c != column) {
                closeColumn();
                column = c;
                best = role;
            } else if (GlyphPainter.importance(role) > GlyphPainter.importance(best)) {
                best = role;
            }
        }

        void end() {
            closeColumn();
            flush();
        }

        private void closeColumn() {
            if (best < 0) {
                return;
            }
            if (best == runRole && column <= runEnd + JOIN_COLUMNS) {
                runEnd = column;
            } else {
                flush();
                runStart = column;
                runEnd = column;
                runRole = best;
            }
            best = -1;
        }

        private void flush() {
            if (runRole < 0 || ROLES[runRole] == EventRole.IGNORE) {
                return;
            }
            double half = ctx.glyphRadius() * 0.8;
            g.setFill(ctx.palette().fade(ctx.palette().role(ROLES[runRole]), 0.85));
            double x = ctx.layout().plotLeft() + runStart * COLUMN;
            g.fillRect(x, y - half, (runEnd - runStart + 1) * COLUMN - 0.5, 2 * half);
            runRole = -1;
        }
    }
}
