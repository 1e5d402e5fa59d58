package dev.aei.net;

/**
 * A lane's connection state as a user sees it.
 *
 * @param status where the connection is
 * @param code   HTTP status of a failed handshake or the close code, else 0
 * @param detail a short human-readable reason (never a token), or empty
 */
public record LaneState(Status status, int code, String detail) {

    /** The steps of a connection's life. */
    public enum Status {
        IDLE, CONNECTING, CONNECTED, FAILED, CLOSED, RECONNECTING
    }

    public static final LaneState IDLE = new LaneState(Status.IDLE, 0, "");
}
