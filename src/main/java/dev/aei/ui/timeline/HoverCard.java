package dev.aei.ui.timeline;

import dev.aei.analysis.Finding;
import dev.aei.capture.Frame;
import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.IdText;
import dev.aei.protocol.TextCut;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The small card next to the pointer telling what the hovered event or finding is: type and
 * tool, run, receive time and seq, or the finding's rule and message. Its text is made once per
 * hover change (decoding that one frame).
 *
 * @param lines    the card's lines, the first one the title
 * @param lane     the lane it is anchored on
 * @param nanos    the instant it is anchored at
 * @param atHeader true when it is anchored on the lane's name in the header column instead
 */
record HoverCard(List<String> lines, String lane, long nanos, boolean atHeader) {

    /** A card anchored at an instant of a lane. */
    HoverCard(List<String> lines, String lane, long nanos) {
        this(lines, lane, nanos, false);
    }

    /** The card for a lane's name in the header: the whole name, whatever the column cut off, and its counts. */
    static HoverCard ofLane(LaneTrack track) {
        List<String> lines = new ArrayList<>();
        lines.add(IdText.forDisplay(track.id()));
        lines.add(track.countLabel()
                + (track.findings().isEmpty() ? "" : " · " + track.findings().size() + " findings"));
        return new HoverCard(List.copyOf(lines), track.id(), 0, true);
    }

    /** The card for a finding marker. */
    static HoverCard of(LaneTrack.FindingMark mark, TimeScale scale) {
        Finding finding = mark.finding();
        List<String> lines = new ArrayList<>();
        lines.add(finding.severity().name() + " · " + finding.rule());
        lines.add(IdText.leftToRight(finding.message()));
        if (finding.runId() != null) {
            lines.add("run " + finding.runId());
        }
        lines.add(scale.clockTime(mark.nanos()) + " · " + IdText.forDisplay(finding.lane())
                + (finding.frames().isEmpty() ? "" : " · frames " + finding.frames()));
        return new HoverCard(List.copyOf(lines), finding.lane(), mark.nanos());
    }

    /** The card for a frame, or null when the frame is unknown. */
    static HoverCard of(TimelineModel model, FrameRef ref, TimeScale scale) {
        LaneTrack lane = model.find(ref.lane());
        Frame frame = lane == null ? null : lane.frame(ref.frame());
        if (frame == null) {
            return null;
        }
        List<AgentEvent> events = model.decode(ref.lane(), frame);
        List<String> lines = new ArrayList<>();
        if (events.isEmpty()) {
            lines.add("frame " + frame.index());
        } else {
            AgentEvent event = events.get(0);
            String type = event.type() != null ? event.type() : event.role().name().toLowerCase(Locale.ROOT) + " frame";
            lines.add(type + (event.toolName() != null ? " · " + event.toolName() : "")
                    + (events.size() > 1 ? "  (+" + (events.size() - 1) + " more)" : ""));
            if (event.runId() != null) {
                lines.add("run " + event.runId());
            }
            lines.add(scale.clockTime(frame.nanos()) + (event.seq() != null ? " · seq " + event.seq() : ""));
            if (event.problem() != null) {
                lines.add(event.problem());
            }
        }
        lines.add(IdText.forDisplay(ref.lane()) + " · frame " + frame.index() + " · " + frame.direction().name().toLowerCase(Locale.ROOT));
        return new HoverCard(List.copyOf(lines), ref.lane(), frame.nanos());
    }

    /** Draws the card below-right of (x, y), kept inside the canvas. */
    void draw(GraphicsContext g, RenderContext ctx, double x, double y) {
        TextMetrics text = ctx.text();
        LaneLayout layout = ctx.layout();
        double s = layout.uiScale();
        double lineHeight = text.small().getSize() * 1.45;
        double pad = 8 * s;
        double width = text.width(lines.get(0), text.smallBold());
        for (String line : lines) {
            width = Math.max(width, text.smallWidth(line));
        }
        width = Math.min(width + 2 * pad, layout.width() * 0.8);
        double height = lines.size() * lineHeight + 2 * pad - lineHeight * 0.3;
        double left = Math.min(x + 14 * s, layout.width() - width - 4);
        double top = y + 16 * s + height > layout.height() ? y - height - 10 * s : y + 16 * s;
        g.setFill(ctx.palette().background());
        g.fillRoundRect(left, top, width, height, 8 * s, 8 * s);
        g.setStroke(ctx.palette().border());
        g.setLineWidth(1);
        g.strokeRoundRect(RunRenderer.snap(left), RunRenderer.snap(top), width, height, 8 * s, 8 * s);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < lines.size(); i++) {
            Font font = i == 0 ? text.smallBold() : text.small();
            g.setFont(font);
            g.setFill(i == 0 ? ctx.palette().text() : ctx.palette().mutedText());
            // shortened between whole characters rather than squeezed
            g.fillText(TextCut.fit(lines.get(i), width - 2 * pad, t -> text.width(t, font)), left + pad,
                    top + pad + i * lineHeight);
        }
    }
}
