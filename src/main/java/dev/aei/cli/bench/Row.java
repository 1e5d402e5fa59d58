package dev.aei.cli.bench;

/**
 * One line of the bench table, already formatted.
 *
 * @param figure    short name of the figure
 * @param measured  what was measured, in a few words
 * @param ours      our value with its unit
 * @param reference the reference value measured in the same run, with its unit
 * @param ratio     ours against the reference, or "-" when there is no reference
 * @param goal      the goal, e.g. "ratio >= 0.9"
 * @param verdict   whether the goal was met (INFO: a figure reported without a goal)
 */
public record Row(String figure, String measured, String ours, String reference, String ratio, String goal,
                  Verdict verdict) {

    /** Whether a figure met its goal. */
    public enum Verdict {
        PASS, FAIL, NOT_MEASURED, INFO;

        /** PASS when {@code met}, else FAIL. */
        public static Verdict of(boolean met) {
            return met ? PASS : FAIL;
        }

        /** The word shown in the table. */
        public String label() {
            return this == NOT_MEASURED ? "n/a" : this == INFO ? "-" : name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A row for a figure that could not be measured, with the reason. */
    public static Row notMeasured(String figure, String measured, String goal, String reason) {
        return new Row(figure, measured + " (" + reason + ")", "-", "-", "-", goal, Verdict.NOT_MEASURED);
    }
}
