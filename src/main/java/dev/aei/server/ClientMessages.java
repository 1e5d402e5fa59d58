package dev.aei.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.protocol.TextCut;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers what clients send: prompts ({@code user_message}, {@code start_agent}, {@code chat})
 * start runs as the input mode allows, or get an {@code error_message}; {@code ping} gets
 * {@code pong}, {@code heartbeat} gets {@code heartbeat_ack}, {@code heartbeat_ack} and
 * {@code pong} need nothing; anything else gets an {@code error} event. Bad input never escapes
 * as an exception.
 */
final class ClientMessages {

    /** Upper bound for {@code payload.repeat}, so one message cannot queue unbounded work. */
    static final int MAX_REPEAT = 100_000;

    private final ObjectMapper json;
    private final EventShaper shaper;
    private final RunLauncher runs;
    private final InputGate gate;
    private final Clock clock;
    private final AtomicInteger threads = new AtomicInteger();

    ClientMessages(ObjectMapper json, EventShaper shaper, RunLauncher runs, InputGate gate, Clock clock) {
        this.json = json;
        this.shaper = shaper;
        this.runs = runs;
        this.gate = gate;
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
        String type = message.get("type").asText();
        switch (type) {
            case "user_message", "chat", "start_agent" -> prompt(from, type, payload);
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

    private void prompt(ClientConnection from, String type, JsonNode payload) {
        JsonNode thread = payload.path("thread_id");
        String givenThread = thread.isTextual() && !thread.asText().isBlank() ? thread.asText() : null;
        InputGate.Refusal refusal = gate.admit(from.userId(), type, givenThread);
        if (refusal != null) {
            from.send(shaper.errorMessage(refusal.code(), refusal.message(), refusal.details(), clock.instant()));
            return;
        }
        String requestField = type.equals("start_agent") ? "user_request" : "content";
        JsonNode request = payload.path(requestField);
        if (!request.isTextual() || request.asText().isBlank()) {
            reject(from, "payload." + requestField + " must be a non-empty string");
            return;
        }
        String threadId = givenThread != null ? givenThread : "t-" + threads.incrementAndGet();
        JsonNode repeat = payload.path("repeat");
        if (!repeat.isMissingNode() && !(repeat.canConvertToInt() && repeat.isIntegralNumber()
                && repeat.asInt() >= 1 && repeat.asInt() <= MAX_REPEAT)) {
            reject(from, "payload.repeat must be a whole number from 1 to " + MAX_REPEAT);
            return;
        }
        gate.started(from.userId(), type, threadId);
        runs.start(from, request.asText(), threadId, repeat.isMissingNode() ? 1 : repeat.asInt());
    }

    private void reject(ClientConnection from, String reason) {
        from.send(shaper.error(reason, clock.instant()));
    }

    private static String abbreviate(String text) {
        return TextCut.shorten(text, 41);
    }
}
