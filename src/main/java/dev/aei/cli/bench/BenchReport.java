package dev.aei.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bench's results: table rows, notes, and the figures of the JSON summary (each key always
 * present; null when the figure was not measured).
 */
public final class BenchReport {
    /** The JSON summary's keys, in order. */
    public static final List<String> KEYS = List.of("ingest_ratio", "ingest_lost_frames", "ui_pulse_p99_ms",
            "ui_backlog_growing", "timeline_redraw_p99_ms", "heap_bytes_per_event", "fixture_ratio",
            "rules_events_per_s", "rules_ratio", "ui_pulse_idle_p99_ms", "first_window_ms", "first_window_ratio",
            "cli_start_ratio", "frames_search_ms", "frames_open_ms");
    private static final String[] HEADER = {"figure", "measured", "ours", "reference", "ratio", "goal", "result"};

    private final String mode;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    public BenchReport(String mode) {
        this.mode = mode;
        KEYS.forEach(k -> values.put(k, null));
    }

    public void add(Row row) {
        rows.add(row);
    }

    /** A line printed under the table (breakdowns, what limited a figure). */
    public void note(String note) {
        notes.add(note);
    }

    /** Sets one figure of the JSON summary; the key must be one of {@link #KEYS}. */
    public void value(String key, Object value) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException("not a bench figure: " + key);
        }
        values.put(key, value);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The JSON summary's figures (a copy). */
    public Map<String, Object> values() {
        return new LinkedHashMap<>(values);
    }

    /** Prints the table and the notes. */
    public void print(PrintStream out) {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADER);
        for (Row r : rows.stream().sorted(Comparator.comparing(Row::figure)).toList()) {
            cells.add(new String[]{r.figure(), r.measured(), r.ours(), r.reference(), r.ratio(), r.goal(),
                    r.verdict().label()});
        }
        int[] widths = new int[HEADER.length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        out.println("aei bench, mode: " + mode + ", load average " + loadAverage());
        printLine(out, cells.get(0), widths);
        printLine(out, dashes(widths), widths);
        cells.stream().skip(1).forEach(line -> printLine(out, line, widths));
        notes.forEach(n -> out.println("  * " + n));
    }

    /** True when the file is a JSON summary this class wrote (an object with its first key), so a new one may replace it. */
    public static boolean isSummary(Path file) {
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            return root != null && root.isObject() && root.has(KEYS.get(0));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Writes the JSON summary: one object with exactly the {@link #KEYS}. */
    public void writeJson(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), values);
    }

    /** The system load at the end of the run: a reminder of how shared the machine was. */
    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(java.util.Locale.ROOT, "%.1f on %d cores", load,
                Runtime.getRuntime().availableProcessors());
    }

    private static String[] dashes(int[] widths) {
        String[] line = new String[widths.length];
        for (int i = 0; i < widths.length; i++) {
            line[i] = "-".repeat(widths[i]);
        }
        return line;
    }

    private static void printLine(PrintStream out, String[] line, int[] widths) {
        StringBuilder text = new StringBuilder("| ");
        for (int i = 0; i < line.length; i++) {
            text.append(line[i]).append(" ".repeat(widths[i] - line[i].length())).append(" | ");
        }
        out.println(text.toString().stripTrailing());
    }
}
