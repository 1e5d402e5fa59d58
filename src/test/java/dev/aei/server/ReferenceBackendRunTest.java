package dev.aei.server;

import dev.aei.testing.Await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
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

    @Test
    void strictNetraSendsTheRealBackendsMixedShapes() throws Exception {
        try (BackendFixture fixture = new BackendFixture(BackendConfig.defaults().withEventDelayMs(2).withStrictNetra(true))) {
            WireClient client = fixture.connect("alexandria");
            client.ask("Compare Q3 costs [cnry-00ff00ff00]", "t-s");
            client.awaitType("agent_completed", 1);
            List<JsonNode> events = client.events();

            assertThat(events.get(0).at("/data/user_id").asText()).isEqualTo("alexandr...");
            assertThat(events).allSatisfy(e -> {
                assertThat(e.has("seq")).isFalse();
                assertThat(e.has("tool_call_id")).isFalse();
            });
            List<JsonNode> run = events.subList(1, events.size());
            assertThat(run).allSatisfy(e -> assertThat(e.path("user_id").asText()).isEqualTo("alexandria"));
            assertThat(run).anySatisfy(e -> assertThat(e.has("data")).isTrue());
            assertThat(run).anySatisfy(e -> assertThat(e.has("data")).isFalse());
            assertThat(run).anySatisfy(e -> assertThat(e.path("timestamp").isNumber()).isTrue());
            assertThat(run).anySatisfy(e -> assertThat(e.path("timestamp").isTextual()).isTrue());
            List<JsonNode> thoughts = run.stream().filter(e -> e.path("type").asText().equals("agent_thinking")).toList();
            assertThat(thoughts.get(0).path("reasoning").asText()).contains("cnry-00ff00ff00");
            assertThat(thoughts.get(1).at("/data/reasoning").asText()).isNotBlank();
            JsonNode completed = run.get(run.size() - 1);
            assertThat(completed.path("final_response").asText()).isNotBlank();
            assertThat(completed.path("duration").isNumber()).isTrue();
            assertThat(completed.path("thread_id").asText()).isEqualTo("t-s");
            List<JsonNode> tools = run.stream().filter(e -> e.has("execution_id")).toList();
            assertThat(tools).extracting(e -> e.path("type").asText()).containsExactly("tool_executing", "tool_completed");
            assertThat(tools.get(1).path("results").asText()).isNotBlank();
        }
    }

    @Test
    void tenUsersInParallelEachReceiveExactlyTheirOwnRuns() throws Exception {
        try (BackendFixture fixture = BackendFixture.fast()) {
            List<String> users = IntStream.rangeClosed(1, 10).mapToObj(i -> "user" + i).toList();
            Map<String, WireClient> clients = new ConcurrentHashMap<>();
            users.parallelStream().forEach(u -> clients.put(u, fixture.connect(u)));
            users.forEach(u -> clients.get(u).ask("Report for " + u + " [cnry-" + canary(u) + "]", "t-" + u));
            for (String user : users) {
                WireClient client = clients.get(user);
                client.awaitType("agent_completed", 1);
                List<JsonNode> run = client.events().subList(1, client.events().size());
                assertThat(run).hasSize(9).allSatisfy(e -> {
                    assertThat(e.path("user_id").asText()).isEqualTo(user);
                    assertThat(e.path("run_id").asText()).startsWith("run_t-" + user + "_");
                });
                for (String other : users) {
                    if (!other.equals(user)) {
                        assertThat(client.frames.toString()).doesNotContain("cnry-" + canary(other));
                    }
                }
            }
        }
    }

    @Test
    void repeatPlaysSeveralRunsBackToBackWithDistinctRunIds() throws Exception {
        try (BackendFixture fixture = new BackendFixture(BackendConfig.defaults().withEventDelayMs(0))) {
            WireClient client = fixture.connect("alice");
            client.send("{\"type\":\"start_agent\",\"payload\":{\"user_request\":\"go\",\"thread_id\":\"t-r\",\"repeat\":5}}");
            client.awaitType("agent_completed", 5);
            List<String> runIds = client.events().stream().filter(e -> e.path("type").asText().equals("agent_started"))
                    .map(e -> e.path("run_id").asText()).toList();
            assertThat(runIds).hasSize(5).doesNotHaveDuplicates();
            List<Long> seqs = client.events().stream().map(e -> e.path("seq").asLong()).toList();
            assertThat(seqs).isEqualTo(LongStream.rangeClosed(1, 46).boxed().toList());
        }
    }

    @Test
    void answersPingAndSendsHeartbeats() throws Exception {
        try (BackendFixture fixture = new BackendFixture(BackendConfig.defaults().withHeartbeatSeconds(1))) {
            WireClient client = fixture.connect("alice");
            client.send("{\"type\":\"ping\"}");
            client.awaitType("pong", 1);
            client.sendPing();
            Await.until(() -> client.pongs.get() == 1, () -> "a protocol pong");
            client.awaitType("heartbeat", 1);
            client.send("{\"type\":\"heartbeat_ack\"}");
            client.send("{\"type\":\"ping\"}");
            client.awaitType("pong", 2);
            assertThat(client.count("error")).isZero();
        }
    }

    @Test
    void survivesGarbageAndAnswersItWithErrors() throws Exception {
        try (BackendFixture fixture = BackendFixture.fast()) {
            WireClient client = fixture.connect("alice");
            List<String> garbage = List.of("not json", "[]", "{\"type\":5}", "{\"type\":\"nope\"}", "null",
                    "{\"type\":\"user_message\"}", "{\"type\":\"user_message\",\"payload\":{\"content\":7}}",
                    "{\"type\":\"user_message\",\"payload\":{\"content\":\"x\",\"repeat\":\"many\"}}",
                    "{\"type\":\"user_message\",\"payload\":{\"content\":\"x\",\"repeat\":99999999999}}");
            garbage.forEach(client::send);
            client.send(new byte[] {0, 1, 2, (byte) 0xff});
            client.awaitType("error", garbage.size() + 1);
            assertThat(client.events().stream().filter(e -> e.path("type").asText().equals("error")))
                    .allSatisfy(e -> assertThat(e.at("/data/error_message").asText()).isNotBlank());

            try (Socket raw = new Socket()) {
                raw.connect(new InetSocketAddress("127.0.0.1", fixture.backend.port()), 5000);
                raw.getOutputStream().write("GARBAGE\r\n\r\n\u0000\u0001".getBytes(StandardCharsets.ISO_8859_1));
                raw.getOutputStream().flush();
            }
            client.ask("still alive?", "t-1");
            client.awaitType("agent_completed", 1);
            WireClient later = fixture.connect("bob");
            assertThat(later.isOpen()).isTrue();
        }
    }

    @Test
    void closeStopsEveryThreadItStarted() throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        BackendFixture fixture = new BackendFixture(BackendConfig.defaults().withEventDelayMs(50).withHeartbeatSeconds(1));
        WireClient client = fixture.connect("alice");
        client.send("{\"type\":\"user_message\",\"payload\":{\"content\":\"busy\",\"repeat\":100}}");
        client.awaitType("agent_thinking", 1);
        fixture.close();
        client.awaitClosed();
        Await.until(() -> backendThreads(before).isEmpty(), () -> "backend threads still alive: " + backendThreads(before));
    }

    /** Live server-side threads that did not exist before. */
    private static List<String> backendThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !before.contains(t))
                .map(Thread::getName)
                .filter(n -> n.startsWith("aei-backend") || n.startsWith("WebSocketSelector")
                        || n.startsWith("WebSocketWorker") || n.startsWith("HTTP-Dispatcher")
                        || n.startsWith("WebSocketConnectionLostTimer"))
                .toList();
    }

    private static String canary(String user) {
        return String.format("%010x", Math.abs(user.hashCode()));
    }
}
