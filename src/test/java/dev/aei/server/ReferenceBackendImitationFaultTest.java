package dev.aei.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aei.testing.Await;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.java_websocket.framing.CloseFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The faults that imitate the real backend's failures: ignored prompts, crashes, thread-less run ids, late events. */
class ReferenceBackendImitationFaultTest {

    private BackendFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = BackendFixture.fast();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void ignorePromptStartsNoRunAndKeepsTheSocketOpen() {
        fixture.backend.setFaults(List.of(new FaultRule("alice", 1, null, FaultType.IGNORE_PROMPT, null, 0)));
        WireClient alice = fixture.connect("alice");
        alice.ask("ignored [cnry-00000000e1]", "t-1");
        // A run that the ignored prompt had started would show before this later one completes.
        alice.ask("answered [cnry-00000000e2]", "t-2");
        alice.awaitType("agent_completed", 1);
        assertThat(alice.count("agent_started")).isEqualTo(1);
        assertThat(alice.frames.toString()).doesNotContain("cnry-00000000e1").contains("cnry-00000000e2");
        assertThat(alice.count("error")).isZero();
        assertThat(alice.count("error_message")).isZero();
        assertThat(alice.isOpen()).isTrue();
    }

    @Test
    void errorCloseSendsAnErrorMessageAndClosesWithMainCleanup() {
        fixture.backend.setFaults(List.of(new FaultRule("alice", 1, null, FaultType.ERROR_CLOSE, null, 0)));
        WireClient alice = fixture.connect("alice");
        WireClient bob = fixture.connect("bob");
        alice.ask("crash [cnry-00000000f1]", "t-1");
        alice.awaitClosed();
        assertThat(alice.closeCode).isEqualTo(CloseFrame.NORMAL);
        assertThat(alice.closeReason).isEqualTo("main cleanup");
        assertThat(alice.closedRemotely).isTrue();
        assertThat(alice.types()).containsExactly("connection_established", "error_message");
        JsonNode error = alice.events().get(1);
        assertThat(error.at("/data/error_code").asText()).isNotBlank();
        assertThat(error.at("/data/error_message").asText()).isNotBlank();
        assertThat(error.at("/data/details").isObject()).isTrue();

        bob.ask("unaffected", "t-b");
        bob.awaitType("agent_completed", 1);
    }

    @Test
    void executionIdsGiveRunIdsThatHoldNoThread() {
        fixture.backend.setFaults(List.of(new FaultRule("alice", 0, null, FaultType.EXECUTION_IDS, null, 0)));
        WireClient alice = fixture.connect("alice");
        alice.ask("one", "t-1");
        alice.awaitType("agent_completed", 1);
        alice.ask("two", "t-1");
        alice.awaitType("agent_completed", 2);
        List<JsonNode> run = alice.events().subList(1, alice.events().size());
        assertThat(run).allSatisfy(e -> assertThat(e.path("run_id").asText()).matches("^execution_\\d+_[0-9a-f]{8}$")
                .doesNotContain("t-1"));
        assertThat(run.stream().map(e -> e.path("run_id").asText()).distinct()).hasSize(2);
    }

    @Test
    void afterCompleteSendsItsThoughtTwentyMillisecondsAfterCompletion() throws Exception {
        try (BackendFixture slow = new BackendFixture(BackendConfig.defaults().withEventDelayMs(0))) {
            slow.backend.setFaults(List.of(new FaultRule("alice", 1, null, FaultType.AFTER_COMPLETE, null, 0)));
            WireClient alice = slow.connect("alice");
            alice.ask("late", "t-1");
            alice.awaitType("agent_thinking", 4);
            List<JsonNode> events = alice.events();
            JsonNode completed = events.get(events.size() - 2);
            JsonNode late = events.get(events.size() - 1);
            assertThat(completed.path("type").asText()).isEqualTo("agent_completed");
            assertThat(late.path("type").asText()).isEqualTo("agent_thinking");
            assertThat(Duration.between(OffsetDateTime.parse(completed.path("timestamp").asText()),
                    OffsetDateTime.parse(late.path("timestamp").asText())))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(RunPlayer.AFTER_COMPLETE_MS));
        }
    }

    @Test
    void theNewFaultsNeedNoEventInAPlan() throws Exception {
        FaultPlan plan = FaultPlan.parse("""
                [{"user":"alice","run":1,"fault":"ignore-prompt"},
                 {"user":"bob","run":2,"fault":"error-close"},
                 {"user":"*","fault":"execution-ids"}]""");
        assertThat(plan.rules()).containsExactly(
                new FaultRule("alice", 1, null, FaultType.IGNORE_PROMPT, null, 0),
                new FaultRule("bob", 2, null, FaultType.ERROR_CLOSE, null, 0),
                new FaultRule("*", 0, null, FaultType.EXECUTION_IDS, null, 0));
        assertThat(FaultPlan.parse(plan.toJson())).isEqualTo(plan);
        assertThat(plan.forRun("bob", 2)).extracting(FaultRule::fault)
                .containsExactly(FaultType.ERROR_CLOSE, FaultType.EXECUTION_IDS);
    }

    @Test
    void heartbeatsCarryStatsAndHeartbeatAcksAreAcceptedSilently() throws Exception {
        try (BackendFixture beating = new BackendFixture(BackendConfig.defaults().withHeartbeatSeconds(1))) {
            WireClient alice = beating.connect("alice");
            alice.awaitType("heartbeat", 1);
            JsonNode heartbeat = alice.events().stream().filter(e -> e.path("type").asText().equals("heartbeat"))
                    .findFirst().orElseThrow();
            assertThat(heartbeat.at("/data/stats").isObject()).isTrue();
            assertThat(heartbeat.at("/data/stats/active_connections").asInt()).isEqualTo(1);
            alice.send("{\"type\":\"heartbeat_ack\",\"timestamp\":1733300000000}");
            alice.send("{\"type\":\"ping\",\"timestamp\":1733300000000}");
            alice.awaitType("pong", 1);
            Await.until(() -> alice.count("heartbeat") >= 2, () -> "a second heartbeat in " + alice.types());
            assertThat(alice.types()).doesNotContain("error", "error_message", "agent_started");
        }
    }
}
