package dev.aei.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --input}: which client message shape starts a run; the others get an {@code error_message}. */
class ReferenceBackendInputTest {

    @Test
    void startAgentModeStartsAThreadWithStartAgentAndAnswersFollowUpsInIt() throws Exception {
        try (BackendFixture fixture = fixture(InputMode.START_AGENT)) {
            WireClient alice = fixture.connect("alice");
            alice.send(startAgent("Compare Q3 costs [cnry-0000000001]", "t-1"));
            alice.awaitType("agent_completed", 1);
            assertThat(reasoning(alice)).anySatisfy(r -> assertThat(r).contains("cnry-0000000001"));

            alice.send(userMessage("And Q4? [cnry-0000000002]", "t-1"));
            alice.awaitType("agent_completed", 2);
            assertThat(reasoning(alice)).anySatisfy(r -> assertThat(r).contains("cnry-0000000002"));
            assertThat(runIds(alice)).hasSize(2).allSatisfy(id -> assertThat(id).startsWith("run_t-1_"));
        }
    }

    @Test
    void startAgentModeRefusesAUserMessageInAThreadNotStarted() throws Exception {
        try (BackendFixture fixture = fixture(InputMode.START_AGENT)) {
            WireClient alice = fixture.connect("alice");
            WireClient bob = fixture.connect("bob");
            alice.send(startAgent("mine", "t-a"));
            alice.awaitType("agent_completed", 1);

            bob.send(userMessage("fresh thread [cnry-00000000b1]", "t-new"));
            bob.send(userMessage("someone else's thread [cnry-00000000b2]", "t-a"));
            bob.send("{\"type\":\"user_message\",\"payload\":{\"content\":\"no thread\"}}");
            bob.send("{\"type\":\"chat\",\"payload\":{\"content\":\"chat\"}}");
            bob.awaitType("error_message", 4);
            List<JsonNode> errors = errors(bob);
            assertThat(errors).extracting(e -> e.at("/data/error_code").asText()).containsExactly(
                    "THREAD_NOT_STARTED", "THREAD_NOT_STARTED", "THREAD_NOT_STARTED", "UNSUPPORTED_MESSAGE_TYPE");
            assertThat(errors.get(0).at("/data/error_message").asText()).contains("t-new").contains("start_agent");
            assertThat(errors.get(0).at("/data/details/thread_id").asText()).isEqualTo("t-new");
            assertThat(errors.get(3).at("/data/details/message_type").asText()).isEqualTo("chat");

            // A run that a refused message had started would show before this later one completes.
            bob.send(startAgent("now properly [cnry-00000000b3]", "t-new"));
            bob.awaitType("agent_completed", 1);
            assertThat(bob.count("agent_started")).isEqualTo(1);
            assertThat(bob.frames.toString()).doesNotContain("cnry-00000000b1").doesNotContain("cnry-00000000b2");
            assertThat(bob.isOpen()).isTrue();
        }
    }

    @Test
    void userMessageModeRefusesStartAgentAndChat() throws Exception {
        try (BackendFixture fixture = fixture(InputMode.USER_MESSAGE)) {
            WireClient alice = fixture.connect("alice");
            alice.send(startAgent("start [cnry-00000000c1]", "t-1"));
            alice.send("{\"type\":\"chat\",\"payload\":{\"content\":\"chat [cnry-00000000c2]\"}}");
            alice.awaitType("error_message", 2);
            assertThat(errors(alice)).allSatisfy(e -> {
                assertThat(e.at("/data/error_code").asText()).isEqualTo("UNSUPPORTED_MESSAGE_TYPE");
                assertThat(e.at("/data/details/accepted").toString()).isEqualTo("[\"user_message\"]");
            });
            alice.ask("ask [cnry-00000000c3]", "t-1");
            alice.awaitType("agent_completed", 1);
            assertThat(alice.count("agent_started")).isEqualTo(1);
            assertThat(alice.frames.toString()).doesNotContain("cnry-00000000c1").doesNotContain("cnry-00000000c2");
        }
    }

    @Test
    void anyModeIsTheDefaultAndStartsRunsForEveryShapeIncludingChat() throws Exception {
        assertThat(BackendConfig.defaults().input()).isEqualTo(InputMode.ANY);
        try (BackendFixture fixture = BackendFixture.fast()) {
            WireClient alice = fixture.connect("alice");
            alice.send("{\"type\":\"chat\",\"payload\":{\"content\":\"chat [cnry-00000000d1]\"}}");
            alice.awaitType("agent_completed", 1);
            alice.send(startAgent("start [cnry-00000000d2]", "t-2"));
            alice.awaitType("agent_completed", 2);
            alice.ask("follow [cnry-00000000d3]", "t-3");
            alice.awaitType("agent_completed", 3);
            assertThat(alice.frames.toString()).contains("cnry-00000000d1", "cnry-00000000d2", "cnry-00000000d3");
            assertThat(alice.count("error_message")).isZero();
        }
    }

    @Test
    void theInputModeParsesItsCommandLineNames() {
        assertThat(InputMode.parse("start_agent")).isEqualTo(InputMode.START_AGENT);
        assertThat(InputMode.parse("user-message")).isEqualTo(InputMode.USER_MESSAGE);
        assertThat(InputMode.parse("ANY")).isEqualTo(InputMode.ANY);
        assertThatThrownBy(() -> InputMode.parse("chat"))
                .hasMessageContaining("user_message, start_agent, any");
    }

    private static BackendFixture fixture(InputMode mode) throws Exception {
        return new BackendFixture(BackendConfig.defaults().withEventDelayMs(2).withInput(mode));
    }

    static String startAgent(String request, String threadId) {
        return "{\"type\":\"start_agent\",\"payload\":{\"user_request\":" + WireClient.quote(request)
                + ",\"thread_id\":" + WireClient.quote(threadId)
                + ",\"context\":{\"source\":\"message_input\"},\"settings\":{}}}";
    }

    private static String userMessage(String content, String threadId) {
        return "{\"type\":\"user_message\",\"payload\":{\"content\":" + WireClient.quote(content)
                + ",\"references\":[],\"thread_id\":" + WireClient.quote(threadId) + "}}";
    }

    private static List<JsonNode> errors(WireClient client) {
        return client.events().stream().filter(e -> e.path("type").asText().equals("error_message")).toList();
    }

    private static List<String> reasoning(WireClient client) {
        return client.events().stream().filter(e -> e.path("type").asText().equals("agent_thinking"))
                .map(e -> e.at("/data/reasoning").asText()).toList();
    }

    private static List<String> runIds(WireClient client) {
        return client.events().stream().filter(e -> e.path("type").asText().equals("agent_started"))
                .map(e -> e.path("run_id").asText()).toList();
    }
}
