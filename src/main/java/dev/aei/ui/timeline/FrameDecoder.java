package dev.aei.ui.timeline;

import dev.aei.capture.Frame;
import dev.aei.protocol.AgentEvent;
import java.util.List;

/** Turns one frame of a lane into its events; {@code EventDecoder::decode} is the usual one. */
@FunctionalInterface
public interface FrameDecoder {

    /** The events the frame carries; may be empty. */
    List<AgentEvent> decode(String lane, Frame frame);
}
