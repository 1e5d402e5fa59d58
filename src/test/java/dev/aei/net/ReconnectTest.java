package dev.aei.net;

import dev.aei.testing.Await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.auth.TestUser;
import dev.aei.auth.TokenSource;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import dev.aei.capture.LaneEvent.Kind;
import dev.aei.capture.Session;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.framing.CloseFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReconnectTest {
    private static final ReconnectPolicy QUICK = new ReconnectPolicy(true, Duration.ofMillis(20),
            Duration.ofMillis(200), 2, 0.5, 0);

    private TestAgentServer server;
    private SessionConnector connector;
    private final Session session = Session.start("ws://test", "header", "netra");

    @BeforeEach
    void startServer() throws Exception {
        server = TestAgentServer.start(TestTokens.SECRET);
    }

    @AfterEach
    void stopAll() throws Exception {
        if (connector != null) {
            connector.close();
        }
        server.shutdown();
    }

    private void connect(ReconnectPolicy policy, Duration ping, TokenSource tokens) throws Exception {
        ConnectionSettings settings = ConnectionSettings.of(server.url(), AuthMode.HEADER)
                .withReconnect(policy).withPingInterval(ping);
        connector = new SessionConnector(session, settings, tokens);
        connector.connect(TestUser.named("alice")).get(20, TimeUnit.SECONDS);
        Await.until("the greeting", () -> server.isConnected("alice") && !lane().frames().isEmpty());
    }

    private Lane lane() {
        return session.lane("alice");
    }

    private List<Kind> kinds() {
        return lane().events().stream().map(LaneEvent::kind).toList();
    }

    private long connections() {
        return kinds().stream().filter(k -> k == Kind.CONNECTED).count();
    }

    @Test
    void aLaneDroppedByTheServerReconnectsWithAFreshTokenAndMarksTheGap() throws Exception {
        connect(QUICK, Duration.ZERO, TestTokens.valid());

        server.close("alice", CloseFrame.GOING_AWAY, "restart");

        Await.until("the second connection", () -> connections() == 2 && server.isConnected("alice"));
        assertThat(kinds()).containsExactly(Kind.CONNECTING, Kind.CONNECTED, Kind.CLOSED, Kind.RECONNECTING,
                Kind.CONNECTING, Kind.CONNECTED);
        assertThat(lane().events().get(3).code()).isEqualTo(1);
        assertThat(server.upgradeRequests()).hasSize(2);
        assertThat(server.upgradeRequests().get(0)).isNotEqualTo(server.upgradeRequests().get(1));
        Await.until("a second greeting", () -> lane().frames().size() >= 2);
        connector.sendPrompt(List.of("alice"), "after the gap");
        Await.until("the run on the new connection", () -> lane().frames().size() >= 8);
    }

    @Test
    void aLaneTheInspectorClosesDoesNotReconnect() throws Exception {
        connect(QUICK, Duration.ZERO, TestTokens.valid());

        connector.disconnect("alice");

        assertThat(kinds()).containsExactly(Kind.CONNECTING, Kind.CONNECTED, Kind.CLOSED);
        assertThat(connector.state("alice").status()).isEqualTo(LaneState.Status.CLOSED);
    }

    @Test
    void failedRetriesBackOffAndStopAtTheAttemptLimit() throws Exception {
        AtomicInteger minted = new AtomicInteger();
        TestTokens wrong = new TestTokens("rotated-secret-0123456789abcdef0123456789", Duration.ofMinutes(5));
        TokenSource firstGoodThenWrong = user -> (minted.incrementAndGet() == 1 ? TestTokens.valid() : wrong).token(user);
        connect(new ReconnectPolicy(true, Duration.ofMillis(10), Duration.ofMillis(50), 2, 0, 2), Duration.ZERO,
                firstGoodThenWrong);

        server.close("alice", CloseFrame.ABNORMAL_CLOSE, "");

        Await.until("two failed retries", () -> kinds().stream().filter(k -> k == Kind.FAILED).count() == 2);
        assertThat(kinds()).containsExactly(Kind.CONNECTING, Kind.CONNECTED, Kind.CLOSED,
                Kind.RECONNECTING, Kind.CONNECTING, Kind.FAILED, Kind.RECONNECTING, Kind.CONNECTING, Kind.FAILED);
        assertThat(lane().events()).filteredOn(e -> e.kind() == Kind.RECONNECTING).extracting(LaneEvent::code)
                .containsExactly(1, 2);
        assertThat(connector.state("alice")).isEqualTo(new LaneState(LaneState.Status.FAILED, 401, "HTTP 401 Unauthorized"));
    }

    @Test
    void aHalfOpenConnectionIsDetectedByMissedPongsAndReconnected() throws Exception {
        connect(QUICK, Duration.ofSeconds(1), TestTokens.valid());

        server.silence("alice");

        Await.until("the reconnection", () -> connections() == 2);
        LaneEvent lost = lane().events().get(2);
        assertThat(lost.kind()).isEqualTo(Kind.CLOSED);
        assertThat(lost.code()).isEqualTo(CloseFrame.ABNORMAL_CLOSE);
    }
}
