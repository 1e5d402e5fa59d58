package dev.aei.capture;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * The capture journal's line format ({@value #FORMAT}), one JSON object per line, told apart by
 * {@code "line"}: a {@code header} first, then {@code lane}, {@code frame} and {@code event} lines
 * in the order they happened. Frames keep text as {@code text} and raw bytes as {@code base64}.
 */
final class JournalFormat {
    /** The format name and version the header line carries. */
    static final String FORMAT = "aei-journal/1";
    static final String FORMAT_FAMILY = "aei-journal/";

    private static final TypeReference<Map<String, Object>> CLAIMS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    JournalFormat(ObjectMapper json) {
        this.json = json;
    }

    String header(SessionInfo info) {
        ObjectNode line = line("header").put("format", FORMAT)
                .put("server_url", info.serverUrl())
                .put("auth_mode", info.authMode())
                .put("profile", info.profile())
                .put("start_wall_millis", info.startWallMillis());
        return line.toString();
    }

    String lane(Lane lane) {
        ObjectNode line = line("lane").put("lane", lane.id());
        line.set("claims", json.valueToTree(lane.claims()));
        return line.toString();
    }

    String frame(Lane lane, Frame frame) {
        ObjectNode line = line("frame").put("lane", lane.id())
                .put("index", frame.index())
                .put("dir", lower(frame.direction()))
                .put("nanos", frame.nanos())
                .put("wall", frame.wallMillis())
                .put("opcode", lower(frame.opcode()));
        if (frame.text() != null) {
            line.put("text", frame.text());
        } else if (frame.bytes() != null) {
            line.put("base64", Base64.getEncoder().encodeToString(frame.bytes()));
        }
        return line.toString();
    }

    String event(Lane lane, LaneEvent event) {
        return line("event").put("lane", lane.id())
                .put("kind", lower(event.kind()))
                .put("nanos", event.nanos())
                .put("wall", event.wallMillis())
                .put("code", event.code())
                .put("detail", event.detail())
                .toString();
    }

    /** The session description a header line carries. */
    SessionInfo readHeader(JsonNode line) {
        return new SessionInfo(line.path("server_url").asText(""), line.path("auth_mode").asText(""),
                line.path("profile").asText(""), line.path("start_wall_millis").asLong(0));
    }

    Map<String, Object> readClaims(JsonNode line) {
        JsonNode claims = line.path("claims");
        return claims.isObject() ? json.convertValue(claims, CLAIMS) : Map.of();
    }

    /** The frame of a frame line; throws {@link IllegalArgumentException} when a field is missing or wrong. */
    Frame readFrame(JsonNode line) {
        Opcode opcode = Opcode.valueOf(required(line, "opcode").toUpperCase(Locale.ROOT));
        String text = line.hasNonNull("text") ? line.get("text").asText() : null;
        byte[] bytes = line.hasNonNull("base64") ? Base64.getDecoder().decode(line.get("base64").asText()) : null;
        return new Frame(line.path("index").asInt(0),
                Direction.valueOf(required(line, "dir").toUpperCase(Locale.ROOT)),
                requiredLong(line, "nanos"), line.path("wall").asLong(0), opcode, text, bytes);
    }

    LaneEvent readEvent(JsonNode line) {
        return new LaneEvent(LaneEvent.Kind.valueOf(required(line, "kind").toUpperCase(Locale.ROOT)),
                requiredLong(line, "nanos"), line.path("wall").asLong(0), line.path("code").asInt(0),
                line.path("detail").asText(""));
    }

    private ObjectNode line(String kind) {
        return json.createObjectNode().put("line", kind);
    }

    private static String required(JsonNode line, String field) {
        JsonNode value = line.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("missing \"" + field + "\"");
        }
        return value.asText();
    }

    private static long requiredLong(JsonNode line, String field) {
        JsonNode value = line.get(field);
        if (value == null || !value.canConvertToLong()) {
            throw new IllegalArgumentException("missing \"" + field + "\"");
        }
        return value.asLong();
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
