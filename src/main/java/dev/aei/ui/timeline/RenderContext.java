package dev.aei.ui.timeline;

/**
 * Everything one redraw needs, shared by the layer renderers.
 *
 * @param model    the data
 * @param scale    time to pixels (pixel 0 = left edge of the plot)
 * @param layout   where lanes, axis and header sit
 * @param palette  the colours
 * @param text     fonts and text widths
 * @param selected the selected frame, or null
 * @param hovered  the hovered frame, or null
 * @param followLive true while the view follows live events
 * @param liveLabel  what the badge calls following: "LIVE", or "END" for a recording
 */
record RenderContext(TimelineModel model, TimeScale scale, LaneLayout layout, Palette palette, TextMetrics text,
                     FrameRef selected, FrameRef hovered, boolean followLive, String liveLabel) {

    /** True while the live session is shown, not a recording. */
    boolean live() {
        return TimelineView.LIVE.equals(liveLabel);
    }

    /** Canvas x of a session-clock instant. */
    double x(long nanos) {
        return layout.plotLeft() + scale.x(nanos);
    }

    /** Half the size of an event glyph, in pixels. */
    double glyphRadius() {
        return 5.5 * layout.uiScale();
    }

    /** The newest instant of the capture: open runs and tool calls are drawn up to it. */
    long now() {
        return model.lastNanos();
    }

    /** The first time that can show (a glyph's width left of the plot). */
    long visibleFrom() {
        return scale.nanos(-2 * glyphRadius());
    }

    /** The last time that can show (a glyph's width right of the plot). */
    long visibleTo() {
        return scale.nanos(scale.width() + 2 * glyphRadius());
    }
}
