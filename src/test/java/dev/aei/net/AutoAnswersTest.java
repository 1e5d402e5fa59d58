package dev.aei.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.protocol.ClientProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoAnswersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClientProfile client = ClientProfile.parse("""
            {"name": "t", "client": {"ready_event": "session_ready",
              "replies": {"ping": {"type": "pong"}, "heartbeat": {"type": "heartbeat_ack"}}}}""", "test");

    @Test
    void aHeartbeatIsAnsweredWithoutATree() {
        AutoAnswers answers = new AutoAnswers(client);

        AutoAnswers.Answer answer = answers.to("{\"type\":\"heartbeat\",\"ts\":1}");

        assertThat(answer.reply()).contains("heartbeat_ack");
        assertThat(answer.ready()).isFalse();
        assertThat(answers.typesRead()).isEqualTo(1);
        assertThat(answers.treesBuilt()).isZero();
    }

    @Test
    void framesNamingNoInterestingTypeAreNotParsed() {
        AutoAnswers answers = new AutoAnswers(client);

        assertThat(answers.to("{\"type\":\"agent_started\",\"run_id\":\"r1\"}")).isEqualTo(AutoAnswers.Answer.NONE);
        assertThat(answers.to(null)).isEqualTo(AutoAnswers.Answer.NONE);

        assertThat(answers.typesRead()).isZero();
    }

    @Test
    void theReadyEventIsRecognised() {
        AutoAnswers answers = new AutoAnswers(client);

        AutoAnswers.Answer answer = answers.to("{\"data\":{\"x\":[1,2]},\"type\":\"session_ready\"}");

        assertThat(answer.ready()).isTrue();
        assertThat(answer.reply()).isNull();
    }

    @Test
    void theTypeIsTheOneATreeReads() throws Exception {
        List<String> frames = List.of(
                "{\"type\":\"agent_thinking\",\"data\":{\"type\":\"heartbeat\"}}",
                "{\"type\":\"agent_thinking\",\"type\":\"heartbeat\"}",
                "{\"type\":\"heartbeat\",\"type\":null}",
                "{\"type\":\"heartbeat\"} trailing words",
                "{\"type\":\"heartbeat\",",
                "[\"heartbeat\"]",
                "\"heartbeat\"",
                "{\"type\":{\"heartbeat\":1}}",
                "{\"type\":1,\"note\":\"ping\"}",
                "{\"type\":true,\"note\":\"ping\"}",
                "{\"type\":\"ping\",\"data\":[{\"a\":\"b\"}]}",
                "not json ping");
        AutoAnswers answers = new AutoAnswers(client);
        for (String frame : frames) {
            AutoAnswers.Answer answer = answers.to(frame);
            String type = treeType(frame);
            assertThat(answer.reply() != null).as(frame)
                    .isEqualTo(type != null && client.replyTo(type) != null);
            assertThat(answer.ready()).as(frame).isEqualTo("session_ready".equals(type));
        }
        assertThat(answers.typesRead()).isEqualTo(frames.size());
        assertThat(answers.treesBuilt()).as("only types that are no string or null need a tree").isEqualTo(3);
    }

    private static String treeType(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node == null ? null : node.path("type").asText(null);
        } catch (Exception e) {
            return null;
        }
    }
}
