package dev.aei.analysis;

import java.util.Locale;

/** How bad a finding is; declared from worst to mildest. */
public enum Severity {
    CRITICAL, ERROR, WARNING, INFO;

    /** True when this severity is as bad as {@code threshold} or worse. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /** Lower-case name as used in JSON, JUnit XML and the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a label such as {@code error}; case-insensitive. */
    public static Severity parse(String label) {
        return valueOf(label.trim().toUpperCase(Locale.ROOT));
    }
}
