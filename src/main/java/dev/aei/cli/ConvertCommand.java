package dev.aei.cli;

import dev.aei.analysis.Analyzer;
import dev.aei.analysis.Finding;
import dev.aei.analysis.RuleConfig;
import dev.aei.analysis.SessionReplay;
import dev.aei.fixture.ExportOptions;
import dev.aei.fixture.FileKind;
import dev.aei.fixture.Fixture;
import dev.aei.fixture.FixtureException;
import dev.aei.fixture.Progress;
import dev.aei.fixture.FixtureLimits;
import dev.aei.fixture.SessionFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code convert} command: a HAR, journal or fixture saved as a fixture or a HAR. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a HAR, capture journal or fixture to a fixture (OUT ends in .aei.json or .aei.json.gz (gzip), with the "
                + "findings) or a HAR (OUT ends in .har); secrets redacted; never writes over IN.")
public final class ConvertCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "A HAR, capture journal (.jsonl) or fixture (.aei.json).")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "NAME.aei.json (or NAME.aei.json.gz, compressed) for a fixture or NAME.har for a HAR.")
    Path out;

    @Mixin
    CaptureFileOptions capture;

    @Option(names = "--force", description = "Write over OUT when it exists (never over IN).")
    boolean force;

    @Option(names = "--no-redact", description = "Keep tokens and secrets as captured (only for files that stay private).")
    boolean noRedact;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            refuseUnsafeOutput();
            convert(console);
            return Main.OK;
        } catch (UsageException | FixtureException | IllegalArgumentException e) {
            err.println("convert: " + e.getMessage());
            err.flush();
            return Main.USAGE_OR_IO;
        }
    }

    private void convert(PrintWriter console) throws FixtureException {
        SessionFiles files = new SessionFiles(FixtureLimits.defaults(),
                noRedact ? ExportOptions.unredacted() : ExportOptions.defaults());
        Fixture loaded = capture.open(files, in, console);
        List<Finding> findings = loaded.findings();
        if (SessionFiles.isFixtureName(out) && findings.isEmpty()) {
            findings = SessionReplay.analyze(loaded.session(),
                    Analyzer.create(capture.eventsOf(loaded.session()), RuleConfig.defaults(), null),
                    loaded.endsOpen());
        }
        FileKind kind = SessionFiles.isFixtureName(out) ? FileKind.FIXTURE : FileKind.HAR;
        files.save(new Fixture(loaded.session(), findings, loaded.redacted(), kind), out, Progress.NONE);
        console.println("converted " + in.getFileName() + " to " + out + (noRedact ? "" : " (secrets redacted)"));
        console.flush();
    }

    /** OUT must name a fixture or a HAR, must not be IN, and must not exist unless --force. */
    private void refuseUnsafeOutput() throws UsageException {
        if (!SessionFiles.isFixtureName(out) && !SessionFiles.isHarName(out)) {
            throw new UsageException("OUT must end in .aei.json or .aei.json.gz (a fixture) or .har (a HAR): " + out);
        }
        if (SessionFiles.sameFile(in, out)) {
            throw new UsageException("OUT is IN (" + out + "): convert never writes over its input");
        }
        if (Files.exists(out) && !force) {
            throw new UsageException(out + " exists; use --force to replace it");
        }
    }

    /** A problem with the command line, reported as one line with exit code 2. */
    private static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
