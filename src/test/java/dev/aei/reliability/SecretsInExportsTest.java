package dev.aei.reliability;

import dev.aei.testing.Await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.analysis.Analyzer;
import dev.aei.analysis.FailOn;
import dev.aei.analysis.Finding;
import dev.aei.analysis.FindingsJson;
import dev.aei.analysis.JUnitReport;
import dev.aei.analysis.Rule;
import dev.aei.analysis.RuleConfig;
import dev.aei.analysis.Severity;
import dev.aei.auth.LoginSettings;
import dev.aei.auth.LoginTokenSource;
import dev.aei.auth.TestUser;
import dev.aei.auth.TokenSource;
import dev.aei.capture.Direction;
import dev.aei.capture.JournalWriter;
import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import dev.aei.fixture.ExportOptions;
import dev.aei.fixture.Fixture;
import dev.aei.fixture.FixtureWriter;
import dev.aei.fixture.HarWriter;
import dev.aei.fixture.Progress;
import dev.aei.net.AuthMode;
import dev.aei.net.ConnectionSettings;
import dev.aei.net.SessionConnector;
import dev.aei.protocol.Profile;
import dev.aei.server.BackendConfig;
import dev.aei.server.FaultRule;
import dev.aei.server.ReferenceBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real session whose frames carry credentials (a token and an API key pasted into prompts and
 * echoed back, a hostile server sending tokens and keys in every shape), exported every way: no
 * file the test writes holds the signing secret, the password, an issued token or a sensitive
 * key's value, except the one export written with redaction explicitly off.
 */
class SecretsInExportsTest {
    @TempDir
    Path dir;

    @Test
    void everyExportIsRedactedUnlessRedactionIsExplicitlyOff() throws Exception {
        String secret = "rel-secret-" + UUID.randomUUID();
        String password = "rel-password-" + UUID.randomUUID();
        String apiKey = "AK-" + UUID.randomUUID();
        List<String> issued = new CopyOnWriteArrayList<>();
        Session session = Session.start("ws://secrets", "query", "netra");
        Analyzer analyzer = Analyzer.create(Profile.load("netra"), RuleConfig.defaults(), null);
        session.addListener(analyzer);
        FaultRule leak = new FaultRule("bob", 1, "agent_thinking", dev.aei.server.FaultType.LEAK, "alice", 0);
        try (ErrorWatch errors = ErrorWatch.install();
             ReferenceBackend backend = ReferenceBackend.start(BackendConfig.defaults().withSecret(secret)
                     .withEventDelayMs(5).withFaults(List.of(leak)));
             LoginServer login = LoginServer.start(secret, password);
             JournalWriter journal = JournalWriter.open(dir.resolve("capture.jsonl"), session)) {
            TokenSource tokens = recording(new LoginTokenSource(LoginSettings.of(login.url(), password)), issued);
            HostileServer hostile = HostileServer.start(secret);
            try (SessionConnector agents = new SessionConnector(session,
                    ConnectionSettings.of(backend.webSocketUrl(), AuthMode.QUERY), tokens);
                 SessionConnector carolSide = new SessionConnector(session,
                         ConnectionSettings.of(hostile.url(), AuthMode.HEADER), tokens)) {
                agents.connectAll(List.of(TestUser.named("alice"), TestUser.named("bob"))).get(30, TimeUnit.SECONDS);
                carolSide.connect(TestUser.named("carol")).get(30, TimeUnit.SECONDS);
                Await.until("carol's greeting", () -> hostile.isConnected("carol"));
                String token = issued.get(0);
                agents.sendPrompt(List.of("alice", "bob"), "Why is this refused? token=" + token
                        + " api_key=" + apiKey + " Authorization: Bearer " + token);
                for (String text : List.of(token, "Authorization: Bearer " + token, "token=" + token + "&x=1",
                        "{\"type\":\"" + token + "\"}", "{\"type\":\"agent_thinking\",\"user_id\":\"" + token + "\"}",
                        "{\"type\":\"agent_thinking\",\"run_id\":\"" + token + "\"}",
                        "{\"type\":\"tool_completed\",\"results\":{\"api_key\":\"" + apiKey + "\",\"jwt\":\"" + token
                                + "\"}}", "{\"type\":\"agent_error\",\"data\":{\"error_message\":\"bad token " + token
                                + "\"}}", "not json api_key=" + apiKey)) {
                    hostile.sendText("carol", text);
                }
                Await.until("both runs and carol's frames", () -> completed(session.lane("alice"))
                        && completed(session.lane("bob")) && inCount(session.lane("carol")) == 10);
                agents.disconnectAll();
                carolSide.disconnectAll();
            } finally {
                hostile.shutdown();
            }
            Files.writeString(dir.resolve("test.log"), errors.errText());
        }
        analyzer.finish(session.clock().next());
        List<Finding> findings = analyzer.findings();
        assertThat(findings).extracting(Finding::severity).contains(Severity.CRITICAL);

        Path unredacted = dir.resolve("unredacted-on-request.aei.json");
        new FixtureWriter(ExportOptions.defaults()).write(Fixture.of(session, findings), dir.resolve("s.aei.json"),
                Progress.NONE);
        new FixtureWriter(ExportOptions.unredacted()).write(Fixture.of(session, findings), unredacted, Progress.NONE);
        new HarWriter(ExportOptions.defaults()).write(session, dir.resolve("s.har"), Progress.NONE);
        new FindingsJson().write(findings, dir.resolve("findings.json"));
        new JUnitReport(new FailOn(Severity.ERROR)).write(dir.resolve("junit.xml"),
                session.lanes().stream().map(Lane::id).toList(), EnumSet.allOf(Rule.class), findings);

        assertThat(issued).hasSize(3);
        SecretScan everywhere = new SecretScan().secret(secret).secret(password);
        assertThat(everywhere.leaksIn(dir, Set.of())).isEmpty();
        // The journal is the raw capture (the source of truth, like the session in memory): it keeps
        // frame payloads verbatim, so only what never travels in frames is looked for there.
        SecretScan exports = new SecretScan().tokens(issued).secret(apiKey);
        assertThat(exports.leaksIn(dir, Set.of(unredacted, dir.resolve("capture.jsonl")))).isEmpty();
        assertThat(Files.readString(unredacted)).contains(issued.get(0), apiKey);
    }

    private static TokenSource recording(TokenSource source, List<String> issued) {
        return user -> {
            String token = source.token(user);
            if (!issued.contains(token)) {
                issued.add(token);
            }
            return token;
        };
    }

    private static boolean completed(Lane lane) {
        return lane.frames().stream().anyMatch(f -> f.text() != null && f.text().contains("agent_completed"));
    }

    private static long inCount(Lane lane) {
        return lane.frames().stream().filter(f -> f.direction() == Direction.IN).count();
    }
}
