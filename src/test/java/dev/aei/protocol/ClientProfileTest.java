package dev.aei.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientProfileTest {
    private static final String OLD = "{\"name\":\"old\",\"fields\":{\"type\":[\"type\"],\"run_id\":[\"run_id\"]},"
            + "\"roles\":{\"started\":[\"go\"]}";

    @Test
    void netraSpeaksAsTheRealWebClient() {
        ClientProfile netra = ClientProfile.load("netra");
        assertThat(netra.claims()).containsEntry("iss", "netra-auth-service").containsEntry("aud", "netra-platform")
                .containsEntry("token_type", "access").containsEntry("type", "access")
                .containsEntry("permissions", List.of("read", "write"));
        assertThat(netra.ticket().path()).isEqualTo("/api/websocket/ticket");
        assertThat(netra.ticket().bearer()).isTrue();
        assertThat(netra.ticket().answerField()).isEqualTo("ticket_id");
        assertThat(netra.ticket().renderBody("jwt", "alice"))
                .isEqualTo("{\"ttl_seconds\":300,\"single_use\":true,\"permissions\":[\"read\",\"write\"]}");
        assertThat(netra.templateNames()).containsExactly("start_agent", "user_message", "chat");
        assertThat(netra.first().name()).isEqualTo("start_agent");
        assertThat(netra.followUpTemplate().name()).isEqualTo("user_message");
        assertThat(netra.thread()).isEqualTo(ThreadPolicy.NEW);
        assertThat(netra.readyEvent()).isNull();
        assertThat(netra.replyTo("ping").render(java.util.Map.of())).isEqualTo("{\"type\":\"pong\"}");
        assertThat(netra.replyTo("heartbeat").render(java.util.Map.of())).isEqualTo("{\"type\":\"heartbeat_ack\"}");
        assertThat(netra.ping().every()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void agUiHasAConversationToo() {
        ClientProfile agUi = ClientProfile.load("ag-ui");
        assertThat(agUi.first().uses(MessageTemplate.THREAD_ID)).isTrue();
        assertThat(agUi.replyTo("PING")).isNotNull();
        assertThat(agUi.ping()).isNull();
    }

    @Test
    void anOldProfileFileKeepsTheFormerBehaviour(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("old.json");
        Files.writeString(file, OLD + "}");
        assertThat(Profile.load(file.toString()).name()).isEqualTo("old");
        ClientProfile client = ClientProfile.load(file.toString());
        assertThat(client).isEqualTo(ClientProfile.LEGACY);
        assertThat(client.first().name()).isEqualTo("user_message");
        assertThat(client.claims()).containsEntry("iss", "aei").containsEntry("type", "access");
        assertThat(client.ticket()).isEqualTo(TicketExchange.LEGACY);
        assertThat(client.replyTo("heartbeat")).isNotNull();
        assertThat(client.replyTo("ping")).isNull();
        assertThat(client.ping()).isNull();
    }

    @Test
    void aPartialClientSectionKeepsTheRestAsBefore() {
        ClientProfile client = ClientProfile.parse(OLD + ",\"client\":{\"claims\":{\"aud\":\"x\"},"
                + "\"thread\":\"same\",\"ready_event\":\"connection_established\"}}", "partial");
        assertThat(client.claims()).containsOnlyKeys("aud");
        assertThat(client.thread()).isEqualTo(ThreadPolicy.SAME);
        assertThat(client.readyEvent()).isEqualTo("connection_established");
        assertThat(client.templates()).isEqualTo(ClientProfile.LEGACY.templates());
        assertThat(client.ticket()).isEqualTo(TicketExchange.LEGACY);
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> ClientProfile.parse(OLD + ",\"client\":{\"tickets\":{}}}", "p"))
                .hasMessageContaining("profile p").hasMessageContaining("unknown key 'client.tickets'");
        assertThatThrownBy(() -> ClientProfile.parse(OLD + ",\"client\":{\"thread\":\"both\"}}", "p"))
                .hasMessageContaining("profile p").hasMessageContaining("new or same");
        assertThatThrownBy(() -> ClientProfile.parse(OLD + ",\"client\":{\"first_message\":\"chat\"}}", "p"))
                .hasMessageContaining("must name templates");
        assertThatThrownBy(() -> ClientProfile.parse(OLD + ",\"client\":{\"ping\":{\"every_ms\":0,"
                + "\"message\":{}}}}", "p")).hasMessageContaining("client.ping.every_ms");
        assertThatThrownBy(() -> ClientProfile.parse(OLD + ",\"client\":{\"ticket\":{\"send_token\":\"cookie\"}}}",
                "p")).hasMessageContaining("bearer or body");
        assertThatThrownBy(() -> ClientProfile.parse(OLD + ",\"client\":{\"templates\":{\"a\":[1]}}}", "p"))
                .hasMessageContaining("profile p").hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> ClientProfile.parse(OLD + ",\"client\":{\"claims\":{\"a\":null}}}", "p"))
                .hasMessageContaining("client.claims.a must not be null");
    }

    @Test
    void sendingAsOneTemplateUsesItForEveryPrompt() {
        ClientProfile netra = ClientProfile.load("netra");
        ClientProfile chat = netra.sendingAs(netra.template("chat"));
        assertThat(chat.first().name()).isEqualTo("chat");
        assertThat(chat.followUpTemplate().name()).isEqualTo("chat");
        assertThatThrownBy(() -> netra.template("nope")).hasMessageContaining("start_agent, user_message, chat");
    }
}
