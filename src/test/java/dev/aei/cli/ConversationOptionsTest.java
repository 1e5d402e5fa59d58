package dev.aei.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.auth.SigningKey;
import dev.aei.auth.TestUser;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.JournalReader;
import dev.aei.protocol.ClientProfile;
import dev.aei.protocol.ThreadPolicy;
import dev.aei.server.BackendConfig;
import dev.aei.server.ReferenceBackend;
import dev.aei.testing.ConsoleCapture;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ConversationOptionsTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private static final String SECRET = "conversation-options-secret-0123456789abcdef";
    private static final ClientProfile NETRA = ClientProfile.load("netra");

    @TempDir
    Path dir;

    private ReferenceBackend backend;

    @Command(name = "probe")
    static final class Probe {
        @Mixin
        TokenOptions tokens;
        @Mixin
        PromptOptions prompts;
    }

    @AfterEach
    void restore() {
        if (backend != null) {
            backend.close();
        }
    }

    private static Probe parse(String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe;
    }

    private static Claims claimsOf(Probe probe) throws Exception {
        String token = probe.tokens.tokenSource(NETRA.claims()).token(TestUser.named("alice"));
        return Jwts.parser().verifyWith(SigningKey.hmacKey(SECRET)).build().parseSignedClaims(token).getPayload();
    }

    @Test
    void withoutOptionsTheProfilesClaimsAreMinted() throws Exception {
        Claims claims = claimsOf(parse("--secret", SECRET));
        assertThat(claims.getIssuer()).isEqualTo("netra-auth-service");
        assertThat(claims.getAudience()).containsExactly("netra-platform");
        assertThat(claims.get("token_type")).isEqualTo("access");
        assertThat(claims.get("type")).isEqualTo("access");
        assertThat(claims.get("email")).isEqualTo("alice@example.com");
    }

    @Test
    void claimOptionsOverrideTheProfileInOrderFileThenPairsThenIssuerAndAudience() throws Exception {
        Path file = dir.resolve("claims.json");
        Files.writeString(file, "{\"tenant\":\"acme\",\"aud\":\"netra-services\",\"level\":1}");
        Claims claims = claimsOf(parse("--secret", SECRET, "--claims", file.toString(),
                "--claim", "permissions=[\"admin\"]", "--claim", "level=3", "--claim", "note=plain text",
                "--claim", "flag=true", "--issuer", "someone-else", "--audience", "netra-admin"));
        assertThat(claims.get("permissions")).isEqualTo(List.of("admin"));
        assertThat(claims.get("level")).isEqualTo(3);
        assertThat(claims.get("note")).isEqualTo("plain text");
        assertThat(claims.get("flag")).isEqualTo(true);
        assertThat(claims.get("tenant")).isEqualTo("acme");
        assertThat(claims.getIssuer()).isEqualTo("someone-else");
        assertThat(claims.getAudience()).containsExactly("netra-admin");
        assertThat(claims.getSubject()).isEqualTo("alice");
    }

    @Test
    void theHelpNamesTheNewOptionsAndThePlaceholdersAsWritten() {
        assertThat(Main.run("record", "--help")).isEqualTo(Main.OK);
        String help = console.out();
        assertThat(help).contains("--claim=KEY=VALUE", "--claims=FILE", "--issuer=ISS", "--audience=AUD",
                "--send-as=NAME|FILE", "--thread=new|same", "${content}", "[\"read\"]");
        console.reset();
        assertThat(Main.run("verify", "--help")).isEqualTo(Main.OK);
        assertThat(console.out()).contains("--claim=KEY=VALUE", "--send-as=NAME|FILE");
    }

    @Test
    void claimValuesAreJsonWhenTheyParse() {
        assertThat(ClaimOverrides.value("k", "[\"a\",\"b\"]")).isEqualTo(List.of("a", "b"));
        assertThat(ClaimOverrides.value("k", "{\"x\":1}")).isEqualTo(Map.of("x", 1));
        assertThat(ClaimOverrides.value("k", "\"quoted\"")).isEqualTo("quoted");
        assertThat(ClaimOverrides.value("k", "netra-platform")).isEqualTo("netra-platform");
        assertThat(ClaimOverrides.value("k", "")).isEqualTo("");
        assertThatThrownBy(() -> ClaimOverrides.value("k", "null")).hasMessageContaining("cannot be null");
    }

    @Test
    void sendAsAndThreadShapeTheConversation() throws Exception {
        ClientProfile chat = parse("--send-as", "chat", "--thread", "same").prompts.apply(NETRA);
        assertThat(chat.first().name()).isEqualTo("chat");
        assertThat(chat.followUpTemplate().name()).isEqualTo("chat");
        assertThat(chat.thread()).isEqualTo(ThreadPolicy.SAME);

        Path file = dir.resolve("mine.json");
        Files.writeString(file, "{\"type\":\"ask\",\"text\":\"${content}\",\"who\":\"${user_id}\"}");
        ClientProfile mine = parse("--send-as", file.toString()).prompts.apply(NETRA);
        JsonNode sent = new ObjectMapper().readTree(mine.first().renderPrompt("hi", "t-1", "alice", "c"));
        assertThat(sent.path("type").asText()).isEqualTo("ask");
        assertThat(sent.path("who").asText()).isEqualTo("alice");
        assertThat(parse().prompts.apply(NETRA)).isEqualTo(NETRA);
    }

    @Test
    void badOptionsAreExplained() throws Exception {
        assertThatThrownBy(() -> parse("--send-as", "nope").prompts.apply(NETRA))
                .hasMessageContaining("start_agent, user_message, chat").hasMessageContaining("no such file");
        assertThatThrownBy(() -> parse("--thread", "maybe").prompts.apply(NETRA))
                .hasMessageContaining("--thread must be new or same");
        assertThatThrownBy(() -> claimsOf(parse("--secret", SECRET, "--claim", "novalue")))
                .hasMessageContaining("--claim takes key=value");
        assertThatThrownBy(() -> claimsOf(parse("--secret", SECRET, "--claim", "sub=mallory")))
                .hasMessageContaining("'sub' is set when minting");
        assertThatThrownBy(() -> claimsOf(parse("--secret", SECRET, "--claims", dir.resolve("none.json").toString())))
                .hasMessageContaining("cannot read --claims");
        Path list = dir.resolve("list.json");
        Files.writeString(list, "[1]");
        assertThatThrownBy(() -> claimsOf(parse("--secret", SECRET, "--claims", list.toString())))
                .hasMessageContaining("must hold a JSON object");
        assertThatThrownBy(() -> parse("--login-url", "http://127.0.0.1:9/login", "--issuer", "x").tokens
                .tokenSource(NETRA.claims())).hasMessageContaining("tokens from --login-url");
    }

    @Test
    void badConversationOptionsExitWith2OnRecordAndVerify() {
        for (String[] bad : List.of(new String[] {"--send-as", "nope"}, new String[] {"--thread", "maybe"},
                new String[] {"--claim", "=x"})) {
            console.reset();
            String[] args = concat(new String[] {"record", "--server", "ws://127.0.0.1:9/ws", "--secret", SECRET,
                    "--user", "alice"}, bad);
            assertThat(Main.run(args)).as(String.join(" ", bad)).isEqualTo(Main.USAGE_OR_IO);
            assertThat(console.err()).startsWith("record: ");
        }
        console.reset();
        assertThat(Main.run("verify", dir.resolve("none.jsonl").toString(), "--server", "ws://127.0.0.1:9/ws",
                "--secret", SECRET, "--claim", "novalue")).isEqualTo(Main.USAGE_OR_IO);
    }

    @Test
    void recordSendsTheProfilesFirstMessageOrTheOneAskedFor() throws Exception {
        backend = ReferenceBackend.start(BackendConfig.defaults().withEventDelayMs(1));
        Path netra = dir.resolve("netra.jsonl");
        int code = Main.run("record", "--server", backend.webSocketUrl().toString(), "--secret",
                BackendConfig.DEMO_SECRET, "--user", "alice", "--prompt", "hi", "--until-complete",
                "--out", netra.toString());
        assertThat(code).as(console.err()).isEqualTo(Main.OK);
        assertThat(firstSent(netra)).contains("\"type\":\"start_agent\"", "\"user_request\":\"hi [cnry-");

        Path asUserMessage = dir.resolve("user-message.jsonl");
        code = Main.run("record", "--server", backend.webSocketUrl().toString(), "--secret",
                BackendConfig.DEMO_SECRET, "--user", "alice", "--prompt", "hi", "--until-complete",
                "--send-as", "user_message", "--claim", "tenant=acme", "--out", asUserMessage.toString());
        assertThat(code).as(console.err()).isEqualTo(Main.OK);
        assertThat(firstSent(asUserMessage)).contains("\"type\":\"user_message\"", "\"references\":[]");
    }

    @Test
    void verifyReSendsRecordedPromptsWithTheProfilesClaimsOrAsAnotherTemplate() throws Exception {
        backend = ReferenceBackend.start(BackendConfig.defaults().withEventDelayMs(1));
        Path journal = dir.resolve("recorded.jsonl");
        assertThat(Main.run("record", "--server", backend.webSocketUrl().toString(), "--secret",
                BackendConfig.DEMO_SECRET, "--user", "alice", "--prompt", "hi", "--until-complete",
                "--send-as", "user_message", "--out", journal.toString())).as(console.err()).isEqualTo(Main.OK);

        int code = Main.run("verify", journal.toString(), "--server", backend.webSocketUrl().toString(),
                "--secret", BackendConfig.DEMO_SECRET, "--send-as", "start_agent", "--audience", "netra-services");

        assertThat(code).as(console.both()).isEqualTo(Main.OK);
        console.reset();
        assertThat(Main.run("verify", journal.toString(), "--server", backend.webSocketUrl().toString(),
                "--secret", BackendConfig.DEMO_SECRET, "--send-as", "nope")).isEqualTo(Main.USAGE_OR_IO);
        assertThat(console.err()).contains("--send-as nope");
    }

    @Test
    void verifySaysWhyNoUserCouldConnect() throws Exception {
        backend = ReferenceBackend.start(BackendConfig.defaults().withEventDelayMs(1));
        Path journal = dir.resolve("ok.jsonl");
        assertThat(Main.run("record", "--server", backend.webSocketUrl().toString(), "--secret",
                BackendConfig.DEMO_SECRET, "--user", "alice", "--prompt", "hi", "--until-complete",
                "--out", journal.toString())).as(console.err()).isEqualTo(Main.OK);
        console.reset();

        int code = Main.run("verify", journal.toString(), "--server", backend.webSocketUrl().toString(),
                "--secret", "not-the-demo-secret-0123456789abcdef0123");

        assertThat(code).isEqualTo(Main.USAGE_OR_IO);
        assertThat(console.err()).contains("no user could connect").contains("alice: could not connect (failed")
                .contains("401");
        assertThat(console.out()).contains("alice: could not connect (failed");
    }

    private static String firstSent(Path journal) throws Exception {
        return new JournalReader().load(journal).session().lane("alice").frames().stream()
                .filter(f -> f.direction() == Direction.OUT).map(Frame::text).findFirst().orElseThrow();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
