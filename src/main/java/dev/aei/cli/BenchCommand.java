package dev.aei.cli;

import dev.aei.cli.bench.Bench;
import dev.aei.cli.bench.BenchReport;
import dev.aei.cli.bench.BenchSizes;
import java.io.IOException;
import java.nio.file.Path;
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

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as one JSON object.")
    private Path json;

    @Override
    public Integer call() {
        BenchSizes sizes = quick ? BenchSizes.reduced() : BenchSizes.full();
        try {
            BenchReport report = new Bench(sizes, System.err).run();
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
