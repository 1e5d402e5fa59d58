package dev.aei.server;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The faults the reference backend can inject (listed in the README); wire names are kebab-case. */
public enum FaultType {
    DROP, DUPLICATE, REORDER, SEQ_SKIP, LEAK, LEAK_RELABEL, AFTER_COMPLETE, MALFORMED, BINARY, DELAY,
    CLOSE_ABRUPT, NO_COMPLETE, RETRY_DUPLICATE, DEMO_IDENTITY,
    /** The connection goes silent (no frames, no pongs) but stays open, like a half-open socket. */
    STALL,
    /** The prompt is accepted and nothing starts, as some versions of the real backend did. */
    IGNORE_PROMPT,
    /** Instead of the run: an {@code error_message} frame, then a normal close 1000 "main cleanup". */
    ERROR_CLOSE,
    /** The run id takes the form {@code execution_<n>_<8 hex>}, which holds no thread. */
    EXECUTION_IDS,
    /** The run's fields go where the real web client reads them, with a {@code final_report}. */
    WEB_CLIENT_SHAPE,
    /** The run's fields go where the real backend's bridge puts them. */
    BRIDGE_SHAPE;

    /** Faults that act on a whole run (or connection), so a plan entry needs no event. */
    private static final Set<FaultType> RUN_WIDE = EnumSet.of(AFTER_COMPLETE, NO_COMPLETE, DEMO_IDENTITY,
            IGNORE_PROMPT, ERROR_CLOSE, EXECUTION_IDS, WEB_CLIENT_SHAPE, BRIDGE_SHAPE);

    /** The name used in fault plan files, e.g. {@code leak-relabel}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** True when the fault acts on the whole run rather than on one event of it. */
    public boolean runWide() {
        return RUN_WIDE.contains(this);
    }

    /** Parses a fault plan name such as {@code seq-skip}. */
    public static FaultType parse(String label) {
        return valueOf(label.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
