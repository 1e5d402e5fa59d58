package dev.aei.protocol;

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

    /** The field names along path {@code index}, outermost first. */
    List<String> segments(int index) {
        return List.of(segments[index]);
    }
}
