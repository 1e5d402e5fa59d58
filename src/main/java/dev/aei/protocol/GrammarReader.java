package dev.aei.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a profile's {@code pairs} and {@code runs} sections into a {@link Grammar}. A profile
 * without {@code pairs} pairs its {@code tool-start} and {@code tool-end} types by tool call id,
 * falling back to the tool name in order, as profiles did before pairs could be declared.
 */
final class GrammarReader {
    private static final Set<String> PAIR_KEYS = Set.of("name", "open", "close", "inside", "key", "fallback",
            "within", "must_close", "findings", "text");
    private static final Set<String> RUN_KEYS = Set.of("one_at_a_time", "after_end", "end_run_id", "duplicates");

    private final String source;
    private final Map<String, JsonPaths> fieldPaths;
    private final Map<String, EventRole> roles;
    private final List<JsonPaths> keyPaths = new ArrayList<>();

    /**
     * @param source     the profile's name in error messages
     * @param fieldPaths the profile's {@code fields} by key ({@code tool_call_id}…), which a key may name
     * @param roles      the profile's known types
     */
    GrammarReader(String source, Map<String, JsonPaths> fieldPaths, Map<String, EventRole> roles) {
        this.source = source;
        this.fieldPaths = fieldPaths;
        this.roles = roles;
    }

    Grammar read(JsonNode root) {
        List<Grammar.Pair> pairs = root.hasNonNull("pairs") ? pairs(root.get("pairs")) : defaultPairs();
        Grammar.Runs runs = root.hasNonNull("runs") ? runs(root.get("runs")) : Grammar.Runs.DEFAULTS;
        return new Grammar(pairs, runs, keyPaths);
    }

    private List<Grammar.Pair> defaultPairs() {
        List<String> open = typesOf(EventRole.TOOL_START);
        List<String> close = typesOf(EventRole.TOOL_END);
        if (open.isEmpty() || close.isEmpty()) {
            return List.of();
        }
        // Without a call id field the name is the key; without either, every end pairs with the oldest start.
        JsonPaths id = fieldPaths.get("tool_call_id");
        JsonPaths name = fieldPaths.get("tool_name");
        boolean hasId = id != null && !id.paths().isEmpty();
        int key = slot(hasId ? id : name == null ? new JsonPaths(List.of()) : name);
        int fallback = hasId ? slot(name) : -1;
        return List.of(new Grammar.Pair(0, "tool call", open, close, List.of(), key, fallback, -1, true, true,
                new JsonPaths(List.of())));
    }

    private List<String> typesOf(EventRole role) {
        return roles.entrySet().stream().filter(e -> e.getValue() == role && !e.getKey().endsWith("*"))
                .map(Map.Entry::getKey).toList();
    }

    private List<Grammar.Pair> pairs(JsonNode node) {
        if (!node.isArray()) {
            throw fail("pairs must be a list of objects");
        }
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            String name = node.get(i).path("name").asText("");
            if (name.isBlank()) {
                throw fail("pairs[" + i + "].name must be a non-empty string");
            }
            if (names.put(name, i) != null) {
                throw fail("two pairs are named '" + name + "'");
            }
        }
        List<Grammar.Pair> pairs = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            pairs.add(pair(node.get(i), i, names, seen));
        }
        return pairs;
    }

    private Grammar.Pair pair(JsonNode p, int index, Map<String, Integer> names, Set<String> seen) {
        String name = p.get("name").asText();
        String where = "pairs." + name;
        JsonValues.objectWithKeys(p, PAIR_KEYS, where, source);
        List<String> open = types(p, "open", where, true, seen);
        List<String> close = types(p, "close", where, true, seen);
        List<String> inside = types(p, "inside", where, false, seen);
        int key = p.hasNonNull("key") ? slot(keyOf(p.get("key"), where + ".key")) : -1;
        int fallback = p.hasNonNull("fallback") ? slot(keyOf(p.get("fallback"), where + ".fallback")) : -1;
        if (fallback >= 0 && key < 0) {
            throw fail(where + ".fallback needs a key");
        }
        int within = -1;
        if (p.hasNonNull("within")) {
            String outer = p.get("within").asText("");
            Integer at = names.get(outer);
            if (at == null || at == index) {
                throw fail(where + ".within must name another pair, got '" + outer + "'");
            }
            within = at;
        }
        String findings = p.path("findings").asText("pair");
        if (!findings.equals("pair") && !findings.equals("tool")) {
            throw fail(where + ".findings must be pair or tool, got '" + findings + "'");
        }
        JsonPaths text = p.hasNonNull("text") ? paths(p.get("text"), where + ".text") : new JsonPaths(List.of());
        return new Grammar.Pair(index, name, open, close, inside, key, fallback, within,
                p.path("must_close").asBoolean(true), findings.equals("tool"), text);
    }

    private List<String> types(JsonNode p, String field, String where, boolean required, Set<String> seen) {
        if (!p.hasNonNull(field)) {
            if (required) {
                throw fail(where + "." + field + " is required");
            }
            return List.of();
        }
        List<String> types = JsonValues.textList(p.get(field), where + "." + field, source);
        if (required && types.isEmpty()) {
            throw fail(where + "." + field + " must name at least one event type");
        }
        for (String type : types) {
            if (!roles.containsKey(type)) {
                throw fail(where + "." + field + " names '" + type + "', which no role lists");
            }
            if (!seen.add(type)) {
                throw fail("event type '" + type + "' is in two places of the pairs");
            }
        }
        return types;
    }

    /** A key: the name of one of the profile's fields ({@code tool_call_id}), or dotted paths tried in order. */
    private JsonPaths keyOf(JsonNode node, String where) {
        if (node.isTextual() && fieldPaths.containsKey(node.asText())) {
            JsonPaths paths = fieldPaths.get(node.asText());
            if (paths.paths().isEmpty()) {
                throw fail(where + " names fields." + node.asText() + ", which has no paths");
            }
            return paths;
        }
        return paths(node, where);
    }

    /** One dotted path as a string, or a list of them tried in order. */
    private JsonPaths paths(JsonNode node, String where) {
        try {
            List<String> list = node.isTextual() && !node.asText().isBlank() ? List.of(node.asText())
                    : JsonValues.textList(node, where, source);
            if (list.isEmpty()) {
                throw fail(where + " must name at least one path");
            }
            return new JsonPaths(list);
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("profile ") ? e : fail(where + ": " + e.getMessage());
        }
    }

    private Grammar.Runs runs(JsonNode r) {
        JsonValues.objectWithKeys(r, RUN_KEYS, "runs", source);
        boolean oneAtATime = r.path("one_at_a_time").asBoolean(false);
        Set<String> afterEnd = Set.copyOf(r.hasNonNull("after_end")
                ? JsonValues.textList(r.get("after_end"), "runs.after_end", source) : List.of());
        for (String type : afterEnd) {
            if (!roles.containsKey(type)) {
                throw fail("runs.after_end names '" + type + "', which no role lists");
            }
        }
        String endRunId = r.path("end_run_id").asText("checked");
        if (!endRunId.equals("checked") && !endRunId.equals("ignored")) {
            throw fail("runs.end_run_id must be checked or ignored, got '" + endRunId + "'");
        }
        if (endRunId.equals("ignored") && !oneAtATime) {
            throw fail("runs.end_run_id ignored needs one_at_a_time: without it the run id is what tells runs apart");
        }
        Grammar.Duplicates duplicates = Grammar.Duplicates.CONTENT;
        int idSlot = -1;
        JsonNode d = r.get("duplicates");
        if (d != null && d.isObject()) {
            JsonValues.objectWithKeys(d, Set.of("by", "field"), "runs.duplicates", source);
            if (!d.path("by").asText("").equals("id") || !d.hasNonNull("field")) {
                throw fail("runs.duplicates as an object must be {\"by\": \"id\", \"field\": [paths]}");
            }
            duplicates = Grammar.Duplicates.ID;
            idSlot = slot(paths(d.get("field"), "runs.duplicates.field"));
        } else if (d != null && !d.isNull()) {
            String by = d.asText("");
            duplicates = switch (by) {
                case "content", "seq", "off" -> Grammar.Duplicates.valueOf(by.toUpperCase(Locale.ROOT));
                default -> throw fail("runs.duplicates must be content, seq, off or {\"by\": \"id\", \"field\": …}, got '"
                        + d + "'");
            };
        }
        return new Grammar.Runs(oneAtATime, afterEnd, endRunId.equals("checked"), duplicates, idSlot);
    }

    /** The index of these paths among the key paths, adding them when new; -1 for none (an empty list is a key never found). */
    private int slot(JsonPaths paths) {
        if (paths == null) {
            return -1;
        }
        for (int i = 0; i < keyPaths.size(); i++) {
            if (keyPaths.get(i).paths().equals(paths.paths())) {
                return i;
            }
        }
        keyPaths.add(paths);
        return keyPaths.size() - 1;
    }

    private IllegalArgumentException fail(String message) {
        return JsonValues.profileProblem(source, message);
    }
}
