package dev.aei.ui.presenter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aei.protocol.CanaryPattern;
import dev.aei.protocol.CanaryPatterns;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Words for a stakeholder out of an event's fields: the text inside a JSON value instead of the JSON
 * ({@code {"summary": "Q3 fell"}} reads "Q3 fell"), and without the prompt markers this tool adds to
 * prompts, which mean nothing to an audience.
 */
final class PlainText {
    /** Fields that hold the readable part of an object, most telling first. */
    private static final List<String> READABLE = List.of("summary", "text", "message", "content", "answer",
            "result", "final_response", "report", "output", "reasoning", "description");
    /** A marker with the brackets or parentheses and the space the composer put around it. */
    private static final Pattern MARKER = Pattern.compile("\\s*[\\[(]?" + CanaryPattern.OURS.regex() + "[\\])]?");
    private static final String OURS_PREFIX = "cnry-";
    private static final int MAX_PAIRS = 4;

    private PlainText() {
    }

    /** The readable text of a JSON value; null for a missing or null value. */
    static String of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isValueNode()) {
            return withoutMarkers(node.asText());
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(item -> {
                String text = of(item);
                if (text != null && !text.isBlank()) {
                    parts.add(text);
                }
            });
            return String.join("; ", parts);
        }
        for (String field : READABLE) {
            String text = of(node.get(field));
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return pairs(node);
    }

    /** An object as "key: value" pairs ("query: Q3 costs, limit: 5"), the first few only. */
    static String pairs(JsonNode node) {
        if (node == null || !node.isObject()) {
            return of(node);
        }
        List<String> parts = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext() && parts.size() < MAX_PAIRS) {
            Map.Entry<String, JsonNode> field = fields.next();
            String text = of(field.getValue());
            if (text != null && !text.isBlank()) {
                parts.add(field.getKey().replace('_', ' ') + ": " + text);
            }
        }
        return String.join(", ", parts);
    }

    /** The text without the markers of any of these formats (this tool's always), nor their brackets. */
    static String withoutMarkers(String text, CanaryPatterns formats) {
        String plain = withoutMarkers(text);
        if (plain == null || formats.patterns().size() == 1) {
            return plain; // only ours, already gone
        }
        for (CanaryPattern.Marker marker : formats.findAll(plain)) {
            String m = marker.text();
            plain = plain.replace("[" + m + "]", "").replace("(" + m + ")", "").replace(m, "");
        }
        return plain.replaceAll("\\s{2,}", " ").strip();
    }

    /** The text without this tool's prompt markers. */
    static String withoutMarkers(String text) {
        if (text == null || !text.contains(OURS_PREFIX)) {
            return text == null ? null : text.strip(); // the common case, run on every narrated batch: no regex
        }
        return MARKER.matcher(text).replaceAll("").strip();
    }
}
