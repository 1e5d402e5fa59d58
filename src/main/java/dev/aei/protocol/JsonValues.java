package dev.aei.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns JSON into plain, unmodifiable Java values (String, Long, Double, Boolean, List, Map). */
final class JsonValues {
    private JsonValues() {
    }

    /** The node as a Java value; JSON null is refused, since claims and settings cannot hold it. */
    static Object toJava(JsonNode node, String where) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new IllegalArgumentException(where + " must not be null");
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            int i = 0;
            for (JsonNode item : node) {
                list.add(toJava(item, where + "[" + i++ + "]"));
            }
            return Collections.unmodifiableList(list);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            map.put(field.getKey(), toJava(field.getValue(), where + "." + field.getKey()));
        }
        return Collections.unmodifiableMap(map);
    }

    /** The top-level {@code type} text of a JSON object document, or null. */
    static String typeOf(String json) {
        try {
            JsonNode type = new ObjectMapper().readTree(json).path("type");
            return type.isTextual() ? type.asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** A deep, unmodifiable copy of a map of Java values, keeping its order. */
    static Map<String, Object> frozenMap(Map<String, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, frozen(value)));
        return Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    private static Object frozen(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("claim values must not be null");
        }
        if (value instanceof Map<?, ?> map) {
            return frozenMap((Map<String, ?>) map);
        }
        if (value instanceof List<?> list) {
            return Collections.unmodifiableList(list.stream().map(JsonValues::frozen).toList());
        }
        return value;
    }

    /**
     * An array of non-empty strings of a profile file.
     *
     * @throws IllegalArgumentException naming the profile ({@code source}) and the key ({@code where})
     */
    static List<String> textList(JsonNode node, String where, String source) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("profile " + source + ": " + where + " must be an array of strings");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw new IllegalArgumentException("profile " + source + ": " + where + " must hold only non-empty strings");
            }
            list.add(item.asText());
        }
        return list;
    }

    /** A problem in a profile file, its message led by the profile's name ({@code source}). */
    static IllegalArgumentException profileProblem(String source, String message) {
        return new IllegalArgumentException("profile " + source + ": " + message);
    }

    /**
     * Checks that a section of a profile file is an object whose keys are all in {@code allowed}
     * (any keys when it is null), so a misspelt key is an error rather than silently ignored.
     */
    static void objectWithKeys(JsonNode node, Set<String> allowed, String where, String source) {
        if (!node.isObject()) {
            throw profileProblem(source, "'" + where + "' must be an object");
        }
        if (allowed != null) {
            node.fieldNames().forEachRemaining(key -> {
                if (!allowed.contains(key)) {
                    throw profileProblem(source, "unknown key '" + where + "." + key + "'");
                }
            });
        }
    }
}
