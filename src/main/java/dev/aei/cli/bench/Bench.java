package dev.aei.cli.bench;

import dev.aei.capture.Session;
import dev.aei.protocol.EventDecoder;
import dev.aei.protocol.Profile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs every figure of the benchmark in one process and collects the table. The offline figures
 * share one synthetic session; memory is measured first, on the quietest heap (the rules figure
 * runs between the session's measurement and the rules' state's, see {@link #run}).
 */
public final class Bench {
    /** The numbers of all figures, in the order the table lists them. */
    public static final Set<Integer> ALL_FIGURES = Set.of(1, 2, 3, 4, 5, 6, 7, 8);

    private final BenchSizes sizes;
    private final PrintStream log;
    private final Set<Integer> figures;
    private final EventDecoder decoder = new EventDecoder(Profile.load("netra"));

    /** A bench of these sizes that reports its progress to {@code log}. */
    public Bench(BenchSizes sizes, PrintStream log) {
        this(sizes, log, ALL_FIGURES);
    }

    /** A bench of only the given figures (1-8). */
    public Bench(BenchSizes sizes, PrintStream log, Set<Integer> figures) {
        this.sizes = sizes;
        this.log = log;
        this.figures = Set.copyOf(figures);
    }

    /** Runs all figures; a figure that fails to run is reported as not measured, with the reason. */
    public BenchReport run() throws IOException {
        BenchReport report = new BenchReport(sizes.label());
        if (sizes.quick()) {
            report.note("quick: reduced sizes and fewer rounds, where fixed costs and the compiler's warm-up weigh"
                    + " more; its verdicts are indicative, only a full run judges the goals");
        }
        Path dir = Files.createTempDirectory("aei-bench");
        try {
            step("4 memory: building a " + sizes.events() + "-event session");
            MemoryFigure memory = new MemoryFigure(sizes, decoder);
            Session session = memory.buildSession(); // the other figures use it
            if (figures.contains(6)) {
                // Before the memory figure's live replay: a check runs in a fresh process, whose
                // compiler has not been trained on the live path nor its heap left with a live
                // analysis's state (both slowed the replay's rounds here, not the parse-only loop's).
                step("6 rules");
                guard(report, "6 rules", ">= 1.0 x parse only, >= 1,000,000 ev/s", () -> new RulesFigure(sizes, decoder).run(session, report));
            }
            step("4 memory: the rules' state");
            memory.measureRules(session, report);
            if (figures.contains(5)) {
                step("5 fixture");
                guard(report, "5 fixture", ">= 0.5", () -> new FixtureFigure(sizes).run(session, dir, report));
            }
            if (figures.contains(2)) {
                step("2 UI");
                // Figure 5 leaves a million dead frames in the old generation: collected now, so that
                // marking them does not run beside the window's pulses (a bench artefact, not the app's).
                new Heap().usedAfterGc();
                guard(report, "2 UI", "p99 <= 20 ms, backlog steady", () -> new UiFigures(sizes, decoder)
                        .live(dir.resolve("app"), report));
            }
            if (figures.contains(3)) {
                step("3 scale");
                guard(report, "3 scale", "<= 16 ms", () -> new UiFigures(sizes, decoder).scale(session, report));
            }
            if (figures.contains(7)) {
                step("7 start");
                guard(report, "7 start", "<= 1.5", () -> new StartupFigure(sizes).run(dir, report));
            }
            if (figures.contains(1)) {
                step("1 ingest");
                guard(report, "1 ingest", ">= " + IngestFigure.GOAL_RATIO + ", 0 lost",
                        () -> new IngestFigure(sizes, decoder).run(dir, report));
            }
            if (figures.contains(8)) {
                step("8 frames"); // last: it appends a marked frame to the shared session
                guard(report, "8 frames", "search <= 1 s, open <= 1 s", () -> new FramesFigure(sizes, decoder)
                        .run(session, report));
            }
        } finally {
            deleteTree(dir);
        }
        return report;
    }

    private void step(String what) {
        log.println("bench: " + what + " …");
        log.flush();
    }

    private void guard(BenchReport report, String figure, String goal, Figure body) {
        try {
            body.run();
        } catch (Exception e) {
            report.add(Row.notMeasured(figure, "did not run", goal, String.valueOf(e)));
            log.println("bench: " + figure + " failed: " + e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** One figure's measurement. */
    @FunctionalInterface
    private interface Figure {
        void run() throws Exception;
    }
}
