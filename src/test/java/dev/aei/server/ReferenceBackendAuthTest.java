package dev.aei.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.auth.JwtMinter;
import dev.aei.auth.LoginSettings;
import dev.aei.auth.LoginTokenSource;
import dev.aei.auth.MintingTokenSource;
import dev.aei.auth.SigningKey;
import dev.aei.auth.TestUser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.protocols.Protocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReferenceBackendAuthTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
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
    void connectsWithABearerHeader() {
        WireClient client = fixture.connect("alice");
        assertThat(client.events().get(0).at("/data/user_id").asText()).isEqualTo("alice");
    }

    @Test
    void connectsWithATokenSubprotocolAndGetsItEchoed() {
        String protocol = "jwt." + fixture.token("bob");
        WireClient client = fixture.track(WireClient.connect(fixture.backend.webSocketUrl(), Map.of(),
                new Draft_6455(List.of(), List.of(new Protocol(protocol)))));
        client.awaitType("connection_established", 1);
        assertThat(client.handshakeProtocol).isEqualTo(protocol);
        assertThat(client.events().get(0).at("/data/user_id").asText()).isEqualTo("bob");
    }

    @Test
    void connectsWithAQueryToken() {
        WireClient client = fixture.track(WireClient.connect(
                URI.create(fixture.backend.webSocketUrl() + "?token=" + fixture.token("carol")), Map.of()));
        client.awaitType("connection_established", 1);
        assertThat(client.events().get(0).at("/data/user_id").asText()).isEqualTo("carol");
    }

    @Test
    void aTicketConnectsOnceOnly() throws Exception {
        HttpResponse<String> answer = post(fixture.backend.ticketUrl(),
                "{\"token\":\"" + fixture.token("dave") + "\"}");
        assertThat(answer.statusCode()).isEqualTo(200);
        String ticket = JSON.readTree(answer.body()).path("ticket").asText();
        URI withTicket = URI.create(fixture.backend.webSocketUrl() + "?ticket="
                + URLEncoder.encode(ticket, StandardCharsets.UTF_8));

        WireClient first = fixture.track(WireClient.connect(withTicket, Map.of()));
        first.awaitType("connection_established", 1);
        assertThat(first.events().get(0).at("/data/user_id").asText()).isEqualTo("dave");

        WireClient second = fixture.track(WireClient.connect(withTicket, Map.of()));
        second.awaitClosed();
        assertThat(second.closeReason).contains("401").contains("ticket");
        assertThat(second.frames).isEmpty();
    }

    @Test
    void aTicketNeedsAValidToken() throws Exception {
        HttpResponse<String> answer = post(fixture.backend.ticketUrl(), "{\"token\":\"not-a-jwt\"}");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("malformed token");
    }

    @Test
    void wrongSecretAndExpiredTokenGet401WhileAnotherUserConnects() throws Exception {
        String wrongSecret = MintingTokenSource.hs256("some-other-secret-0123456789abcdef-xyz")
                .token(TestUser.named("mallory"));
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        String expired = new JwtMinter(SigningKey.hs256(BackendConfig.DEMO_SECRET), "aei", Duration.ofMinutes(5),
                past).mint(TestUser.named("eve")).token();

        WireClient badSignature = fixture.track(WireClient.connect(fixture.backend.webSocketUrl(),
                Map.of("Authorization", "Bearer " + wrongSecret)));
        WireClient stale = fixture.track(WireClient.connect(fixture.backend.webSocketUrl(),
                Map.of("Authorization", "Bearer " + expired)));
        WireClient alice = fixture.connect("alice");

        badSignature.awaitClosed();
        stale.awaitClosed();
        assertThat(badSignature.closeReason).contains("401").contains("bad token signature");
        assertThat(stale.closeReason).contains("401").contains("token expired");
        assertThat(badSignature.frames).isEmpty();
        alice.ask("still fine", "t-ok");
        alice.awaitType("agent_completed", 1);
    }

    @Test
    void refusesMissingTokensWrongTypesAndWrongPaths() throws Exception {
        WireClient none = fixture.track(WireClient.connect(fixture.backend.webSocketUrl(), Map.of()));
        String refresh = new JwtMinter(SigningKey.hs256(BackendConfig.DEMO_SECRET))
                .mint(new TestUser("frank", Map.of("type", "refresh"))).token();
        WireClient wrongType = fixture.track(WireClient.connect(fixture.backend.webSocketUrl(),
                Map.of("Authorization", "Bearer " + refresh)));
        WireClient wrongPath = fixture.track(WireClient.connect(
                URI.create(fixture.backend.webSocketUrl().toString().replace("/ws", "/other")),
                Map.of("Authorization", "Bearer " + fixture.token("alice"))));
        none.awaitClosed();
        wrongType.awaitClosed();
        wrongPath.awaitClosed();
        assertThat(none.closeReason).contains("401").contains("missing token");
        assertThat(wrongType.closeReason).contains("401").contains("type");
        assertThat(wrongPath.closeReason).contains("404");
    }

    @Test
    void theLoginEndpointMintsTokensTheWebSocketAccepts() throws Exception {
        HttpResponse<String> refused = post(fixture.backend.loginUrl(), "{\"username\":\"gina\",\"password\":\"nope\"}");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).doesNotContain("nope");

        HttpResponse<String> answer = post(fixture.backend.loginUrl(), "{\"username\":\"gina\",\"password\":\"demo\"}");
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        WireClient gina = fixture.track(WireClient.connect(fixture.backend.webSocketUrl(),
                Map.of("Authorization", "Bearer " + body.path("access_token").asText())));
        gina.awaitType("connection_established", 1);
        assertThat(gina.events().get(0).at("/data/user_id").asText()).isEqualTo("gina");

        assertThat(post(fixture.backend.loginUrl(), "garbage").statusCode()).isEqualTo(400);
    }

    @Test
    void aLoginTokenSourceSignsInThroughTheBackend() throws Exception {
        String token = new LoginTokenSource(LoginSettings.of(fixture.backend.loginUrl(), "demo"))
                .token(TestUser.named("hana"));
        WireClient hana = fixture.track(WireClient.connect(fixture.backend.webSocketUrl(),
                Map.of("Authorization", "Bearer " + token)));
        hana.awaitType("connection_established", 1);
        assertThat(hana.events().get(0).at("/data/user_id").asText()).isEqualTo("hana");
    }

    private HttpResponse<String> post(URI url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
