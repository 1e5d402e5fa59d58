package dev.aei.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The scripted agent: for one request, the events of one run — started, three thoughts, two
 * tool calls, completed. The request text (with any canary marker) is quoted in the events.
 */
final class AgentScript {

    /** The agent every run reports. */
    static final String AGENT_NAME = "cost_optimizer";

    private final RandomGenerator random;

    AgentScript(RandomGenerator random) {
        this.random = random;
    }

    /**
     * The run's events in order. Strict netra mode sends thought 1, the first tool call and the
     * completion flat and the rest in the data form, so both shapes always appear.
     */
    List<RunEvent> events(String request, String runId) {
        List<RunEvent> events = new ArrayList<>();
        events.add(event("agent_started", false,
                "status", "started", "message", AGENT_NAME + " has started working on: " + request));
        events.add(thinking(1, 20, "Reading the request: \"" + request + "\"", true));
        events.add(thinking(2, 40, "I will look up the relevant documents, then compute the figures.", false));
        addToolCall(events, "search_docs", runId + "-c1", Map.of("query", request, "limit", 5),
                "Found 3 documents about: " + request, true);
        events.add(thinking(3, 70, "The documents give the inputs; now the calculation.", false));
        addToolCall(events, "cost_calculator", runId + "-c2", Map.of("expression", "q3_total - q2_total"),
                "Q3 costs are 12% below Q2", false);
        events.add(event("agent_completed", true, "status", "completed",
                "result", "Done: Q3 costs are 12% below Q2 (request: " + request + ")",
                "execution_time_ms", 0));
        return events;
    }

    /** The web-client shape's closing event: what the web client treats as the end of processing. */
    RunEvent finalReport(String request) {
        return event("final_report", false, "status", "completed",
                "report", "Report: Q3 costs are 12% below Q2 (request: " + request + ")", "execution_time_ms", 0);
    }

    /** The extra thought the after-complete fault sends once a run has completed. */
    RunEvent lateThought() {
        return thinking(4, 100, "One more thought after finishing.", false);
    }

    private void addToolCall(List<RunEvent> events, String tool, String callId, Map<String, Object> parameters,
                             String results, boolean flat) {
        events.add(new RunEvent("tool_executing", tool, callId, Map.of("parameters", parameters), flat));
        Map<String, Object> done = new LinkedHashMap<>();
        done.put("status", "success");
        done.put("results", results);
        done.put("execution_time_ms", 20 + random.nextInt(280));
        events.add(new RunEvent("tool_completed", tool, callId, done, flat));
    }

    private static RunEvent thinking(int step, int progress, String reasoning, boolean flat) {
        return event("agent_thinking", flat, "reasoning", reasoning, "step_number", step,
                "progress_percentage", progress);
    }

    private static RunEvent event(String type, boolean flat, Object... keyValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            data.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new RunEvent(type, null, null, data, flat);
    }
}
