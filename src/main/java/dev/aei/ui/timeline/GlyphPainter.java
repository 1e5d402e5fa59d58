package dev.aei.ui.timeline;

import dev.aei.protocol.EventRole;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Draws one event glyph, shaped and coloured by role: ▶ started, ◆ thinking, ■ completed,
 * ✖ error, small dots for the rest; malformed, binary and unknown frames as hollow marks.
 */
final class GlyphPainter {
    /** How much a role matters when several share a pixel column (higher wins). */
    private static final int[] IMPORTANCE = importance();

    private final double[] xs = new double[4];
    private final double[] ys = new double[4];

    static int importance(int roleOrdinal) {
        return IMPORTANCE[roleOrdinal];
    }

    /** Draws a glyph centred at (x, y) with half-size r, outlined in the background colour. */
    void paint(GraphicsContext g, EventRole role, double x, double y, double r, Palette palette) {
        Color color = palette.role(role);
        g.setFill(color);
        g.setStroke(color);
        g.setLineWidth(Math.max(1.5, r / 3));
        switch (role) {
            case STARTED -> polygon(g, palette, 3, x - 0.7 * r, y - r, x - 0.7 * r, y + r, x + r, y);
            case THINKING -> polygon(g, palette, 4, x, y - 0.85 * r, x + 0.85 * r, y, x, y + 0.85 * r, x - 0.85 * r, y);
            case COMPLETED -> {
                g.fillRect(x - 0.8 * r, y - 0.8 * r, 1.6 * r, 1.6 * r);
                halo(g, palette);
                g.strokeRect(x - 0.8 * r, y - 0.8 * r, 1.6 * r, 1.6 * r);
            }
            case ERROR -> {
                g.strokeLine(x - 0.8 * r, y - 0.8 * r, x + 0.8 * r, y + 0.8 * r);
                g.strokeLine(x - 0.8 * r, y + 0.8 * r, x + 0.8 * r, y - 0.8 * r);
            }
            case TOOL_START, TOOL_END -> dot(g, x, y, 0.45 * r);
            case MALFORMED -> g.strokePolygon(new double[] {x, x + r, x, x - r}, new double[] {y - r, y, y + r, y}, 4);
            case BINARY -> g.strokeRect(x - 0.7 * r, y - 0.7 * r, 1.4 * r, 1.4 * r);
            case UNKNOWN -> g.strokeOval(x - 0.7 * r, y - 0.7 * r, 1.4 * r, 1.4 * r);
            case OUTGOING -> g.strokePolygon(new double[] {x - 0.8 * r, x + 0.8 * r, x},
                    new double[] {y + 0.7 * r, y + 0.7 * r, y - 0.8 * r}, 3);
            case CONNECTION -> {
                g.setLineWidth(1.2);
                g.strokeOval(x - 0.5 * r, y - 0.5 * r, r, r);
            }
            case HEARTBEAT -> dot(g, x, y, 0.25 * r);
            case OTHER -> dot(g, x, y, 0.4 * r);
            case IGNORE -> {
                // ignored types are kept in the capture but not drawn
            }
        }
    }

    private void polygon(GraphicsContext g, Palette palette, int n, double... points) {
        for (int i = 0; i < n; i++) {
            xs[i] = points[2 * i];
            ys[i] = points[2 * i + 1];
        }
        g.fillPolygon(xs, ys, n);
        halo(g, palette);
        g.strokePolygon(xs, ys, n);
    }

    /** A thin background-coloured outline keeps neighbouring glyphs and lines apart. */
    private static void halo(GraphicsContext g, Palette palette) {
        g.setStroke(palette.background());
        g.setLineWidth(1);
    }

    private static void dot(GraphicsContext g, double x, double y, double r) {
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
    }

    private static int[] importance() {
        EventRole[] order = {EventRole.IGNORE, EventRole.HEARTBEAT, EventRole.CONNECTION, EventRole.OTHER,
            EventRole.THINKING, EventRole.TOOL_END, EventRole.TOOL_START, EventRole.OUTGOING, EventRole.BINARY,
            EventRole.UNKNOWN, EventRole.COMPLETED, EventRole.STARTED, EventRole.MALFORMED, EventRole.ERROR};
        int[] rank = new int[EventRole.values().length];
        for (int i = 0; i < order.length; i++) {
            rank[order[i].ordinal()] = i;
        }
        return rank;
    }
}
