package dev.aei.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.capture.Direction;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import dev.aei.capture.Session;
import dev.aei.fixture.Progress;
import dev.aei.fixture.SessionFiles;
import dev.aei.server.BackendConfig;
import dev.aei.server.ReferenceBackend;
import dev.aei.testing.ConsoleCapture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code record} and {@code check} with users as real teams have them: any script, two tabs, other tools' markers. */
class RecordRealUsersTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    @TempDir
    Path dir;

    private ReferenceBackend backend;

    @BeforeEach
    void start() throws Exception {
        // strict netra: ids cut in connection_established, no seq, the real backend's mixed shapes
        backend = ReferenceBackend.start(BackendConfig.defaults().withEventDelayMs(5).withStrictNetra(true)
                .withShape(dev.aei.server.EventShape.WEB_CLIENT)); // who receives what, not the contract, is judged here
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    @Test
    void usersInAnyScriptRecordCleanlyWithoutAFalseLeak() throws Exception {
        Path fixture = dir.resolve("unicode.aei.json");
        Path findings = dir.resolve("findings.json");

        int code = Main.run("record", "--server", backend.webSocketUrl().toString(), "--secret", BackendConfig.DEMO_SECRET,
                "--user", "爱丽丝", "--user", "bob🙂", "--user", "عمر", "--user", "a b", "--user", "x/y?z",
                "--prompt", "比较第三季度成本 🙂 مقارنة", "--until-complete", "--out", fixture.toString(),
                "--findings-json", findings.toString());

        assertThat(code).as(console.err() + console.out()).isEqualTo(Main.OK);
        assertThat(console.out()).doesNotContain("leak").contains("0 findings");
        for (String user : List.of("爱丽丝", "bob🙂", "عمر", "a b", "x/y?z")) {
            assertThat(console.out()).contains(user + ": connected");
        }
        Session saved = SessionFiles.defaults().open(fixture, Progress.NONE).session();
        assertThat(saved.lanes()).extracting(Lane::id).containsExactly("爱丽丝", "bob🙂", "عمر", "a b", "x/y?z");
        assertThat(Files.readString(findings, StandardCharsets.UTF_8).replaceAll("\\s", "")).isEqualTo("[]");
        assertThat(Main.run("check", fixture.toString())).isEqualTo(Main.OK);
        assertThat(Main.run("verify", fixture.toString(), "--server", backend.webSocketUrl().toString(),
                "--secret", BackendConfig.DEMO_SECRET)).as(console.out()).isEqualTo(Main.OK);
    }

    @Test
    void aUserNamedTwiceSignsInOnTwoConnectionsThatShareHerRuns() throws Exception {
        Path fixture = dir.resolve("tabs.aei.json");
        Path findings = dir.resolve("tabs.json");

        int code = Main.run("record", "--server", backend.webSocketUrl().toString(), "--secret", BackendConfig.DEMO_SECRET,
                "--user", "alice", "--user", "alice", "--user", "bob", "--prompt", "hello", "--until-complete",
                "--out", fixture.toString(), "--findings-json", findings.toString());

        assertThat(code).as(console.out()).isEqualTo(Main.OK);
        assertThat(console.out()).contains("Recorded 3 connections of 2 user(s) to ",
                "alice: connected", "alice #2: connected", "bob: connected").doesNotContain("leak");
        assertThat(Files.readString(findings, StandardCharsets.UTF_8)).contains("\"other-tab\"", "\"alice #2\"");
        Session saved = SessionFiles.defaults().open(fixture, Progress.NONE).session();
        assertThat(saved.lanes()).extracting(Lane::id).containsExactly("alice", "alice #2", "bob");
        assertThat(saved.lane("alice #2").userId()).isEqualTo("alice");
        assertThat(Main.run("verify", fixture.toString(), "--server", backend.webSocketUrl().toString(),
                "--secret", BackendConfig.DEMO_SECRET)).as(console.out()).isEqualTo(Main.OK);
    }

    @Test
    void anotherToolsMarkersAreCheckedWithTheirOwnPattern() throws Exception {
        Path capture = dir.resolve("other-tool.aei.json");
        Session session = Session.start("ws://example.test/ws", "header", "netra");
        Lane alice = session.addLane("alice", Map.of());
        Lane bob = session.addLane("bob", Map.of());
        session.appendEvent(alice, LaneEvent.Kind.CONNECTED, 101, "");
        session.appendEvent(bob, LaneEvent.Kind.CONNECTED, 101, "");
        session.appendText(bob, Direction.IN,
                "{\"type\":\"stream_chunk\",\"content\":\"Q3 costs for you [[canary:alice:d72cb0c7]]\"}");
        dev.aei.testing.Fixtures.saveAnalysed(session, capture);

        int plain = Main.run("check", capture.toString(), "--fail-on", "critical");
        int checked = Main.run("check", capture.toString(), "--fail-on", "critical",
                "--canary", "\\[\\[canary:(?<user>[^:\\]]+):[0-9a-f]{8}]]");
        int bad = Main.run("check", capture.toString(), "--canary", "([a-");

        assertThat(plain).isEqualTo(Main.OK);
        assertThat(checked).isEqualTo(Main.FINDINGS);
        assertThat(console.out()).contains("leak-canary bob", "it carries alice's prompt marker [[canary:alice:d72cb0c7]]");
        assertThat(bad).isEqualTo(Main.USAGE_OR_IO);
        assertThat(console.err()).contains("--canary").contains("not a valid regular expression");
    }
}
