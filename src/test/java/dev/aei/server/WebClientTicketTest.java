package dev.aei.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real web client's ticket exchange: {@code POST /api/websocket/ticket} with a Bearer JWT, then {@code ?ticket=}. */
class WebClientTicketTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY = "{\"ttl_seconds\":300,\"single_use\":true,\"permissions\":[\"read\",\"write\"]}";
    private final HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
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
    void aTicketFromAnHttp11ClientConnectsOnceOnly() throws Exception {
        HttpResponse<String> answer = post(http11, fixture.token("dave"), BODY);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        JsonNode body = JSON.readTree(answer.body());
        String ticket = body.path("ticket_id").asText();
        assertThat(ticket).isNotBlank();
        assertThat(body.path("expires_at").isNumber()).isTrue();
        assertThat(body.path("expires_at").asDouble() - body.path("created_at").asDouble()).isEqualTo(300.0);
        assertThat(body.path("single_use").asBoolean()).isTrue();
        assertThat(body.path("websocket_url").asText()).isEqualTo(withTicket(ticket).toString());

        WireClient first = fixture.track(WireClient.connect(withTicket(ticket), Map.of()));
        first.awaitType("connection_established", 1);
        assertThat(first.events().get(0).at("/data/user_id").asText()).isEqualTo("dave");
        WireClient second = fixture.track(WireClient.connect(withTicket(ticket), Map.of()));
        second.awaitClosed();
        assertThat(second.closeReason).contains("401").contains("already used");
    }

    @Test
    void aRawHttp11RequestGetsAPlainHttp11Answer() throws Exception {
        URI url = fixture.backend.webClientTicketUrl();
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + url.getPath() + " HTTP/1.1\r\n"
                + "Host: " + url.getHost() + ":" + url.getPort() + "\r\n"
                + "Authorization: Bearer " + fixture.token("erin") + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        String response;
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(response).startsWith("HTTP/1.1 200");
        String ticket = JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4)).path("ticket_id").asText();
        WireClient erin = fixture.track(WireClient.connect(withTicket(ticket), Map.of()));
        erin.awaitType("connection_established", 1);
        assertThat(erin.events().get(0).at("/data/user_id").asText()).isEqualTo("erin");
    }

    @Test
    void anHttpClientOfferingAnH2cUpgradeIsAnsweredToo() throws Exception {
        HttpResponse<String> answer = post(HttpClient.newHttpClient(), fixture.token("finn"), BODY);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("ticket_id").asText()).isNotBlank();
    }

    @Test
    void aReusableTicketConnectsTwiceAndAnEmptyBodyTakesTheDefaults() throws Exception {
        String reusable = JSON.readTree(post(http11, fixture.token("gina"), "{\"single_use\":false}").body())
                .path("ticket_id").asText();
        fixture.track(WireClient.connect(withTicket(reusable), Map.of())).awaitType("connection_established", 1);
        fixture.track(WireClient.connect(withTicket(reusable), Map.of())).awaitType("connection_established", 1);

        JsonNode defaults = JSON.readTree(post(http11, fixture.token("gina"), "").body());
        assertThat(defaults.path("ttl_seconds").asInt()).isEqualTo(300);
        assertThat(defaults.path("single_use").asBoolean()).isTrue();
    }

    @Test
    void refusesMissingOrBadTokensAndBadBodies() throws Exception {
        HttpResponse<String> noToken = http11.send(HttpRequest.newBuilder(fixture.backend.webClientTicketUrl())
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.body()).contains("Authorization: Bearer");
        assertThat(post(http11, "not-a-jwt", BODY).body()).contains("malformed token");
        assertThat(post(http11, fixture.token("hana"), "{\"ttl_seconds\":5}").statusCode()).isEqualTo(422);
        assertThat(post(http11, fixture.token("hana"), "{\"single_use\":\"yes\"}").statusCode()).isEqualTo(422);
        assertThat(post(http11, fixture.token("hana"), "[1]").statusCode()).isEqualTo(422);
        HttpResponse<String> get = http11.send(HttpRequest.newBuilder(fixture.backend.webClientTicketUrl()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
    }

    @Test
    void theOldEndpointAlsoAnswersTheWebClientsRequest() throws Exception {
        HttpResponse<String> answer = http11.send(HttpRequest.newBuilder(fixture.backend.ticketUrl())
                        .header("Authorization", "Bearer " + fixture.token("ivan"))
                        .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("ticket").asText()).isEqualTo(body.path("ticket_id").asText()).isNotBlank();
        fixture.track(WireClient.connect(withTicket(body.path("ticket").asText()), Map.of()))
                .awaitType("connection_established", 1);
    }

    private HttpResponse<String> post(HttpClient client, String token, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(fixture.backend.webClientTicketUrl())
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI withTicket(String ticket) {
        return URI.create(fixture.backend.webSocketUrl() + "?ticket=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8));
    }
}
