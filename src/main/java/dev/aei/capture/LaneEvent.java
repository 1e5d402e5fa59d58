package dev.aei.capture;

/**
 * Something that happened to a lane's connection rather than a frame on it.
 *
 * @param kind       what happened
 * @param nanos      when, on the session clock
 * @param wallMillis when, wall clock
 * @param code       close code or HTTP status where there is one, else 0
 * @param detail     close reason, error text or URL; never a token
 */
public record LaneEvent(Kind kind, long nanos, long wallMillis, int code, String detail) {

    /** The connection lifecycle steps a lane goes through. */
    public enum Kind {
        CONNECTING, CONNECTED, FAILED, CLOSED, RECONNECTING
    }
}
