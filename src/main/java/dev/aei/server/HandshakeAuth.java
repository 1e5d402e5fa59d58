package dev.aei.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.java_websocket.handshake.ClientHandshake;

/**
 * Finds who is connecting from the upgrade request, in all four auth modes: {@code Authorization:
 * Bearer}, subprotocol {@code jwt.<JWT>}, {@code ?token=} and a one-time {@code ?ticket=}.
 */
final class HandshakeAuth {

    /** The subprotocol prefix that carries a token. */
    static final String SUBPROTOCOL_PREFIX = "jwt.";

    /**
     * Who connected.
     *
     * @param userId      the JWT subject
     * @param subprotocol the subprotocol to echo back, or null
     */
    record Credential(String userId, String subprotocol) {
    }

    private final TokenVerifier verifier;
    private final Tickets tickets;

    HandshakeAuth(TokenVerifier verifier, Tickets tickets) {
        this.verifier = verifier;
        this.tickets = tickets;
    }

    Credential authenticate(ClientHandshake request) throws HandshakeRejection {
        String descriptor = request.getResourceDescriptor();
        int question = descriptor.indexOf('?');
        String path = question < 0 ? descriptor : descriptor.substring(0, question);
        if (!path.equals("/ws") && !path.equals("/ws/")) {
            throw new HandshakeRejection(404, "no WebSocket endpoint at " + path + " (use /ws)");
        }
        Map<String, String> query = parseQuery(question < 0 ? "" : descriptor.substring(question + 1));
        String authorization = request.getFieldValue("Authorization");
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Credential(verifier.verify(authorization.substring(7)), null);
        }
        String subprotocol = tokenSubprotocol(request.getFieldValue("Sec-WebSocket-Protocol"));
        if (subprotocol != null) {
            return new Credential(verifier.verify(subprotocol.substring(SUBPROTOCOL_PREFIX.length())), subprotocol);
        }
        if (query.containsKey("token")) {
            return new Credential(verifier.verify(query.get("token")), null);
        }
        if (query.containsKey("ticket")) {
            return new Credential(tickets.redeem(query.get("ticket")), null);
        }
        throw HandshakeRejection.unauthorized("missing token");
    }

    private static String tokenSubprotocol(String header) {
        for (String offered : header.split(",")) {
            String trimmed = offered.trim();
            if (trimmed.startsWith(SUBPROTOCOL_PREFIX)) {
                return trimmed;
            }
        }
        return null;
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> values = new HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    values.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException badEscape) {
                    // A garbled parameter is simply absent.
                }
            }
        }
        return values;
    }
}
