package dev.aei.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.capture.JournalWriter;
import dev.aei.capture.Session;
import dev.aei.fixture.Fixture;
import dev.aei.fixture.Progress;
import dev.aei.fixture.SessionFiles;
import dev.aei.protocol.Profile;
import dev.aei.server.BackendConfig;
import dev.aei.server.EventShape;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client contract against the reference backend over real sockets, two users, two runs each:
 * in the bridge's shape the web client would show every tool as {@code unknown_tool} and never stop
 * "processing" (one finding per lane and field, one end per lane); in the web client's shape it
 * shows everything and nothing is found. Live, and again from the journal and the saved fixture.
 */
class ContractAcceptanceTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOOL_AT_ROOT = "tool shown as unknown_tool: the netra web client reads "
            + "data.tool_name or payload.tool_name, found tool_name at the root (2 %s events, first in run %s; "
            + "not reported again on this lane)";

    @TempDir
    Path dir;

    @Test
    void theBridgesShapeShowsUnknownToolsAndAnEndlessSpinnerPerLane() throws Exception {
        Recorded recorded = record(EventShape.BRIDGE);
        List<String> expected = new ArrayList<>();
        for (String lane : List.of("alice", "bob")) {
            String run = recorded.firstRuns.get(lane.equals("alice") ? 0 : 1);
            expected.add("contract-field " + lane + " " + run + " " + TOOL_AT_ROOT.formatted("tool_executing", run));
            expected.add("contract-field " + lane + " " + run + " " + TOOL_AT_ROOT.formatted("tool_completed", run));
            expected.add("contract-end " + lane + " " + run + " run " + run + " ended with agent_completed, but the "
                    + "netra web client waits for final_report or error: it keeps showing “Processing your "
                    + "request…” (not reported again on this lane)");
        }
        assertThat(recorded.live).as("live").containsExactlyInAnyOrderElementsOf(expected);
        assertThat(recorded.journal).as("from the journal").containsExactlyInAnyOrderElementsOf(expected);
        assertThat(recorded.fixture).as("from the fixture").containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theWebClientsShapeGivesTheClientEverythingItReads() throws Exception {
        Recorded recorded = record(EventShape.WEB_CLIENT);
        assertThat(recorded.live).as("live").isEmpty();
        assertThat(recorded.journal).as("from the journal").isEmpty();
        assertThat(recorded.fixture).as("from the fixture").isEmpty();
    }

    /** The warnings and worse ("rule lane run message") of one recording, live and from its files. */
    private record Recorded(List<String> live, List<String> journal, List<String> fixture, List<String> firstRuns) {
    }

    private Recorded record(EventShape shape) throws Exception {
        Path journal = dir.resolve(shape.label() + ".jsonl");
        Path fixture = dir.resolve(shape.label() + ".aei.json");
        Profile netra = Profile.load("netra");
        List<String> live;
        List<String> firstRuns = new ArrayList<>();
        try (LiveRecording rec = LiveRecording.start(BackendConfig.defaults().withEventDelayMs(2).withShape(shape),
                RuleConfig.defaults(), "alice", "bob");
             JournalWriter writer = JournalWriter.open(journal, rec.session)) {
            rec.prompt("compare Q3 costs", 2, "alice", "bob");
            rec.await("two runs per user", WAIT, () -> rec.completions("alice") == 2 && rec.completions("bob") == 2
                    && rec.analyzer.openRuns().isEmpty());
            rec.stop();
            writer.close();
            live = keys(rec.analyzer.findings());
            firstRuns.add(rec.runsOf("alice").get(0));
            firstRuns.add(rec.runsOf("bob").get(0));
            SessionFiles.defaults().save(Fixture.of(rec.session, rec.analyzer.findings()), fixture, Progress.NONE);
        }
        return new Recorded(live, offline(journal, netra), offline(fixture, netra), firstRuns);
    }

    private static List<String> offline(Path file, Profile profile) throws Exception {
        Session session = SessionFiles.defaults().open(file, Progress.NONE).session();
        return keys(SessionReplay.analyze(session, Analyzer.create(profile, RuleConfig.defaults(), null)));
    }

    private static List<String> keys(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity().atLeast(Severity.WARNING))
                .map(f -> Capture.key(f) + " " + f.message()).toList();
    }
}
