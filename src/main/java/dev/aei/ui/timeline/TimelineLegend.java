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
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/**
 * The key to every mark the timeline draws (event glyphs, run and tool spans, connection marks, the
 * dashed connecting line and finding signs), drawn with the timeline's own painters and colours so it
 * always matches it. It wraps onto more lines when narrow. Place it under or above the timeline:
 * {@code new TimelineLegend(timeline)}.
 */
public final class TimelineLegend extends FlowPane {
    private static final double ICON = 14;
    private static final double WIDE = 26;

    private final TimelineView timeline;
    private final GlyphPainter painter = new GlyphPainter();
    private final List<Runnable> repaints = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private Palette painted;
    /** Held here: the timeline holds it weakly, so a legend (one per help dialog) can go away. */
    private final javafx.beans.InvalidationListener onRevision = o -> repaintIfThemeChanged();

    public TimelineLegend(TimelineView timeline) {
        this.timeline = timeline;
        getStyleClass().add("timeline-legend");
        setId("timeline-legend");
        setAlignment(Pos.CENTER_LEFT);
        setHgap(12);
        setVgap(2);
        events();
        spans();
        connections();
        findings();
        timeline.revisionProperty().addListener(new javafx.beans.WeakInvalidationListener(onRevision));
        repaintIfThemeChanged();
    }

    private void events() {
        role(EventRole.STARTED, "run started", "The agent started a run.");
        role(EventRole.THINKING, "thinking", "The agent reported a thought or progress.");
        role(EventRole.COMPLETED, "completed", "The run completed.");
        role(EventRole.ERROR, "error", "The agent reported an error.");
        role(EventRole.OUTGOING, "prompt sent",
                "A message this tool sent (a prompt, a reply); keep-alive pings, sent or received, are small grey dots.");
        role(EventRole.MALFORMED, "malformed", "A frame that is not valid JSON or lacks its type.");
        role(EventRole.UNKNOWN, "unknown type", "An event type the profile does not know.");
        role(EventRole.BINARY, "binary", "A binary frame.");
        role(EventRole.CONNECTION, "connection event", "A connection-level event the backend sent.");
    }

    private void spans() {
        entry("a run", WIDE, "From a run's first event to its end; red when it ended in an error.", (g, p) -> {
            g.setFill(p.fade(p.accent(), RunRenderer.BAND_OPACITY));
            g.fillRect(2, ICON / 2 - 1.25, WIDE - 4, 2.5);
            g.setStroke(p.fade(p.accent(), RunRenderer.BAND_OPACITY));
            g.setLineWidth(1);
            g.strokeLine(2.5, 3, 2.5, ICON - 3);
            g.strokeLine(WIDE - 2.5, 3, WIDE - 2.5, ICON - 3);
        });
        entry("tool call", WIDE, "A tool call, from tool start to tool end, with the tool's name.", (g, p) -> {
            g.setFill(p.background().interpolate(p.tool(), ToolSpanRenderer.FILL_TINT));
            g.fillRoundRect(1, 3, WIDE - 2, ICON - 6, 5, 5);
            g.setStroke(p.tool());
            g.setLineWidth(1);
            g.strokeRoundRect(1, 3, WIDE - 2, ICON - 6, 5, 5);
            g.setFill(p.tool());
            g.fillOval(3, ICON / 2 - 1.5, 3, 3);
            g.fillOval(WIDE - 6, ICON / 2 - 1.5, 3, 3);
        });
    }

    private void connections() {
        entry("connected / closed", ICON, "A bar where a connection opened (green), closed, failed (red, with "
                + "its code) or reconnected (amber).", (g, p) -> {
                    g.setStroke(p.success());
                    g.setLineWidth(2);
                    g.strokeLine(ICON / 2, 2, ICON / 2, ICON - 2);
                });
        entry("connecting", WIDE, "Dashed: the time a connection took to open, before its first frame.",
                (g, p) -> {
                    g.setStroke(p.fade(p.mutedText(), LaneEventRenderer.WAIT_OPACITY));
                    g.setLineWidth(1.2);
                    g.setLineDashes(2, 3);
                    g.strokeLine(1, ICON / 2, WIDE - 1, ICON / 2);
                    g.setLineDashes((double[]) null);
                });
    }

    /** One entry for the four finding signs, worst first, so the legend stays short. */
    private void findings() {
        Severity[] all = Severity.values();
        double width = all.length * ICON;
        entry("findings: critical · error · warning · info", width, "A finding at its first frame, by severity: "
                + "critical (a leak) large with a line through the lane and the rule's name; hover a sign for what "
                + "it says.", (g, p) -> {
                    for (int i = 0; i < all.length; i++) {
                        double size = all[i] == Severity.CRITICAL ? 6 : 4.5;
                        FindingRenderer.sign(g, p, ICON * i + ICON / 2, ICON / 2 + size * 0.2, size,
                                p.severity(all[i]));
                    }
                });
    }

    private void repaintIfThemeChanged() {
        Palette palette = timeline.palette();
        if (!palette.equals(painted)) {
            painted = palette;
            repaints.forEach(Runnable::run);
        }
    }

    private void role(EventRole role, String text, String tip) {
        entry(text, ICON, tip, (g, p) -> painter.paint(g, role, ICON / 2, ICON / 2, ICON * 0.4, p));
    }

    private void entry(String text, double width, String tip, BiConsumer<GraphicsContext, Palette> icon) {
        Canvas canvas = new Canvas(width, ICON);
        repaints.add(() -> {
            GraphicsContext g = canvas.getGraphicsContext2D();
            g.clearRect(0, 0, width, ICON);
            icon.accept(g, painted);
        });
        Label label = new Label(text, canvas);
        label.getStyleClass().add("timeline-legend-entry");
        label.setTooltip(new Tooltip(tip));
        getChildren().add(label);
        texts.add(text);
    }

    /** What each entry says, in order (for the help text and tests). */
    public List<String> entries() {
        return List.copyOf(texts);
    }
}
