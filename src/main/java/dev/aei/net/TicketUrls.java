package dev.aei.net;

import dev.aei.protocol.TicketExchange;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Where tickets are fetched: an explicit URL, else the profile's ticket path on the WebSocket server's host. */
public final class TicketUrls {
    private TicketUrls() {
    }

    /** The ticket URL, or null when neither an explicit URL nor a profile path is known. */
    public static URI resolve(URI server, URI explicit, TicketExchange exchange) {
        if (explicit != null) {
            return explicit;
        }
        if (exchange == null || exchange.path() == null || server == null || server.getHost() == null) {
            return null;
        }
        String scheme = "wss".equals(String.valueOf(server.getScheme()).toLowerCase(Locale.ROOT)) ? "https" : "http";
        try {
            return new URI(scheme, null, server.getHost(), server.getPort(), exchange.path(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot build a ticket URL from " + server + " and " + exchange.path(), e);
        }
    }
}
