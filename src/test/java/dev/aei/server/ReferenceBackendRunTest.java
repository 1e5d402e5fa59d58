package dev.aei.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceBackendRunTest {

    @Test
    void aBasicRunHasTheFiveEventTypesInOrderWithSeqAndToolCallIds() throws Exception {
        try (BackendFixture fixture = BackendFixture.fast()) {
            WireClient alice = fixture.connect("alice");
            alice.ask("Compare Q3 costs [cnry-0123456789]", "t-1");
            alice.awaitType("agent_completed", 1);

            List<JsonNode> events = alice.events();
            assertThat(alice.types()).containsExactly("connection_established", "agent_started",
                    "agent_thinking", "agent_thinking", "tool_executing", "tool_completed", "agent_thinking",
                    "tool_executing", "tool_completed", "agent_completed");
            for (int i = 0; i < events.size(); i++) {
                assertThat(events.get(i).path("seq").asLong()).isEqualTo(i + 1);
            }
            JsonNode established = events.get(0);
            assertThat(established.at("/data/user_id").asText()).isEqualTo("alice");
            assertThat(established.at("/data/connection_id").asText()).isNotBlank();
            List<JsonNode> run = events.subList(1, events.size());
            String runId = run.get(0).path("run_id").asText();
            assertThat(runId).matches("run_t-1_\\d{5}_[0-9a-f]{8}");
            assertThat(run).allSatisfy(e -> {
                assertThat(e.path("run_id").asText()).isEqualTo(runId);
                assertThat(e.path("user_id").asText()).isEqualTo("alice");
                assertThat(e.path("agent_name").asText()).isEqualTo("cost_optimizer");
                assertThat(e.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+00:00");
            });
            assertThat(run.get(1).at("/data/reasoning").asText()).contains("cnry-0123456789");
            assertThat(run.get(3).path("tool_call_id").asText()).isEqualTo(run.get(4).path("tool_call_id").asText());
            assertThat(run.get(6).path("tool_call_id").asText()).isNotEqualTo(run.get(3).path("tool_call_id").asText());
            assertThat(run.get(4).at("/data/status").asText()).isEqualTo("success");
            assertThat(run.get(8).at("/data/result").asText()).isNotBlank();
        }
    }
}
