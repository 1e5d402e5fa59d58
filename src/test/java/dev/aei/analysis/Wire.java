package dev.aei.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Builds netra-style frames for tests, one field at a time. */
final class Wire {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ObjectNode node = JSON.createObjectNode();

    private Wire(String type) {
        node.put("type", type);
    }

    static Wire event(String type) {
        return new Wire(type);
    }

    static Wire event(String type, String run) {
        return new Wire(type).put("run_id", run);
    }

    /** A netra run id for a thread. */
    static String run(String thread, int n) {
        return String.format("run_%s_%05d_%08x", thread, n, 0xabc00000 + n);
    }

    static String prompt(String thread, String marker) {
        ObjectNode msg = JSON.createObjectNode().put("type", "user_message");
        msg.putObject("payload").put("content", "compare costs [" + marker + "]").put("thread_id", thread);
        return msg.toString();
    }

    Wire put(String field, Object value) {
        if (value instanceof Number n) {
            node.put(field, n.longValue());
        } else {
            node.put(field, String.valueOf(value));
        }
        return this;
    }

    Wire user(String user) {
        return put("user_id", user);
    }

    Wire seq(long seq) {
        return put("seq", seq);
    }

    Wire tool(String name, String callId) {
        put("tool_name", name);
        return callId == null ? this : put("tool_call_id", callId);
    }

    Wire at(Instant time) {
        return put("timestamp", time.toString());
    }

    Wire data(String field, String value) {
        (node.has("data") ? (ObjectNode) node.get("data") : node.putObject("data")).put(field, value);
        return this;
    }

    String text() {
        return node.toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
