package dev.aei.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aei.cli.Main;
import dev.aei.testing.Samples;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aei check} of what a browser saves: a DevTools HAR with a page, an opaque-ticket socket
 * and a dev server's hot-reload socket; and the real Chromium sample, which must check clean but
 * for the web client's contract.
 */
class BrowserHarCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLE = Samples.chromiumOneUserHar();

    @TempDir
    Path dir;

    /** A HAR as Chromium's DevTools writes it; the netra socket's run leaves a tool open and has no run ids. */
    private Path browserHar() throws Exception {
        ObjectNode har = JSON.createObjectNode();
        ObjectNode log = har.putObject("log");
        log.put("version", "1.2");
        log.putObject("creator").put("name", "WebInspector").put("version", "537.36");
        log.putArray("pages").addObject().put("id", "page_1").put("title", "http://localhost:3000/chat")
                .put("startedDateTime", "2026-01-08T10:00:00.000Z");
        ArrayNode entries = log.putArray("entries");
        entries.addObject().put("_resourceType", "document").put("startedDateTime", "2026-01-08T10:00:00.000Z")
                .putObject("request").put("method", "GET").put("url", "http://localhost:3000/chat").putArray("headers");
        socket(entries, "ws://localhost:3000/_next/webpack-hmr", List.of(
                msg("receive", 1.0, "{\"action\":\"sync\",\"hash\":\"abc\"}"),
                msg("receive", 1.1, "{\"action\":\"sync\",\"hash\":\"abc\"}")));
        double t = 1767866402.0; // 2026-01-08T10:00:02Z
        socket(entries, "ws://localhost:8000/ws?ticket=opaque-4f2a", List.of(
                msg("receive", t, "{\"type\":\"connection_established\",\"data\":{\"user_id\":\"demo-use...\"}}"),
                msg("send", t + 0.1, "{\"type\":\"start_agent\",\"payload\":{\"user_request\":\"Compare Q3\","
                        + "\"thread_id\":\"t-1\"}}"),
                msg("receive", t + 0.2, "{\"type\":\"thread_created\",\"threadId\":\"t-1\"}"),
                msg("receive", t + 0.3, "{\"type\":\"agent_started\",\"user_id\":\"demo-user-001\"}"),
                msg("receive", t + 0.4, "{\"type\":\"tool_call\",\"data\":{\"tool\":\"search\"}}"),
                msg("receive", t + 0.5, "{\"type\":\"agent_completed\",\"user_id\":\"demo-user-001\"}")));
        Path file = dir.resolve("browser.har");
        Files.writeString(file, har.toString());
        return file;
    }

    private static void socket(ArrayNode entries, String url, List<ObjectNode> messages) {
        ObjectNode entry = entries.addObject().put("_resourceType", "websocket")
                .put("startedDateTime", "2026-01-08T10:00:01.000Z");
        entry.putObject("request").put("method", "GET").put("url", url).putArray("headers");
        entry.putArray("_webSocketMessages").addAll(messages);
    }

    private static ObjectNode msg(String type, double time, String data) {
        return JSON.createObjectNode().put("type", type).put("time", time).put("opcode", 1).put("data", data);
    }

    private record Run(int exit, String out) {
    }

    private Run check(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.run(args);
            return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void aBrowsersTicketSocketIsOneUnverifiedLaneWithItsRunRulesApplied() throws Exception {
        Path har = browserHar();
        Path json = dir.resolve("findings.json");
        Run run = check("check", har.toString(), "--findings-json", json.toString());
        assertThat(run.out()).contains("1 users").contains("skipped 1 WebSocket not at /ws: "
                + "ws://localhost:3000/_next/webpack-hmr");
        String findings = Files.readString(json);
        assertThat(findings).doesNotContain("identity-mismatch", "leak-owner", "unknown-event", "duplicate-event",
                "disconnect").contains("\"identity-unverified\"", "\"tool-unfinished\"");
        assertThat(run.exit()).isEqualTo(Main.FINDINGS);
    }

    @Test
    void allSocketsKeepsTheHotReloadSocketToo() throws Exception {
        Run run = check("check", browserHar().toString(), "--all-sockets");
        assertThat(run.out()).contains("2 users").doesNotContain("skipped");
    }

    @Test
    void aRunStillOpenWhenTheSocketsMessagesEndIsIncomplete() throws Exception {
        Path har = browserHar();
        Files.writeString(har, Files.readString(har).replace("agent_completed", "agent_thinking"));
        Path json = dir.resolve("open.json");
        check("check", har.toString(), "--findings-json", json.toString());
        assertThat(Files.readString(json)).contains("\"run-incomplete\"").doesNotContain("\"disconnect\"");
    }

    /**
     * The sample was recorded against the reference backend in the bridge's shape: clean but for what
     * the web client would show (its tools as unknown_tool, a run that never ends for it).
     */
    @Test
    void theRealChromiumSampleChecksCleanButForTheWebClientsContract() throws Exception {
        Path json = dir.resolve("sample.json");
        Run run = check("check", SAMPLE.toString(), "--findings-json", json.toString(), "--fail-on", "error");
        assertThat(run.exit()).as(run.out()).isEqualTo(Main.OK);
        assertThat(JSON.readTree(json.toFile())).extracting(f -> f.path("rule").asText())
                .containsExactlyInAnyOrder("contract-field", "contract-field", "contract-end");
    }

    @Test
    void aSocketWithoutATokenIsNamedByItsUserParameter() throws Exception {
        Path har = browserHar();
        Files.writeString(har, Files.readString(har).replace("/ws?ticket=opaque-4f2a", "/ws?ticket=opaque-4f2a&user=carol"));
        var loaded = dev.aei.fixture.SessionFiles.defaults().open(har, dev.aei.fixture.Progress.NONE, dev.aei.fixture.BrowserHar.readWith(dev.aei.protocol.Profile.load("netra")));
        assertThat(loaded.session().lanes()).extracting(dev.aei.capture.Lane::id).containsExactly("carol");
        assertThat(loaded.session().lane("carol").claims()).containsEntry(Analyzer.UNVERIFIED_CLAIM, true);
        assertThat(loaded.endsOpen()).isTrue();
    }
}
