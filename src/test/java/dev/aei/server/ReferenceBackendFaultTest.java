package dev.aei.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aei.testing.Await;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.java_websocket.framing.CloseFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every fault of the reference backend, checked on the raw frames a real client receives. */
class ReferenceBackendFaultTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CANARY = "cnry-00aa11bb22";
    private BackendFixture fixture;
    private WireClient alice;

    @BeforeEach
    void start() throws Exception {
        fixture = BackendFixture.fast();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void dropLeavesOutTheEventButUsesItsSeq() {
        List<JsonNode> events = runAliceWith(rule("tool_completed", FaultType.DROP));
        assertThat(types(events)).containsExactly("connection_established", "agent_started", "agent_thinking",
                "agent_thinking", "tool_executing", "agent_thinking", "tool_executing", "tool_completed",
                "agent_completed");
        assertThat(seqs(events)).containsExactly(1L, 2L, 3L, 4L, 5L, 7L, 8L, 9L, 10L);
    }

    @Test
    void duplicateSendsTheSameFrameTwice() {
        runAliceWith(rule("agent_thinking", FaultType.DUPLICATE));
        List<Object> frames = alice.frames;
        assertThat(frames.get(2)).isEqualTo(frames.get(3));
        assertThat(seqs(alice.events())).containsExactly(1L, 2L, 3L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }

    @Test
    void reorderSwapsTheEventWithTheNextOneKeepingTheirSeqs() {
        List<JsonNode> events = runAliceWith(rule("tool_executing", FaultType.REORDER));
        assertThat(types(events).subList(4, 6)).containsExactly("tool_completed", "tool_executing");
        assertThat(seqs(events)).containsExactly(1L, 2L, 3L, 4L, 6L, 5L, 7L, 8L, 9L, 10L);
    }

    @Test
    void seqSkipJumpsSeqByFive() {
        List<JsonNode> events = runAliceWith(rule("agent_thinking", FaultType.SEQ_SKIP));
        assertThat(seqs(events)).containsExactly(1L, 2L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L);
    }

    @Test
    void leakAlsoDeliversTheEventUnchangedToTheVictim() {
        WireClient bob = fixture.connect("bob");
        runAliceWith(new FaultRule("alice", 1, "agent_thinking", FaultType.LEAK, "bob", 0));
        bob.awaitType("agent_thinking", 1);
        JsonNode leaked = bob.events().get(1);
        JsonNode original = alice.events().get(2);
        assertThat(leaked.path("user_id").asText()).isEqualTo("alice");
        assertThat(leaked.path("run_id").asText()).isEqualTo(original.path("run_id").asText());
        assertThat(leaked.at("/data/reasoning").asText()).contains(CANARY);
        assertThat(leaked.path("seq").asLong()).isEqualTo(2);
        assertThat(withoutSeq(leaked)).isEqualTo(withoutSeq(original));
    }

    @Test
    void leakRelabelDeliversTheEventAsTheVictimsOwn() {
        WireClient bob = fixture.connect("bob");
        runAliceWith(new FaultRule("alice", 1, "agent_thinking", FaultType.LEAK_RELABEL, "bob", 0));
        bob.awaitType("agent_thinking", 1);
        JsonNode leaked = bob.events().get(1);
        assertThat(leaked.path("user_id").asText()).isEqualTo("bob");
        assertThat(leaked.path("run_id").asText()).isEqualTo(alice.events().get(2).path("run_id").asText());
        assertThat(leaked.at("/data/reasoning").asText()).contains(CANARY);
    }

    @Test
    void afterCompleteSendsOneMoreThoughtAfterCompletion() {
        runAliceWith(new FaultRule("alice", 1, null, FaultType.AFTER_COMPLETE, null, 0));
        alice.awaitType("agent_thinking", 4);
        List<JsonNode> events = alice.events();
        JsonNode last = events.get(events.size() - 1);
        assertThat(events.get(events.size() - 2).path("type").asText()).isEqualTo("agent_completed");
        assertThat(last.path("type").asText()).isEqualTo("agent_thinking");
        assertThat(last.path("run_id").asText()).isEqualTo(events.get(1).path("run_id").asText());
    }

    @Test
    void malformedSendsTruncatedJsonText() {
        runAliceWith(rule("tool_completed", FaultType.MALFORMED));
        String broken = (String) alice.frames.get(5);
        assertThat(broken).startsWith("{\"type\":\"tool_completed\"");
        assertThat(isJson(broken)).isFalse();
        assertThat(alice.count("tool_completed")).isEqualTo(1);
    }

    @Test
    void binarySendsTheEventAsABinaryFrameInsteadOfText() throws Exception {
        runAliceWith(rule("tool_completed", FaultType.BINARY));
        assertThat(alice.frames.get(5)).isInstanceOf(byte[].class);
        JsonNode inside = JSON.readTree(new String((byte[]) alice.frames.get(5), StandardCharsets.UTF_8));
        assertThat(inside.path("type").asText()).isEqualTo("tool_completed");
        assertThat(inside.path("seq").asLong()).isEqualTo(6);
        assertThat(alice.count("tool_completed")).isEqualTo(1);
    }

    @Test
    void delayWaitsBeforeTheEvent() {
        List<JsonNode> events = runAliceWith(new FaultRule("alice", 1, "agent_completed", FaultType.DELAY, null, 400));
        OffsetDateTime before = OffsetDateTime.parse(events.get(8).path("timestamp").asText());
        OffsetDateTime completed = OffsetDateTime.parse(events.get(9).path("timestamp").asText());
        assertThat(Duration.between(before, completed)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void closeAbruptDropsTheConnectionWithoutACloseFrame() {
        alice = fixture.connect("alice");
        fixture.backend.setFaults(List.of(rule("tool_executing", FaultType.CLOSE_ABRUPT)));
        alice.ask("Compare Q3 costs [" + CANARY + "]", "t-a");
        alice.awaitClosed();
        assertThat(alice.closeCode).isEqualTo(CloseFrame.ABNORMAL_CLOSE);
        assertThat(alice.types()).containsExactly("connection_established", "agent_started", "agent_thinking",
                "agent_thinking");
    }

    @Test
    void stallSilencesTheConnectionButKeepsItOpen() {
        alice = fixture.connect("alice");
        fixture.backend.setFaults(List.of(rule("tool_executing", FaultType.STALL)));
        alice.ask("Compare Q3 costs [" + CANARY + "]", "t-a");
        alice.awaitType("agent_thinking", 2);
        Await.until("the script reaches tool_executing and stalls", () -> fixture.backend.stalled("alice"));
        alice.send("{\"type\":\"ping\"}");
        alice.sendPing();
        assertThat(alice.isOpen()).isTrue();
        // The server answers the close handshake after handling both pings: on one ordered TCP stream, any
        // answer to them would have arrived before the close frame, so the absence is certain, not a guess.
        alice.close();
        alice.awaitClosed();
        assertThat(alice.closeCode).isEqualTo(CloseFrame.NORMAL);
        assertThat(alice.types()).containsExactly("connection_established", "agent_started", "agent_thinking",
                "agent_thinking");
        assertThat(alice.pongs.get()).isZero();
    }

    @Test
    void noCompleteNeverCompletesTheRun() {
        alice = fixture.connect("alice");
        fixture.backend.setFaults(List.of(new FaultRule("alice", 1, null, FaultType.NO_COMPLETE, null, 0)));
        // Two runs back to back: once the second completes, the first is over.
        alice.send("{\"type\":\"user_message\",\"payload\":{\"content\":\"hi\",\"thread_id\":\"t-n\",\"repeat\":2}}");
        alice.awaitType("agent_completed", 1);
        List<JsonNode> events = alice.events();
        assertThat(alice.count("agent_started")).isEqualTo(2);
        assertThat(types(events).subList(1, 9)).doesNotContain("agent_completed");
        assertThat(events.get(9).path("type").asText()).isEqualTo("agent_started");
        assertThat(events.get(9).path("run_id").asText()).isNotEqualTo(events.get(1).path("run_id").asText());
    }

    @Test
    void retryDuplicateSendsTheEventAgainWithAttemptTwo() {
        List<JsonNode> events = runAliceWith(rule("tool_completed", FaultType.RETRY_DUPLICATE));
        JsonNode first = events.get(5);
        JsonNode retry = events.get(6);
        assertThat(retry.path("type").asText()).isEqualTo("tool_completed");
        assertThat(first.has("attempt")).isFalse();
        assertThat(retry.path("attempt").asInt()).isEqualTo(2);
        assertThat(retry.path("seq").asLong()).isEqualTo(first.path("seq").asLong() + 1);
        assertThat(retry.path("tool_call_id").asText()).isEqualTo(first.path("tool_call_id").asText());
    }

    @Test
    void demoIdentityReportsAndStampsTheSharedDemoUser() {
        fixture.backend.setFaults(List.of(new FaultRule("alice", 0, null, FaultType.DEMO_IDENTITY, null, 0)));
        alice = fixture.connect("alice");
        WireClient bob = fixture.connect("bob");
        alice.ask("hi", "t-d");
        alice.awaitType("agent_completed", 1);
        assertThat(alice.events()).allSatisfy(e -> assertThat(e.path("user_id").asText().isEmpty()
                ? e.at("/data/user_id").asText() : e.path("user_id").asText()).isEqualTo("demo-user-001"));
        assertThat(bob.events().get(0).at("/data/user_id").asText()).isEqualTo("bob");
    }

    @Test
    void runsAreNumberedPerUserAcrossConnections() {
        fixture.backend.setFaults(List.of(new FaultRule("alice", 2, "tool_completed", FaultType.DROP, null, 0)));
        WireClient first = fixture.connect("alice");
        first.ask("one", "t-1");
        first.awaitType("agent_completed", 1);
        assertThat(first.count("tool_completed")).isEqualTo(2);
        first.close();
        WireClient second = fixture.connect("alice");
        second.ask("two", "t-2");
        second.awaitType("agent_completed", 1);
        assertThat(second.count("tool_completed")).isEqualTo(1);
    }

    @Test
    void setFaultsAndTheFaultsEndpointChangeLaterRuns() throws Exception {
        alice = fixture.connect("alice");
        alice.ask("one", "t-1");
        alice.awaitType("agent_completed", 1);
        fixture.backend.setFaults(List.of(new FaultRule("*", 0, "agent_started", FaultType.DROP, null, 0)));
        alice.ask("two", "t-2");
        alice.awaitType("agent_completed", 2);
        assertThat(alice.count("agent_started")).isEqualTo(1);

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(fixture.backend.faultsUrl())
                        .PUT(HttpRequest.BodyPublishers.ofString("[]")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(fixture.backend.faults()).isEmpty();
        alice.ask("three", "t-3");
        alice.awaitType("agent_completed", 3);
        assertThat(alice.count("agent_started")).isEqualTo(2);

        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(fixture.backend.faultsUrl())
                        .PUT(HttpRequest.BodyPublishers.ofString("[{\"fault\":\"drop\"}]")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("entry 1");
    }

    /** A rule on alice's first run. */
    private static FaultRule rule(String event, FaultType fault) {
        return new FaultRule("alice", 1, event, fault, null, 0);
    }

    /** Connects alice, sets the faults, runs one request to completion and returns her JSON events. */
    private List<JsonNode> runAliceWith(FaultRule... rules) {
        alice = fixture.connect("alice");
        fixture.backend.setFaults(List.of(rules));
        alice.ask("Compare Q3 costs [" + CANARY + "]", "t-a");
        alice.awaitType("agent_completed", 1);
        return alice.events();
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.path("type").asText()).toList();
    }

    private static List<Long> seqs(List<JsonNode> events) {
        return events.stream().map(e -> e.path("seq").asLong()).toList();
    }

    private static boolean isJson(String text) {
        try {
            JSON.readTree(text);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** An event without its per-connection seq. */
    private static JsonNode withoutSeq(JsonNode event) {
        ObjectNode copy = event.deepCopy();
        copy.remove("seq");
        return copy;
    }
}
