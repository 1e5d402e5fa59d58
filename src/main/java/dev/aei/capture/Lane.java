package dev.aei.capture;

import java.util.Map;

/**
 * Everything one test user's connection carried: frames in arrival order plus connection events.
 * A user may have several connections (browser tabs): each is a lane of its own, named
 * {@code alice}, {@code alice #2}, …, all of the same user. Appended to only through its
 * {@link Session}; safe to read from any thread while being written.
 */
public final class Lane {
    private final String id;
    private final String userId;
    private final Map<String, Object> claims;
    private final StampedList<Frame> frames = new StampedList<>();
    private final StampedList<LaneEvent> events = new StampedList<>();
    private final JsonMarks jsonMarks = new JsonMarks();

    Lane(String id, String userId, Map<String, Object> claims) {
        this.id = id;
        this.userId = userId == null || userId.isEmpty() ? id : userId;
        this.claims = Map.copyOf(claims);
    }

    /** The lane id: the connection's name, which is the user id for a user's first connection. */
    public String id() {
        return id;
    }

    /** The test user the connection signed in as (the JWT {@code sub}); compared as an exact string. */
    public String userId() {
        return userId;
    }

    /** True when this lane is one more connection of its user, named apart from the user id. */
    public boolean isExtraConnection() {
        return !id.equals(userId);
    }

    /** The user's JWT claims apart from the standard ones (never a secret). */
    public Map<String, Object> claims() {
        return claims;
    }

    /** Frames in arrival order, each with its stamp; a live view that grows. */
    public StampedList<Frame> frames() {
        return frames;
    }

    /** Connection events in order, each with its stamp; a live view that grows. */
    public StampedList<LaneEvent> events() {
        return events;
    }

    /** The frames the decoder read as one strict JSON object each (a hint for saving). */
    public JsonMarks jsonMarks() {
        return jsonMarks;
    }

    int appendFrame(Frame frame) {
        return frames.append(frame, frame.nanos());
    }

    int nextFrameIndex() {
        return frames.size();
    }

    void appendEvent(LaneEvent event) {
        events.append(event, event.nanos());
    }

    /** The stamp of the lane's last frame or connection event (each list is in stamp order), or 0. */
    public long lastNanos() {
        int frameCount = frames.size();
        int eventCount = events.size();
        long frame = frameCount == 0 ? 0 : frames.stamp(frameCount - 1);
        long event = eventCount == 0 ? 0 : events.stamp(eventCount - 1);
        return Math.max(frame, event);
    }
}
