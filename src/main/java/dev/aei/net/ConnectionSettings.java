package dev.aei.net;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how every lane of a session connects.
 *
 * @param server        the WebSocket URL, e.g. {@code ws://127.0.0.1:8765/ws}
 * @param authMode      how the JWT is presented
 * @param ticketUrl     where tickets are fetched in {@link AuthMode#TICKET} mode, else null
 * @param pingInterval  how often to ping an idle socket (zero: never); a socket that answers no ping
 *                      within one and a half intervals counts as lost
 * @param maxFrameBytes frames above this size are kept truncated and flagged malformed
 * @param reconnect     whether and how a dropped lane reconnects
 * @param tls           how {@code wss://} servers are trusted
 */
public record ConnectionSettings(URI server, AuthMode authMode, URI ticketUrl, Duration pingInterval,
                                 int maxFrameBytes, ReconnectPolicy reconnect, TlsSettings tls) {

    /** Default frame size limit: 16 MiB. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;

    public ConnectionSettings {
        if (maxFrameBytes < 1) {
            throw new IllegalArgumentException("the frame size limit must be positive: " + maxFrameBytes);
        }
        pingInterval = pingInterval == null ? Duration.ZERO : pingInterval;
        reconnect = reconnect == null ? ReconnectPolicy.OFF : reconnect;
        tls = tls == null ? TlsSettings.SYSTEM : tls;
    }

    /** Settings without reconnects, trusting the system trust store. */
    public ConnectionSettings(URI server, AuthMode authMode, URI ticketUrl, Duration pingInterval, int maxFrameBytes) {
        this(server, authMode, ticketUrl, pingInterval, maxFrameBytes, ReconnectPolicy.OFF, TlsSettings.SYSTEM);
    }

    /** Settings with defaults: ping every 20 s, 16 MiB frames, no reconnects, system trust store. */
    public static ConnectionSettings of(URI server, AuthMode authMode) {
        return new ConnectionSettings(server, authMode, null, Duration.ofSeconds(20), DEFAULT_MAX_FRAME_BYTES);
    }

    /** These settings with another ticket URL. */
    public ConnectionSettings withTicketUrl(URI url) {
        return new ConnectionSettings(server, authMode, url, pingInterval, maxFrameBytes, reconnect, tls);
    }

    /** These settings with another ping interval. */
    public ConnectionSettings withPingInterval(Duration interval) {
        return new ConnectionSettings(server, authMode, ticketUrl, interval, maxFrameBytes, reconnect, tls);
    }

    /** These settings with another frame size limit. */
    public ConnectionSettings withMaxFrameBytes(int limit) {
        return new ConnectionSettings(server, authMode, ticketUrl, pingInterval, limit, reconnect, tls);
    }

    /** These settings with another reconnect policy. */
    public ConnectionSettings withReconnect(ReconnectPolicy policy) {
        return new ConnectionSettings(server, authMode, ticketUrl, pingInterval, maxFrameBytes, policy, tls);
    }

    /** These settings with other TLS trust. */
    public ConnectionSettings withTls(TlsSettings trust) {
        return new ConnectionSettings(server, authMode, ticketUrl, pingInterval, maxFrameBytes, reconnect, trust);
    }
}
