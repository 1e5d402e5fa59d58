package dev.aei.analysis;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A short human summary of findings for the terminal: counts per severity, then one line each. */
public final class FindingsSummary {
    private static final int MAX_LINES = 50;

    private FindingsSummary() {
    }

    /** One line per finding: {@code CRITICAL leak-owner alice run_…: message [frames 3, 4]}. */
    public static String line(Finding f) {
        return f.severity().name() + " " + f.rule() + " " + f.lane() + (f.runId() == null ? "" : " " + f.runId())
                + ": " + f.message() + (f.frames().isEmpty() ? "" : " [frames " + String.join(", ",
                f.frames().stream().map(String::valueOf).toList()) + "]");
    }

    /** E.g. {@code 3 findings: 1 critical, 2 error, 0 warning, 0 info}. */
    public static String counts(List<Finding> findings) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        StringBuilder text = new StringBuilder(findings.size() + (findings.size() == 1 ? " finding" : " findings"));
        String sep = ": ";
        for (Severity s : Severity.values()) {
            text.append(sep).append(counts.get(s)).append(' ').append(s.label());
            sep = ", ";
        }
        return text.toString();
    }

    /** Prints the counts and the findings (worst first, at most 50 lines). */
    public static void print(List<Finding> findings, PrintWriter out) {
        out.println(counts(findings));
        List<Finding> ordered = findings.stream()
                .sorted(java.util.Comparator.comparing(Finding::severity).thenComparing(FindingsJson.STABLE_ORDER))
                .toList();
        ordered.stream().limit(MAX_LINES).forEach(f -> out.println("  " + line(f)));
        if (ordered.size() > MAX_LINES) {
            out.println("  … and " + (ordered.size() - MAX_LINES) + " more (see --findings-json)");
        }
        out.flush();
    }
}
