package dev.aei.cli;

import dev.aei.cli.bench.Bench;
import dev.aei.cli.bench.BenchReport;
import dev.aei.cli.bench.BenchSizes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code bench} command: measures throughput, UI smoothness, scale and memory as ratios in one run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure ingest, UI, timeline, memory, fixture and rules figures against reference "
                + "values taken in the same run, and print them as a table.",
            "The full run takes several minutes; --quick uses smaller sizes and finishes in under a minute."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "Smaller sessions and fewer rounds (under a minute).")
    private boolean quick;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the figures as one JSON object (a new file, or one bench wrote before).")
    private Path json;

    @Option(names = "--only", split = ",", paramLabel = "N", description = "Run only these figures (1-8, "
            + "comma-separated), e.g. to profile one; 4 (memory) always runs, the others use its session.")
    private Set<Integer> only;

    @Override
    public Integer call() {
        BenchSizes sizes = quick ? BenchSizes.reduced() : BenchSizes.full();
        Set<Integer> figures = only == null ? Bench.ALL_FIGURES : only;
        if (!Bench.ALL_FIGURES.containsAll(figures)) {
            System.err.println("bench: --only takes figure numbers 1 to 8, got " + figures);
            return Main.USAGE_OR_IO;
        }
        if (json != null) { // checked first: a full run takes minutes
            try {
                ReportTarget.check("--json", json, BenchReport::isSummary, Map.of());
            } catch (IllegalArgumentException e) {
                System.err.println("bench: " + e.getMessage());
                return Main.USAGE_OR_IO;
            }
        }
        try {
            BenchReport report = new Bench(sizes, System.err, figures).run();
            report.print(System.out);
            if (json != null) {
                report.writeJson(json);
            }
            return Main.OK;
        } catch (IOException e) {
            System.err.println("bench: " + e.getMessage());
            return Main.USAGE_OR_IO;
        }
    }
}
