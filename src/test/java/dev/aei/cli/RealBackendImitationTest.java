package dev.aei.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.auth.JwtMinter;
import dev.aei.auth.MintingTokenSource;
import dev.aei.auth.SigningKey;
import dev.aei.auth.TestUser;
import dev.aei.auth.TokenClaims;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.Session;
import dev.aei.net.AuthMode;
import dev.aei.net.ConnectionSettings;
import dev.aei.net.LaneState;
import dev.aei.net.SessionConnector;
import dev.aei.protocol.ClientProfile;
import dev.aei.protocol.ThreadPolicy;
import dev.aei.server.BackendConfig;
import dev.aei.server.FaultRule;
import dev.aei.server.FaultType;
import dev.aei.server.InputMode;
import dev.aei.server.ReferenceBackend;
import dev.aei.testing.Await;
import dev.aei.testing.ConsoleCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inspector as a user runs it, against the reference backend imitating the real netra backend:
 * the real auth claims, the web client's ticket exchange, runs started only by {@code start_agent},
 * and the failures the real backend has shown (ignored prompts, a crash closing with "main cleanup",
 * run ids that hold no thread). Nothing here ends green by accident.
 */
class RealBackendImitationTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ReferenceBackend backend;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBackend() throws Exception {
        backend = ReferenceBackend.start(BackendConfig.defaults().withEventDelayMs(5).withNetraAuth(true)
                .withInput(InputMode.START_AGENT).withFaults(List.of(
                        new FaultRule("bob", 1, null, FaultType.IGNORE_PROMPT, null, 0),
                        new FaultRule("carol", 1, null, FaultType.ERROR_CLOSE, null, 0),
                        new FaultRule("dave", 1, null, FaultType.EXECUTION_IDS, null, 0))));
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    @Test
    void tokensWithTheOldClaimsAreRefusedAndTheProfilesClaimsGetIn() throws Exception {
        int old = record("erin-old", dir.resolve("old.jsonl"), "--issuer", "aei");
        assertThat(old).isEqualTo(Main.USAGE_OR_IO);
        assertThat(console.both()).contains("401", "iss");

        Path findings = dir.resolve("erin.json");
        int code = record("erin", dir.resolve("erin.jsonl"), "--findings-json", findings.toString());
        assertThat(code).as(console.both()).isEqualTo(Main.OK);
        assertThat(rules(findings)).containsExactlyInAnyOrderElementsOf(webClientContract("erin"));
    }

    @Test
    void theWebClientsTicketExchangeConnects() throws Exception {
        Path findings = dir.resolve("ticket.json");
        int code = record("frank", dir.resolve("ticket.jsonl"), "--auth", "ticket",
                "--ticket-url", backend.webClientTicketUrl().toString(), "--findings-json", findings.toString());
        assertThat(code).as(console.both()).isEqualTo(Main.OK);
        assertThat(rules(findings)).containsExactlyInAnyOrderElementsOf(webClientContract("frank"));
    }

    @Test
    void silenceCrashesAndThreadlessRunIdsAreFoundLiveAndAgainInTheJournalAndTheFixture() throws Exception {
        Path journal = dir.resolve("s.jsonl");
        Path live = dir.resolve("live.json");
        int code = record(List.of("alice", "bob", "carol", "dave"), journal, "--findings-json", live.toString());
        assertThat(code).as("an unanswered prompt never ends green").isEqualTo(Main.FINDINGS);
        List<String> expected = new ArrayList<>(List.of("prompt-unanswered bob", "prompt-unanswered carol",
                "server-error carol", "disconnect carol"));
        expected.addAll(webClientContract("alice"));
        expected.addAll(webClientContract("dave"));
        assertThat(rules(live)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(Files.readString(live)).contains("INTERNAL_ERROR");

        Path fixture = dir.resolve("s.aei.json");
        assertThat(Main.run("convert", journal.toString(), fixture.toString())).isEqualTo(Main.OK);
        for (Path file : List.of(journal, fixture)) {
            Path offline = dir.resolve(file.getFileName() + ".findings.json");
            assertThat(Main.run("check", file.toString(), "--answer-timeout", "2s",
                    "--findings-json", offline.toString())).isEqualTo(Main.FINDINGS);
            assertThat(rules(offline)).as("check " + file.getFileName()).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void aThreadStartsWithStartAgentAndFollowsUpWithUserMessage() throws Exception {
        ClientProfile netra = ClientProfile.load("netra").withThread(ThreadPolicy.SAME);
        Session session = Session.start(backend.webSocketUrl().toString(), "header", "netra");
        MintingTokenSource tokens = new MintingTokenSource(new JwtMinter(SigningKey.hs256(BackendConfig.DEMO_SECRET),
                new TokenClaims(netra.claims()), JwtMinter.DEFAULT_LIFETIME, Clock.systemUTC()), Clock.systemUTC());
        try (SessionConnector connector = new SessionConnector(session,
                ConnectionSettings.of(backend.webSocketUrl(), AuthMode.HEADER), tokens, netra)) {
            connector.connect(TestUser.named("grace")).get(60, TimeUnit.SECONDS);
            assertThat(connector.state("grace").status()).isEqualTo(LaneState.Status.CONNECTED);
            connector.sendPrompt(List.of("grace"), "Compare Q3 costs");
            Await.until("the first run completes", () -> count(session, "agent_completed") == 1);
            connector.sendPrompt(List.of("grace"), "And Q4?");
            Await.until("the follow-up's run completes", () -> count(session, "agent_completed") == 2);
        }
        List<JsonNode> sent = new ArrayList<>();
        for (Frame frame : session.lane("grace").frames()) {
            JsonNode node = frame.direction() == Direction.OUT ? JSON.readTree(frame.text()) : null;
            if (node != null && !node.path("type").asText().equals("ping")) {
                sent.add(node);
            }
        }
        assertThat(sent).extracting(n -> n.path("type").asText()).containsExactly("start_agent", "user_message");
        assertThat(sent.get(1).path("payload").path("thread_id").asText())
                .isEqualTo(sent.get(0).path("payload").path("thread_id").asText());
        assertThat(count(session, "error_message")).isZero();
    }

    private int record(String user, Path out, String... more) {
        return record(List.of(user), out, more);
    }

    private int record(List<String> users, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("record", "--server", backend.webSocketUrl().toString(),
                "--secret", BackendConfig.DEMO_SECRET, "--prompt", "Compare Q3 costs", "--until-complete",
                "--answer-timeout", "2s", "--timeout", "60s", "--out", out.toString()));
        users.forEach(u -> args.addAll(List.of("--user", u)));
        args.addAll(List.of(more));
        return Main.run(args.toArray(String[]::new));
    }

    /**
     * What the real web client would show of a lane's runs in the bridge's shape (warnings): every
     * tool as unknown_tool, at its start and its end, and "processing" that never stops.
     */
    private static List<String> webClientContract(String lane) {
        return List.of("contract-field " + lane, "contract-field " + lane, "contract-end " + lane);
    }

    /** "rule lane" of each finding in a findings JSON file. */
    private static List<String> rules(Path findings) throws Exception {
        List<String> keys = new ArrayList<>();
        for (JsonNode f : JSON.readTree(findings.toFile())) {
            keys.add(f.path("rule").asText() + " " + f.path("lane").asText());
        }
        return keys;
    }

    private static long count(Session session, String type) {
        return session.lanes().stream().flatMap(l -> l.frames().stream())
                .filter(f -> f.direction() == Direction.IN && f.text() != null && f.text().contains("\"" + type + "\""))
                .count();
    }
}
