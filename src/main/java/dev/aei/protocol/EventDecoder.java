package dev.aei.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads frames through a {@link Profile}: each frame gives one event, or several for a batch.
 * Never throws on bad input: malformed, binary and unknown frames come back as events with
 * the matching role. Thread-safe.
 */
public final class EventDecoder {
    /** Frames above this many bytes are malformed unless another limit is given: 16 MiB. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;
    private static final int MAX_NESTING = 64;
    private static final int MAX_NUMBER_LENGTH = 64;
    private static final int MAX_PROBLEM_LENGTH = 160;

    private final Profile profile;
    private final int maxFrameBytes;
    private final ObjectMapper mapper;
    private final TimestampParser timestamps = new TimestampParser();

    public EventDecoder(Profile profile) {
        this(profile, DEFAULT_MAX_FRAME_BYTES);
    }

    /** A decoder that flags frames over {@code maxFrameBytes} as malformed without parsing them. */
    public EventDecoder(Profile profile, int maxFrameBytes) {
        if (maxFrameBytes < 1) {
            throw new IllegalArgumentException("max frame size must be positive: " + maxFrameBytes);
        }
        this.profile = profile;
        this.maxFrameBytes = maxFrameBytes;
        // Hostile frames must fail fast and cheaply: bound nesting, number and string sizes.
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxStringLength(maxFrameBytes)
                        .build())
                .build();
        this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public Profile profile() {
        return profile;
    }

    /** The size above which frames are malformed. */
    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    /** The events a frame of a lane carries (an OUT frame gives one OUTGOING event). */
    public List<AgentEvent> decode(String lane, Frame frame) {
        try {
            if (frame.direction() == Direction.OUT) {
                return List.of(outgoing(lane, frame));
            }
            if (frame.opcode() == Opcode.BINARY) {
                return List.of(flagged(lane, frame, EventRole.BINARY, "binary frame of " + frame.size() + " bytes"));
            }
            if (frame.text() == null) {
                return List.of(flagged(lane, frame, EventRole.MALFORMED, "text frame is not valid UTF-8"));
            }
            if (overLimit(frame.text())) {
                return List.of(flagged(lane, frame, EventRole.MALFORMED, "frame of " + frame.size()
                        + " bytes is over the " + maxFrameBytes + "-byte limit"));
            }
            JsonNode root = parse(frame.text());
            if (root == null) {
                return List.of(flagged(lane, frame, EventRole.MALFORMED, notJson(frame.text())));
            }
            if (!root.isObject()) {
                return List.of(flagged(lane, frame, EventRole.MALFORMED, "JSON " + root.getNodeType()
                        .name().toLowerCase(java.util.Locale.ROOT) + ", not an object"));
            }
            return incoming(lane, frame, root);
        } catch (RuntimeException e) {
            // Last line of defence: a decoder bug must not stop the capture.
            return List.of(flagged(lane, frame, EventRole.MALFORMED, "could not be read: " + e));
        }
    }

    private boolean overLimit(String text) {
        // A UTF-8 char takes at most 3 bytes per UTF-16 unit, so most frames need no byte count.
        if ((long) text.length() * 3 <= maxFrameBytes) {
            return false;
        }
        return text.length() > maxFrameBytes || Utf8.length(text) > maxFrameBytes;
    }

    private List<AgentEvent> incoming(String lane, Frame frame, JsonNode root) {
        String type = profile.fields().type().text(root);
        if (type != null && type.equals(profile.batchType())) {
            JsonNode members = root.get(profile.batchField());
            if (members != null && members.isArray()) {
                List<AgentEvent> events = new ArrayList<>(members.size());
                for (JsonNode member : members) {
                    events.add(member.isObject() ? event(lane, frame, member)
                            : flagged(lane, frame, EventRole.MALFORMED, "batch member is not an object"));
                }
                return events;
            }
            return List.of(flagged(lane, frame, EventRole.MALFORMED,
                    type + " without an array '" + profile.batchField() + "'"));
        }
        return List.of(event(lane, frame, root));
    }

    private AgentEvent event(String lane, Frame frame, JsonNode node) {
        Profile.Fields f = profile.fields();
        String type = f.type().text(node);
        EventRole role = type == null ? null : profile.role(type);
        String problem = null;
        if (role == null) {
            role = EventRole.UNKNOWN;
            problem = type == null ? "event without a type" : "unknown event type '" + type + "'";
        }
        String runId = f.runId().text(node);
        String threadId = f.threadId().text(node);
        if (threadId == null) {
            threadId = profile.threadOf(runId);
        }
        JsonPaths userPaths = role == EventRole.CONNECTION ? f.connectionUserId() : f.userId();
        return new AgentEvent(lane, frame.index(), frame.nanos(), type, role, runId, threadId,
                userPaths.text(node), seq(f.seq().find(node)), timestamps.parse(f.timestamp().find(node)),
                f.toolCallId().text(node), f.toolName().text(node), attempt(f.attempt().find(node)), node, problem);
    }

    private AgentEvent outgoing(String lane, Frame frame) {
        JsonNode root = frame.text() == null || overLimit(frame.text()) ? null : parse(frame.text());
        String type = null;
        String threadId = null;
        if (root != null && root.isObject()) {
            type = profile.fields().type().text(root);
            threadId = profile.fields().outgoingThreadId().text(root);
        }
        return new AgentEvent(lane, frame.index(), frame.nanos(), type, EventRole.OUTGOING, null, threadId, null,
                null, null, null, null, 1, root, null);
    }

    private static AgentEvent flagged(String lane, Frame frame, EventRole role, String problem) {
        return new AgentEvent(lane, frame.index(), frame.nanos(), null, role, null, null, null, null, null, null,
                null, 1, null, problem);
    }

    private JsonNode parse(String text) {
        if (text.isEmpty()) {
            return null;
        }
        char first = firstNonBlank(text);
        if (first != '{' && first != '[' && first != '"' && first != '-' && !Character.isDigit(first)
                && first != 't' && first != 'f' && first != 'n') {
            return null; // plainly not JSON: skip the parser and its exception
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private String notJson(String text) {
        if (text.isBlank()) {
            return "empty text frame";
        }
        try {
            mapper.readTree(text);
            return "not JSON";
        } catch (JsonProcessingException e) {
            return shorten("not JSON: " + e.getOriginalMessage());
        }
    }

    private static char firstNonBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c;
            }
        }
        return ' ';
    }

    private static Long seq(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual()) {
            String s = node.asText();
            if (!s.isEmpty() && s.length() < 19 && s.chars().allMatch(Character::isDigit)) {
                return Long.parseLong(s);
            }
        }
        return null;
    }

    private static int attempt(JsonNode node) {
        if (node != null && node.isIntegralNumber() && node.canConvertToInt() && node.intValue() > 0) {
            return node.intValue();
        }
        return 1;
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_PROBLEM_LENGTH ? oneLine : oneLine.substring(0, MAX_PROBLEM_LENGTH) + "…";
    }
}
