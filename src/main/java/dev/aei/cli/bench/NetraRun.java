package dev.aei.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aei.protocol.Canary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames of one healthy netra run as a lane captures them: the user's message (with its
 * canary), then started, three thoughts, two tool calls and completed, numbered by the lane's seq.
 */
final class NetraRun {
    /** Frames per run: one message out, nine events in. */
    static final int FRAMES = 10;
    private static final String[] STEPS = {"agent_started", "agent_thinking", "agent_thinking", "tool_executing",
        "tool_completed", "agent_thinking", "tool_executing", "tool_completed", "agent_completed"};

    private final ObjectMapper json;

    NetraRun(ObjectMapper json) {
        this.json = json;
    }

    /** The texts of run {@code run} (1-based) of a user, whose first event gets seq {@code firstSeq}. */
    List<String> texts(String user, int run, long firstSeq, Instant time) {
        String thread = "t-" + user + "-" + run;
        String runId = "run_" + thread + "_" + String.format("%05d", run % 100_000) + "_"
                + String.format("%08x", (user + run).hashCode());
        String canary = String.format("cnry-%010x", ((long) user.hashCode() << 20 ^ run) & 0xFFFFFFFFFFL);
        String prompt = Canary.DEFAULT.mark("Compare Q3 costs for " + user, canary);
        List<String> texts = new ArrayList<>(FRAMES);
        ObjectNode message = json.createObjectNode().put("type", "user_message");
        message.putObject("payload").put("content", prompt).put("thread_id", thread);
        texts.add(message.toString());
        for (int step = 0; step < STEPS.length; step++) {
            texts.add(event(STEPS[step], step, user, runId, firstSeq + step, time, prompt).toString());
        }
        return texts;
    }

    private ObjectNode event(String type, int step, String user, String runId, long seq, Instant time,
                             String prompt) {
        ObjectNode node = json.createObjectNode().put("type", type).put("run_id", runId).put("user_id", user)
                .put("agent_name", "cost_optimizer").put("timestamp", time.plusMillis(step).toString())
                .put("seq", seq);
        ObjectNode data = node.putObject("data");
        switch (type) {
            case "agent_started" -> data.put("status", "started").put("message", "cost_optimizer has started: "
                    + prompt);
            case "agent_thinking" -> data.put("reasoning", "Step " + step + " of the request: " + prompt)
                    .put("step_number", step).put("progress_percentage", step * 10);
            case "tool_executing" -> {
                node.put("tool_name", step < 5 ? "search_docs" : "cost_calculator")
                        .put("tool_call_id", runId + (step < 5 ? "-c1" : "-c2"));
                data.putObject("parameters").put("query", "q3 costs").put("limit", 5);
            }
            case "tool_completed" -> {
                node.put("tool_name", step < 5 ? "search_docs" : "cost_calculator")
                        .put("tool_call_id", runId + (step < 5 ? "-c1" : "-c2")).put("results", "Found 3 documents");
                data.put("status", "success").put("execution_time_ms", 40 + step);
            }
            default -> data.put("status", "completed").put("result", "Q3 costs are 12% below Q2")
                    .put("execution_time_ms", 120);
        }
        return node;
    }
}
