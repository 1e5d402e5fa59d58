package dev.aei.ui.timeline;

import dev.aei.analysis.Severity;
import dev.aei.protocol.EventRole;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * A one-line key to the timeline's marks (▶ started, ◆ thinking, tool call, ■ completed, ✖ error,
 * prompt sent, malformed, finding), drawn with the timeline's own painter and colours so it always
 * matches it. Place it under or above the timeline: {@code new TimelineLegend(timeline)}.
 */
public final class TimelineLegend extends HBox {
    private static final double ICON = 14;

    private final TimelineView timeline;
    private final GlyphPainter painter = new GlyphPainter();
    private final List<Runnable> repaints = new ArrayList<>();
    private Palette painted;

    public TimelineLegend(TimelineView timeline) {
        this.timeline = timeline;
        getStyleClass().add("timeline-legend");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(14);
        role(EventRole.STARTED, "started");
        role(EventRole.THINKING, "thinking");
        entry("tool call", (g, p) -> {
            g.setFill(p.background().interpolate(p.tool(), 0.14));
            g.fillRoundRect(1, 3, ICON - 2, ICON - 6, 5, 5);
            g.setStroke(p.fade(p.tool(), 0.75));
            g.strokeRoundRect(1, 3, ICON - 2, ICON - 6, 5, 5);
        });
        role(EventRole.COMPLETED, "completed");
        role(EventRole.ERROR, "error");
        role(EventRole.OUTGOING, "prompt sent");
        role(EventRole.MALFORMED, "malformed");
        entry("finding", (g, p) -> {
            g.setFill(p.severity(Severity.CRITICAL));
            g.fillPolygon(new double[] {1, ICON - 1, ICON / 2}, new double[] {ICON - 2, ICON - 2, 1}, 3);
        });
        timeline.revisionProperty().addListener(o -> repaintIfThemeChanged());
        repaintIfThemeChanged();
    }

    private void repaintIfThemeChanged() {
        Palette palette = timeline.palette();
        if (!palette.equals(painted)) {
            painted = palette;
            repaints.forEach(Runnable::run);
        }
    }

    private void role(EventRole role, String text) {
        entry(text, (g, p) -> painter.paint(g, role, ICON / 2, ICON / 2, ICON * 0.4, p));
    }

    private void entry(String text, BiConsumer<GraphicsContext, Palette> icon) {
        Canvas canvas = new Canvas(ICON, ICON);
        repaints.add(() -> {
            GraphicsContext g = canvas.getGraphicsContext2D();
            g.clearRect(0, 0, ICON, ICON);
            icon.accept(g, painted);
        });
        Label label = new Label(text, canvas);
        label.getStyleClass().add("timeline-legend-entry");
        getChildren().add(label);
    }
}
