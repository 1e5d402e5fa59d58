package dev.aei.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How a backend's frames are read: where each field sits and which event names play which role.
 * Profiles are data files ({@code netra.json}, {@code ag-ui.json} shipped as resources); the
 * file format is described in {@code netra.json}'s {@code description} and in the README.
 *
 * @param name            the profile's name
 * @param fields          where each field of an event is looked up
 * @param threadFromRunId derives the thread id from the run id (group 1), or null
 * @param roles           the backend's event type names mapped to roles
 * @param batchType       the type of a container event whose members are flattened, or null
 * @param batchField      the container's array field holding the members, or null
 */
public record Profile(String name, Fields fields, Pattern threadFromRunId, Map<String, EventRole> roles,
                      String batchType, String batchField) {

    /** The profiles shipped inside the application. */
    public static final Set<String> SHIPPED = Set.of("netra", "ag-ui");

    private static final Set<EventRole> MAPPABLE_ROLES = EnumSet.complementOf(EnumSet.of(EventRole.UNKNOWN,
            EventRole.MALFORMED, EventRole.BINARY, EventRole.OUTGOING));
    private static final Set<String> TOP_KEYS = Set.of("name", "description", "fields", "thread_from_run_id",
            "roles", "batch", "client");

    public Profile {
        roles = Map.copyOf(roles);
    }

    /**
     * Where each field of an event is looked up, in order.
     *
     * @param type             the event type
     * @param seq              the per-connection sequence number
     * @param timestamp        the server time (ISO-8601 text or epoch seconds / millis)
     * @param userId           the user the event claims to belong to
     * @param connectionUserId the identity a connection event reports
     * @param threadId         the thread id, where sent
     * @param runId            the run id
     * @param toolCallId       the id pairing a tool's start and end
     * @param toolName         the tool's name
     * @param attempt          the delivery attempt of a retried event
     * @param outgoingThreadId the thread a message this tool sent opens
     */
    public record Fields(JsonPaths type, JsonPaths seq, JsonPaths timestamp, JsonPaths userId,
                         JsonPaths connectionUserId, JsonPaths threadId, JsonPaths runId, JsonPaths toolCallId,
                         JsonPaths toolName, JsonPaths attempt, JsonPaths outgoingThreadId) {
    }

    /** The role of an event type, or null when the profile does not know the type. */
    public EventRole role(String type) {
        return roles.get(type);
    }

    /** The thread id a run id encodes, or null. */
    public String threadOf(String runId) {
        if (runId == null || threadFromRunId == null) {
            return null;
        }
        var m = threadFromRunId.matcher(runId);
        return m.matches() ? m.group(1) : null;
    }

    /** Loads a shipped profile by name ({@code netra}, {@code ag-ui}) or a profile file by path. */
    public static Profile load(String nameOrPath) {
        Document document = documentOf(nameOrPath);
        return new ProfileReader(document.source()).read(document.root(), TOP_KEYS);
    }

    /** Parses a profile document; {@code source} names it in error messages. */
    public static Profile parse(String json, String source) {
        return new ProfileReader(source).read(Document.parse(json, source).root(), TOP_KEYS);
    }

    /** Reads a shipped profile by name or a profile file by path, as a JSON document. */
    static Document documentOf(String nameOrPath) {
        if (nameOrPath == null || nameOrPath.isBlank()) {
            throw new IllegalArgumentException("no profile given: use netra, ag-ui or a profile file");
        }
        if (SHIPPED.contains(nameOrPath)) {
            try (InputStream in = Profile.class.getResourceAsStream(nameOrPath + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("shipped profile " + nameOrPath + " is missing from the build");
                }
                return Document.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), nameOrPath);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read shipped profile " + nameOrPath, e);
            }
        }
        Path file = Path.of(nameOrPath);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("unknown profile '" + nameOrPath
                    + "': not one of " + String.join(", ", SHIPPED.stream().sorted().toList()) + " and no such file");
        }
        try {
            return Document.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read profile file " + file + ": " + e.getMessage(), e);
        }
    }

    /** A profile file's parsed JSON object and the name it is reported by. */
    record Document(JsonNode root, String source) {
        static Document parse(String json, String source) {
            JsonNode root;
            try {
                root = new ObjectMapper().readTree(json);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("profile " + source + " is not valid JSON: "
                        + e.getOriginalMessage(), e);
            }
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("profile " + source + " must be a JSON object");
            }
            return new Document(root, source);
        }
    }

    /** Turns a profile document into a {@link Profile}, naming the source and the field in every error. */
    private record ProfileReader(String source) {

        Profile read(JsonNode root, Set<String> allowedKeys) {
            rejectUnknownKeys(root, allowedKeys, "");
            String name = requiredText(root, "name");
            JsonNode f = required(root, "fields");
            rejectUnknownKeys(f, Set.of("type", "seq", "timestamp", "user_id", "connection_user_id", "thread_id",
                    "run_id", "tool_call_id", "tool_name", "attempt", "outgoing_thread_id"), "fields.");
            Fields fields = new Fields(paths(f, "type", true), paths(f, "seq", false), paths(f, "timestamp", false),
                    paths(f, "user_id", false), paths(f, "connection_user_id", false), paths(f, "thread_id", false),
                    paths(f, "run_id", true), paths(f, "tool_call_id", false), paths(f, "tool_name", false),
                    paths(f, "attempt", false), paths(f, "outgoing_thread_id", false));
            String batchType = null;
            String batchField = null;
            if (root.hasNonNull("batch")) {
                JsonNode batch = root.get("batch");
                rejectUnknownKeys(batch, Set.of("type", "field"), "batch.");
                batchType = requiredText(batch, "type");
                batchField = requiredText(batch, "field");
            }
            return new Profile(name, fields, threadPattern(root), roles(required(root, "roles")), batchType, batchField);
        }

        private Pattern threadPattern(JsonNode root) {
            if (!root.hasNonNull("thread_from_run_id")) {
                return null;
            }
            String regex = root.get("thread_from_run_id").asText();
            try {
                Pattern pattern = Pattern.compile(regex);
                if (pattern.matcher("").groupCount() < 1) {
                    throw fail("thread_from_run_id needs a capturing group for the thread id: " + regex);
                }
                return pattern;
            } catch (PatternSyntaxException e) {
                throw fail("thread_from_run_id is not a valid regular expression: " + e.getDescription());
            }
        }

        private Map<String, EventRole> roles(JsonNode node) {
            if (!node.isObject()) {
                throw fail("roles must be an object mapping a role to a list of event types");
            }
            Map<String, EventRole> roles = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                EventRole role = roleNamed(entry.getKey());
                for (String type : textList(entry.getValue(), "roles." + entry.getKey())) {
                    EventRole previous = roles.put(type, role);
                    if (previous != null && previous != role) {
                        throw fail("event type '" + type + "' is listed under two roles");
                    }
                }
            }
            return roles;
        }

        private EventRole roleNamed(String key) {
            String normalised = key.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            EventRole role = MAPPABLE_ROLES.stream().filter(r -> r.name().equals(normalised)).findFirst().orElse(null);
            if (role != null) {
                return role;
            }
            if (Arrays.stream(EventRole.values()).anyMatch(r -> r.name().equals(normalised))) {
                throw fail("role '" + key + "' is assigned by the decoder and cannot be mapped");
            }
            throw fail("unknown role '" + key + "' (use started, thinking, tool-start, tool-end, completed, "
                    + "error, connection, heartbeat, other, ignore)");
        }

        private JsonPaths paths(JsonNode fields, String key, boolean required) {
            if (!fields.hasNonNull(key)) {
                if (required) {
                    throw fail("fields." + key + " is required");
                }
                return new JsonPaths(List.of());
            }
            try {
                return new JsonPaths(textList(fields.get(key), "fields." + key));
            } catch (IllegalArgumentException e) {
                throw fail("fields." + key + ": " + e.getMessage());
            }
        }

        private List<String> textList(JsonNode node, String where) {
            if (!node.isArray()) {
                throw fail(where + " must be an array of strings");
            }
            List<String> list = new ArrayList<>();
            for (JsonNode item : node) {
                if (!item.isTextual() || item.asText().isBlank()) {
                    throw fail(where + " must hold only non-empty strings");
                }
                list.add(item.asText());
            }
            return list;
        }

        private JsonNode required(JsonNode node, String key) {
            if (!node.hasNonNull(key)) {
                throw fail("'" + key + "' is required");
            }
            return node.get(key);
        }

        private String requiredText(JsonNode node, String key) {
            JsonNode value = required(node, key);
            if (!value.isTextual() || value.asText().isBlank()) {
                throw fail("'" + key + "' must be a non-empty string");
            }
            return value.asText();
        }

        private void rejectUnknownKeys(JsonNode node, Set<String> allowed, String prefix) {
            if (!node.isObject()) {
                throw fail("'" + (prefix.isEmpty() ? "profile" : prefix.substring(0, prefix.length() - 1))
                        + "' must be an object");
            }
            node.fieldNames().forEachRemaining(key -> {
                if (!allowed.contains(key)) {
                    throw fail("unknown key '" + prefix + key + "'");
                }
            });
        }

        private IllegalArgumentException fail(String message) {
            return new IllegalArgumentException("profile " + source + ": " + message);
        }
    }
}
