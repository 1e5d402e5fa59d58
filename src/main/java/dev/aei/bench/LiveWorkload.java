package dev.aei.bench;

import dev.aei.protocol.EventDecoder;

/**
 * What the smoothness figure streams into the main window.
 *
 * @param decoder          the event profile's decoder (the window's rules and timeline glyphs)
 * @param stream           the live stream
 * @param eventsPerSecond  the live stream's rate
 * @param streamSeconds    how long the live stream is measured (after a warm-up)
 */
public record LiveWorkload(EventDecoder decoder, FrameSource stream, int eventsPerSecond, int streamSeconds) {
}
