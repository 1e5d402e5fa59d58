package dev.aei.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The real web client's ticket exchange: {@code POST /api/websocket/ticket} with
 * {@code Authorization: Bearer <JWT>} and a body such as
 * {@code {"ttl_seconds":300,"single_use":true,"permissions":[…]}}; the answer carries
 * {@code ticket_id}, {@code expires_at} and {@code websocket_url}.
 */
final class WebClientTickets {

    /** The path the web client posts to. */
    static final String PATH = "/api/websocket/ticket";
    static final int DEFAULT_TTL_S = 300;
    static final int MIN_TTL_S = 30;
    static final int MAX_TTL_S = 3600;

    private final ObjectMapper json;
    private final TokenVerifier verifier;
    private final Tickets tickets;
    private final Supplier<URI> socketUrl;

    WebClientTickets(ObjectMapper json, TokenVerifier verifier, Tickets tickets, Supplier<URI> socketUrl) {
        this.json = json;
        this.verifier = verifier;
        this.tickets = tickets;
        this.socketUrl = socketUrl;
    }

    /** The answer to one ticket request. */
    JsonNode issue(String authorization, String body) throws HttpRefusal {
        String userId = caller(authorization);
        JsonNode request = requestBody(body);
        int ttl = ttlSeconds(request.path("ttl_seconds"));
        boolean singleUse = singleUse(request.path("single_use"));
        JsonNode permissions = request.path("permissions");
        if (!permissions.isMissingNode() && !permissions.isNull() && !permissions.isArray()) {
            throw new HttpRefusal(422, "'permissions' must be an array");
        }
        Duration lifetime = Duration.ofSeconds(ttl);
        Tickets.Issued ticket = tickets.issue(userId, lifetime, singleUse);
        ObjectNode answer = json.createObjectNode();
        answer.put("ticket_id", ticket.id());
        answer.put("expires_at", epochSeconds(ticket.expiry()));
        answer.put("created_at", epochSeconds(ticket.expiry().minus(lifetime)));
        answer.put("ttl_seconds", ttl);
        answer.put("single_use", singleUse);
        answer.put("websocket_url", socketUrl.get() + "?ticket=" + URLEncoder.encode(ticket.id(), StandardCharsets.UTF_8));
        return answer;
    }

    private String caller(String authorization) throws HttpRefusal {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new HttpRefusal(401, "send the access token as 'Authorization: Bearer <JWT>'");
        }
        try {
            return verifier.verify(authorization.substring(7));
        } catch (HandshakeRejection e) {
            throw new HttpRefusal(401, e.reason());
        }
    }

    /** The JSON object body; an empty body means all defaults. */
    private JsonNode requestBody(String body) throws HttpRefusal {
        if (body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // Answered below.
        }
        throw new HttpRefusal(422, "the body must be a JSON object");
    }

    private static int ttlSeconds(JsonNode value) throws HttpRefusal {
        if (value.isMissingNode() || value.isNull()) {
            return DEFAULT_TTL_S;
        }
        if (!value.isIntegralNumber() || value.asLong() < MIN_TTL_S || value.asLong() > MAX_TTL_S) {
            throw new HttpRefusal(422, "'ttl_seconds' must be a whole number from " + MIN_TTL_S + " to " + MAX_TTL_S);
        }
        return value.asInt();
    }

    private static boolean singleUse(JsonNode value) throws HttpRefusal {
        if (value.isMissingNode() || value.isNull()) {
            return true;
        }
        if (!value.isBoolean()) {
            throw new HttpRefusal(422, "'single_use' must be true or false");
        }
        return value.asBoolean();
    }

    private static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }
}
