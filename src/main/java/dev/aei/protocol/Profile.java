package dev.aei.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How a backend's frames are read: where each field sits and which event names play which role.
 * Profiles are data files ({@code netra.json}, {@code ag-ui.json} shipped as resources); the
 * file format is described in {@code netra.json}'s {@code description} and in the README.
 *
 * @param name            the profile's name
 * @param fields          where each field of an event is looked up
 * @param threadFromRunId the run id shapes, tried in order: the first that matches gives the thread id
 *                        (group 1), or no thread when it has no group; empty when run ids hold no thread
 * @param roles           the backend's event type names mapped to roles, in the file's order; a name
 *                        ending in {@code *} stands for every type starting with what precedes it
 * @param batchType       the type of a container event whose members are flattened, or null
 * @param batchField      the container's array field holding the members, or null
 * @param vocabulary      the types with a meaning beyond their role, and where the sockets live
 * @param contract        what the backend's own client reads from the events ({@link ClientContract#NONE} if unsaid)
 * @param grammar         the pairs of a run and how runs follow each other ({@link Grammar#NONE} if unsaid)
 */
public record Profile(String name, Fields fields, List<Pattern> threadFromRunId, Map<String, EventRole> roles,
                      String batchType, String batchField, Vocabulary vocabulary, ClientContract contract,
                      Grammar grammar) {

    /** The profiles shipped inside the application. */
    public static final Set<String> SHIPPED = Set.of("netra", "ag-ui");

    private static final Set<EventRole> MAPPABLE_ROLES = EnumSet.complementOf(EnumSet.of(EventRole.UNKNOWN,
            EventRole.MALFORMED, EventRole.BINARY, EventRole.OUTGOING));
    private static final Set<String> TOP_KEYS = Set.of("name", "description", "fields", "thread_from_run_id",
            "roles", "batch", "prompt_types", "server_error_types", "socket_path", "client", "contract",
            "user_events", "pairs", "runs");
    /** {@code user_events} value: a user's events go to every connection the user has open. */
    public static final String ALL_CONNECTIONS = "all-connections";
    /** {@code user_events} value (the default): a run's events go only to the connection that asked for it. */
    public static final String ASKING_CONNECTION = "asking-connection";
    /** The role key of types the profile knows that take no part in a run's order. */
    static final String OUTSIDE_RUNS_KEY = "outside-runs";

    public Profile {
        threadFromRunId = List.copyOf(threadFromRunId);
        roles = Collections.unmodifiableMap(new LinkedHashMap<>(roles));
        contract = contract == null ? ClientContract.NONE : contract;
        grammar = grammar == null ? Grammar.NONE : grammar;
    }

    /**
     * Types with a meaning beyond their role, and the socket path.
     *
     * @param outsideRuns      known types that are no step of a run (thread notices, status, MCP…); a
     *                         name ending in {@code *} is a prefix
     * @param promptTypes      types of the messages a client sends that ask for a run
     * @param serverErrorTypes types of the frames a server sends when it cannot handle something
     * @param socketPath       the URL path of the backend's event socket, or null when any path will do
     * @param allConnections   true when the backend sends a user's events to every connection of the user
     *                         (so a run one tab asked for reaching the user's other tab is expected), false
     *                         when only the asking connection should get them
     */
    public record Vocabulary(Set<String> outsideRuns, Set<String> promptTypes, Set<String> serverErrorTypes,
                             String socketPath, boolean allConnections) {
        /** A profile that names none of these. */
        public static final Vocabulary NONE = new Vocabulary(Set.of(), Set.of(), Set.of(), null);

        public Vocabulary {
            outsideRuns = Set.copyOf(outsideRuns);
            promptTypes = Set.copyOf(promptTypes);
            serverErrorTypes = Set.copyOf(serverErrorTypes);
        }

        /** A vocabulary whose backend answers only the asking connection. */
        public Vocabulary(Set<String> outsideRuns, Set<String> promptTypes, Set<String> serverErrorTypes,
                          String socketPath) {
            this(outsideRuns, promptTypes, serverErrorTypes, socketPath, false);
        }
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

    /** The role of an event type (an exact name first, then the longest matching prefix), or null when unknown. */
    public EventRole role(String type) {
        EventRole exact = roles.get(type);
        if (exact != null || type == null) {
            return exact;
        }
        String best = null;
        for (String name : roles.keySet()) {
            if (isPrefix(name) && type.startsWith(name.substring(0, name.length() - 1))
                    && (best == null || name.length() > best.length())) {
                best = name;
            }
        }
        return best == null ? null : roles.get(best);
    }

    /** True for a known type that is no step of a run: it is shown and checked for leaks, but not ordered. */
    public boolean outsideRuns(String type) {
        return type != null && (vocabulary.serverErrorTypes().contains(type) || matches(vocabulary.outsideRuns(), type));
    }

    /** True when an outgoing message of this type asks the server for a run. */
    public boolean isPrompt(String type) {
        return type != null && vocabulary.promptTypes().contains(type);
    }

    /** True when the backend sends a user's events to all of the user's connections, not only the asking one. */
    public boolean userEventsToAllConnections() {
        return vocabulary.allConnections();
    }

    /** True when a frame of this type is the server saying it could not handle something. */
    public boolean isServerError(String type) {
        return type != null && vocabulary.serverErrorTypes().contains(type);
    }

    private static boolean matches(Set<String> names, String type) {
        if (names.contains(type)) {
            return true;
        }
        for (String name : names) {
            if (isPrefix(name) && type.regionMatches(0, name, 0, name.length() - 1)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPrefix(String name) {
        return name.length() > 1 && name.endsWith("*");
    }

    /** The thread id a run id encodes, or null (also when its shape is known to hold none). */
    public String threadOf(String runId) {
        if (runId == null) {
            return null;
        }
        return ThreadIds.firstGroup(threadFromRunId.stream().map(p -> p.matcher(runId)).toArray(Matcher[]::new), runId);
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
            Set<String> outside = new LinkedHashSet<>();
            Map<String, EventRole> roles = roles(required(root, "roles"), outside);
            Set<String> serverErrors = Set.copyOf(optionalList(root, "server_error_types"));
            for (String type : serverErrors) {
                roles.putIfAbsent(type, EventRole.OTHER); // a server error is a known type even if no role lists it
            }
            Vocabulary vocabulary = new Vocabulary(outside, Set.copyOf(optionalList(root, "prompt_types")),
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
            if (!value.equals(ALL_CONNECTIONS) && !value.equals(ASKING_CONNECTION)) {
                throw fail("user_events must be " + ALL_CONNECTIONS + " or " + ASKING_CONNECTION + ", got '" + value + "'");
            }
            return value.equals(ALL_CONNECTIONS);
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
                boolean outsideRuns = entry.getKey().equals(OUTSIDE_RUNS_KEY);
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
                    + "error, connection, heartbeat, other, " + OUTSIDE_RUNS_KEY + ", ignore)");
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
}
