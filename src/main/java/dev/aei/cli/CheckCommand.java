package dev.aei.cli;

import dev.aei.analysis.Analyzer;
import dev.aei.analysis.Finding;
import dev.aei.analysis.RuleConfig;
import dev.aei.analysis.SessionReplay;
import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import dev.aei.fixture.Fixture;
import dev.aei.fixture.FixtureException;
import dev.aei.fixture.SessionFiles;
import dev.aei.protocol.Profile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code check} command: runs every rule over a recorded journal, fixture or HAR offline. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run the rules over a capture journal, fixture or HAR file offline; "
                + "exit 1 on findings at or above --fail-on, 2 on usage or I/O errors.")
public final class CheckCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "A capture journal (.jsonl), fixture (.aei.json, .aei.json.gz) or .har.")
    Path file;

    @Mixin
    CaptureFileOptions capture;

    @Mixin
    FindingsOptions findings;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Fixture loaded;
        Session session;
        Profile events;
        RuleConfig config;
        try {
            config = findings.ruleConfig();
            findings.checkTargets(Map.of(file, "the file checked"));
            loaded = capture.open(SessionFiles.defaults(), file, out);
            session = loaded.session();
            events = capture.eventsOf(session);
        } catch (FixtureException | IllegalArgumentException e) {
            err.println("check: " + e.getMessage());
            err.flush();
            return Main.USAGE_OR_IO;
        }
        List<Finding> found = SessionReplay.analyze(session, Analyzer.create(events, config, null), loaded.endsOpen());
        out.println("checked " + file.getFileName() + " (" + session.lanes().size() + " users, " + session.frameCount()
                + " frames, profile " + events.name() + ")");
        return findings.report(found, session.lanes().stream().map(Lane::id).toList(), config.enabled(), out, err);
    }
}
