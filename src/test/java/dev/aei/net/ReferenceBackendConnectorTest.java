package dev.aei.net;

import dev.aei.testing.Await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.auth.JwtMinter;
import dev.aei.auth.MintingTokenSource;
import dev.aei.auth.SigningKey;
import dev.aei.auth.TestUser;
import dev.aei.auth.TokenSource;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import dev.aei.capture.Session;
import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.EventDecoder;
import dev.aei.protocol.EventRole;
import dev.aei.protocol.Profile;
import dev.aei.server.BackendConfig;
import dev.aei.server.ReferenceBackend;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The connector against the embedded reference backend: real JWT checks, real scripted runs. */
class ReferenceBackendConnectorTest {
    private final EventDecoder decoder = new EventDecoder(Profile.load("netra"));
    private final List<SessionConnector> connectors = new ArrayList<>();
    private ReferenceBackend backend;

    @BeforeEach
    void start() throws Exception {
        backend = ReferenceBackend.start(BackendConfig.defaults().withEventDelayMs(5));
    }

    @AfterEach
    void stop() {
        connectors.forEach(SessionConnector::close);
        backend.close();
    }

    private SessionConnector connector(Session session, AuthMode mode, TokenSource tokens) {
        ConnectionSettings settings = new ConnectionSettings(backend.webSocketUrl(), mode, backend.ticketUrl(),
                Duration.ofSeconds(20), ConnectionSettings.DEFAULT_MAX_FRAME_BYTES);
        SessionConnector connector = new SessionConnector(session, settings, tokens);
        connectors.add(connector);
        return connector;
    }

    private List<AgentEvent> events(Lane lane) {
        List<AgentEvent> events = new ArrayList<>();
        for (Frame frame : lane.frames()) {
            if (frame.direction() == Direction.IN) {
                events.addAll(decoder.decode(lane.id(), frame));
            }
        }
        return events;
    }

    private boolean completed(Lane lane, String threadId) {
        return events(lane).stream().anyMatch(e -> e.role() == EventRole.COMPLETED && threadId.equals(e.threadId()));
    }

    @ParameterizedTest
    @EnumSource(AuthMode.class)
    void everyAuthModeGetsACompleteRun(AuthMode mode) throws Exception {
        Session session = Session.start(backend.webSocketUrl().toString(), mode.label(), "netra");
        SessionConnector connector = connector(session, mode, MintingTokenSource.hs256(BackendConfig.DEMO_SECRET));
        connector.connect(TestUser.named("alice")).get(20, TimeUnit.SECONDS);
        assertThat(connector.state("alice").status()).isEqualTo(LaneState.Status.CONNECTED);

        SentPrompt sent = connector.sendPrompt(List.of("alice"), "hello").get(0);

        Lane lane = session.lane("alice");
        Await.until("alice's run", () -> completed(lane, sent.threadId()));
        assertThat(events(lane)).extracting(AgentEvent::type).contains("agent_started", "agent_thinking",
                "tool_executing", "tool_completed", "agent_completed");
    }

    @Test
    void tenUsersInParallelEachReceiveExactlyTheirOwnCompleteRuns() throws Exception {
        Session session = Session.start(backend.webSocketUrl().toString(), "header", "netra");
        SessionConnector connector = connector(session, AuthMode.HEADER, MintingTokenSource.hs256(BackendConfig.DEMO_SECRET));
        List<String> users = IntStream.range(0, 10).mapToObj(i -> "user" + i).toList();
        connector.connectAll(users.stream().map(TestUser::named).toList()).get(30, TimeUnit.SECONDS);

        List<SentPrompt> sent = connector.sendPrompt(users, "compare costs");

        assertThat(sent).hasSize(10);
        for (SentPrompt prompt : sent) {
            Lane lane = session.lane(prompt.user());
            Await.until(prompt.user() + "'s run", () -> completed(lane, prompt.threadId()));
            List<AgentEvent> runEvents = events(lane).stream().filter(e -> e.runId() != null).toList();
            assertThat(runEvents).isNotEmpty().allSatisfy(e -> {
                assertThat(e.userId()).isEqualTo(prompt.user());
                assertThat(e.threadId()).isEqualTo(prompt.threadId());
            });
            for (SentPrompt other : sent) {
                if (other != prompt) {
                    assertThat(lane.frames()).noneMatch(f -> f.text() != null && f.text().contains(other.canary()));
                }
            }
        }
    }

    @Test
    void wrongSecretAndExpiredTokensAreRefusedPerUser() throws Exception {
        Session session = Session.start(backend.webSocketUrl().toString(), "header", "netra");
        SessionConnector good = connector(session, AuthMode.HEADER, MintingTokenSource.hs256(BackendConfig.DEMO_SECRET));
        SessionConnector wrong = connector(session, AuthMode.HEADER,
                MintingTokenSource.hs256("not-the-demo-secret-0123456789abcdef0123"));
        Clock anHourAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-1));
        SessionConnector expired = connector(session, AuthMode.HEADER, new MintingTokenSource(new JwtMinter(
                SigningKey.hs256(BackendConfig.DEMO_SECRET), JwtMinter.DEFAULT_ISSUER, Duration.ofMinutes(5), anHourAgo),
                anHourAgo));

        good.connect(TestUser.named("alice")).get(20, TimeUnit.SECONDS);
        wrong.connect(TestUser.named("mallory")).get(20, TimeUnit.SECONDS);
        expired.connect(TestUser.named("carol")).get(20, TimeUnit.SECONDS);

        for (LaneState state : List.of(wrong.state("mallory"), expired.state("carol"))) {
            assertThat(state.status()).isEqualTo(LaneState.Status.FAILED);
            assertThat(state.code()).isEqualTo(401);
            assertThat(state.detail()).startsWith("HTTP 401").doesNotContain("eyJ");
        }
        assertThat(session.lane("mallory").events()).extracting(LaneEvent::kind)
                .containsExactly(LaneEvent.Kind.CONNECTING, LaneEvent.Kind.FAILED);
        SentPrompt prompt = good.sendPrompt(List.of("alice"), "still fine").get(0);
        Await.until("alice's run", () -> completed(session.lane("alice"), prompt.threadId()));
    }
}
