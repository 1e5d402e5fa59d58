package dev.aei.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.capture.JournalWriter;
import dev.aei.cli.Main;
import dev.aei.server.BackendConfig;
import dev.aei.server.FaultRule;
import dev.aei.server.FaultType;
import dev.aei.server.ReferenceBackend;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aei check} over a real recorded journal: the same findings JSON as live, and its exit codes. */
class CheckCommandTest {
    @TempDir
    static Path dir;
    static Path journal;
    static String liveJson;

    @BeforeAll
    static void record() throws Exception {
        journal = dir.resolve("faulty.jsonl");
        List<FaultRule> faults = List.of(new FaultRule("bob", 1, "tool_completed", FaultType.DROP, null, 0),
                new FaultRule("bob", 1, "agent_thinking", FaultType.LEAK, "alice", 0));
        try (LiveRecording rec = LiveRecording.start(false, faults, RuleConfig.defaults(), 5, "alice", "bob");
             JournalWriter writer = JournalWriter.open(journal, rec.session)) {
            rec.prompt("compare Q3 costs", 1, "alice", "bob");
            rec.await("both runs", Duration.ofSeconds(30), () -> rec.completions("alice") == 1
                    && rec.completions("bob") == 1 && rec.analyzer.findings().size() >= 2);
            rec.stop();
            liveJson = new FindingsJson().toJson(rec.analyzer.findings());
        }
        assertThat(liveJson).contains("leak-owner", "tool-unfinished", "seq-gap");
    }

    @Test
    void checkWritesTheSameFindingsJsonAsTheLiveRecording() throws Exception {
        Path json = dir.resolve("findings.json");
        Path junit = dir.resolve("junit.xml");
        assertThat(Main.run("check", journal.toString(), "--findings-json", json.toString(), "--junit", junit.toString()))
                .isEqualTo(Main.FINDINGS);
        assertThat(Files.readString(json)).isEqualTo(liveJson);
        assertThat(Files.readString(junit)).contains("<testsuite name=\"alice\"", "<testsuite name=\"bob\"",
                "name=\"leak-owner\"", "<failure");
    }

    @Test
    void recordPrintsTheSameFindingsAsCheckAndHonoursFailOn() throws Exception {
        List<FaultRule> faults = List.of(new FaultRule("bob", 1, "agent_thinking", FaultType.LEAK_RELABEL, "alice", 0));
        Path recorded = dir.resolve("recorded.jsonl");
        Path live = dir.resolve("record-findings.json");
        Path offline = dir.resolve("check-findings.json");
        try (ReferenceBackend backend = ReferenceBackend.start(BackendConfig.defaults().withEventDelayMs(5)
                .withFaults(faults))) {
            assertThat(Main.run("record", "--server", backend.webSocketUrl().toString(), "--secret",
                    BackendConfig.DEMO_SECRET, "--user", "alice", "--user", "bob", "--prompt", "compare costs",
                    "--until-complete", "--timeout", "30s", "--out", recorded.toString(),
                    "--findings-json", live.toString())).isEqualTo(Main.FINDINGS);
            assertThat(Main.run("record", "--server", backend.webSocketUrl().toString(), "--secret",
                    BackendConfig.DEMO_SECRET, "--user", "carol", "--prompt", "hi", "--until-complete",
                    "--timeout", "30s", "--out", dir.resolve("carol.jsonl").toString(), "--fail-on", "never"))
                    .isEqualTo(Main.OK);
        }
        assertThat(Files.readString(live)).contains("\"rule\" : \"leak-foreign-run\"", "\"lane\" : \"alice\"");
        assertThat(Main.run("check", recorded.toString(), "--findings-json", offline.toString())).isEqualTo(Main.FINDINGS);
        assertThat(Files.readString(offline)).isEqualTo(Files.readString(live));
    }

    @Test
    void failOnSetsTheExitCode() {
        String file = journal.toString();
        assertThat(Main.run("check", file, "--fail-on", "critical")).isEqualTo(Main.FINDINGS);
        assertThat(Main.run("check", file, "--fail-on", "never")).isEqualTo(Main.OK);
        assertThat(Main.run("check", file, "--fail-on", "info")).isEqualTo(Main.FINDINGS);
        assertThat(Main.run("check", file, "--fail-on", "loud")).isEqualTo(Main.USAGE_OR_IO);
    }

    @Test
    void aHealthyJournalPasses() throws Exception {
        Path clean = dir.resolve("clean.jsonl");
        try (LiveRecording rec = LiveRecording.start(true, List.of(), RuleConfig.defaults(), 5, "alice");
             JournalWriter writer = JournalWriter.open(clean, rec.session)) {
            rec.prompt("hello", 1, "alice");
            rec.await("the run", Duration.ofSeconds(30), () -> rec.completions("alice") == 1);
            rec.stop();
        }
        assertThat(Main.run("check", clean.toString())).isEqualTo(Main.OK);
    }

    @Test
    void unreadableInputIsAUsageOrIoError() throws Exception {
        Path junk = dir.resolve("junk.txt");
        Files.writeString(junk, "hello");
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run("check", junk.toString())).isEqualTo(Main.USAGE_OR_IO);
            assertThat(Main.run("check", dir.resolve("missing.jsonl").toString())).isEqualTo(Main.USAGE_OR_IO);
            assertThat(Main.run("check", journal.toString(), "--profile", "nope")).isEqualTo(Main.USAGE_OR_IO);
        } finally {
            System.setErr(saved);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("check: ", "unknown profile 'nope'");
    }
}
