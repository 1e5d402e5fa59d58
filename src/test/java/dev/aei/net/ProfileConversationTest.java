package dev.aei.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.auth.JwtMinter;
import dev.aei.auth.MintingTokenSource;
import dev.aei.auth.SigningKey;
import dev.aei.auth.TestUser;
import dev.aei.auth.TokenClaims;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import dev.aei.protocol.ClientPing;
import dev.aei.protocol.ClientProfile;
import dev.aei.protocol.ThreadPolicy;
import dev.aei.protocol.TicketExchange;
import dev.aei.testing.Await;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The profile's client section drives what the connector sends, over real loopback sockets. */
class ProfileConversationTest {
    private static final ClientProfile NETRA = ClientProfile.load("netra");
    private final ObjectMapper json = new ObjectMapper();
    private final List<SessionConnector> connectors = new ArrayList<>();
    private TestAgentServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = TestAgentServer.start(TestTokens.SECRET);
    }

    @AfterEach
    void stopAll() throws Exception {
        connectors.forEach(SessionConnector::close);
        server.shutdown();
    }

    private SessionConnector connected(Session session, ConnectionSettings settings, ClientProfile client,
                                       String... users) throws Exception {
        SessionConnector connector = new SessionConnector(session, settings, TestTokens.valid(), client);
        connectors.add(connector);
        connector.connectAll(List.of(users).stream().map(TestUser::named).toList()).get(20, TimeUnit.SECONDS);
        for (String user : users) {
            Await.until(user + "'s greeting", () -> !session.lane(user).frames().isEmpty());
        }
        return connector;
    }

    private ConnectionSettings header() {
        return ConnectionSettings.of(server.url(), AuthMode.HEADER).withPingInterval(Duration.ZERO);
    }

    private static Session session() {
        return Session.start("ws://test", "header", "netra");
    }

    private static List<String> out(Lane lane) {
        return lane.frames().stream().filter(f -> f.direction() == Direction.OUT).map(Frame::text).toList();
    }

    @Test
    void aThreadStartsWithStartAgentAndFollowsUpWithUserMessage() throws Exception {
        Session session = session();
        SessionConnector connector = connected(session, header(), NETRA.withThread(ThreadPolicy.SAME), "alice");
        SentPrompt first = connector.sendPrompt(List.of("alice"), "Compare Q3 \"costs\"").get(0);
        SentPrompt second = connector.sendPrompt(List.of("alice"), "And Q4?").get(0);
        Await.until("both prompts received", () -> server.received().size() >= 2);

        JsonNode start = json.readTree(server.received().get(0));
        JsonNode follow = json.readTree(server.received().get(1));
        assertThat(start.path("type").asText()).isEqualTo("start_agent");
        assertThat(start.at("/payload/user_request").asText()).isEqualTo(first.text())
                .startsWith("Compare Q3 \"costs\"").contains(first.canary());
        assertThat(follow.path("type").asText()).isEqualTo("user_message");
        assertThat(follow.at("/payload/content").asText()).isEqualTo(second.text());
        assertThat(follow.at("/payload/references").isArray()).isTrue();
        assertThat(second.threadId()).isEqualTo(first.threadId());
        assertThat(follow.at("/payload/thread_id").asText()).isEqualTo(first.threadId());
        assertThat(out(session.lane("alice"))).containsExactly(server.received().get(0), server.received().get(1));
    }

    @Test
    void threadPolicyNewOpensAThreadPerPrompt() throws Exception {
        SessionConnector connector = connected(session(), header(), NETRA, "alice");
        SentPrompt first = connector.sendPrompt(List.of("alice"), "one").get(0);
        SentPrompt second = connector.sendPrompt(List.of("alice"), "two").get(0);
        Await.until("both prompts received", () -> server.received().size() >= 2);
        assertThat(second.threadId()).isNotEqualTo(first.threadId());
        assertThat(server.received()).allSatisfy(m -> assertThat(json.readTree(m).path("type").asText())
                .isEqualTo("start_agent"));
    }

    @Test
    void aTemplateWithoutAThreadLeavesTheThreadToTheBackend() throws Exception {
        SessionConnector connector = connected(session(), header(), NETRA, "alice");
        SentPrompt sent = connector.sendPrompt(List.of("alice"), "hi", NETRA.template("chat")).get(0);
        Await.until("the prompt", () -> !server.received().isEmpty());
        assertThat(json.readTree(server.received().get(0)).path("type").asText()).isEqualTo("chat");
        assertThat(sent.threadId()).isNull();
    }

    @Test
    void serverPingsAndHeartbeatsAreAnsweredAndRecordedAsSent() throws Exception {
        Session session = session();
        connected(session, header(), NETRA, "alice");
        server.sendText("alice", "{\"type\":\"ping\",\"timestamp\":1}");
        server.sendText("alice", "{\"type\":\"heartbeat\",\"data\":{\"stats\":{}}}");
        Await.until("two replies", () -> server.received().size() >= 2);
        assertThat(server.received()).containsExactly("{\"type\":\"pong\"}", "{\"type\":\"heartbeat_ack\"}");
        assertThat(out(session.lane("alice"))).containsExactly("{\"type\":\"pong\"}", "{\"type\":\"heartbeat_ack\"}");
    }

    @Test
    void theClientPingsAtTheProfilesIntervalWhileOpen() throws Exception {
        ClientProfile pinging = new ClientProfile(NETRA.claims(), NETRA.ticket(), NETRA.templates(),
                NETRA.firstMessage(), NETRA.followUp(), NETRA.thread(), null, NETRA.replies(),
                new ClientPing(Duration.ofMillis(20), NETRA.ping().message()));
        Session session = session();
        connected(session, header(), pinging, "alice");
        Await.until("two client pings", () -> server.received().size() >= 2);
        for (String ping : server.received().subList(0, 2)) {
            JsonNode node = json.readTree(ping);
            assertThat(node.path("type").asText()).isEqualTo("ping");
            assertThat(node.path("timestamp").isIntegralNumber()).isTrue();
        }
        Await.until("pings recorded as sent", () -> out(session.lane("alice")).size() >= 2);
    }

    @Test
    void aReadyEventHoldsTheConnectionUntilItArrives() throws Exception {
        ClientProfile waiting = ClientProfile.parse("{\"name\":\"w\",\"fields\":{\"type\":[\"type\"],\"run_id\":"
                + "[\"run_id\"]},\"roles\":{},\"client\":{\"ready_event\":\"connection_established\"}}", "w");
        Session session = session();
        SessionConnector connector = new SessionConnector(session, header(), TestTokens.valid(), waiting);
        connectors.add(connector);
        connector.connect(TestUser.named("alice")).get(20, TimeUnit.SECONDS);
        assertThat(session.lane("alice").frames()).as("the ready event came before the connection counted")
                .anyMatch(f -> f.text() != null && f.text().contains("connection_established"));
    }

    @Test
    void aMintedNetraTokenCarriesTheClaimsItsAuthServiceChecks() throws Exception {
        MintingTokenSource tokens = new MintingTokenSource(new JwtMinter(SigningKey.hs256(TestTokens.SECRET),
                new TokenClaims(NETRA.claims()), JwtMinter.DEFAULT_LIFETIME, Clock.systemUTC()), Clock.systemUTC());
        SessionConnector connector = new SessionConnector(session(), header(), tokens, NETRA);
        connectors.add(connector);
        connector.connect(TestUser.named("alice")).get(20, TimeUnit.SECONDS);
        assertThat(connector.state("alice").status()).isEqualTo(LaneState.Status.CONNECTED);
        String upgrade = server.upgradeRequests().get(0);
        String token = upgrade.lines().filter(l -> l.startsWith("Authorization: Bearer "))
                .map(l -> l.substring("Authorization: Bearer ".length())).findFirst().orElseThrow();
        Claims claims = Jwts.parser().verifyWith(TestTokens.key(TestTokens.SECRET)).build()
                .parseSignedClaims(token).getPayload();
        assertThat(claims.getIssuer()).isEqualTo("netra-auth-service");
        assertThat(claims.getAudience()).containsExactly("netra-platform");
        assertThat(claims.get("token_type")).isEqualTo("access");
        assertThat(claims.get("type")).isEqualTo("access");
        assertThat(claims.getSubject()).isEqualTo("alice");
    }

    @Test
    void theWebClientsTicketExchangeConnectsWithAFreshTicketOverPlainHttp11() throws Exception {
        try (RawTicketServer tickets = new RawTicketServer(server::ticketFor)) {
            ConnectionSettings settings = new ConnectionSettings(server.url(), AuthMode.TICKET,
                    tickets.url("/api/websocket/ticket"), Duration.ZERO, ConnectionSettings.DEFAULT_MAX_FRAME_BYTES);
            Session session = session();
            SessionConnector connector = connected(session, settings, NETRA, "alice");
            assertThat(connector.state("alice").status()).isEqualTo(LaneState.Status.CONNECTED);
            connector.disconnect("alice");
            connector.connect(TestUser.named("alice")).get(20, TimeUnit.SECONDS);
            assertThat(connector.state("alice").status()).isEqualTo(LaneState.Status.CONNECTED);

            assertThat(tickets.requests()).hasSize(2);
            RawTicketServer.Request request = tickets.requests().get(0);
            assertThat(request.requestLine()).isEqualTo("POST /api/websocket/ticket HTTP/1.1");
            assertThat(request.header("Upgrade")).isNull();
            assertThat(request.header("HTTP2-Settings")).isNull();
            assertThat(request.header("Connection")).satisfiesAnyOf(c -> assertThat(c).isNull(),
                    c -> assertThat(c.toLowerCase()).doesNotContain("upgrade"));
            assertThat(request.header("Authorization")).startsWith("Bearer ey");
            JsonNode body = json.readTree(request.body());
            assertThat(body.path("ttl_seconds").asInt()).isEqualTo(300);
            assertThat(body.path("single_use").asBoolean()).isTrue();
            assertThat(body.path("permissions").isArray()).isTrue();
            assertThat(server.upgradeRequests()).hasSize(2).allSatisfy(u -> assertThat(u).contains("?ticket="));
        }
    }

    @Test
    void aRefusedTicketSaysWhy() throws Exception {
        try (RawTicketServer tickets = new RawTicketServer(token -> null)) {
            ConnectionSettings settings = new ConnectionSettings(server.url(), AuthMode.TICKET,
                    tickets.url("/api/websocket/ticket"), Duration.ZERO, ConnectionSettings.DEFAULT_MAX_FRAME_BYTES);
            SessionConnector connector = new SessionConnector(session(), settings, TestTokens.valid(), NETRA);
            connectors.add(connector);
            connector.connect(TestUser.named("alice")).get(20, TimeUnit.SECONDS);
            assertThat(connector.state("alice").status()).isEqualTo(LaneState.Status.FAILED);
            assertThat(connector.state("alice").detail()).contains("ticket request").contains("HTTP 401");
        }
    }

    @Test
    void theTicketUrlComesFromTheProfilePathOnTheSocketsHost() {
        assertThat(TicketUrls.resolve(URI.create("wss://example.test:8443/ws"), null, NETRA.ticket()))
                .isEqualTo(URI.create("https://example.test:8443/api/websocket/ticket"));
        assertThat(TicketUrls.resolve(URI.create("ws://127.0.0.1:8000/ws"), null, NETRA.ticket()))
                .isEqualTo(URI.create("http://127.0.0.1:8000/api/websocket/ticket"));
        URI explicit = URI.create("http://other/t");
        assertThat(TicketUrls.resolve(URI.create("ws://h/ws"), explicit, NETRA.ticket())).isEqualTo(explicit);
        assertThat(TicketUrls.resolve(URI.create("ws://h/ws"), null, TicketExchange.LEGACY)).isNull();
    }

    @Test
    void legacyTicketsStillPostTheTokenAndReadTicket() throws Exception {
        Session session = session();
        ConnectionSettings settings = new ConnectionSettings(server.url(), AuthMode.TICKET, server.ticketUrl(),
                Duration.ZERO, ConnectionSettings.DEFAULT_MAX_FRAME_BYTES);
        SessionConnector connector = connected(session, settings, ClientProfile.LEGACY, "alice");
        assertThat(connector.state("alice").status()).isEqualTo(LaneState.Status.CONNECTED);
        assertThat(connector.client().templateNames()).containsExactly("user_message");
    }
}
