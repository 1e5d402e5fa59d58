package dev.aei.ui.feed;

import dev.aei.analysis.Finding;
import dev.aei.capture.Frame;
import dev.aei.capture.LaneEvent;
import dev.aei.inspect.Shown;
import dev.aei.protocol.AgentEvent;
import java.util.List;

/**
 * Everything one drain of a {@link CaptureFeed} returned, each list in arrival order.
 *
 * @param shown      what is shown from this batch on, when that changed just before it (the panels
 *                   start over); null when the batch goes on with what was shown
 * @param lanes      ids of lanes added
 * @param frames     frames appended, with their lane
 * @param laneEvents connection events appended, with their lane
 * @param findings   findings raised
 */
public record FeedBatch(Shown shown, List<String> lanes, List<LaneFrame> frames, List<LaneEventEntry> laneEvents,
                        List<Finding> findings) {

    /** A batch with nothing in it. */
    public static final FeedBatch EMPTY = new FeedBatch(null, List.of(), List.of(), List.of(), List.of());

    public FeedBatch {
        lanes = List.copyOf(lanes);
        frames = List.copyOf(frames);
        laneEvents = List.copyOf(laneEvents);
        findings = List.copyOf(findings);
    }

    /** True when the batch carries nothing. */
    public boolean isEmpty() {
        return shown == null && lanes.isEmpty() && frames.isEmpty() && laneEvents.isEmpty() && findings.isEmpty();
    }

    /** Number of items of all kinds. */
    public int size() {
        return lanes.size() + frames.size() + laneEvents.size() + findings.size();
    }

    /** A frame, the lane it arrived on and the events decoded from it. */
    public record LaneFrame(String lane, Frame frame, List<AgentEvent> events) {
    }

    /** A connection event and the lane it happened to. */
    public record LaneEventEntry(String lane, LaneEvent event) {
    }
}
