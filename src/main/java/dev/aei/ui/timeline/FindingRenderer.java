package dev.aei.ui.timeline;

import dev.aei.analysis.Severity;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Findings as warning signs on their lane at their first frame. Critical ones are unmissable:
 * bigger, red, a red line through the lane and the rule id beside the sign.
 */
final class FindingRenderer implements LayerRenderer {

    @Override
    public void draw(GraphicsContext g, RenderContext ctx) {
        LaneLayout layout = ctx.layout();
        double s = layout.uiScale();
        g.setTextBaseline(VPos.CENTER);
        for (int lane = layout.firstVisibleLane(); lane < layout.endVisibleLane(); lane++) {
            double top = layout.laneTop(lane);
            double labelEnd = Double.NEGATIVE_INFINITY;
            int lastColumn = Integer.MIN_VALUE;
            Severity lastSeverity = null;
            for (LaneTrack.FindingMark mark : ctx.model().lanes().get(lane).findings()) {
                double x = ctx.x(mark.nanos());
                if (x < layout.plotLeft() - 20 * s || x > layout.width() + 20 * s) {
                    continue;
                }
                Severity severity = mark.finding().severity();
                int column = (int) (x / (6 * s));
                if (column == lastColumn && !severity.atLeast(lastSeverity)) {
                    continue;
                }
                lastColumn = column;
                lastSeverity = severity;
                boolean critical = severity == Severity.CRITICAL;
                Color color = ctx.palette().severity(severity);
                if (critical) {
                    g.setStroke(ctx.palette().fade(color, 0.6));
                    g.setLineWidth(1.5 * s);
                    double snapped = RunRenderer.snap(x);
                    g.strokeLine(snapped, top + 2, snapped, top + layout.laneHeight() - 2);
                }
                double size = (critical ? 8 : 6) * s;
                sign(g, ctx.palette(), x, top + size + 2 * s, size, color);
                if (critical && x + size + 4 * s > labelEnd) {
                    labelEnd = ruleLabel(g, ctx, mark.finding().rule(), x, size + 3 * s, top + size + 2 * s, color);
                }
            }
        }
    }

    /** A filled warning triangle with an exclamation mark (also the legend's). */
    static void sign(GraphicsContext g, Palette palette, double x, double y, double size, Color color) {
        g.setFill(color);
        g.fillPolygon(new double[] {x - size, x + size, x}, new double[] {y + size * 0.8, y + size * 0.8, y - size}, 3);
        g.setStroke(palette.background());
        g.setLineWidth(1);
        g.strokePolygon(new double[] {x - size, x + size, x}, new double[] {y + size * 0.8, y + size * 0.8, y - size}, 3);
        g.setFill(palette.background());
        g.fillRect(x - size * 0.1, y - size * 0.4, size * 0.2, size * 0.65);
        g.fillRect(x - size * 0.1, y + size * 0.38, size * 0.2, size * 0.2);
    }

    /**
     * Writes the rule id beside the sign at {@code signX} and returns where the text ends; near the
     * canvas's right edge it goes on the sign's left, so it is read whole rather than cut.
     */
    private static double ruleLabel(GraphicsContext g, RenderContext ctx, String rule, double signX, double gap,
                                    double y, Color color) {
        Font font = ctx.text().smallBold();
        double width = ctx.text().width(rule, font);
        double x = signX + gap;
        if (x + width > ctx.layout().width() - 2 && signX - gap - width >= ctx.layout().plotLeft()) {
            x = signX - gap - width;
        }
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(color);
        g.fillText(rule, x, y);
        return x + width;
    }
}
