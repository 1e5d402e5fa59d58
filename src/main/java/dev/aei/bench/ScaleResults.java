package dev.aei.bench;

/**
 * What the timeline scale figure measured.
 *
 * @param emptyRedrawP99Ms  redraw p99 of the timeline with its lanes but no events (reference)
 * @param redrawP99Ms       redraw p99 at full zoom-out, mid zoom and full zoom-in, in that order
 * @param panPulseP99Ms     pulse interval p99 while panning at each zoom level (includes rendering)
 * @param timelineEvents    events on the timeline
 */
public record ScaleResults(double emptyRedrawP99Ms, double[] redrawP99Ms, double[] panPulseP99Ms,
                           long timelineEvents) {
}
