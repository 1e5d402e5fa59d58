package dev.aei.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aei.auth.TestUser;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import dev.aei.capture.Opcode;
import dev.aei.capture.Session;
import dev.aei.testing.Await;
import dev.aei.testing.DeadPort;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.java_websocket.framing.BinaryFrame;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.ContinuousFrame;
import org.java_websocket.framing.TextFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SessionConnectorTest {
    private TestAgentServer server;
    private final List<SessionConnector> connectors = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = TestAgentServer.start(TestTokens.SECRET);
    }

    @AfterEach
    void stopAll() throws Exception {
        connectors.forEach(SessionConnector::close);
        server.shutdown();
    }

    private SessionConnector connector(Session session, ConnectionSettings settings, TestTokens tokens) {
        SessionConnector connector = new SessionConnector(session, settings, tokens);
        connectors.add(connector);
        return connector;
    }

    private SessionConnector connected(Session session, AuthMode mode, String... users) throws Exception {
        ConnectionSettings settings = new ConnectionSettings(server.url(), mode, server.ticketUrl(),
                Duration.ofSeconds(20), ConnectionSettings.DEFAULT_MAX_FRAME_BYTES);
        SessionConnector connector = connector(session, settings, TestTokens.valid());
        connector.connectAll(List.of(users).stream().map(TestUser::named).toList()).get(20, TimeUnit.SECONDS);
        awaitGreeting(session, users);
        return connector;
    }

    /** The server registers a socket only after the client saw the upgrade; its greeting shows it did. */
    private static void awaitGreeting(Session session, String... users) {
        for (String user : users) {
            Await.until(user + "'s greeting", () -> !session.lane(user).frames().isEmpty());
        }
    }

    private static Session session() {
        return Session.start("ws://test", "header", "netra");
    }

    private static List<Frame> inFrames(Lane lane) {
        return lane.frames().stream().filter(f -> f.direction() == Direction.IN).toList();
    }

    @ParameterizedTest
    @EnumSource(AuthMode.class)
    void everyAuthModeConnectsAndCarriesAPromptAndItsRun(AuthMode mode) throws Exception {
        Session session = session();
        SessionConnector connector = connected(session, mode, "alice");
        assertThat(connector.state("alice").status()).isEqualTo(LaneState.Status.CONNECTED);

        List<SentPrompt> sent = connector.sendPrompt(List.of("alice"), "Compare Q3 costs");

        assertThat(sent).singleElement().satisfies(p -> {
            assertThat(p.threadId()).isEqualTo("t-alice-1");
            assertThat(p.canary()).matches("cnry-[0-9a-f]{10}");
            assertThat(p.text()).isEqualTo("Compare Q3 costs [" + p.canary() + "]");
        });
        Lane lane = session.lane("alice");
        Await.until("the run's five events", () -> inFrames(lane).size() >= 6);
        Frame out = lane.frames().get(sent.get(0).frame());
        assertThat(out.direction()).isEqualTo(Direction.OUT);
        assertThat(out.text()).contains("\"type\":\"user_message\"", "\"thread_id\":\"t-alice-1\"", sent.get(0).canary());
        assertThat(server.received()).contains(out.text());
        assertThat(inFrames(lane).get(5).text()).contains("agent_completed", sent.get(0).canary());
        assertThat(lane.events()).extracting(LaneEvent::kind)
                .containsExactly(LaneEvent.Kind.CONNECTING, LaneEvent.Kind.CONNECTED);
        assertThat(lane.events()).allSatisfy(e -> assertThat(e.detail()).doesNotContain("eyJ"));
    }

    @Test
    void queryAuthKeepsAnExistingQueryAndTheRecordedUrlHidesTheToken() throws Exception {
        Session session = session();
        URI withQuery = URI.create(server.url() + "?client=inspector");
        ConnectionSettings settings = ConnectionSettings.of(withQuery, AuthMode.QUERY);
        SessionConnector connector = connector(session, settings, TestTokens.valid());
        connector.connect(TestUser.named("alice")).get(20, TimeUnit.SECONDS);

        assertThat(connector.state("alice").status()).isEqualTo(LaneState.Status.CONNECTED);
        assertThat(server.upgradeRequests()).singleElement().asString()
                .startsWith("GET /ws?client=inspector&token=eyJ");
        assertThat(session.lane("alice").events()).extracting(LaneEvent::detail)
                .allSatisfy(d -> assertThat(d).doesNotContain("eyJ"))
                .anySatisfy(d -> assertThat(d).startsWith(withQuery + "&token=<redacted:"));
    }

    @Test
    void tenUsersInParallelEachGetExactlyTheirOwnRun() throws Exception {
        Session session = session();
        String[] users = new String[10];
        for (int i = 0; i < users.length; i++) {
            users[i] = "user" + i;
        }
        SessionConnector connector = connected(session, AuthMode.HEADER, users);

        List<SentPrompt> sent = connector.sendPrompt(List.of(users), "hello");

        assertThat(sent).hasSize(10);
        for (SentPrompt prompt : sent) {
            Lane lane = session.lane(prompt.user());
            Await.until(prompt.user() + "'s run", () -> inFrames(lane).size() >= 6);
            assertThat(inFrames(lane).subList(1, 6)).allSatisfy(f -> {
                assertThat(f.text()).contains("\"user_id\":\"" + prompt.user() + "\"", prompt.canary(),
                        "run_" + prompt.threadId() + "_");
            });
            sent.stream().filter(other -> other != prompt).forEach(other ->
                    assertThat(lane.frames()).noneMatch(f -> f.text() != null && f.text().contains(other.canary())));
        }
    }

    @Test
    void wrongSecretAndExpiredTokenFailWith401WithoutDisturbingOthers() throws Exception {
        Session session = session();
        SessionConnector good = connected(session, AuthMode.HEADER, "alice");
        ConnectionSettings settings = ConnectionSettings.of(server.url(), AuthMode.HEADER);
        SessionConnector wrongSecret = connector(session, settings,
                new TestTokens("another-secret-0123456789abcdef0123456789", Duration.ofMinutes(5)));
        SessionConnector expired = connector(session, settings, new TestTokens(TestTokens.SECRET, Duration.ofMinutes(-1)));

        wrongSecret.connect(TestUser.named("mallory")).get(20, TimeUnit.SECONDS);
        expired.connect(TestUser.named("carol")).get(20, TimeUnit.SECONDS);

        for (LaneState state : List.of(wrongSecret.state("mallory"), expired.state("carol"))) {
            assertThat(state.status()).isEqualTo(LaneState.Status.FAILED);
            assertThat(state.code()).isEqualTo(401);
            assertThat(state.detail()).isEqualTo("HTTP 401 Unauthorized");
        }
        assertThat(session.lane("carol").events()).last()
                .satisfies(e -> assertThat(e.kind()).isEqualTo(LaneEvent.Kind.FAILED))
                .satisfies(e -> assertThat(e.code()).isEqualTo(401));
        assertThat(good.state("alice").status()).isEqualTo(LaneState.Status.CONNECTED);
        good.sendPrompt(List.of("alice"), "still here?");
        Await.until("alice's run", () -> inFrames(session.lane("alice")).size() >= 6);
    }

    @Test
    void aRefusedConnectionIsAClearFailure() throws Exception {
        int freePort = DeadPort.number();
        Session session = session();
        List<LaneState> seen = new CopyOnWriteArrayList<>();
        SessionConnector connector = connector(session,
                ConnectionSettings.of(URI.create("ws://127.0.0.1:" + freePort + "/ws"), AuthMode.QUERY),
                TestTokens.valid());
        connector.addStateListener((user, state) -> seen.add(state));

        connector.connect(TestUser.named("alice")).get(20, TimeUnit.SECONDS);

        assertThat(connector.state("alice")).isEqualTo(new LaneState(LaneState.Status.FAILED, 0, "connection refused"));
        assertThat(seen).extracting(LaneState::status)
                .containsExactly(LaneState.Status.CONNECTING, LaneState.Status.FAILED);
        assertThat(session.lane("alice").events()).extracting(LaneEvent::detail)
                .allSatisfy(d -> assertThat(d).doesNotContain("eyJ"));
    }

    @Test
    void aServerThatNeverAnswersTheHandshakeIsAClearFailure() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Session session = session();
            SessionConnector connector = connector(session, ConnectionSettings.of(
                    URI.create("ws://127.0.0.1:" + silent.getLocalPort() + "/ws"), AuthMode.QUERY), TestTokens.valid());

            connector.connect(TestUser.named("alice")).get(40, TimeUnit.SECONDS); // TCP is accepted, nothing answers

            assertThat(connector.state("alice")).isEqualTo(new LaneState(LaneState.Status.FAILED, 0,
                    "no answer to the WebSocket handshake within 10 s"));
        }
    }

    @Test
    void binaryAndNonJsonTextAreCapturedByteForByte() throws Exception {
        Session session = session();
        connected(session, AuthMode.HEADER, "alice");
        byte[] blob = {0, 1, 2, (byte) 0xFF, (byte) 0xFE, 10, 13};
        String odd = "not json {{{ \u00e9\u4e2d\ud83d\ude00 \u0000 tail";

        server.sendText("alice", odd);
        server.sendFrame("alice", binary(blob));

        Lane lane = session.lane("alice");
        Await.until("both frames", () -> inFrames(lane).size() >= 3);
        assertThat(inFrames(lane).get(1).text()).isEqualTo(odd);
        Frame binary = inFrames(lane).get(2);
        assertThat(binary.opcode()).isEqualTo(Opcode.BINARY);
        assertThat(binary.bytes()).containsExactly(blob);
    }

    @Test
    void invalidUtf8TextIsCapturedRawAndTheConnectionStaysOpen() throws Exception {
        Session session = session();
        connected(session, AuthMode.HEADER, "alice");
        byte[] invalid = {'{', '"', 'a', '"', ':', (byte) 0xC3, (byte) 0x28, '}'};
        TextFrame frame = new TextFrame();
        frame.setPayload(ByteBuffer.wrap(invalid));

        server.sendFrame("alice", frame);
        server.sendText("alice", "after");

        Lane lane = session.lane("alice");
        Await.until("the frame after the invalid one", () -> inFrames(lane).size() >= 3);
        Frame raw = inFrames(lane).get(1);
        assertThat(raw.invalidUtf8()).isTrue();
        assertThat(raw.bytes()).containsExactly(invalid);
        assertThat(inFrames(lane).get(2).text()).isEqualTo("after");
        assertThat(lane.events()).extracting(LaneEvent::kind).doesNotContain(LaneEvent.Kind.CLOSED);
    }

    @Test
    void fragmentedTextAndARealReplacementCharacterArriveWhole() throws Exception {
        Session session = session();
        connected(session, AuthMode.HEADER, "alice");
        String replacement = "{\"type\":\"stream_chunk\",\"data\":\"bad byte shown as \ufffd\"}";
        TextFrame first = new TextFrame();
        first.setFin(false);
        first.setPayload(ByteBuffer.wrap("{\"type\":\"stream_".getBytes(StandardCharsets.UTF_8)));
        ContinuousFrame middle = new ContinuousFrame();
        middle.setFin(false);
        middle.setPayload(ByteBuffer.wrap("chunk\",\"data\":\"caf\u00e9 ".getBytes(StandardCharsets.UTF_8)));
        ContinuousFrame last = new ContinuousFrame();
        last.setFin(true);
        last.setPayload(ByteBuffer.wrap("\ud83d\ude00\"}".getBytes(StandardCharsets.UTF_8)));

        server.sendFrame("alice", first);
        server.sendFrame("alice", middle);
        server.sendFrame("alice", last);
        server.sendText("alice", replacement);
        server.sendText("alice", "after");

        Lane lane = session.lane("alice");
        Await.until("the frame after the others", () -> inFrames(lane).size() >= 4);
        assertThat(inFrames(lane)).extracting(Frame::text).containsSequence(
                "{\"type\":\"stream_chunk\",\"data\":\"caf\u00e9 \ud83d\ude00\"}", replacement, "after");
        assertThat(inFrames(lane)).noneMatch(Frame::invalidUtf8);
        assertThat(lane.events()).extracting(LaneEvent::kind).doesNotContain(LaneEvent.Kind.CLOSED);
    }

    @Test
    void oversizeFramesAreKeptTruncatedAndTheConnectionStaysOpen() throws Exception {
        Session session = session();
        ConnectionSettings settings = new ConnectionSettings(server.url(), AuthMode.HEADER, null, Duration.ZERO, 1000);
        SessionConnector connector = connector(session, settings, TestTokens.valid());
        connector.connect(TestUser.named("alice")).get(20, TimeUnit.SECONDS);
        awaitGreeting(session, "alice");
        String big = "{\"type\":\"stream_chunk\",\"data\":\"" + "\u00e9".repeat(100_000) + "\"}";
        byte[] bigBlob = new byte[300_000];
        bigBlob[999] = 7;

        server.sendText("alice", big);
        server.sendFrame("alice", binary(bigBlob));
        server.sendText("alice", "after");

        Lane lane = session.lane("alice");
        Await.until("the frame after the big ones", () -> inFrames(lane).size() >= 4);
        Frame text = inFrames(lane).get(1);
        assertThat(text.text()).isEqualTo(new String(big.getBytes(StandardCharsets.UTF_8), 0, 999,
                StandardCharsets.UTF_8));
        Frame blob = inFrames(lane).get(2);
        assertThat(blob.bytes()).hasSize(1000);
        assertThat(blob.bytes()[999]).isEqualTo((byte) 7);
        assertThat(inFrames(lane).get(3).text()).isEqualTo("after");
        assertThat(connector.state("alice").status()).isEqualTo(LaneState.Status.CONNECTED);
    }

    @Test
    void aServerHeartbeatIsAnsweredAndRecorded() throws Exception {
        Session session = session();
        connected(session, AuthMode.HEADER, "alice");

        server.sendText("alice", "{\"type\":\"heartbeat\"}");

        Await.until("the heartbeat ack", () -> server.received().contains("{\"type\":\"heartbeat_ack\"}"));
        Lane lane = session.lane("alice");
        assertThat(lane.frames()).extracting(Frame::direction, Frame::text)
                .endsWith(org.assertj.core.groups.Tuple.tuple(Direction.IN, "{\"type\":\"heartbeat\"}"),
                        org.assertj.core.groups.Tuple.tuple(Direction.OUT, "{\"type\":\"heartbeat_ack\"}"));
    }

    @Test
    void closesAreRecordedWithCodeReasonAndSide() throws Exception {
        Session session = session();
        SessionConnector connector = connected(session, AuthMode.HEADER, "alice", "bob");

        server.close("alice", CloseFrame.GOING_AWAY, "server restarting");
        connector.disconnect("bob");

        Await.until("alice's close", () -> connector.state("alice").status() == LaneState.Status.CLOSED);
        assertThat(connector.state("alice")).isEqualTo(new LaneState(LaneState.Status.CLOSED, CloseFrame.GOING_AWAY,
                "server restarting (closed by the server)"));
        assertThat(connector.state("bob").status()).isEqualTo(LaneState.Status.CLOSED);
        assertThat(connector.state("bob").code()).isEqualTo(CloseFrame.NORMAL);
        assertThat(connector.state("bob").detail()).endsWith("(closed by the inspector)");
        assertThatThrownBy(() -> connector.send("bob", "x")).isInstanceOf(IllegalStateException.class)
                .hasMessage("bob is not connected");
        assertThat(connector.sendPrompt(List.of("alice", "bob"), "anyone?")).isEmpty();
    }

    @Test
    void aConnectionDroppedWithoutACloseFrameIsLostNotClosedByTheServer() throws Exception {
        Session session = session();
        SessionConnector connector = connected(session, AuthMode.HEADER, "alice");

        server.drop("alice");

        Await.until("alice's close", () -> connector.state("alice").status() == LaneState.Status.CLOSED);
        assertThat(connector.state("alice").code()).isEqualTo(CloseFrame.ABNORMAL_CLOSE);
        assertThat(connector.state("alice").detail()).endsWith("connection lost, no close frame");
    }

    @Test
    void threadIdsNeverContainAnUnderscore() throws Exception {
        Session session = session();
        SessionConnector connector = connected(session, AuthMode.HEADER, "qa_user_1");

        List<SentPrompt> first = connector.sendPrompt(List.of("qa_user_1"), "one");
        List<SentPrompt> second = connector.sendPrompt(List.of("qa_user_1"), "two");

        // encoded, not squashed: qa_user_1 and qa-user-1 must not share a thread
        assertThat(first.get(0).threadId()).isEqualTo("t-qa%5Fuser%5F1-1");
        assertThat(second.get(0).threadId()).isEqualTo("t-qa%5Fuser%5F1-2");
        assertThat(first.get(0).canary()).isNotEqualTo(second.get(0).canary());
        assertThat(session.lane("qa_user_1").claims()).isEqualTo(Map.of());
    }

    @Test
    void aFailingSessionListenerNeitherStallsTheLaneNorKeepsMessagesFromGoingOut() throws Exception {
        Session session = session();
        session.addListener(new dev.aei.capture.CaptureListener() {
            @Override
            public void frameAppended(Lane lane, Frame frame) {
                throw new IllegalStateException("analysis bug");
            }

            @Override
            public void laneEventAppended(Lane lane, LaneEvent event) {
                throw new IllegalStateException("analysis bug");
            }
        });
        SessionConnector connector = connected(session, AuthMode.HEADER, "alice");

        List<SentPrompt> sent = connector.sendPrompt(List.of("alice"), "hello");

        assertThat(sent).singleElement().satisfies(p -> assertThat(session.lane("alice").frames().get(p.frame()).text())
                .contains(p.canary()));
        Await.until("the run despite the failing listener", () -> inFrames(session.lane("alice")).size() >= 6);
        connector.close();
        connector.close();
        assertThat(connector.state("alice").status()).isEqualTo(LaneState.Status.CLOSED);
        assertThatThrownBy(() -> connector.connect(TestUser.named("alice"))).isInstanceOf(IllegalStateException.class);
    }

    private static BinaryFrame binary(byte[] bytes) {
        BinaryFrame frame = new BinaryFrame();
        frame.setPayload(ByteBuffer.wrap(bytes));
        return frame;
    }
}
