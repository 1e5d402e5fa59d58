package dev.aei.ui.timeline;

import dev.aei.capture.LaneEvent;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * Connection marks: a short bar where a lane connected, closed, failed or reconnected; failures
 * and abnormal closes carry their code and reason, e.g. {@code 401 Unauthorized}.
 */
final class LaneEventRenderer implements LayerRenderer {
    private static final int NORMAL_CLOSE = 1000;
    /** Opacity of the dashed waiting line: faint, yet readable against both themes. */
    static final double WAIT_OPACITY = 0.9;

    @Override
    public void draw(GraphicsContext g, RenderContext ctx) {
        LaneLayout layout = ctx.layout();
        double s = layout.uiScale();
        g.setFont(ctx.text().small());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int lane = layout.firstVisibleLane(); lane < layout.endVisibleLane(); lane++) {
            double top = layout.laneTop(lane);
            double h = layout.laneHeight();
            double lastX = Double.NEGATIVE_INFINITY;
            double labelEnd = Double.NEGATIVE_INFINITY;
            double connectingX = Double.NaN;
            for (LaneEvent event : ctx.model().lanes().get(lane).laneEvents()) {
                if (event.kind() == LaneEvent.Kind.CONNECTING || event.kind() == LaneEvent.Kind.RECONNECTING) {
                    connectingX = ctx.x(event.nanos());
                } else if (!Double.isNaN(connectingX)) {
                    waiting(g, ctx, connectingX, ctx.x(event.nanos()), top + h / 2);
                    connectingX = Double.NaN;
                }
                if (event.kind() == LaneEvent.Kind.CONNECTING) {
                    continue;
                }
                double x = ctx.x(event.nanos());
                if (x < layout.plotLeft() - 200 * s || x > layout.width() || x - lastX < 2) {
                    continue;
                }
                lastX = x;
                Color color = color(event, ctx.palette());
                g.setStroke(color);
                g.setLineWidth(2 * s);
                double snapped = RunRenderer.snap(x);
                g.strokeLine(snapped, top + h * 0.2, snapped, top + h * 0.8);
                String label = label(event);
                // a label that would run into the one before it is left out (its mark stays)
                if (label != null && x + 5 * s > labelEnd) {
                    double width = Math.min(ctx.text().smallWidth(label), 240 * s);
                    g.setFill(color);
                    g.fillText(label, x + 5 * s, top + h * 0.5, 240 * s);
                    labelEnd = x + 5 * s + width + 6 * s;
                }
            }
        }
    }

    /** A dotted line while a connection is being set up: where the time before the first frame went. */
    private static void waiting(GraphicsContext g, RenderContext ctx, double from, double to, double y) {
        g.setStroke(ctx.palette().fade(ctx.palette().mutedText(), WAIT_OPACITY));
        g.setLineWidth(1.2 * ctx.layout().uiScale());
        g.setLineDashes(2 * ctx.layout().uiScale(), 3 * ctx.layout().uiScale());
        g.strokeLine(Math.max(from, ctx.layout().plotLeft() - 1), y, to, y);
        g.setLineDashes((double[]) null);
    }

    private static Color color(LaneEvent event, Palette palette) {
        return switch (event.kind()) {
            case CONNECTED -> palette.success();
            case FAILED -> palette.danger();
            case RECONNECTING, CONNECTING -> palette.warning();
            case CLOSED -> abnormal(event) ? palette.danger() : palette.mutedText();
        };
    }

    /** Text next to the mark; null for ordinary connects and clean closes. */
    private static String label(LaneEvent event) {
        // worded as the users table words a lane's state: "failed · connection refused"
        String detail = event.detail() == null || event.detail().isBlank() ? "" : " · " + event.detail();
        return switch (event.kind()) {
            case FAILED -> (event.code() > 0 ? event.code() + "" : "failed") + detail;
            case CLOSED -> !abnormal(event) ? null : detail.isEmpty() ? "closed " + event.code() : event.code() + detail;
            case RECONNECTING -> "reconnecting";
            default -> null;
        };
    }

    private static boolean abnormal(LaneEvent event) {
        return event.code() != NORMAL_CLOSE && event.code() != 0;
    }
}
