package dev.aei.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which prompt messages start runs under the configured {@link InputMode}. In
 * {@code start_agent} mode it remembers, per user, the threads {@code start_agent} opened, so a
 * {@code user_message} there is a follow-up and one anywhere else is refused.
 */
final class InputGate {

    /** The message types that carry a prompt. */
    static final Set<String> PROMPT_TYPES = Set.of("user_message", "start_agent", "chat");

    /**
     * Why a prompt starts no run, as the {@code error_message} that answers it.
     *
     * @param code    the {@code error_code}
     * @param message the {@code error_message}
     * @param details the {@code details} object
     */
    record Refusal(String code, String message, Map<String, Object> details) {
    }

    private final InputMode mode;
    private final Set<String> startedThreads = ConcurrentHashMap.newKeySet();

    InputGate(InputMode mode) {
        this.mode = mode;
    }

    /** Null when a prompt of this type (in this thread, null if none given) starts a run, else why not. */
    Refusal admit(String userId, String type, String threadId) {
        if (!accepted().contains(type)) {
            return new Refusal("UNSUPPORTED_MESSAGE_TYPE", "message type '" + type + "' does not start an agent here"
                    + " (accepted: " + String.join(", ", accepted()) + ")",
                    details("message_type", type, "accepted", accepted()));
        }
        if (mode == InputMode.START_AGENT && type.equals("user_message")
                && (threadId == null || !startedThreads.contains(key(userId, threadId)))) {
            return new Refusal("THREAD_NOT_STARTED", threadId == null
                    ? "user_message needs the thread_id of a thread started with start_agent"
                    : "thread '" + threadId + "' was not started; start it with start_agent",
                    details("message_type", type, "thread_id", threadId));
        }
        return null;
    }

    /** Notes that a prompt of this type started a run in the thread. */
    void started(String userId, String type, String threadId) {
        if (mode == InputMode.START_AGENT && type.equals("start_agent")) {
            startedThreads.add(key(userId, threadId));
        }
    }

    private List<String> accepted() {
        return switch (mode) {
            case USER_MESSAGE -> List.of("user_message");
            case START_AGENT -> List.of("start_agent", "user_message");
            case ANY -> List.of("user_message", "start_agent", "chat");
        };
    }

    private static String key(String userId, String threadId) {
        return userId + '\n' + threadId;
    }

    private static Map<String, Object> details(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(k1, v1);
        details.put(k2, v2);
        return details;
    }
}
