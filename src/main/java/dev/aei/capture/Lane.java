package dev.aei.capture;

import java.util.List;
import java.util.Map;

/**
 * Everything one test user's connection carried: frames in arrival order plus connection events.
 * Appended to only through its {@link Session}; safe to read from any thread while being written.
 */
public final class Lane {
    private final String id;
    private final Map<String, Object> claims;
    private final AppendOnlyList<Frame> frames = new AppendOnlyList<>();
    private final AppendOnlyList<LaneEvent> events = new AppendOnlyList<>();

    Lane(String id, Map<String, Object> claims) {
        this.id = id;
        this.claims = Map.copyOf(claims);
    }

    /** The lane id: the test user's id, which is also the JWT {@code sub}. */
    public String id() {
        return id;
    }

    /** The user's JWT claims apart from the standard ones (never a secret). */
    public Map<String, Object> claims() {
        return claims;
    }

    /** Frames in arrival order; a live view that grows. */
    public List<Frame> frames() {
        return frames;
    }

    /** Connection events in order; a live view that grows. */
    public List<LaneEvent> events() {
        return events;
    }

    int appendFrame(Frame frame) {
        return frames.append(frame);
    }

    int nextFrameIndex() {
        return frames.size();
    }

    void appendEvent(LaneEvent event) {
        events.append(event);
    }
}
