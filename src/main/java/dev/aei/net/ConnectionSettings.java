package dev.aei.net;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how every lane of a session connects.
 *
 * @param server        the WebSocket URL, e.g. {@code ws://127.0.0.1:8765/ws}
 * @param authMode      how the JWT is presented
 * @param ticketUrl     where tickets are fetched in {@link AuthMode#TICKET} mode, else null
 * @param pingInterval  how often to ping an idle socket (zero: never)
 * @param maxFrameBytes frames above this size are kept truncated and flagged malformed
 */
public record ConnectionSettings(URI server, AuthMode authMode, URI ticketUrl, Duration pingInterval,
                                 int maxFrameBytes) {

    /** Default frame size limit: 16 MiB. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;

    /** Settings with defaults: ping every 20 s, 16 MiB frames. */
    public static ConnectionSettings of(URI server, AuthMode authMode) {
        return new ConnectionSettings(server, authMode, null, Duration.ofSeconds(20), DEFAULT_MAX_FRAME_BYTES);
    }
}
