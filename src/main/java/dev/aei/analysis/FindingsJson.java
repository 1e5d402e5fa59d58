package dev.aei.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aei.protocol.ParserMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The findings JSON (`--findings-json`): an array of objects with {@code rule}, {@code severity},
 * {@code lane}, {@code run_id}, {@code message} and {@code frames}. Written in a stable order
 * (lane, first frame, rule, run, message) so a live recording and an offline check of the same
 * frames give the same file, whenever each finding was raised.
 */
public final class FindingsJson {
    /** The order findings are written in. */
    public static final Comparator<Finding> STABLE_ORDER = Comparator.comparing(Finding::lane)
            .thenComparingInt(f -> f.frames().isEmpty() ? Integer.MAX_VALUE : f.frames().get(0))
            .thenComparing(Finding::rule)
            .thenComparing(f -> f.runId() == null ? "" : f.runId())
            .thenComparing(Finding::message);

    private final ObjectMapper json = new ObjectMapper();

    /** The findings as a JSON document, in stable order. */
    public String toJson(List<Finding> findings) {
        ArrayNode array = json.createArrayNode();
        findings.stream().sorted(STABLE_ORDER).forEach(f -> {
            ObjectNode node = array.addObject();
            node.put("rule", f.rule());
            node.put("severity", f.severity().label());
            node.put("lane", f.lane());
            node.put("run_id", f.runId());
            node.put("message", f.message());
            f.frames().forEach(node.putArray("frames")::add);
            if (f.frames().isEmpty()) {
                node.putArray("frames");
            }
        });
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("findings cannot be written as JSON", e);
        }
    }

    public void write(List<Finding> findings, Path file) throws IOException {
        Files.writeString(file, toJson(findings), StandardCharsets.UTF_8);
    }

    /** True when the file holds a findings document, as this class writes one (so a new one may replace it). */
    public boolean holdsFindings(Path file) {
        try {
            read(file);
            return true;
        } catch (IOException | RuntimeException e) { // not JSON, not findings, not UTF-8, unreadable
            return false;
        }
    }

    /** Reads findings back (their session-clock time is not in the file and reads as 0). */
    public List<Finding> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses a findings document; {@code source} names it in error messages. */
    public List<Finding> parse(String text, String source) throws IOException {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IOException(source + " is not valid JSON: " + ParserMessage.of(e), e);
        }
        if (root == null || !root.isArray()) {
            throw new IOException(source + " must be a JSON array of findings");
        }
        List<Finding> findings = new ArrayList<>();
        int i = 0;
        for (JsonNode node : root) {
            findings.add(finding(node, source + " finding " + i++));
        }
        return findings;
    }

    private static Finding finding(JsonNode node, String where) throws IOException {
        if (!node.isObject()) {
            throw new IOException(where + " is not an object");
        }
        String rule = text(node, "rule", where, true);
        String lane = text(node, "lane", where, true);
        Severity severity;
        try {
            severity = Severity.parse(text(node, "severity", where, true));
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": severity must be critical, error, warning or info");
        }
        List<Integer> frames = new ArrayList<>();
        JsonNode array = node.path("frames");
        if (!array.isMissingNode() && !array.isArray()) {
            throw new IOException(where + ": frames must be an array of frame indexes");
        }
        for (JsonNode frame : array) {
            if (!frame.canConvertToInt() || frame.intValue() < 0) {
                throw new IOException(where + ": frames must be an array of frame indexes");
            }
            frames.add(frame.intValue());
        }
        return new Finding(rule, severity, lane, text(node, "run_id", where, false),
                text(node, "message", where, false), frames, 0);
    }

    private static String text(JsonNode node, String field, String where, boolean required) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new IOException(where + ": '" + field + "' is missing");
            }
            return field.equals("message") ? "" : null;
        }
        if (!value.isTextual()) {
            throw new IOException(where + ": '" + field + "' must be a string");
        }
        return value.asText();
    }
}
