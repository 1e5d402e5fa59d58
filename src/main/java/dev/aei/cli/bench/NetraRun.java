package dev.aei.cli.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.aei.protocol.Canary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames of one healthy netra run as a lane captures them: the user's message (with its
 * canary), then started, three thoughts, two tool calls and completed, numbered by the lane's seq.
 * Written with one Jackson streaming generator per run into one buffer: this stands in for a backend
 * in another process, so it should leave as little garbage as it can in the heap being measured.
 */
final class NetraRun {
    /** Frames per run: one message out, nine events in. */
    static final int FRAMES = 10;
    private static final String[] STEPS = {"agent_started", "agent_thinking", "agent_thinking", "tool_executing",
        "tool_completed", "agent_thinking", "tool_executing", "tool_completed", "agent_completed"};

    private final JsonFactory json;

    NetraRun(JsonFactory json) {
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
        Texts out = new Texts();
        try (JsonGenerator g = json.createGenerator(out)) {
            g.setRootValueSeparator(null);
            g.writeStartObject();
            g.writeStringField("type", "user_message");
            g.writeObjectFieldStart("payload");
            g.writeStringField("content", prompt);
            g.writeStringField("thread_id", thread);
            g.writeEndObject();
            g.writeEndObject();
            texts.add(out.next(g));
            for (int step = 0; step < STEPS.length; step++) {
                g.writeStartObject();
                event(g, STEPS[step], step, user, runId, firstSeq + step, time.plusMillis(step).toString(), prompt);
                g.writeEndObject();
                texts.add(out.next(g));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the writer is memory: it does not fail
        }
        return texts;
    }

    private static void event(JsonGenerator g, String type, int step, String user, String runId, long seq,
                              String timestamp, String prompt) throws IOException {
        g.writeStringField("type", type);
        g.writeStringField("run_id", runId);
        g.writeStringField("user_id", user);
        g.writeStringField("agent_name", "cost_optimizer");
        g.writeStringField("timestamp", timestamp);
        g.writeNumberField("seq", seq);
        boolean tool = type.startsWith("tool_");
        if (tool) {
            g.writeStringField("tool_name", step < 5 ? "search_docs" : "cost_calculator");
            g.writeStringField("tool_call_id", runId + (step < 5 ? "-c1" : "-c2"));
        }
        if (type.equals("tool_completed")) {
            g.writeStringField("results", "Found 3 documents");
        }
        g.writeObjectFieldStart("data");
        switch (type) {
            case "agent_started" -> {
                g.writeStringField("status", "started");
                g.writeStringField("message", "cost_optimizer has started: " + prompt);
            }
            case "agent_thinking" -> {
                g.writeStringField("reasoning", "Step " + step + " of the request: " + prompt);
                g.writeNumberField("step_number", step);
                g.writeNumberField("progress_percentage", step * 10);
            }
            case "tool_executing" -> {
                g.writeObjectFieldStart("parameters");
                g.writeStringField("query", "q3 costs");
                g.writeNumberField("limit", 5);
                g.writeEndObject();
            }
            case "tool_completed" -> {
                g.writeStringField("status", "success");
                g.writeNumberField("execution_time_ms", 40 + step);
            }
            default -> {
                g.writeStringField("status", "completed");
                g.writeStringField("result", "Q3 costs are 12% below Q2");
                g.writeNumberField("execution_time_ms", 120);
            }
        }
        g.writeEndObject();
    }

    /** One buffer for all texts of a run: each text is cut out as it is finished. */
    private static final class Texts extends Writer {
        private final StringBuilder buffer = new StringBuilder(4096);
        private int start;

        /** The text written since the last call. */
        String next(JsonGenerator g) throws IOException {
            g.flush();
            String text = buffer.substring(start);
            start = buffer.length();
            return text;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            buffer.append(chars, offset, length);
        }

        @Override
        public void flush() {
            // nothing buffered here
        }

        @Override
        public void close() {
            // memory only
        }
    }
}
