package dev.aei.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The corpus of AG-UI streams in {@code ag-ui-streams.txt}: each stream with what the ag-ui
 * profile must make of it, and a judge of the findings one connection got for it.
 */
final class AgUiStreams {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESOURCE = "ag-ui-streams.txt";

    private AgUiStreams() {
    }

    /**
     * One stream.
     *
     * @param number   its place in the file, from 1
     * @param name     what it shows
     * @param valid    true when no finding above info may come of it
     * @param badEvent where an invalid one first breaks the protocol (event index, from 0); -1 when valid
     * @param rule     the rule an invalid one must raise at that event
     * @param events   the events as JSON objects
     */
    record Stream(int number, String name, boolean valid, int badEvent, String rule, List<ObjectNode> events) {

        /** The lane (and the HAR socket's {@code user}) it is played on. */
        String lane() {
            return String.format(Locale.ROOT, "s%02d", number);
        }

        /**
         * The frames of one connection: thread and run ids get the stream's number, so streams
         * played side by side in one session are not each other's runs.
         */
        List<String> frames() {
            return events.stream().map(e -> {
                ObjectNode copy = e.deepCopy();
                for (String field : List.of("threadId", "runId")) {
                    if (copy.hasNonNull(field)) {
                        copy.put(field, copy.get(field).asText() + "-" + lane());
                    }
                }
                return copy.toString();
            }).toList();
        }

        /** What is wrong with {@code findings} (the lane's, frames counted as events), or null when they fit. */
        String misjudged(List<Finding> findings) {
            if (valid) {
                List<Finding> above = findings.stream().filter(f -> f.severity().atLeast(Severity.WARNING)).toList();
                return above.isEmpty() ? null : "valid, but got " + describe(above);
            }
            boolean hit = findings.stream().anyMatch(f -> f.rule().equals(rule)
                    && f.severity().atLeast(Severity.ERROR) && f.frames().contains(badEvent));
            return hit ? null : "expected " + rule + " at event " + badEvent + ", got " + describe(findings);
        }

        private static String describe(List<Finding> findings) {
            return findings.isEmpty() ? "nothing" : findings.stream()
                    .map(f -> f.rule() + " " + f.frames() + " (" + f.message() + ")")
                    .collect(Collectors.joining("; "));
        }

        @Override
        public String toString() {
            return "#" + number + " " + name;
        }
    }

    /** Every stream of the corpus, in file order. */
    static List<Stream> all() {
        try (InputStream in = AgUiStreams.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Stream> parse(String text) {
        List<Stream> streams = new ArrayList<>();
        String name = null;
        String verdict = null;
        List<ObjectNode> events = new ArrayList<>();
        for (String raw : (text + "\n== end").split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("== ")) {
                if (name != null) {
                    streams.add(stream(streams.size() + 1, name, verdict, events));
                }
                name = line.substring(3).strip();
                verdict = null;
                events = new ArrayList<>();
            } else if (verdict == null) {
                verdict = line;
            } else {
                events.add(event(line));
            }
        }
        return streams;
    }

    private static Stream stream(int number, String name, String verdict, List<ObjectNode> events) {
        if (verdict == null || events.isEmpty()) {
            throw new IllegalArgumentException("stream '" + name + "' needs a verdict and events");
        }
        if (verdict.equals("valid")) {
            return new Stream(number, name, true, -1, null, List.copyOf(events));
        }
        String[] parts = verdict.split("\\s+");
        if (parts.length != 4 || !parts[0].equals("invalid") || !parts[1].equals("at")) {
            throw new IllegalArgumentException("stream '" + name + "': say 'valid' or 'invalid at N rule', not '"
                    + verdict + "'");
        }
        int at = Integer.parseInt(parts[2]);
        if (at < 0 || at >= events.size()) {
            throw new IllegalArgumentException("stream '" + name + "' goes wrong at event " + at + " of " + events.size());
        }
        Rule.byId(parts[3]);
        return new Stream(number, name, false, at, parts[3], List.copyOf(events));
    }

    /** "TYPE" or "TYPE {json}" as the event object with that type first. */
    private static ObjectNode event(String line) {
        int space = line.indexOf(' ');
        ObjectNode event = JSON.createObjectNode().put("type", space < 0 ? line : line.substring(0, space));
        if (space >= 0) {
            try {
                JsonNode rest = JSON.readTree(line.substring(space + 1));
                event.setAll((ObjectNode) rest);
            } catch (IOException | ClassCastException e) {
                throw new IllegalArgumentException("not an event: " + line, e);
            }
        }
        return event;
    }
}
