package dev.aei.capture;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.EnumMap;
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

    /** Line kinds and a frame line's names and labels, as prepared bytes: there is a line per frame. */
    private static final SerializableString LINE = new SerializedString("line");
    private static final SerializableString HEADER = new SerializedString("header");
    private static final SerializableString EVENT = new SerializedString("event");
    private static final SerializableString FRAME = new SerializedString("frame");
    private static final SerializableString LANE = new SerializedString("lane");
    private static final SerializableString INDEX = new SerializedString("index");
    private static final SerializableString DIR = new SerializedString("dir");
    private static final SerializableString NANOS = new SerializedString("nanos");
    private static final SerializableString WALL = new SerializedString("wall");
    private static final SerializableString OPCODE = new SerializedString("opcode");
    private static final SerializableString TEXT = new SerializedString("text");
    private static final Map<Direction, SerializableString> DIRECTIONS = labels(Direction.class);
    private static final Map<Opcode, SerializableString> OPCODES = labels(Opcode.class);

    private final ObjectMapper json;
    /** A frame's text is copied here to be written: Jackson escapes a char array faster than a String. */
    private char[] chars = new char[4096];

    JournalFormat(ObjectMapper json) {
        this.json = json;
    }

    /** Writes the header line (without its line break). */
    void header(JsonGenerator g, SessionInfo info) throws IOException {
        start(g, HEADER);
        g.writeStringField("format", FORMAT);
        g.writeStringField("server_url", info.serverUrl());
        g.writeStringField("auth_mode", info.authMode());
        g.writeStringField("profile", info.profile());
        g.writeNumberField("start_wall_millis", info.startWallMillis());
        g.writeEndObject();
    }

    void lane(JsonGenerator g, Lane lane) throws IOException {
        start(g, LANE);
        g.writeStringField("lane", lane.id());
        if (lane.isExtraConnection()) {
            g.writeStringField("user_id", lane.userId());
        }
        g.writeFieldName("claims");
        json.writeValue(g, lane.claims());
        g.writeEndObject();
    }

    /**
     * Writes a frame line straight to the generator: no tree, no intermediate string (the hot path).
     * Called by one thread at a time (the journal's writer), which owns the reused char array.
     */
    void frame(JsonGenerator g, Lane lane, Frame frame) throws IOException {
        start(g, FRAME);
        g.writeFieldName(LANE);
        g.writeString(lane.id());
        g.writeFieldName(INDEX);
        g.writeNumber(frame.index());
        g.writeFieldName(DIR);
        g.writeString(DIRECTIONS.get(frame.direction()));
        g.writeFieldName(NANOS);
        g.writeNumber(frame.nanos());
        g.writeFieldName(WALL);
        g.writeNumber(frame.wallMillis());
        g.writeFieldName(OPCODE);
        g.writeString(OPCODES.get(frame.opcode()));
        if (frame.text() != null) {
            g.writeFieldName(TEXT);
            writeText(g, frame.text());
        } else if (frame.bytes() != null) {
            g.writeFieldName("base64");
            g.writeBinary(frame.bytes());
        }
        g.writeEndObject();
    }

    private void writeText(JsonGenerator g, String text) throws IOException {
        int length = text.length();
        if (length > chars.length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        text.getChars(0, length, chars, 0);
        g.writeString(chars, 0, length);
    }

    void event(JsonGenerator g, Lane lane, LaneEvent event) throws IOException {
        start(g, EVENT);
        g.writeStringField("lane", lane.id());
        g.writeStringField("kind", lower(event.kind()));
        g.writeNumberField("nanos", event.nanos());
        g.writeNumberField("wall", event.wallMillis());
        g.writeNumberField("code", event.code());
        g.writeStringField("detail", event.detail());
        if (event.kind() == LaneEvent.Kind.CLOSED) {
            g.writeStringField("closed_by", event.closedBy().label());
        }
        g.writeEndObject();
    }

    private static void start(JsonGenerator g, SerializableString kind) throws IOException {
        g.writeStartObject();
        g.writeFieldName(LINE);
        g.writeString(kind);
    }

    /** The session description a header line carries. */
    SessionInfo readHeader(JsonNode line) {
        return new SessionInfo(line.path("server_url").asText(""), line.path("auth_mode").asText(""),
                line.path("profile").asText(""), line.path("start_wall_millis").asLong(0));
    }

    /** The user a lane line's connection signed in as: its {@code user_id}, else the lane id itself. */
    String readUserId(JsonNode line, String laneId) {
        JsonNode user = line.get("user_id");
        return user != null && user.isTextual() && !user.asText().isEmpty() ? user.asText() : laneId;
    }

    Map<String, Object> readClaims(JsonNode line) {
        JsonNode claims = line.path("claims");
        return claims.isObject() ? json.convertValue(claims, CLAIMS) : Map.of();
    }

    /** The frame of a frame line; throws {@link IllegalArgumentException} when a field is missing or wrong. */
    Frame readFrame(JsonNode line) {
        Opcode opcode = known(Opcode.class, line, "opcode");
        String text = line.hasNonNull("text") ? line.get("text").asText() : null;
        byte[] bytes = line.hasNonNull("base64") ? Base64.getDecoder().decode(line.get("base64").asText()) : null;
        return new Frame(line.path("index").asInt(0),
                known(Direction.class, line, "dir"),
                requiredLong(line, "nanos"), line.path("wall").asLong(0), opcode, text, bytes);
    }

    LaneEvent readEvent(JsonNode line) {
        LaneEvent.Kind kind = known(LaneEvent.Kind.class, line, "kind");
        String detail = line.path("detail").asText("");
        return new LaneEvent(kind, requiredLong(line, "nanos"), line.path("wall").asLong(0), line.path("code").asInt(0),
                detail, LaneEvent.ClosedBy.read(line.path("closed_by").asText(null), kind, detail));
    }

    private static String required(JsonNode line, String field) {
        JsonNode value = line.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("missing \"" + field + "\"");
        }
        return value.asText();
    }

    /** A field naming one of {@code type}'s constants, in any case; a name it does not know is said in words. */
    private static <E extends Enum<E>> E known(Class<E> type, JsonNode line, String field) {
        String label = required(line, field);
        try {
            return Enum.valueOf(type, label.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown \"" + field + "\" " + label);
        }
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

    private static <E extends Enum<E>> Map<E, SerializableString> labels(Class<E> type) {
        Map<E, SerializableString> labels = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            labels.put(value, new SerializedString(lower(value)));
        }
        return labels;
    }
}
