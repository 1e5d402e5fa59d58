package dev.aei.capture;

/**
 * Told about everything appended to a session, on the thread that appended it and in stamp order,
 * inside the session's lock. Implementations must be quick and must not throw; they never touch a
 * UI toolkit.
 */
public interface CaptureListener {

    /** A lane was added to the session. */
    default void laneAdded(Lane lane) {
    }

    /** A frame was appended to a lane. */
    default void frameAppended(Lane lane, Frame frame) {
    }

    /** A connection event was appended to a lane. */
    default void laneEventAppended(Lane lane, LaneEvent event) {
    }

    /**
     * Called on the appending thread after each append, once the session's lock is released: for
     * work too slow to do while every other capturing thread waits for that lock. Must not throw.
     */
    default void afterAppend() {
    }
}
