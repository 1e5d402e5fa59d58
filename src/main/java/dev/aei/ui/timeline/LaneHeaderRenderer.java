package dev.aei.ui.timeline;

import dev.aei.analysis.Severity;
import dev.aei.capture.LaneEvent;
import dev.aei.protocol.IdText;
import dev.aei.protocol.TextCut;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/** The column at the left: each lane's user name, connection status dot and counts. */
final class LaneHeaderRenderer implements LayerRenderer {

    @Override
    public void draw(GraphicsContext g, RenderContext ctx) {
        LaneLayout layout = ctx.layout();
        Palette palette = ctx.palette();
        double width = layout.headerWidth();
        double s = layout.uiScale();
        g.setFill(palette.background());
        g.fillRect(0, layout.axisHeight(), width, layout.height() - layout.axisHeight());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int lane = layout.firstVisibleLane(); lane < layout.endVisibleLane(); lane++) {
            LaneTrack track = ctx.model().lanes().get(lane);
            double top = layout.laneTop(lane);
            double h = layout.laneHeight();
            if (lane % 2 == 1) {
                g.setFill(palette.laneAlt());
                g.fillRect(0, top, width, h);
            }
            double dot = 4 * s;
            g.setFill(statusColor(track.status(), palette, ctx.live()));
            g.fillOval(12 * s - dot, top + h * 0.36 - dot, 2 * dot, 2 * dot);
            g.setFont(ctx.text().bold());
            g.setFill(palette.text());
            g.fillText(name(ctx, track, width - 30 * s), 22 * s, top + h * 0.36);
            g.setFont(ctx.text().small());
            drawCounts(g, ctx, track, 22 * s, top + h * 0.72);
        }
        g.setStroke(palette.border());
        g.setLineWidth(1);
        double edge = RunRenderer.snap(width) - 1;
        g.strokeLine(edge, layout.axisHeight(), edge, layout.height());
    }

    /**
     * The lane's name as it reads (a right-to-left name keeps its tab number on the right), shortened
     * with an ellipsis between whole characters when it is wider than the column; the hover card on
     * the header shows it whole.
     */
    static String name(RenderContext ctx, LaneTrack track, double maxWidth) {
        TextMetrics text = ctx.text();
        return TextCut.fit(IdText.forDisplay(track.id()), maxWidth, t -> text.width(t, text.bold()));
    }

    /**
     * "12 events · 2 ⚠": the second part only when there are findings worse than info, coloured by the
     * worst of them (info notes such as a reconnect are no alarm and are not counted).
     */
    private static void drawCounts(GraphicsContext g, RenderContext ctx, LaneTrack track, double x, double y) {
        String events = track.countLabel();
        g.setFill(ctx.palette().mutedText());
        g.fillText(events, x, y);
        Severity worst = track.worstFinding();
        if (worst != null && track.alarmCount() > 0) {
            g.setFill(ctx.palette().severity(worst));
            g.fillText("· " + track.alarmCount() + " ⚠", x + ctx.text().smallWidth(events) + 4, y);
        }
    }

    /** A recording's lanes are connected to nothing now: only trouble keeps its colour there. */
    private static Color statusColor(LaneEvent.Kind status, Palette palette, boolean live) {
        if (status == null) {
            return palette.grid();
        }
        return switch (status) {
            case CONNECTED -> live ? palette.success() : palette.mutedText();
            case CONNECTING, RECONNECTING -> palette.warning();
            case FAILED -> palette.danger();
            case CLOSED -> palette.mutedText();
        };
    }
}
