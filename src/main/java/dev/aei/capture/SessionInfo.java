package dev.aei.capture;

/**
 * How a session was captured: where, how it authenticated and how its frames are read.
 *
 * @param serverUrl        the WebSocket URL, with any token in it redacted
 * @param authMode         header, subprotocol, query or ticket
 * @param profile          the event profile name (netra, ag-ui or a file name)
 * @param startWallMillis  wall-clock time at which the session clock started
 */
public record SessionInfo(String serverUrl, String authMode, String profile, long startWallMillis) {
}
