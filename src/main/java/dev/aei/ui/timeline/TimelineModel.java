package dev.aei.ui.timeline;

import dev.aei.analysis.Finding;
import dev.aei.capture.Frame;
import dev.aei.capture.LaneEvent;
import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.EventRole;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** All lanes the timeline shows, in the order they appeared, and the time they cover. */
final class TimelineModel {
    private final FrameDecoder decoder;
    private Interner strings = new Interner();
    private final Map<String, LaneTrack> byId = new HashMap<>();
    private final List<LaneTrack> lanes = new ArrayList<>();
    private long firstNanos = Long.MAX_VALUE;
    private long lastNanos = Long.MIN_VALUE;
    private long originWallMillis = Long.MIN_VALUE;

    TimelineModel(FrameDecoder decoder) {
        this.decoder = decoder;
    }

    /** The lane with this id, added at the bottom if new. */
    LaneTrack lane(String id) {
        LaneTrack lane = byId.get(id);
        if (lane == null) {
            lane = new LaneTrack(id);
            byId.put(id, lane);
            lanes.add(lane);
        }
        return lane;
    }

    /** The lane with this id, or null. */
    LaneTrack find(String id) {
        return byId.get(id);
    }

    List<LaneTrack> lanes() {
        return Collections.unmodifiableList(lanes);
    }

    /** Adds a frame, decoding it. */
    void addFrame(String laneId, Frame frame) {
        addFrame(laneId, frame, decode(laneId, frame));
    }

    /** Adds a frame already decoded into {@code events}. */
    void addFrame(String laneId, Frame frame, List<AgentEvent> events) {
        lane(laneId).addFrame(frame, events, strings);
        extend(frame.nanos(), frame.wallMillis());
    }

    void addLaneEvent(String laneId, LaneEvent event) {
        lane(laneId).addLaneEvent(event);
        extend(event.nanos(), event.wallMillis());
    }

    void addFinding(Finding finding) {
        lane(finding.lane()).addFinding(finding);
    }

    /** The events of a frame; a decoder failure shows as one malformed event, never an exception. */
    List<AgentEvent> decode(String laneId, Frame frame) {
        try {
            return decoder.decode(laneId, frame);
        } catch (RuntimeException e) {
            return List.of(new AgentEvent(laneId, frame.index(), frame.nanos(), null, EventRole.MALFORMED,
                    null, null, null, null, null, null, null, 1, null, String.valueOf(e.getMessage())));
        }
    }

    String string(int id) {
        return strings.string(id);
    }

    void clear() {
        strings = new Interner();
        byId.clear();
        lanes.clear();
        firstNanos = Long.MAX_VALUE;
        lastNanos = Long.MIN_VALUE;
        originWallMillis = Long.MIN_VALUE;
    }

    /** True before anything timed arrived. */
    boolean isEmpty() {
        return lastNanos == Long.MIN_VALUE;
    }

    long firstNanos() {
        return isEmpty() ? 0 : firstNanos;
    }

    long lastNanos() {
        return isEmpty() ? 0 : lastNanos;
    }

    /** Wall-clock millis of session-clock zero, learnt from the first timed item. */
    long originWallMillis() {
        return originWallMillis == Long.MIN_VALUE ? System.currentTimeMillis() : originWallMillis;
    }

    private void extend(long nanos, long wallMillis) {
        if (originWallMillis == Long.MIN_VALUE) {
            originWallMillis = wallMillis - nanos / 1_000_000;
        }
        firstNanos = Math.min(firstNanos, nanos);
        lastNanos = Math.max(lastNanos, nanos);
    }
}
