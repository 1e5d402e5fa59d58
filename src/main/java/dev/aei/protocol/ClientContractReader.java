package dev.aei.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a profile's {@code contract} section, naming the profile and the key in every error. */
final class ClientContractReader {
    private static final Set<String> KEYS = Set.of("client", "waiting", "ends_run", "events");
    private static final Set<String> FIELD_KEYS = Set.of("read", "needed", "label", "if_missing", "aliases");

    private final String source;
    /** Every distinct path read so far, in order: a field's mask has the bits of its paths here. */
    private final List<String> paths = new ArrayList<>();

    private ClientContractReader(String source) {
        this.source = source;
    }

    static ClientContract read(JsonNode section, String source) {
        if (section == null || section.isNull()) {
            return ClientContract.NONE;
        }
        return new ClientContractReader(source).read(section);
    }

    private ClientContract read(JsonNode section) {
        JsonValues.objectWithKeys(section, KEYS, "contract", source);
        String client = text(section, "client", "the client", "contract");
        String waiting = text(section, "waiting", null, "contract");
        Set<String> endsRun = new LinkedHashSet<>(list(section.get("ends_run"), "contract.ends_run"));
        Map<String, List<ContractField>> events = new LinkedHashMap<>();
        JsonNode types = section.get("events");
        if (types != null && !types.isNull()) {
            JsonValues.objectWithKeys(types, null, "contract.events", source);
            for (Iterator<Map.Entry<String, JsonNode>> it = types.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> type = it.next();
                events.put(type.getKey(), fields(type.getValue(), "contract.events." + type.getKey()));
            }
        }
        return new ClientContract(client, waiting, endsRun, events, paths);
    }

    private List<ContractField> fields(JsonNode node, String where) {
        JsonValues.objectWithKeys(node, null, where, source);
        if (node.isEmpty()) {
            throw fail(where + " must name at least one field the client reads");
        }
        List<ContractField> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            fields.add(field(field.getKey(), field.getValue(), where + "." + field.getKey()));
        }
        return fields;
    }

    private ContractField field(String name, JsonNode node, String where) {
        JsonValues.objectWithKeys(node, FIELD_KEYS, where, source);
        List<String> read = list(node.get("read"), where + ".read");
        if (read.isEmpty()) {
            throw fail(where + ".read must list the paths the client reads, e.g. [\"data." + name + "\"]");
        }
        JsonPaths paths;
        try {
            paths = new JsonPaths(read);
        } catch (IllegalArgumentException e) {
            throw fail(where + ".read: " + e.getMessage());
        }
        JsonNode needed = node.get("needed");
        if (needed != null && !needed.isBoolean()) {
            throw fail(where + ".needed must be true or false");
        }
        return new ContractField(name, paths, needed == null || needed.asBoolean(),
                text(node, "label", name, where), text(node, "if_missing", "nothing", where),
                list(node.get("aliases"), where + ".aliases"), mask(read, where));
    }

    /** The bits of these paths in the contract's path list, adding the new ones. */
    private long mask(List<String> read, String where) {
        long mask = 0;
        for (String path : read) {
            int index = paths.indexOf(path);
            if (index < 0) {
                if (paths.size() == ClientContract.MAX_PATHS) {
                    throw fail(where + ": a contract reads at most " + ClientContract.MAX_PATHS + " different paths");
                }
                paths.add(path);
                index = paths.size() - 1;
            }
            mask |= 1L << index;
        }
        return mask;
    }

    private List<String> list(JsonNode node, String where) {
        return node == null || node.isNull() ? List.of() : JsonValues.textList(node, where, source);
    }

    private String text(JsonNode node, String key, String fallback, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw fail(where + "." + key + " must be a non-empty string");
        }
        return value.asText();
    }

    /** Refuses a non-object, and keys outside {@code allowed} (null: any key). */

    private IllegalArgumentException fail(String message) {
        return JsonValues.profileProblem(source, message);
    }
}
