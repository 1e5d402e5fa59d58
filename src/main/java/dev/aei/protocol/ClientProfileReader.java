package dev.aei.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reads a profile's {@code client} section; each key it leaves out keeps {@link ClientProfile#LEGACY}'s value. */
final class ClientProfileReader {
    private static final Set<String> KEYS = Set.of("claims", "ticket", "templates", "first_message", "follow_up",
            "thread", "ready_event", "replies", "ping");
    private static final Set<String> TICKET_KEYS = Set.of("path", "send_token", "body", "answer_field", "query_param");

    private final String source;

    private ClientProfileReader(String source) {
        this.source = source;
    }

    static ClientProfile read(ProfileDocument document) {
        JsonNode client = document.root().get("client");
        if (client == null || client.isNull()) {
            return ClientProfile.LEGACY;
        }
        ClientProfileReader reader = new ClientProfileReader(document.source());
        try {
            return reader.read(client);
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("profile ") ? e : reader.fail(e.getMessage());
        }
    }

    private ClientProfile read(JsonNode client) {
        JsonValues.objectWithKeys(client, KEYS, "client", source);
        ClientProfile legacy = ClientProfile.LEGACY;
        Map<String, MessageTemplate> templates = client.has("templates")
                ? templates(client.get("templates"), "client.templates") : legacy.templates();
        String first = text(client, "first_message", templates.keySet().iterator().next());
        String followUp = text(client, "follow_up", first);
        if (!templates.containsKey(first) || !templates.containsKey(followUp)) {
            throw fail("client.first_message and client.follow_up must name templates in client.templates ("
                    + String.join(", ", templates.keySet()) + ")");
        }
        return new ClientProfile(claims(client, legacy), ticket(client.get("ticket")), templates, first, followUp,
                ThreadPolicy.parse(text(client, "thread", legacy.thread().label())),
                text(client, "ready_event", null),
                client.has("replies") ? templates(client.get("replies"), "client.replies") : legacy.replies(),
                ping(client.get("ping")));
    }

    private Map<String, Object> claims(JsonNode client, ClientProfile legacy) {
        if (!client.has("claims")) {
            return legacy.claims();
        }
        JsonNode claims = client.get("claims");
        if (!claims.isObject()) {
            throw fail("client.claims must be an object of claim names and values");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) JsonValues.toJava(claims, "client.claims");
        return values;
    }

    private TicketExchange ticket(JsonNode node) {
        if (node == null || node.isNull()) {
            return TicketExchange.LEGACY;
        }
        JsonValues.objectWithKeys(node, TICKET_KEYS, "client.ticket", source);
        TicketExchange legacy = TicketExchange.LEGACY;
        String sendToken = text(node, "send_token", legacy.bearer() ? "bearer" : "body");
        if (!sendToken.equals("bearer") && !sendToken.equals("body")) {
            throw fail("client.ticket.send_token must be bearer or body, got '" + sendToken + "'");
        }
        MessageTemplate body = node.has("body") ? MessageTemplate.of("client.ticket.body", node.get("body"))
                : legacy.body();
        return new TicketExchange(text(node, "path", legacy.path()), sendToken.equals("bearer"), body,
                text(node, "answer_field", legacy.answerField()), text(node, "query_param", legacy.queryParam()));
    }

    private ClientPing ping(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        JsonValues.objectWithKeys(node, Set.of("every_ms", "message"), "client.ping", source);
        JsonNode every = node.path("every_ms");
        if (!every.canConvertToLong() || !every.isIntegralNumber() || every.asLong() < 1) {
            throw fail("client.ping.every_ms must be a positive whole number of milliseconds");
        }
        return new ClientPing(Duration.ofMillis(every.asLong()), MessageTemplate.of("client.ping.message",
                node.get("message")));
    }

    private Map<String, MessageTemplate> templates(JsonNode node, String where) {
        if (!node.isObject() || node.isEmpty()) {
            throw fail(where + " must be a non-empty object of names and JSON message templates");
        }
        Map<String, MessageTemplate> templates = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            templates.put(entry.getKey(), MessageTemplate.of(entry.getKey(), entry.getValue()));
        }
        return templates;
    }

    private String text(JsonNode node, String key, String fallback) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw fail("'" + key + "' must be a non-empty string");
        }
        return value.asText();
    }

    private IllegalArgumentException fail(String message) {
        return JsonValues.profileProblem(source, message);
    }
}
