package dev.aei.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One field the client reads from an event, as a profile's {@code contract} declares it.
 *
 * @param name      the field's name in the contract, e.g. {@code tool_name}
 * @param read      where the client looks, in its order of preference; the first non-null value wins
 * @param needed    true when the client cannot render the event sensibly without it (a missing one is a finding)
 * @param label     what the field is to the user, e.g. "tool"
 * @param ifMissing what the client shows when it finds nothing, e.g. {@code unknown_tool}
 * @param aliases   other names a backend may send the value under, only to say where it was found instead
 * @param mask      the bits of {@link #read}'s paths in the contract's path list (see {@link EventText#presence()})
 */
public record ContractField(String name, JsonPaths read, boolean needed, String label, String ifMissing,
                           List<String> aliases, long mask) {

    /** How deep the search for a misplaced value goes: the root, {@code data.x}, {@code data.meta.x}. */
    private static final int SEARCH_DEPTH = 3;

    public ContractField {
        aliases = List.copyOf(aliases);
    }

    /** True when the event carries the field where the client reads it. */
    public boolean presentIn(AgentEvent event) {
        EventText text = event.source();
        if (text != null) {
            return (text.presence() & mask) != 0; // the decoder noted the paths while reading the frame
        }
        return read(event.body()).value() != null;
    }

    /** What the client takes from an event object (null: none), and where the value sits if not there. */
    public FieldReading read(JsonNode event) {
        for (int i = 0; i < read.paths().size(); i++) {
            JsonNode value = at(event, read.segments(i));
            if (value != null) {
                return new FieldReading(this, read.paths().get(i), value, null);
            }
        }
        return new FieldReading(this, null, null, elsewhere(event));
    }

    /** The client's paths joined for a sentence: "data.tool_name or payload.tool_name". */
    public String readText() {
        List<String> paths = read.paths();
        if (paths.size() == 1) {
            return paths.get(0);
        }
        return String.join(", ", paths.subList(0, paths.size() - 1)) + " or " + paths.get(paths.size() - 1);
    }

    private static JsonNode at(JsonNode event, List<String> segments) {
        JsonNode node = event;
        for (String segment : segments) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(segment);
        }
        return node == null || node.isNull() ? null : node;
    }

    /** The dotted path of the nearest non-null value under one of the field's names, or null. */
    private String elsewhere(JsonNode event) {
        if (event == null || !event.isObject()) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < read.paths().size(); i++) {
            List<String> segments = read.segments(i);
            names.add(segments.get(segments.size() - 1));
        }
        names.addAll(aliases);
        Deque<Scope> queue = new ArrayDeque<>(List.of(new Scope("", event, 1)));
        while (!queue.isEmpty()) { // breadth first: the shallowest misplaced value is the one to name
            Scope scope = queue.poll();
            for (String name : names) {
                JsonNode value = scope.node().get(name);
                if (value != null && !value.isNull()) {
                    return scope.prefix() + name;
                }
            }
            if (scope.depth() < SEARCH_DEPTH) {
                queue.addAll(children(scope));
            }
        }
        return null;
    }

    private static List<Scope> children(Scope scope) {
        List<Scope> children = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = scope.node().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getValue().isObject()) {
                children.add(new Scope(scope.prefix() + entry.getKey() + ".", entry.getValue(), scope.depth() + 1));
            }
        }
        return children;
    }

    private record Scope(String prefix, JsonNode node, int depth) {
    }
}
