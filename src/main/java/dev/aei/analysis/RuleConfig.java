package dev.aei.analysis;

/** Which rules run and their thresholds; {@link #defaults()} follows DESIGN section 2. */
public record RuleConfig() {

    public static RuleConfig defaults() {
        return new RuleConfig();
    }
}
