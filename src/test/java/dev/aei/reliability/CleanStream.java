package dev.aei.reliability;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A well-formed netra stream per user: back-to-back runs with seq, ids and timestamps, carrying what
 * the web client reads where it reads it (under {@code data}) and ended for it by a final_report.
 */
final class CleanStream {
    private static final List<String> RUN = List.of("agent_started", "agent_thinking", "tool_executing",
            "tool_completed", "final_report", "agent_completed");

    private final Map<String, Integer> sent = new HashMap<>();

    /** The user's next event. */
    String next(String user) {
        int n = sent.merge(user, 1, Integer::sum) - 1;
        int run = n / RUN.size() + 1;
        String type = RUN.get(n % RUN.size());
        String runId = String.format("run_t-%s-%d_%05d_%08x", user, run, run, run);
        // seq 1 was the server's greeting
        return "{\"type\":\"" + type + "\",\"run_id\":\"" + runId + "\",\"user_id\":\"" + user + "\",\"seq\":" + (n + 2)
                + ",\"timestamp\":\"" + Instant.now() + "\",\"agent_name\":\"clean\",\"tool_call_id\":\"tc-" + run
                + "\",\"data\":{\"status\":\"ok\",\"message\":\"step " + n + "\",\"tool_name\":\"search_docs\","
                + "\"reasoning\":\"step " + n + "\",\"result\":\"done\",\"execution_time_ms\":5}}";
    }

    /** True when the user's next event starts a new run. */
    boolean atRunStart(String user) {
        return sent.getOrDefault(user, 0) % RUN.size() == 0;
    }
}
