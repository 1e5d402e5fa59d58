package dev.aei.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Turns a profile document into a {@link Profile}, naming the source and the field in every error. */
final class ProfileReader {
    private static final Set<EventRole> MAPPABLE_ROLES = EnumSet.complementOf(EnumSet.of(EventRole.UNKNOWN,
            EventRole.MALFORMED, EventRole.BINARY, EventRole.OUTGOING));
    private static final Set<String> TOP_KEYS = Set.of("name", "description", "fields", "thread_from_run_id",
            "roles", "batch", "prompt_types", "server_error_types", "socket_path", "client", "contract",
            "user_events", "pairs", "runs");

    private final String source;

    private ProfileReader(String source) {
        this.source = source;
    }

    /** The profile a document describes; a mistake in it is an {@link IllegalArgumentException} naming where. */
    static Profile read(ProfileDocument document) {
        return new ProfileReader(document.source()).read(document.root());
    }

    private Profile read(JsonNode root) {
        rejectUnknownKeys(root, TOP_KEYS, "");
        String name = requiredText(root, "name");
        JsonNode f = required(root, "fields");
        rejectUnknownKeys(f, Set.of("type", "seq", "timestamp", "user_id", "connection_user_id", "thread_id",
                "run_id", "tool_call_id", "tool_name", "attempt", "outgoing_thread_id"), "fields.");
        Profile.Fields fields = new Profile.Fields(paths(f, "type", true), paths(f, "seq", false), paths(f, "timestamp", false),
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
        Set<String> outside = new LinkedHashSet<>();
        Map<String, EventRole> roles = roles(required(root, "roles"), outside);
        Set<String> serverErrors = Set.copyOf(optionalList(root, "server_error_types"));
        for (String type : serverErrors) {
            roles.putIfAbsent(type, EventRole.OTHER); // a server error is a known type even if no role lists it
        }
        Profile.Vocabulary vocabulary = new Profile.Vocabulary(outside, Set.copyOf(optionalList(root, "prompt_types")),
                serverErrors, socketPath(root), allConnections(root));
        Map<String, JsonPaths> fieldPaths = Map.ofEntries(Map.entry("type", fields.type()),
                Map.entry("seq", fields.seq()), Map.entry("timestamp", fields.timestamp()),
                Map.entry("user_id", fields.userId()), Map.entry("connection_user_id", fields.connectionUserId()),
                Map.entry("thread_id", fields.threadId()), Map.entry("run_id", fields.runId()),
                Map.entry("tool_call_id", fields.toolCallId()), Map.entry("tool_name", fields.toolName()),
                Map.entry("attempt", fields.attempt()), Map.entry("outgoing_thread_id", fields.outgoingThreadId()));
        Grammar grammar = new GrammarReader(source, fieldPaths, roles).read(root);
        return new Profile(name, fields, threadPatterns(root), roles, batchType, batchField, vocabulary,
                ClientContract.read(root.get("contract"), source), grammar);
    }

    private List<String> optionalList(JsonNode root, String key) {
        return root.hasNonNull(key) ? textList(root.get(key), key) : List.of();
    }

    /** Whether a user's events go to all of the user's connections ({@code user_events}). */
    private boolean allConnections(JsonNode root) {
        if (!root.hasNonNull("user_events")) {
            return false;
        }
        String value = root.get("user_events").asText("");
        if (!value.equals(Profile.ALL_CONNECTIONS) && !value.equals(Profile.ASKING_CONNECTION)) {
            throw fail("user_events must be " + Profile.ALL_CONNECTIONS + " or " + Profile.ASKING_CONNECTION + ", got '" + value + "'");
        }
        return value.equals(Profile.ALL_CONNECTIONS);
    }

    private String socketPath(JsonNode root) {
        if (!root.hasNonNull("socket_path")) {
            return null;
        }
        String path = root.get("socket_path").asText("");
        if (!path.startsWith("/")) {
            throw fail("socket_path must be a URL path starting with '/': " + path);
        }
        return path;
    }

    /** One regular expression (which must capture the thread) or a list of them (a run id shape without a group holds no thread). */
    private List<Pattern> threadPatterns(JsonNode root) {
        if (!root.hasNonNull("thread_from_run_id")) {
            return List.of();
        }
        JsonNode node = root.get("thread_from_run_id");
        if (node.isTextual()) {
            Pattern pattern = compile(node.asText());
            if (pattern.matcher("").groupCount() < 1) {
                throw fail("thread_from_run_id needs a capturing group for the thread id: " + node.asText());
            }
            return List.of(pattern);
        }
        return textList(node, "thread_from_run_id").stream().map(this::compile).toList();
    }

    private Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw fail("thread_from_run_id is not a valid regular expression: " + e.getDescription());
        }
    }

    private Map<String, EventRole> roles(JsonNode node, Set<String> outside) {
        if (!node.isObject()) {
            throw fail("roles must be an object mapping a role to a list of event types");
        }
        Map<String, EventRole> roles = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            boolean outsideRuns = entry.getKey().equals(Profile.OUTSIDE_RUNS_KEY);
            EventRole role = outsideRuns ? EventRole.OTHER : roleNamed(entry.getKey());
            for (String type : textList(entry.getValue(), "roles." + entry.getKey())) {
                EventRole previous = roles.put(type, role);
                if (previous != null && (previous != role || outsideRuns != outside.contains(type))) {
                    throw fail("event type '" + type + "' is listed under two roles");
                }
                if (outsideRuns) {
                    outside.add(type);
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
                + "error, connection, heartbeat, other, " + Profile.OUTSIDE_RUNS_KEY + ", ignore)");
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
        return JsonValues.textList(node, where, source);
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
