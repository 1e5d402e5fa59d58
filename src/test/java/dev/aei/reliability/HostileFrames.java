package dev.aei.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Generates hostile frames from a seed: invalid JSON, JSON of the wrong shape, netra events with
 * each field missing in turn or of the wrong type, binary, invalid UTF-8, deep nesting, huge
 * numbers, unknown types and event batches with hostile members. The same seed gives the same frames.
 */
final class HostileFrames {
    static final int MIB = 1024 * 1024;

    private static final String[] TYPES = {"agent_started", "agent_thinking", "tool_executing", "tool_completed",
        "agent_completed", "agent_error", "connection_established", "heartbeat", "event_batch", "stream_chunk"};
    private static final String[] FIELDS = {"type", "run_id", "user_id", "seq", "timestamp", "agent_name", "tool_name",
        "tool_call_id", "attempt", "thread_id", "execution_id", "data", "payload", "results", "events"};
    private static final String[] DATA_FIELDS = {"status", "message", "reasoning", "step_number",
        "progress_percentage", "parameters", "execution_time_ms", "error_message", "user_id", "seq", "timestamp",
        "run_id", "tool_call_id"};
    /** Values of every JSON type and the edge cases of the ones the decoder reads, as raw JSON text. */
    private static final String[] WRONG_VALUES = {"null", "true", "false", "0", "-1", "1.5", "-0", "1e308",
        "1e999999", "-1e999999", "1e-999999", "9".repeat(400), "-" + "9".repeat(400), "9223372036854775807",
        "-9223372036854775808", "18446744073709551616", "\"\"", "\"x\"", "\"\\u0000\"", "\"\\ud800\"",
        "\"" + "y".repeat(5000) + "\"", "[]", "[1,2]", "{}", "{\"a\":{}}", "[[[]]]",
        "\"+999999999-12-31T23:59:59Z\"", "\"-999999999-01-01T00:00:00Z\"", "\"2026-13-45T99:99:99Z\"",
        "\"99999999999999999999\"", "\"1e999999\"", "\"-5\"", "99999999999999", "-99999999999999", "1e14",
        "\"run___\"", "\"run_x_1_z\"", "\"run_" + "_".repeat(1000) + "\"", "\"run_t-1_00001_zzzzzzzz\"",
        "\"cnry-0123456789\"", "\"mallory...\"", "\"...\""};
    private static final String[] NOT_JSON = {"{\"a\":1,}", "{'a':1}", "{\"a\":NaN}", "/* c */{}", "{}{}",
        "{\"type\":\"agent_started\"} x", "{\"a\" 1}", "{\"a\":}", "{:1}", "[1,]", "{\"a\":\"\\x\"}",
        "{\"a\":\"unterminated}", "{\"a\":01}", "{\"a\":+1}", "{\"a\":.5}", "{\"a\":tru}", "\u0000{}"};
    private static final String[] NOT_OBJECTS = {"[]", "[{}]", "[{\"type\":\"agent_started\"}]", "0", "-1", "1.5",
        "\"agent_started\"", "null", "true", "false", "[[],[[]]]", "1e999999", "-1e999999", "9".repeat(400),
        "\"\\ud800\"", "[null]", "  \t\n []  "};

    private final Random random;
    private int counter;

    HostileFrames(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} random hostile frames followed by the special ones (deep, huge, 16 MiB). */
    List<HostileFrame> generate(int count) {
        List<Supplier<HostileFrame>> kinds = List.of(this::truncated, this::garbage, this::notJson,
                this::notObject, this::missingField, this::wrongType, this::binary, this::invalidUtf8,
                this::unknownType, this::hostileBatch, this::nested, this::duplicateKeys);
        List<HostileFrame> frames = new ArrayList<>(count + 16);
        for (int i = 0; i < count; i++) {
            frames.add(kinds.get(random.nextInt(kinds.size())).get());
        }
        frames.addAll(specials());
        return frames;
    }

    private List<HostileFrame> specials() {
        int deep = 100_000;
        List<HostileFrame> specials = new ArrayList<>();
        specials.add(HostileFrame.text("[".repeat(deep) + "]".repeat(deep), HostileFrame.Expect.MALFORMED));
        specials.add(HostileFrame.text("{\"a\":".repeat(deep) + "1" + "}".repeat(deep), HostileFrame.Expect.MALFORMED));
        specials.add(HostileFrame.text("{\"type\":\"agent_thinking\",\"data\":" + "[".repeat(deep),
                HostileFrame.Expect.MALFORMED));
        specials.add(HostileFrame.text(event("agent_thinking", Map.of("seq", "1e999999", "timestamp", "1e999999")),
                HostileFrame.Expect.ANY));
        specials.add(HostileFrame.text(event("agent_thinking", Map.of("seq", "9".repeat(400))),
                HostileFrame.Expect.ANY));
        specials.add(HostileFrame.text("9".repeat(400), HostileFrame.Expect.MALFORMED));
        // Just over the default 16 MiB limit: kept cut at the limit, which leaves it not JSON.
        specials.add(HostileFrame.text("{\"type\":\"stream_chunk\",\"data\":\"" + "z".repeat(16 * MIB) + "\"}",
                HostileFrame.Expect.MALFORMED));
        byte[] blob = new byte[16 * MIB];
        random.nextBytes(blob);
        specials.add(HostileFrame.binary(blob));
        return specials;
    }

    private HostileFrame truncated() {
        String whole = event(anyType(), Map.of());
        return HostileFrame.text(whole.substring(0, 1 + random.nextInt(whole.length() - 1)),
                HostileFrame.Expect.MALFORMED);
    }

    private HostileFrame garbage() {
        StringBuilder text = new StringBuilder("<");
        int length = random.nextInt(200);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0xD000)));
        }
        return HostileFrame.text(text.toString(), HostileFrame.Expect.MALFORMED);
    }

    private HostileFrame notJson() {
        String text = random.nextInt(8) == 0 ? (random.nextBoolean() ? "" : " \t\r\n ") : pick(NOT_JSON);
        return HostileFrame.text(text, HostileFrame.Expect.MALFORMED);
    }

    private HostileFrame notObject() {
        return HostileFrame.text(pick(NOT_OBJECTS), HostileFrame.Expect.MALFORMED);
    }

    private HostileFrame missingField() {
        int which = counter++ % (FIELDS.length + DATA_FIELDS.length);
        Map<String, String> fields = fields(anyType());
        if (which < FIELDS.length) {
            fields.remove(FIELDS[which]);
        } else {
            Map<String, String> data = dataFields();
            data.remove(DATA_FIELDS[which - FIELDS.length]);
            fields.put("data", object(data));
        }
        return HostileFrame.text(object(fields), HostileFrame.Expect.ANY);
    }

    private HostileFrame wrongType() {
        Map<String, String> fields = fields(anyType());
        String value = pick(WRONG_VALUES);
        if (random.nextBoolean()) {
            fields.put(pick(FIELDS), value);
        } else {
            Map<String, String> data = dataFields();
            data.put(pick(DATA_FIELDS), value);
            fields.put(random.nextBoolean() ? "data" : "payload", object(data));
        }
        return HostileFrame.text(object(fields), HostileFrame.Expect.ANY);
    }

    private HostileFrame binary() {
        byte[] bytes = new byte[random.nextInt(2048)];
        random.nextBytes(bytes);
        return HostileFrame.binary(bytes);
    }

    private HostileFrame invalidUtf8() {
        byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0,
            (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}};
        byte[] prefix = event(anyType(), Map.of()).getBytes(StandardCharsets.UTF_8);
        byte[] insert = bad[random.nextInt(bad.length)];
        int at = random.nextInt(prefix.length);
        byte[] payload = new byte[prefix.length + insert.length];
        System.arraycopy(prefix, 0, payload, 0, at);
        System.arraycopy(insert, 0, payload, at, insert.length);
        System.arraycopy(prefix, at, payload, at + insert.length, prefix.length - at);
        return HostileFrame.invalidUtf8(payload);
    }

    private HostileFrame unknownType() {
        String type = "x-unknown-" + random.nextInt(50);
        return HostileFrame.unknownType(event(type, Map.of()), type);
    }

    private HostileFrame hostileBatch() {
        int shape = random.nextInt(4);
        if (shape == 0) {
            // "events" of every other type; an empty array is a valid (empty) batch
            String events = pick(WRONG_VALUES);
            return HostileFrame.text("{\"type\":\"event_batch\",\"events\":" + events + "}",
                    events.equals("[]") ? HostileFrame.Expect.ANY : HostileFrame.Expect.MALFORMED);
        }
        if (shape == 1) {
            return HostileFrame.text("{\"type\":\"event_batch\"}", HostileFrame.Expect.MALFORMED);
        }
        List<String> members = new ArrayList<>();
        int size = 1 + random.nextInt(6);
        for (int i = 0; i < size; i++) {
            members.add(random.nextBoolean() ? event(anyType(), Map.of()) : pick(WRONG_VALUES));
        }
        members.add(random.nextInt(members.size() + 1), pick(NOT_OBJECTS));
        String nested = shape == 3 ? ",{\"type\":\"event_batch\",\"events\":[" + String.join(",", members) + "]}" : "";
        return HostileFrame.text("{\"type\":\"event_batch\",\"events\":[" + String.join(",", members) + nested + "]}",
                HostileFrame.Expect.MALFORMED);
    }

    private HostileFrame nested() {
        int depth = 65 + random.nextInt(2000);
        String open = random.nextBoolean() ? "[" : "{\"k\":";
        String close = open.equals("[") ? "]" : "}";
        return HostileFrame.text("{\"type\":\"agent_thinking\",\"data\":" + open.repeat(depth) + "0"
                + close.repeat(depth) + "}", HostileFrame.Expect.MALFORMED);
    }

    private HostileFrame duplicateKeys() {
        String type = anyType();
        return HostileFrame.text("{\"type\":\"" + type + "\",\"type\":" + pick(WRONG_VALUES) + ",\"seq\":1,\"seq\":\"x\","
                + "\"data\":{},\"data\":" + pick(WRONG_VALUES) + "}", HostileFrame.Expect.ANY);
    }

    private String anyType() {
        return TYPES[random.nextInt(TYPES.length)];
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** A netra event with every field the profile reads, some replaced by raw JSON values. */
    private String event(String type, Map<String, String> overrides) {
        Map<String, String> fields = fields(type);
        fields.putAll(overrides);
        return object(fields);
    }

    private Map<String, String> fields(String type) {
        int n = ++counter;
        String run = "\"run_t-evil-" + (n % 7) + "_0000" + (n % 10) + "_deadbeef\"";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", quote(type));
        fields.put("run_id", run);
        fields.put("user_id", "\"mallory\"");
        fields.put("seq", Integer.toString(n));
        fields.put("timestamp", random.nextBoolean() ? "\"2026-01-08T10:00:00.123+00:00\"" : "1767866400.5");
        fields.put("agent_name", "\"fuzzer\"");
        fields.put("tool_name", "\"search_docs\"");
        fields.put("tool_call_id", "\"tc-" + (n % 3) + "\"");
        fields.put("attempt", Integer.toString(1 + n % 2));
        fields.put("thread_id", "\"t-evil-" + (n % 7) + "\"");
        fields.put("execution_id", "\"ex-" + (n % 3) + "\"");
        fields.put("data", object(dataFields()));
        fields.put("payload", "{\"status\":\"ok\"}");
        fields.put("results", "{\"rows\":[1,2,3]}");
        fields.put("events", "[]");
        return fields;
    }

    private Map<String, String> dataFields() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("status", "\"started\"");
        data.put("message", "\"hostile\"");
        data.put("reasoning", "\"because\"");
        data.put("step_number", "1");
        data.put("progress_percentage", "50");
        data.put("parameters", "{\"q\":\"x\"}");
        data.put("execution_time_ms", "5");
        data.put("error_message", "\"boom\"");
        data.put("user_id", "\"mallory\"");
        data.put("seq", "2");
        data.put("timestamp", "\"2026-01-08T10:00:01Z\"");
        data.put("run_id", "\"run_t-evil-9_00001_deadbeef\"");
        data.put("tool_call_id", "\"tc-9\"");
        return data;
    }

    private static String object(Map<String, String> fields) {
        StringBuilder text = new StringBuilder("{");
        fields.forEach((k, v) -> text.append(text.length() > 1 ? "," : "").append(quote(k)).append(':').append(v));
        return text.append('}').toString();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
