package dev.aei.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Where one field may sit in an event object: dotted paths such as {@code data.run_id}, tried in
 * order; the first that leads to a non-null value wins. Split once, so lookups do no parsing.
 */
public final class JsonPaths {
    private final List<String> paths;
    private final String[][] segments;

    public JsonPaths(List<String> paths) {
        this.paths = List.copyOf(paths);
        this.segments = new String[this.paths.size()][];
        for (int i = 0; i < segments.length; i++) {
            String path = this.paths.get(i);
            if (path.isBlank() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
                throw new IllegalArgumentException("bad field path '" + path + "'");
            }
            segments[i] = path.split("\\.");
        }
    }

    /** The paths as written, in lookup order. */
    public List<String> paths() {
        return paths;
    }

    /** The names of the paths that are a single top-level field, e.g. {@code seq}. */
    public List<String> topLevelNames() {
        return paths.stream().filter(p -> !p.contains(".")).toList();
    }

    /** The first non-null value found, or null. */
    public JsonNode find(JsonNode root) {
        for (String[] path : segments) {
            JsonNode node = root;
            for (int i = 0; i < path.length && node != null; i++) {
                node = node.get(path[i]);
            }
            if (node != null && !node.isNull() && !node.isMissingNode()) {
                return node;
            }
        }
        return null;
    }

    /** The first value found as text (numbers and booleans as their text), or null. */
    public String text(JsonNode root) {
        JsonNode node = find(root);
        return node != null && node.isValueNode() ? node.asText() : null;
    }
}
