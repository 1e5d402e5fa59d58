package dev.aei.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        return ProfileReader.read(ProfileDocument.of(nameOrPath));
    }

    /** Parses a profile document; {@code source} names it in error messages. */
    public static Profile parse(String json, String source) {
        return ProfileReader.read(ProfileDocument.parse(json, source));
    }
}
