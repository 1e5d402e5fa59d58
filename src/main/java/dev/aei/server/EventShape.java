package dev.aei.server;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where the reference backend puts an event's fields. */
public enum EventShape {
    /**
     * Where the real backend's bridge puts them: tool name and results at the root, the rest under
     * {@code data} (or flat in strict netra mode).
     */
    BRIDGE,
    /**
     * Where the real web client reads them: everything but type, ids and time under
     * {@code payload}, and a {@code final_report} just before each completion.
     */
    WEB_CLIENT;

    /** The name used on the command line, e.g. {@code web-client}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@code bridge} or {@code web-client} (case and underscores ignored). */
    public static EventShape parse(String label) {
        String key = label.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(s -> s.name().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown shape '" + label + "' (expected one of "
                        + Arrays.stream(values()).map(EventShape::label).collect(Collectors.joining(", ")) + ")"));
    }
}
