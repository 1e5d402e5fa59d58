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
 * Written by one Jackson streaming generator into one reused buffer: this stands in for a backend
 * in another process, so it should leave as little garbage as it can in the heap being measured.
 * Not thread-safe: one per stream.
 */
final class NetraRun {
    /** Frames per run: one message out, nine events in. */
    static final int FRAMES = 10;
    private static final String[] STEPS = {"agent_started", "agent_thinking", "agent_thinking", "tool_executing",
        "tool_completed", "agent_thinking", "tool_executing", "tool_completed", "agent_completed"};

    /** One buffer and one generator for all runs: each text is cut out of it as it is finished. */
    private final Texts out = new Texts();
    private final JsonGenerator g;

    NetraRun(JsonFactory json) {
        try {
            g = json.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the writer is memory: it does not fail
        }
        g.setRootValueSeparator(null);
    }

    /** The texts of run {@code run} (1-based) of a user, whose first event gets seq {@code firstSeq}. */
    List<String> texts(String user, int run, long firstSeq, Instant time) {
        String thread = "t-" + user + "-" + run;
        String runId = "run_" + thread + "_" + digits(Integer.toString(run % 100_000), 5) + "_"
                + digits(Integer.toHexString((user + run).hashCode()), 8);
        String canary = "cnry-" + digits(Long.toHexString(((long) user.hashCode() << 20 ^ run) & 0xFFFFFFFFFFL), 10);
        String prompt = Canary.DEFAULT.mark("Compare Q3 costs for " + user, canary);
        List<String> texts = new ArrayList<>(FRAMES);
        out.reset();
        try {
            g.writeStartObject();
            g.writeStringField("type", "user_message");
            g.writeObjectFieldStart("payload");
            g.writeStringField("content", prompt);
            g.writeStringField("thread_id", thread);
            g.writeEndObject();
            g.writeEndObject();
            texts.add(out.next(g));
            String first = time.toString();
            for (int step = 0; step < STEPS.length; step++) {
                g.writeStartObject();
                event(g, STEPS[step], step, user, runId, firstSeq + step, plusMillis(time, first, step), prompt);
                g.writeEndObject();
                texts.add(out.next(g));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the writer is memory: it does not fail
        }
        return texts;
    }

    /** {@code value} with leading zeros up to {@code width}. */
    private static String digits(String value, int width) {
        return value.length() >= width ? value : "0".repeat(width - value.length()) + value;
    }

    /**
     * {@code time} plus {@code millis} as {@code Instant.toString} writes it, made from {@code text}
     * (the text of {@code time}) by changing its milliseconds when the second stays the same; the
     * stream makes twenty thousand of these a second and a formatter's garbage would be measured.
     */
    static String plusMillis(Instant time, String text, int millis) {
        if (millis == 0) {
            return text;
        }
        int ms = time.getNano() / 1_000_000 + millis;
        int dot = text.indexOf('.');
        if (ms >= 1000 || dot < 0) {
            return time.plusMillis(millis).toString(); // the second changes, or there was no fraction
        }
        char[] chars = text.toCharArray();
        chars[dot + 1] = (char) ('0' + ms / 100);
        chars[dot + 2] = (char) ('0' + ms / 10 % 10);
        chars[dot + 3] = (char) ('0' + ms % 10);
        return new String(chars);
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

    /** A buffer the texts are written into, one after the other; each is cut out as it is finished. */
    private static final class Texts extends Writer {
        private final StringBuilder buffer = new StringBuilder(4096);
        private int start;

        void reset() {
            buffer.setLength(0);
            start = 0;
        }

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
