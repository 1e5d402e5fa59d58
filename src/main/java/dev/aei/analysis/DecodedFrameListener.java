package dev.aei.analysis;

import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.protocol.AgentEvent;
import java.util.List;

/**
 * Told about each frame with the events the {@link Analyzer} decoded from it, so later stages (the
 * UI feed) reuse that work instead of decoding every frame a second time. Called on the appending
 * thread, before the rules judge the frame, so a frame is always passed on before its findings.
 */
@FunctionalInterface
public interface DecodedFrameListener {

    /** A frame of {@code lane} and the events it carries (possibly none). Must be quick and not throw. */
    void frameDecoded(Lane lane, Frame frame, List<AgentEvent> events);
}
