package dev.aei.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one Gatling run reported: per request name how many were OK and KO (from the report's
 * {@code js/stats.js}) and the error messages with their counts (from the console summary).
 *
 * @param requests the counts by request name
 * @param errors   how often each error message was given
 */
record GatlingResults(Map<String, Counts> requests, Map<String, Integer> errors) {
    private static final Pattern REQUEST = Pattern.compile("\"name\": \"([^\"]+)\",\\s*\"numberOfRequests\": \\{\\s*"
            + "\"total\": \"(\\d+)\",\\s*\"ok\": \"(\\d+)\",\\s*\"ko\": \"(\\d+)\"");
    private static final Pattern ERROR = Pattern.compile("^> (.+?)\\s+(\\d+)\\s+\\(\\s*[\\d.]+%\\)$");
    private static final String ALL = "All Requests";

    /**
     * How many requests of a name passed and failed.
     *
     * @param ok passed
     * @param ko failed
     */
    record Counts(int ok, int ko) {
    }

    /** The results of the run whose report folder is new since {@code before}, with its console output. */
    static GatlingResults read(Path project, Set<Path> before, String console) throws IOException {
        Path report = reports(project).stream().filter(dir -> !before.contains(dir)).findFirst()
                .orElseThrow(() -> new AssertionError("Gatling wrote no new report:\n" + console));
        String stats = Files.readString(report.resolve("js/stats.js"));
        Map<String, Counts> requests = new LinkedHashMap<>();
        Matcher m = REQUEST.matcher(stats);
        while (m.find()) {
            if (!m.group(1).equals(ALL)) {
                requests.put(m.group(1), new Counts(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
            }
        }
        return new GatlingResults(requests, errors(console));
    }

    /** The report folders under {@code target/gatling}. */
    static List<Path> reports(Path project) throws IOException {
        Path results = project.resolve("target/gatling");
        if (!Files.isDirectory(results)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(results)) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("js/stats.js"))).toList();
        }
    }

    /** The last "Errors" section of the console summary: message to count. */
    private static Map<String, Integer> errors(String console) {
        Map<String, Integer> errors = new LinkedHashMap<>();
        int section = console.lastIndexOf("---- Errors ----");
        if (section < 0) {
            return errors;
        }
        for (String line : console.substring(section).lines().skip(1).toList()) {
            Matcher m = ERROR.matcher(line.strip());
            if (!m.matches()) {
                break;
            }
            errors.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return errors;
    }

    /** How many requests failed in all. */
    int failed() {
        return requests.values().stream().mapToInt(Counts::ko).sum();
    }

    /** The names of the requests that failed at least once. */
    Set<String> failedRequests() {
        Map<String, Counts> failed = new LinkedHashMap<>(requests);
        failed.values().removeIf(c -> c.ko() == 0);
        return failed.keySet();
    }
}
