package dev.aei.inspect;

import dev.aei.analysis.RuleConfig;
import dev.aei.net.AuthMode;
import dev.aei.net.ConnectionSettings;
import dev.aei.net.ReconnectPolicy;
import dev.aei.net.TicketUrls;
import dev.aei.net.TlsSettings;
import dev.aei.protocol.ClientProfile;
import java.net.URI;
import java.time.Duration;

/**
 * Everything a live inspection needs to sign users in and judge what they receive; the window and
 * the command line both describe their session with one of these.
 *
 * @param server        the WebSocket URL
 * @param auth          how the token is presented
 * @param ticketUrl     where tickets are fetched in ticket mode; null means the profile's ticket path
 *                      on the server's host
 * @param profile       the event profile: a shipped name or a file
 * @param client        how the client speaks (claims, templates, pings); null means the profile's own
 * @param tokens        how tokens are made
 * @param pingInterval  how often idle sockets are pinged (zero: never)
 * @param maxFrameBytes frames above this size are kept truncated and flagged
 * @param reconnect     whether dropped lanes reconnect
 * @param tls           how {@code wss://} servers are trusted
 * @param rules         which rules run, with their thresholds
 */
public record LiveSettings(URI server, AuthMode auth, URI ticketUrl, String profile, ClientProfile client,
                           TokenSettings tokens, Duration pingInterval, int maxFrameBytes, ReconnectPolicy reconnect,
                           TlsSettings tls, RuleConfig rules) {

    public LiveSettings {
        if (server == null) {
            throw new IllegalArgumentException("a live session needs a server URL");
        }
        auth = auth == null ? AuthMode.HEADER : auth;
        profile = profile == null || profile.isBlank() ? "netra" : profile;
        pingInterval = pingInterval == null ? Duration.ofSeconds(20) : pingInterval;
        maxFrameBytes = maxFrameBytes < 1 ? ConnectionSettings.DEFAULT_MAX_FRAME_BYTES : maxFrameBytes;
        reconnect = reconnect == null ? ReconnectPolicy.OFF : reconnect;
        tls = tls == null ? TlsSettings.SYSTEM : tls;
        rules = rules == null ? RuleConfig.defaults() : rules;
    }

    /** Settings with defaults for everything but where, how and as whom to connect. */
    public static LiveSettings of(URI server, AuthMode auth, String profile, TokenSettings tokens) {
        return new LiveSettings(server, auth, null, profile, null, tokens, null, 0, null, null, null);
    }

    /** These settings with another ticket URL (null: the profile's path). */
    public LiveSettings withTicketUrl(URI url) {
        return new LiveSettings(server, auth, url, profile, client, tokens, pingInterval, maxFrameBytes, reconnect,
                tls, rules);
    }

    /** These settings judged by other rules. */
    public LiveSettings withRules(RuleConfig config) {
        return new LiveSettings(server, auth, ticketUrl, profile, client, tokens, pingInterval, maxFrameBytes,
                reconnect, tls, config);
    }

    /** The client profile in use: the one given, or the event profile's own. */
    public ClientProfile clientProfile() {
        return client != null ? client : ClientProfile.load(profile);
    }

    /**
     * Where and how sockets open; the ticket URL falls back to the profile's ticket path.
     *
     * @throws IllegalArgumentException in ticket mode when no ticket URL can be found
     */
    public ConnectionSettings connection(ClientProfile clientProfile) {
        URI tickets = null;
        if (auth == AuthMode.TICKET) {
            tickets = TicketUrls.resolve(server, ticketUrl, clientProfile.ticket());
            if (tickets == null) {
                throw new IllegalArgumentException("ticket mode needs a ticket URL: the event profile names no ticket path");
            }
        }
        return new ConnectionSettings(server, auth, tickets, pingInterval, maxFrameBytes, reconnect, tls);
    }
}
