package dev.aei.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers what clients send: {@code user_message} and {@code start_agent} start runs,
 * {@code ping} gets {@code pong}, {@code heartbeat} gets {@code heartbeat_ack}; anything else
 * gets an {@code error} event. Bad input never escapes as an exception.
 */
final class ClientMessages {

    /** Upper bound for {@code payload.repeat}, so one message cannot queue unbounded work. */
    static final int MAX_REPEAT = 100_000;

    private final ObjectMapper json;
    private final EventShaper shaper;
    private final RunLauncher runs;
    private final Clock clock;
    private final AtomicInteger threads = new AtomicInteger();

    ClientMessages(ObjectMapper json, EventShaper shaper, RunLauncher runs, Clock clock) {
        this.json = json;
        this.shaper = shaper;
        this.runs = runs;
        this.clock = clock;
    }

    void onText(ClientConnection from, String text) {
        JsonNode message;
        try {
            message = json.readTree(text);
        } catch (IOException e) {
            reject(from, "message is not valid JSON");
            return;
        }
        if (message == null || !message.isObject() || !message.path("type").isTextual()) {
            reject(from, "message must be a JSON object with a string 'type'");
            return;
        }
        JsonNode payload = message.path("payload");
        switch (message.get("type").asText()) {
            case "user_message" -> startRun(from, payload, "content");
            case "start_agent" -> startRun(from, payload, "user_request");
            case "ping" -> from.send(shaper.plain("pong", clock.instant()));
            case "heartbeat" -> from.send(shaper.plain("heartbeat_ack", clock.instant()));
            case "heartbeat_ack", "pong" -> {
                // Keepalive answers need no reply.
            }
            default -> reject(from, "unknown message type '" + abbreviate(message.get("type").asText()) + "'");
        }
    }

    void onBinary(ClientConnection from) {
        reject(from, "binary messages are not supported");
    }

    private void startRun(ClientConnection from, JsonNode payload, String requestField) {
        JsonNode request = payload.path(requestField);
        if (!request.isTextual() || request.asText().isBlank()) {
            reject(from, "payload." + requestField + " must be a non-empty string");
            return;
        }
        JsonNode thread = payload.path("thread_id");
        String threadId = thread.isTextual() && !thread.asText().isBlank()
                ? thread.asText() : "t-" + threads.incrementAndGet();
        JsonNode repeat = payload.path("repeat");
        if (!repeat.isMissingNode() && !(repeat.canConvertToInt() && repeat.isIntegralNumber()
                && repeat.asInt() >= 1 && repeat.asInt() <= MAX_REPEAT)) {
            reject(from, "payload.repeat must be a whole number from 1 to " + MAX_REPEAT);
            return;
        }
        runs.start(from, request.asText(), threadId, repeat.isMissingNode() ? 1 : repeat.asInt());
    }

    private void reject(ClientConnection from, String reason) {
        from.send(shaper.error(reason, clock.instant()));
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
