package dev.aei.server;

import java.util.Locale;

/** The faults the reference backend can inject (DESIGN section 8); wire names are kebab-case. */
public enum FaultType {
    DROP, DUPLICATE, REORDER, SEQ_SKIP, LEAK, LEAK_RELABEL, AFTER_COMPLETE, MALFORMED, BINARY, DELAY,
    CLOSE_ABRUPT, NO_COMPLETE, RETRY_DUPLICATE, DEMO_IDENTITY,
    /** Beyond DESIGN section 8: the connection goes silent (no frames, no pongs) but stays open, like a half-open socket. */
    STALL;

    /** The name used in fault plan files, e.g. {@code leak-relabel}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a fault plan name such as {@code seq-skip}. */
    public static FaultType parse(String label) {
        return valueOf(label.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
