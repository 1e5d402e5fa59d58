package dev.aei.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aei.protocol.IdText;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns scripted events into wire JSON. Default mode: the main netra shape as the real bridge sends
 * it (tool name and a tool's results at the root, the rest under {@code data}, ISO timestamps) plus
 * {@code tool_call_id}. Strict netra mode: the real backend's
 * mix — no tool call id, some events flat with fields at the root, some timestamps as epoch seconds.
 * The web-client shape puts every field but type, ids and time under {@code payload}.
 */
final class EventShaper {

    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);
    /** Field renames of the flat code path. */
    private static final Map<String, String> FLAT_NAMES =
            Map.of("execution_time_ms", "duration", "result", "final_response");

    private final ObjectMapper json;
    private final boolean strict;
    private final EventShape shape;

    EventShaper(ObjectMapper json, boolean strict, EventShape shape) {
        this.json = json;
        this.strict = strict;
        this.shape = shape;
    }

    EventShaper(ObjectMapper json, boolean strict) {
        this(json, strict, EventShape.BRIDGE);
    }

    EventShape shape() {
        return shape;
    }

    /** This shaper putting fields where {@code other} says (itself when that is its shape already). */
    EventShaper as(EventShape other) {
        return other == shape ? this : new EventShaper(json, strict, other);
    }

    boolean strict() {
        return strict;
    }

    /** The wire form of a run's event number {@code index} (0-based). */
    ObjectNode runEvent(RunEvent event, int index, String runId, String threadId, String userId, Instant now) {
        if (shape == EventShape.WEB_CLIENT) {
            return webClientEvent(event, index, runId, threadId, userId, now);
        }
        boolean flat = strict && event.flatInStrict();
        ObjectNode node = json.createObjectNode();
        node.put("type", event.type());
        node.put("run_id", runId);
        node.put("user_id", userId);
        node.put("agent_name", AgentScript.AGENT_NAME);
        if (strict && index % 3 == 1) {
            node.put("timestamp", epochSeconds(now));
        } else {
            node.put("timestamp", ISO.format(now));
        }
        if (event.toolName() != null) {
            node.put("tool_name", event.toolName());
            if (!strict) {
                node.put("tool_call_id", event.toolCallId());
            }
        }
        if (flat) {
            node.put("thread_id", threadId);
            if (event.toolCallId() != null) {
                node.put("execution_id", event.toolCallId());
            }
            event.data().forEach((key, value) -> node.set(FLAT_NAMES.getOrDefault(key, key), json.valueToTree(value)));
        } else {
            Map<String, Object> data = new LinkedHashMap<>(event.data());
            Object results = data.remove("results"); // the bridge sends a tool's results beside its name
            if (results != null) {
                node.set("results", json.valueToTree(results));
            }
            node.set("data", json.valueToTree(data));
        }
        return node;
    }

    /** Type, ids and time at the root; everything the web client reads under {@code payload}. */
    private ObjectNode webClientEvent(RunEvent event, int index, String runId, String threadId, String userId,
                                      Instant now) {
        ObjectNode node = json.createObjectNode();
        node.put("type", event.type());
        node.put("run_id", runId);
        node.put("user_id", userId);
        if (strict && index % 3 == 1) {
            node.put("timestamp", epochSeconds(now));
        } else {
            node.put("timestamp", ISO.format(now));
        }
        if (event.toolCallId() != null && !strict) {
            node.put("tool_call_id", event.toolCallId());
        }
        ObjectNode payload = node.putObject("payload");
        payload.put("agent_name", AgentScript.AGENT_NAME);
        payload.put("thread_id", threadId);
        if (event.toolName() != null) {
            payload.put("tool_name", event.toolName());
        }
        event.data().forEach((key, value) -> payload.set(key, json.valueToTree(value)));
        return node;
    }

    /**
     * The greeting every connection gets first; strict mode cuts user ids longer than 8 characters to
     * 8 plus {@code ...} like the real backend (by code points, so an emoji is never cut in half).
     */
    ObjectNode connectionEstablished(String userId, String connectionId, Instant now) {
        String reported = strict ? IdText.reported(userId) : userId;
        ObjectNode node = plain("connection_established", now);
        node.putObject("data").put("user_id", reported).put("connection_id", connectionId);
        return node;
    }

    /** An event with only a type and a timestamp: pong, heartbeat, heartbeat_ack. */
    ObjectNode plain(String type, Instant now) {
        ObjectNode node = json.createObjectNode();
        node.put("type", type);
        node.put("timestamp", ISO.format(now));
        return node;
    }

    /** An {@code error} event answering a bad client message. */
    ObjectNode error(String message, Instant now) {
        ObjectNode node = plain("error", now);
        node.putObject("data").put("error_message", message);
        return node;
    }

    /**
     * The real backend's answer to something it cannot handle:
     * {@code {"type":"error_message","data":{"error_code":…,"error_message":…,"details":{…}}}}.
     */
    ObjectNode errorMessage(String code, String message, Map<String, ?> details, Instant now) {
        ObjectNode node = plain("error_message", now);
        ObjectNode data = node.putObject("data");
        data.put("error_code", code);
        data.put("error_message", message);
        data.set("details", json.valueToTree(details));
        return node;
    }

    /** A server heartbeat carrying the backend's figures under {@code data.stats}. */
    ObjectNode heartbeat(Map<String, ?> stats, Instant now) {
        ObjectNode node = plain("heartbeat", now);
        node.putObject("data").set("stats", json.valueToTree(stats));
        return node;
    }

    private static BigDecimal epochSeconds(Instant now) {
        return BigDecimal.valueOf(now.toEpochMilli(), 3);
    }
}
