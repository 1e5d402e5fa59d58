package dev.aei.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultPlanTest {

    @Test
    void readsTheDesignExampleAndWritesItBack() throws Exception {
        FaultPlan plan = FaultPlan.parse("""
                [{"user":"bob","run":1,"event":"tool_completed","fault":"drop"},
                 {"user":"bob","run":1,"event":"agent_thinking","fault":"leak","to":"alice"},
                 {"user":"*","run":0,"event":"agent_completed","fault":"delay","ms":250},
                 {"user":"carol","fault":"demo-identity"}]""");
        assertThat(plan.rules()).containsExactly(
                new FaultRule("bob", 1, "tool_completed", FaultType.DROP, null, 0),
                new FaultRule("bob", 1, "agent_thinking", FaultType.LEAK, "alice", 0),
                new FaultRule("*", 0, "agent_completed", FaultType.DELAY, null, 250),
                new FaultRule("carol", 0, null, FaultType.DEMO_IDENTITY, null, 0));
        assertThat(FaultPlan.parse(plan.toJson())).isEqualTo(plan);
        assertThat(plan.forRun("bob", 1)).hasSize(3);
        assertThat(plan.forRun("bob", 2)).hasSize(1);
        assertThat(plan.demoIdentity("carol")).isTrue();
        assertThat(plan.demoIdentity("bob")).isFalse();
    }

    @Test
    void theShapeFaultsNeedNoEvent() throws Exception {
        FaultPlan plan = FaultPlan.parse("""
                [{"user":"alice","run":2,"fault":"web-client-shape"},{"user":"*","run":0,"fault":"bridge-shape"}]""");
        assertThat(plan.rules()).containsExactly(new FaultRule("alice", 2, null, FaultType.WEB_CLIENT_SHAPE, null, 0),
                new FaultRule("*", 0, null, FaultType.BRIDGE_SHAPE, null, 0));
        assertThat(FaultType.WEB_CLIENT_SHAPE.runWide()).isTrue();
        assertThat(FaultPlan.parse(plan.toJson())).isEqualTo(plan);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{not json                                                              | not valid JSON",
        "{}                                                                     | JSON array",
        "[3]                                                                    | entry 1: not a JSON object",
        "[{\"user\":\"a\",\"run\":1,\"event\":\"agent_started\",\"fault\":\"dorp\"} ] | unknown fault 'dorp' (expected one of drop,",
        "[{\"user\":\"a\",\"run\":1,\"fault\":\"drop\"}]                             | 'event' is missing",
        "[{\"user\":\"a\",\"run\":1,\"event\":\"agent_sleeping\",\"fault\":\"drop\"}]  | unknown event 'agent_sleeping'",
        "[{\"user\":\"a\",\"run\":1,\"event\":\"agent_started\",\"fault\":\"leak\"}]   | 'to' is missing",
        "[{\"user\":\"a\",\"run\":1,\"event\":\"agent_started\",\"fault\":\"delay\"}]  | 'ms' is missing",
        "[{\"user\":\"a\",\"run\":-1,\"event\":\"agent_started\",\"fault\":\"drop\"}]  | 'run' must be a whole number",
        "[{\"run\":1,\"event\":\"agent_started\",\"fault\":\"drop\"}]                | 'user' is missing",
        "[{\"user\":\"a\",\"run\":1,\"evnt\":\"agent_started\",\"fault\":\"drop\"}]   | unknown key 'evnt'",
        "[{\"user\":\"a\",\"run\":1,\"event\":\"agent_started\",\"fault\":\"drop\",\"to\":\"b\"}] | 'to' only applies",
    })
    void explainsBadPlans(String json, String message) {
        assertThatThrownBy(() -> FaultPlan.parse(json)).isInstanceOf(FaultPlanException.class)
                .hasMessageContaining(message.trim());
    }

    @Test
    void namesTheFileAndTheEntry(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("plan.json");
        Files.writeString(file, "[{\"user\":\"a\",\"run\":1,\"event\":\"agent_started\",\"fault\":\"drop\"},{}]");
        assertThatThrownBy(() -> FaultPlan.load(file)).hasMessageContaining("plan.json")
                .hasMessageContaining("entry 2");
        assertThatThrownBy(() -> FaultPlan.load(dir.resolve("missing.json"))).hasMessageContaining("does not exist");
    }
}
