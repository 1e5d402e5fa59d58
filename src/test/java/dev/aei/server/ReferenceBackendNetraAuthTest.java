package dev.aei.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --netra-auth}: only tokens with the real auth service's claims get in. */
class ReferenceBackendNetraAuthTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private BackendFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new BackendFixture(BackendConfig.defaults().withEventDelayMs(2).withNetraAuth(true));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void refusesTheOldClaimsNamingTheIssuer() {
        WireClient old = connect(fixture.token("alice"));
        old.awaitClosed();
        assertThat(old.closeReason).contains("401").contains("'iss'").contains("netra-auth-service")
                .contains("'aei'");
        assertThat(old.frames).isEmpty();
    }

    @Test
    void connectsWithTheRealClaimsAndRuns() {
        WireClient alice = connect(NetraTokens.token("alice", NetraTokens.realClaims()));
        alice.awaitType("connection_established", 1);
        assertThat(alice.events().get(0).at("/data/user_id").asText()).isEqualTo("alice");
        alice.ask("Compare Q3 costs [cnry-5a5a5a5a5a]", "t-1");
        alice.awaitType("agent_completed", 1);
    }

    @Test
    void acceptsEveryRealAudienceAndATokenWithoutTheOldTypeClaim() {
        for (String audience : new String[] {"netra-services", "netra-admin"}) {
            WireClient client = connect(NetraTokens.token("bob", NetraTokens.realClaimsWith("aud", audience)));
            client.awaitType("connection_established", 1);
        }
        WireClient untyped = connect(NetraTokens.token("carol", NetraTokens.realClaimsWith("type", null)));
        untyped.awaitType("connection_established", 1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "iss        | -              | 'iss' must be netra-auth-service (it is missing)",
        "aud        | -              | 'aud' must be one of netra-admin, netra-platform, netra-services (it is missing)",
        "aud        | aei-clients    | got 'aei-clients'",
        "token_type | -              | 'token_type' must be access (it is missing)",
        "token_type | refresh        | 'token_type' must be access (got 'refresh')",
        "type       | refresh        | 'type' must be access (got 'refresh')",
    })
    void refusesATokenMissingOrMisstatingOneClaimAndSaysWhich(String claim, String value, String reason) {
        WireClient client = connect(NetraTokens.token("dave", NetraTokens.realClaimsWith(claim, value)));
        client.awaitClosed();
        assertThat(client.closeReason).contains("401").contains(reason);
    }

    @Test
    void theLoginEndpointMintsTokensWithTheRealClaims() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(fixture.backend.loginUrl())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"gina\",\"password\":\"demo\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        WireClient gina = connect(JSON.readTree(answer.body()).path("access_token").asText());
        gina.awaitType("connection_established", 1);
    }

    @Test
    void theTicketEndpointRefusesTheOldClaimsToo() throws Exception {
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(fixture.backend.webClientTicketUrl())
                        .header("Authorization", "Bearer " + fixture.token("erin"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("'iss'");
    }

    private WireClient connect(String token) {
        return fixture.track(WireClient.connect(fixture.backend.webSocketUrl(),
                Map.of("Authorization", "Bearer " + token)));
    }
}
