package dev.aei.analysis;

import java.util.List;
import java.util.Locale;

/**
 * The {@code --fail-on} level: findings at or above it fail a run; {@code never} fails nothing.
 *
 * @param threshold the mildest severity that fails, or null for never
 */
public record FailOn(Severity threshold) {
    /** The default: errors and critical findings fail. */
    public static final FailOn DEFAULT = new FailOn(Severity.ERROR);
    /** Nothing fails. */
    public static final FailOn NEVER = new FailOn(null);

    /** Parses {@code critical}, {@code error}, {@code warning}, {@code info} or {@code never}. */
    public static FailOn parse(String level) {
        String normalised = level == null ? "" : level.trim().toLowerCase(Locale.ROOT);
        if (normalised.equals("never")) {
            return NEVER;
        }
        try {
            return new FailOn(Severity.parse(normalised));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + level + "' is not a level: use critical, error, warning, info or never");
        }
    }

    /** True when this finding fails the run. */
    public boolean fails(Finding finding) {
        return threshold != null && finding.severity().atLeast(threshold);
    }

    /** True when any of the findings fails the run. */
    public boolean failsAny(List<Finding> findings) {
        return findings.stream().anyMatch(this::fails);
    }

    public String label() {
        return threshold == null ? "never" : threshold.label();
    }
}
