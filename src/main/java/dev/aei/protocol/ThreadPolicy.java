package dev.aei.protocol;

import java.util.Locale;

/** Which thread a prompt goes to. */
public enum ThreadPolicy {
    /** Every prompt opens a thread of its own (sent with the first-message template). */
    NEW,
    /** Prompts stay in the lane's current thread: the first opens it, the rest are follow-ups. */
    SAME;

    /** Lower-case name as used on the command line and in profiles. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code new} or {@code same}, case-insensitive. */
    public static ThreadPolicy parse(String label) {
        for (ThreadPolicy policy : values()) {
            if (policy.label().equalsIgnoreCase(label == null ? "" : label.trim())) {
                return policy;
            }
        }
        throw new IllegalArgumentException("thread policy must be new or same, got '" + label + "'");
    }
}
