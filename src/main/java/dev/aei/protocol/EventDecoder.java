package dev.aei.protocol;

import dev.aei.capture.Frame;
import java.util.List;

/**
 * Reads frames through a {@link Profile}: each frame gives one event, or several for a batch.
 * Never throws on bad input: malformed, binary and unknown frames come back as events with
 * the matching role. Thread-safe.
 */
public final class EventDecoder {
    private final Profile profile;

    public EventDecoder(Profile profile) {
        this.profile = profile;
    }

    public Profile profile() {
        return profile;
    }

    /** The events a frame of a lane carries (an OUT frame gives one OUTGOING event). */
    public List<AgentEvent> decode(String lane, Frame frame) {
        throw new UnsupportedOperationException("not built yet");
    }
}
