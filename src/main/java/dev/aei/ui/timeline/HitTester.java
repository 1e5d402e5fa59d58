package dev.aei.ui.timeline;

import dev.aei.protocol.EventRole;

/** Finds the event glyph under a point: the nearest drawn one within a few pixels. */
final class HitTester {
    private static final double TOLERANCE = 8;

    private HitTester() {
    }

    /** The frame whose glyph is nearest to (x, y) on the canvas, or null when none is close. */
    static FrameRef frameAt(RenderContext ctx, double x, double y) {
        LaneLayout layout = ctx.layout();
        int lane = layout.laneAt(y);
        if (lane < 0 || x < layout.plotLeft()) {
            return null;
        }
        LaneTrack track = ctx.model().lanes().get(lane);
        EventColumns events = track.events();
        double tolerance = TOLERANCE * layout.uiScale();
        double plotX = x - layout.plotLeft();
        int from = events.firstAtOrAfter(ctx.scale().nanos(plotX - tolerance));
        int to = events.firstAtOrAfter(ctx.scale().nanos(plotX + tolerance) + 1);
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int i = from; i < to; i++) {
            if (events.role(i) == EventRole.IGNORE) {
                continue;
            }
            double distance = Math.abs(ctx.x(events.nanos(i)) - x);
            if (distance < bestDistance
                    || distance == bestDistance && GlyphPainter.importance(events.roleOrdinal(i))
                    > GlyphPainter.importance(events.roleOrdinal(best))) {
                best = i;
                bestDistance = distance;
            }
        }
        return best < 0 ? null : new FrameRef(track.id(), events.frame(best));
    }

    /** The finding marker under (x, y): near its sign in the upper part of its lane; or null. */
    static LaneTrack.FindingMark findingAt(RenderContext ctx, double x, double y) {
        LaneLayout layout = ctx.layout();
        int lane = layout.laneAt(y);
        if (lane < 0 || x < layout.plotLeft() || y > layout.laneTop(lane) + layout.laneHeight() * 0.45) {
            return null;
        }
        LaneTrack.FindingMark best = null;
        double bestDistance = TOLERANCE * layout.uiScale();
        for (LaneTrack.FindingMark mark : ctx.model().lanes().get(lane).findings()) {
            double distance = Math.abs(ctx.x(mark.nanos()) - x);
            if (distance <= bestDistance) {
                best = mark;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** The lane whose name in the header column is under (x, y), or null. */
    static LaneTrack headerAt(RenderContext ctx, double x, double y) {
        LaneLayout layout = ctx.layout();
        int lane = layout.laneAt(y);
        return lane < 0 || x >= layout.plotLeft() ? null : ctx.model().lanes().get(lane);
    }

    /** The lane index of a frame reference, or -1. */
    static int laneIndex(TimelineModel model, FrameRef ref) {
        for (int i = 0; i < model.lanes().size(); i++) {
            if (model.lanes().get(i).id().equals(ref.lane())) {
                return i;
            }
        }
        return -1;
    }
}
