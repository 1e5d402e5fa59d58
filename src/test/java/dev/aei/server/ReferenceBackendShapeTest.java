package dev.aei.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --shape} and the shape faults: bridge (the default: tool name and results at the root, the
 * rest under data) or web-client (under payload, with a final_report before the completion).
 */
class ReferenceBackendShapeTest {

    @Test
    void theBridgeShapeSendsToolNamesAndResultsAtTheRootAndTheRestUnderData() throws Exception {
        try (BackendFixture fixture = BackendFixture.fast()) {
            WireClient alice = fixture.connect("alice");
            alice.ask("Compare Q3 costs [cnry-0000000aa1]", "t-b");
            alice.awaitType("agent_completed", 1);
            assertThat(alice.types()).doesNotContain("final_report");
            List<JsonNode> run = alice.events().subList(1, alice.events().size());
            assertThat(run).allSatisfy(e -> assertThat(e.has("payload")).isFalse());
            assertThat(run.get(3).path("tool_name").asText()).isEqualTo("search_docs");
            assertThat(run.get(3).at("/data/parameters").isObject()).isTrue();
            assertThat(run.get(4).path("results").asText()).isNotBlank();
            assertThat(run.get(4).at("/data/execution_time_ms").isNumber()).isTrue();
            assertThat(run.get(4).at("/data/results").isMissingNode()).isTrue();
            assertThat(run.get(1).at("/data/reasoning").asText()).contains("cnry-0000000aa1");
        }
    }

    @Test
    void theWebClientShapePutsFieldsUnderPayloadAndEndsWithAFinalReport() throws Exception {
        try (BackendFixture fixture = new BackendFixture(
                BackendConfig.defaults().withEventDelayMs(2).withShape(EventShape.WEB_CLIENT))) {
            WireClient alice = fixture.connect("alice");
            alice.ask("Compare Q3 costs [cnry-0000000aa1]", "t-w");
            alice.awaitType("agent_completed", 1);
            assertThat(alice.types()).containsExactly("connection_established", "agent_started", "agent_thinking",
                    "agent_thinking", "tool_executing", "tool_completed", "agent_thinking", "tool_executing",
                    "tool_completed", "final_report", "agent_completed");
            List<JsonNode> run = alice.events().subList(1, alice.events().size());
            assertThat(run).allSatisfy(e -> {
                assertThat(e.has("data")).isFalse();
                assertThat(e.has("tool_name")).isFalse();
                assertThat(e.at("/payload/thread_id").asText()).isEqualTo("t-w");
                assertThat(e.path("run_id").asText()).isEqualTo(run.get(0).path("run_id").asText());
            });
            assertThat(run.get(1).at("/payload/reasoning").asText()).contains("cnry-0000000aa1");
            assertThat(run.get(3).at("/payload/tool_name").asText()).isEqualTo("search_docs");
            assertThat(run.get(9).at("/payload/result").asText()).isNotBlank();
            assertThat(run.get(9).at("/payload/execution_time_ms").isNumber()).isTrue();
            JsonNode report = run.get(8);
            assertThat(report.at("/payload/report").asText()).contains("cnry-0000000aa1");
            assertThat(report.at("/payload/execution_time_ms").isNumber()).isTrue();
        }
    }

    @Test
    void noCompleteAlsoWithholdsTheFinalReport() throws Exception {
        try (BackendFixture fixture = new BackendFixture(BackendConfig.defaults().withEventDelayMs(2)
                .withShape(EventShape.WEB_CLIENT)
                .withFaults(List.of(new FaultRule("alice", 1, null, FaultType.NO_COMPLETE, null, 0))))) {
            WireClient alice = fixture.connect("alice");
            alice.ask("one", "t-1");
            alice.ask("two", "t-2");
            alice.awaitType("final_report", 1);
            assertThat(alice.count("agent_completed")).isEqualTo(1);
            assertThat(alice.count("agent_started")).isEqualTo(2);
        }
    }

    @Test
    void shapeFaultsSwitchTheShapeOfOneRun() throws Exception {
        try (BackendFixture fixture = new BackendFixture(BackendConfig.defaults().withEventDelayMs(2).withFaults(
                List.of(new FaultRule("alice", 2, null, FaultType.WEB_CLIENT_SHAPE, null, 0))))) {
            WireClient alice = fixture.connect("alice");
            for (int run = 1; run <= 3; run++) { // one after the other, so their events do not interleave
                alice.ask("prompt " + run, "t-" + run);
                alice.awaitType("agent_completed", run);
            }
            List<JsonNode> executing = alice.events().stream()
                    .filter(e -> e.path("type").asText().equals("tool_executing")).toList();
            assertThat(executing).extracting(e -> e.has("payload")).containsExactly(false, false, true, true,
                    false, false);
            assertThat(alice.count("final_report")).isEqualTo(1);
        }
        try (BackendFixture fixture = new BackendFixture(BackendConfig.defaults().withEventDelayMs(2)
                .withShape(EventShape.WEB_CLIENT)
                .withFaults(List.of(new FaultRule("*", 0, null, FaultType.BRIDGE_SHAPE, null, 0))))) {
            WireClient bob = fixture.connect("bob");
            bob.ask("one", "t-1");
            bob.awaitType("agent_completed", 1);
            assertThat(bob.count("final_report")).isZero();
            assertThat(bob.events()).noneMatch(e -> e.has("payload"));
        }
    }

    @Test
    void bridgeIsTheDefaultAndTheNamesParse() {
        assertThat(BackendConfig.defaults().shape()).isEqualTo(EventShape.BRIDGE);
        assertThat(EventShape.parse("web-client")).isEqualTo(EventShape.WEB_CLIENT);
        assertThat(EventShape.parse("bridge")).isEqualTo(EventShape.BRIDGE);
        assertThatThrownBy(() -> EventShape.parse("flat")).hasMessageContaining("bridge, web-client");
    }
}
