package dev.aei.server;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which client message shapes start a run on the reference backend. */
public enum InputMode {
    /** Only {@code user_message} starts runs. */
    USER_MESSAGE,
    /**
     * A thread must be started by {@code start_agent}; a {@code user_message} is a follow-up in a
     * thread already started, as the real web client sends them.
     */
    START_AGENT,
    /** {@code user_message}, {@code start_agent} and {@code chat} all start runs. */
    ANY;

    /** The name used on the command line, e.g. {@code start_agent}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code user_message}, {@code start_agent} or {@code any} (case and dashes ignored). */
    public static InputMode parse(String label) {
        String key = label.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(m -> m.name().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown input mode '" + label + "' (expected one of "
                        + Arrays.stream(values()).map(InputMode::label).collect(Collectors.joining(", ")) + ")"));
    }
}
