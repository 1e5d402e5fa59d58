package dev.aei.ui.timeline;

import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * The pill at the right end of the axis saying whether the view follows the newest events: "● LIVE"
 * (or the view's own label, "END" for a recording), or "paused · End resumes" after the user looked
 * back in time. Clicking it toggles following.
 */
final class LiveBadge implements LayerRenderer {
    private static final String PAUSED = "paused · End resumes";

    /** Where the pill is drawn for this context (nowhere, at the right edge, when it has no text). */
    static Rectangle2D bounds(RenderContext ctx) {
        double s = ctx.layout().uiScale();
        if (text(ctx).isEmpty()) {
            return new Rectangle2D(ctx.layout().width(), 0, 0, 0);
        }
        double width = ctx.text().width(text(ctx), ctx.text().smallBold()) + 26 * s;
        double height = ctx.layout().axisHeight() - 10 * s;
        return new Rectangle2D(ctx.layout().width() - width - 6 * s, 5 * s, width, height);
    }

    @Override
    public void draw(GraphicsContext g, RenderContext ctx) {
        if (text(ctx).isEmpty()) {
            return; // a picture for a report: no live state to tell
        }
        Rectangle2D box = bounds(ctx);
        double s = ctx.layout().uiScale();
        Color color = ctx.followLive() ? ctx.palette().success() : ctx.palette().mutedText();
        g.setFill(ctx.palette().background());
        g.fillRoundRect(box.getMinX(), box.getMinY(), box.getWidth(), box.getHeight(), box.getHeight(), box.getHeight());
        g.setStroke(ctx.palette().fade(color, 0.6));
        g.setLineWidth(1);
        g.strokeRoundRect(box.getMinX() + 0.5, box.getMinY() + 0.5, box.getWidth() - 1, box.getHeight() - 1,
                box.getHeight(), box.getHeight());
        double cy = box.getMinY() + box.getHeight() / 2;
        double dot = 3.5 * s;
        g.setFill(color);
        if (ctx.followLive()) {
            g.fillOval(box.getMinX() + 9 * s - dot, cy - dot, 2 * dot, 2 * dot);
        } else {
            g.fillRect(box.getMinX() + 9 * s - dot, cy - dot, dot * 0.8, 2 * dot);
            g.fillRect(box.getMinX() + 9 * s + dot * 0.2, cy - dot, dot * 0.8, 2 * dot);
        }
        g.setFont(ctx.text().smallBold());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text(ctx), box.getMinX() + 17 * s, cy);
    }

    /** A recording (END, REPLAY n/N) always says what is shown; live says when it is paused. */
    private static String text(RenderContext ctx) {
        String label = ctx.liveLabel() == null ? "" : ctx.liveLabel();
        return ctx.followLive() || !ctx.live() ? label : PAUSED;
    }
}
