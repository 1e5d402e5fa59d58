package dev.aei.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the client makes of one contract field of one event.
 *
 * @param field     the field
 * @param path      the path the client took the value from, or null when it found none
 * @param value     the value it took, or null
 * @param elsewhere when it found none: the dotted path where a value under the field's name (or an
 *                  alias) sits instead, or null when the event has none anywhere
 */
public record FieldReading(ContractField field, String path, JsonNode value, String elsewhere) {

    private static final int MAX_SHOWN = 120;

    /** True when the client finds nothing where it looks. */
    public boolean missing() {
        return value == null;
    }

    /** What the client displays: the value as text (shortened), or what it shows instead. */
    public String shown() {
        if (value == null) {
            return field.ifMissing();
        }
        String text = value.isValueNode() ? value.asText() : value.toString();
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_SHOWN ? flat : flat.substring(0, MAX_SHOWN - 1) + "…";
    }

    /** For a missing field, where the value is instead: "found tool_name at the root", "the event has no tool_name". */
    public String foundInstead() {
        if (elsewhere == null) {
            return "the event has no " + field.name();
        }
        int dot = elsewhere.lastIndexOf('.');
        return dot < 0 ? "found " + elsewhere + " at the root"
                : "found " + elsewhere.substring(dot + 1) + " under " + elsewhere.substring(0, dot);
    }
}
