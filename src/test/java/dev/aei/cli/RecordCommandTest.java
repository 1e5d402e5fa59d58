package dev.aei.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aei.capture.JournalLoad;
import dev.aei.protocol.Profile;
import java.io.InputStream;
import dev.aei.capture.JournalReader;
import dev.aei.server.BackendConfig;
import dev.aei.server.FaultRule;
import dev.aei.server.FaultType;
import dev.aei.server.ReferenceBackend;
import dev.aei.testing.ConsoleCapture;
import dev.aei.testing.DeadPort;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class RecordCommandTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    @TempDir
    Path dir;

    private ReferenceBackend backend;

    @BeforeEach
    void start() throws Exception {
        backend = ReferenceBackend.start(BackendConfig.defaults().withEventDelayMs(5));
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    @Test
    void recordingToAFixtureDecodesEachFrameOnce() throws Exception {
        Path fixture = dir.resolve("once.aei.json");
        dev.aei.inspect.Decoders decoders = new dev.aei.inspect.Decoders();
        int code = new picocli.CommandLine(new RecordCommand(decoders)).execute("--server",
                backend.webSocketUrl().toString(), "--secret", backend.config().secret(), "--user", "alice",
                "--user", "bob", "--prompt", "Compare Q3 costs", "--until-complete", "--grace", "200ms",
                "--out", fixture.toString());
        assertThat(code).as(console.err()).isZero();
        long frames = dev.aei.fixture.SessionFiles.defaults().open(fixture, dev.aei.fixture.Progress.NONE)
                .session().frameCount();
        assertThat(frames).isPositive();
        assertThat(decoders.decodedFrames()).as("one analysis, tallies from its decode, the fixture from its findings")
                .isEqualTo(frames);
    }

    @Test
    void outPicksTheFormatByItsNameAndRefusesAnyOtherName() throws Exception {
        Path har = dir.resolve("capture.har");
        int code = Main.run("record", "--server", backend.webSocketUrl().toString(), "--secret",
                backend.config().secret(), "--user", "alice", "--prompt", "Compare Q3 costs", "--until-complete",
                "--grace", "200ms", "--out", har.toString());
        assertThat(code).as(console.err()).isZero();
        assertThat(console.out()).contains("HAR: " + har + " (secrets redacted)");
        assertThat(dev.aei.fixture.SessionFiles.defaults().detect(har)).isEqualTo(dev.aei.fixture.FileKind.HAR);
        assertThat(dir.resolve("capture.jsonl")).as("the journal beside it").isRegularFile();

        Path text = dir.resolve("capture.txt");
        assertThat(Main.run("record", "--server", backend.webSocketUrl().toString(), "--secret",
                backend.config().secret(), "--user", "alice", "--out", text.toString())).isEqualTo(Main.USAGE_OR_IO);
        assertThat(console.err()).contains("--out must end in .jsonl (a journal), .aei.json or .aei.json.gz (a"
                + " fixture) or .har (a HAR), got " + text);
        assertThat(text).doesNotExist();
    }

    @Test
    void theClaimsTheTokensCarriedAreKeptWithTheRecording() throws Exception {
        Path fixture = dir.resolve("claims.aei.json");
        assertThat(Main.run("record", "--server", backend.webSocketUrl().toString(), "--secret",
                backend.config().secret(), "--user", "alice", "--claim", "permissions=[\"read\"]",
                "--issuer", "qa-issuer", "--duration", "300ms", "--out", fixture.toString())).as(console.err()).isZero();

        java.util.Map<String, Object> claims = dev.aei.fixture.SessionFiles.defaults()
                .open(fixture, dev.aei.fixture.Progress.NONE).session().lane("alice").claims();
        assertThat(claims).containsEntry("permissions", List.of("read")).containsEntry("iss", "qa-issuer")
                .doesNotContainKeys("sub", "exp", "iat");
    }

    @Test
    void mistakesInTheOptionsAreSaidBeforeAnyoneConnects() throws Exception {
        String url = backend.webSocketUrl().toString();
        String secret = backend.config().secret();
        java.nio.file.Path folder = java.nio.file.Files.createDirectory(dir.resolve("run.jsonl"));

        assertThat(Main.run("record", "--server", url, "--secret", secret, "--user", "")).isEqualTo(Main.USAGE_OR_IO);
        assertThat(Main.run("record", "--server", "ws://127.0.0.1:99999/ws", "--secret", secret, "--user", "alice"))
                .isEqualTo(Main.USAGE_OR_IO);
        assertThat(Main.run("record", "--server", url, "--secret", secret, "--alg", "HS999", "--user", "alice"))
                .isEqualTo(Main.USAGE_OR_IO);
        assertThat(Main.run("record", "--server", url, "--secret", secret, "--user", "alice", "--force",
                "--out", folder.toString())).isEqualTo(Main.USAGE_OR_IO);

        assertThat(console.err()).contains("--user must name a user, got an empty one",
                "--server needs a host and a port up to 65535, got ws://127.0.0.1:99999/ws",
                "--alg must be HS256 (with --secret), RS256 or ES256 (with --key-file), got HS999",
                folder + " is a folder; --out names the file to write");
        assertThat(folder).as("--force does not remove a folder").isDirectory();
    }

    @Test
    void filesThatExistAreNotWrittenOverWithoutForce() throws Exception {
        Path fixture = java.nio.file.Files.writeString(dir.resolve("bug.aei.json"), "a colleague's evidence");
        Path journal = java.nio.file.Files.writeString(dir.resolve("bug.jsonl"), "my notes");
        Path plain = java.nio.file.Files.writeString(dir.resolve("plain.jsonl"), "more notes");
        String[] record = {"record", "--server", backend.webSocketUrl().toString(), "--secret",
            BackendConfig.DEMO_SECRET, "--user", "alice", "--duration", "0s", "--out"};

        assertThat(Main.run(concat(record, fixture.toString()))).isEqualTo(Main.USAGE_OR_IO);
        assertThat(console.err()).contains("record: " + fixture + " exists; use --force to replace it");
        java.nio.file.Files.delete(fixture);
        assertThat(Main.run(concat(record, fixture.toString()))).as("the journal beside it counts too")
                .isEqualTo(Main.USAGE_OR_IO);
        assertThat(console.err()).contains(journal + " exists");
        assertThat(Main.run(concat(record, plain.toString()))).isEqualTo(Main.USAGE_OR_IO);
        assertThat(java.nio.file.Files.readString(journal)).isEqualTo("my notes");
        assertThat(java.nio.file.Files.readString(plain)).isEqualTo("more notes");
        assertThat(java.nio.file.Files.exists(fixture)).isFalse();

        assertThat(Main.run(concat(concat(record, fixture.toString()), "--force"))).as(console.err()).isEqualTo(Main.OK);
        assertThat(new JournalReader().load(journal).session().lanes()).hasSize(1);
        assertThat(dev.aei.fixture.SessionFiles.defaults().open(fixture, dev.aei.fixture.Progress.NONE)
                .session().lanes()).hasSize(1);
    }

    private static String[] concat(String[] head, String last) {
        String[] all = java.util.Arrays.copyOf(head, head.length + 1);
        all[head.length] = last;
        return all;
    }

    @Test
    void recordsEveryUsersCompleteRunToAJournalAndSummarisesIt() throws Exception {
        Path journal = dir.resolve("s.jsonl");

        int code = Main.run("record", "--server", backend.webSocketUrl().toString(),
                "--secret", BackendConfig.DEMO_SECRET, "--user", "alice", "--user", "bob", "--user", "carol",
                "--prompt", "hello", "--until-complete", "--timeout", "60s", "--out", journal.toString());

        assertThat(code).as(console.err()).isEqualTo(Main.OK);
        for (String user : List.of("alice", "bob", "carol")) {
            String block = console.out().substring(console.out().indexOf(user + ": "));
            assertThat(block).startsWith(user + ": connected");
            assertThat(block.lines().filter(l -> l.startsWith("  runs:")).findFirst().orElseThrow())
                    .isEqualTo("  runs: 1 started, 1 completed, 0 errored");
            assertThat(block.lines().filter(l -> l.startsWith("  events:")).findFirst().orElseThrow())
                    .contains("agent_started", "agent_thinking", "tool_executing", "tool_completed", "agent_completed");
        }
        JournalLoad load = new JournalReader().load(journal);
        assertThat(load.skippedLines()).isZero();
        assertThat(load.session().lanes()).hasSize(3);
        assertThat(load.session().lane("bob").frames()).hasSizeGreaterThan(6);
        assertThat(java.nio.file.Files.readString(journal)).doesNotContain("eyJ");
    }

    @Test
    void aRunThatNeverCompletesIsIncompleteLiveAndInALaterCheckOfTheJournal() throws Exception {
        backend.setFaults(List.of(new FaultRule("alice", 1, null, FaultType.NO_COMPLETE, null, 0)));
        Path journal = dir.resolve("gave-up.jsonl");
        Path findings = dir.resolve("findings.json");

        int code = Main.run("record", "--server", backend.webSocketUrl().toString(), "--secret",
                BackendConfig.DEMO_SECRET, "--user", "alice", "--prompt", "hello", "--until-complete",
                "--timeout", "2s", "--out", journal.toString());
        int checked = Main.run("check", journal.toString(), "--findings-json", findings.toString());

        assertThat(code).as(console.err()).isEqualTo(Main.FINDINGS);
        assertThat(console.out()).contains("run-incomplete");
        assertThat(checked).isEqualTo(Main.FINDINGS);
        assertThat(java.nio.file.Files.readString(findings)).contains("run-incomplete", "gave up waiting");
    }

    @Test
    void ticketAuthRecordsAsWell() throws Exception {
        Path journal = dir.resolve("ticket.jsonl");

        int code = Main.run("record", "--server", backend.webSocketUrl().toString(), "--auth", "ticket",
                "--ticket-url", backend.ticketUrl().toString(), "--secret", BackendConfig.DEMO_SECRET,
                "--profile", netraWithTheFormerTicketExchange().toString(),
                "--user", "alice", "--prompt", "hi", "--until-complete", "--out", journal.toString());

        assertThat(code).as(console.err()).isEqualTo(Main.OK);
        assertThat(console.out()).contains("alice: connected", "runs: 1 started, 1 completed");
    }

    /** The netra profile fetching tickets as the reference backend's {@code /auth/ticket} wants: {@code {"token": …}}. */
    private Path netraWithTheFormerTicketExchange() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode netra;
        try (InputStream in = Profile.class.getResourceAsStream("netra.json")) {
            netra = (ObjectNode) json.readTree(in);
        }
        ((ObjectNode) netra.get("client")).remove("ticket");
        Path file = dir.resolve("netra-former-ticket.json");
        json.writeValue(file.toFile(), netra);
        return file;
    }

    @Test
    void tokensFromTheLoginEndpointWorkAndAWrongPasswordIsReportedPerUser() throws Exception {
        int code = Main.run("record", "--server", backend.webSocketUrl().toString(), "--auth", "query",
                "--login-url", backend.loginUrl().toString(), "--password", "demo", "--user", "alice",
                "--prompt", "hi", "--until-complete", "--out", dir.resolve("login.jsonl").toString());

        assertThat(code).as(console.err()).isEqualTo(Main.OK);
        assertThat(console.out()).contains("alice: connected", "runs: 1 started, 1 completed");

        int refused = Main.run("record", "--server", backend.webSocketUrl().toString(),
                "--login-url", backend.loginUrl().toString(), "--password", "wrong", "--user", "bob",
                "--out", dir.resolve("refused.jsonl").toString());

        assertThat(refused).isEqualTo(Main.USAGE_OR_IO);
        assertThat(console.out()).contains("bob: FAILED sign-in failed:");
        assertThat(console.err()).contains("no user could connect").doesNotContain("wrong");
    }

    @Test
    void anUnreachableServerIsAnErrorWithExitCode2() throws Exception {
        int code = Main.run("record", "--server", DeadPort.webSocketUrl(), "--secret", "s3cr3t",
                "--user", "alice", "--user", "bob", "--duration", "0s", "--out", dir.resolve("x.jsonl").toString());

        assertThat(code).isEqualTo(Main.USAGE_OR_IO);
        assertThat(console.out()).contains("alice: FAILED connection refused", "bob: FAILED connection refused");
        assertThat(console.err()).contains("record: no user could connect");
    }

    @Test
    void usageProblemsAreOneClearLineWithExitCode2() {
        assertThat(Main.run("record", "--server", backend.webSocketUrl().toString(), "--user", "alice"))
                .isEqualTo(Main.USAGE_OR_IO);
        assertThat(console.err()).contains("record: give --secret, --key-file or --login-url");

        assertThat(Main.run("record", "--server", "http://example.com", "--secret", "s", "--user", "a"))
                .isEqualTo(Main.USAGE_OR_IO);
        assertThat(console.err()).contains("--server must be a ws:// or wss:// URL");

        assertThat(Main.run("record", "--server", backend.webSocketUrl().toString(), "--secret", "s",
                "--user", "a", "--timeout", "soon")).isEqualTo(Main.USAGE_OR_IO);
        assertThat(console.err()).contains("--timeout': not a duration: 'soon' (use e.g. 500ms, 10s, 2m)")
                .doesNotContain("java.lang");

        assertThat(Main.run("record", "--server", backend.webSocketUrl().toString(), "--secret", "s",
                "--user", "a", "--fail-on", "bogus")).isEqualTo(Main.USAGE_OR_IO);
        assertThat(console.err()).contains("'bogus' is not a level: use critical, error, warning, info or never")
                .doesNotContain("java.lang");

        assertThat(Main.run("record", "--server", "wss://127.0.0.1:1/ws", "--secret", "s", "--user", "a",
                "--insecure", "--trust-store", "ca.pem")).isEqualTo(Main.USAGE_OR_IO);
        assertThat(console.err()).contains("either --insecure or --trust-store");
    }

    @Test
    void framesCutAtASmallLimitAreKeptAndTheWaitForRunsEndsAtTheTimeout() throws Exception {
        int code = Main.run("record", "--server", backend.webSocketUrl().toString(), "--auth", "subprotocol",
                "--secret", BackendConfig.DEMO_SECRET, "--user", "alice", "--prompt", "hi", "--until-complete",
                "--timeout", "1s", "--reconnect", "--ping-interval", "5s", "--max-frame-bytes", "100", "--out",
                dir.resolve("small.jsonl").toString());

        // Cut frames are malformed-frame findings (error), so the default --fail-on error exits 1.
        assertThat(code).as(console.err()).isEqualTo(Main.FINDINGS);
        assertThat(console.out()).contains("Gave up waiting for runs", "alice: connected", "(malformed)");
        // The limit is on what the server sends; the prompt (netra's start_agent) is longer and sent whole.
        assertThat(new JournalReader().load(dir.resolve("small.jsonl")).session().lane("alice").frames())
                .filteredOn(f -> f.direction() == dev.aei.capture.Direction.IN)
                .allSatisfy(f -> assertThat(f.size()).isLessThanOrEqualTo(100));
    }
}
