package dev.aei.bench;

import dev.aei.capture.Session;
import dev.aei.protocol.EventDecoder;

/**
 * What the UI figures run on.
 *
 * @param decoder          the event profile's decoder (timeline glyphs and the live rules)
 * @param bigSession       a finished session for the scale figure (drawn at three zoom levels)
 * @param stream           the live stream for the smoothness figure
 * @param eventsPerSecond  the live stream's rate
 * @param streamSeconds    how long the live stream is measured (after a warm-up)
 * @param redrawsPerZoom   timed redraws per zoom level
 */
public record UiWorkload(EventDecoder decoder, Session bigSession, FrameSource stream, int eventsPerSecond,
                         int streamSeconds, int redrawsPerZoom) {
}
