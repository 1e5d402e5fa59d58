package dev.aei.analysis;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aei.auth.MintingTokenSource;
import dev.aei.auth.TestUser;
import dev.aei.capture.CaptureListener;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import dev.aei.net.AuthMode;
import dev.aei.net.ConnectionSettings;
import dev.aei.net.SentPrompt;
import dev.aei.net.SessionConnector;
import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.Canary;
import dev.aei.protocol.IdText;
import dev.aei.protocol.Profile;
import dev.aei.server.BackendConfig;
import dev.aei.server.FaultRule;
import dev.aei.server.ReferenceBackend;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * A real recording for tests: the reference backend on loopback, one real socket per user,
 * a session with a live analyzer attached. Closed, it stops every socket and the backend.
 */
final class LiveRecording implements AutoCloseable {
    private static final Duration CONNECT_LIMIT = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    final ReferenceBackend backend;
    final Session session;
    final Analyzer analyzer;
    final SessionConnector connector;
    private final Map<String, AtomicInteger> completions = new ConcurrentHashMap<>();
    private final AtomicInteger prompts = new AtomicInteger();
    /** The lane ids, in the order the users were given. */
    final List<String> lanes;

    private LiveRecording(ReferenceBackend backend, RuleConfig config, List<TestUser> users) throws Exception {
        this.backend = backend;
        this.session = Session.start(backend.webSocketUrl().toString(), "header", "netra");
        this.analyzer = Analyzer.create(Profile.load("netra"), config, null);
        session.addListener(analyzer);
        session.addListener(new CaptureListener() {
            @Override
            public void frameAppended(Lane lane, Frame frame) {
                if (frame.direction() == Direction.IN && frame.text() != null
                        && frame.text().contains("\"type\":\"agent_completed\"")) {
                    completions.computeIfAbsent(lane.id(), k -> new AtomicInteger()).incrementAndGet();
                }
            }
        });
        this.connector = new SessionConnector(session, ConnectionSettings.of(backend.webSocketUrl(), AuthMode.HEADER),
                MintingTokenSource.hs256(BackendConfig.DEMO_SECRET));
        connector.connectAll(users).get(CONNECT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        this.lanes = users.stream().map(TestUser::lane).toList();
    }

    /** Starts a backend (tiny event delay) with the faults and connects the users. */
    static LiveRecording start(boolean strict, List<FaultRule> faults, RuleConfig config, long eventDelayMs,
                               String... users) throws Exception {
        return start(strict, faults, config, eventDelayMs, Arrays.stream(users).map(TestUser::named).toList());
    }

    /** Like the other start, with users (and connections of one user: {@link TestUser#tab(int)}) given whole. */
    static LiveRecording start(boolean strict, List<FaultRule> faults, RuleConfig config, long eventDelayMs,
                               List<TestUser> users) throws Exception {
        return start(BackendConfig.defaults().withEventDelayMs(eventDelayMs).withStrictNetra(strict)
                .withFaults(faults), config, users);
    }

    /** Starts a backend configured so and connects the users. */
    static LiveRecording start(BackendConfig backendConfig, RuleConfig config, String... users) throws Exception {
        return start(backendConfig, config, Arrays.stream(users).map(TestUser::named).toList());
    }

    /** Starts a backend configured so and connects the users, given whole. */
    static LiveRecording start(BackendConfig backendConfig, RuleConfig config, List<TestUser> users)
            throws Exception {
        ReferenceBackend backend = ReferenceBackend.start(backendConfig);
        try {
            return new LiveRecording(backend, config, users);
        } catch (Exception | AssertionError e) {
            backend.close();
            throw e;
        }
    }

    /** Sends the prompt on every lane at once as the inspector does: own thread, own canary, the profile's message. */
    List<SentPrompt> promptAll(String text) {
        return connector.sendPrompt(lanes, text);
    }

    /** Sends one user_message per user (own thread, own canary) asking for {@code repeat} runs. */
    void prompt(String text, int repeat, String... users) {
        for (String user : users) {
            ObjectNode message = JsonNodeFactory.instance.objectNode().put("type", "user_message");
            message.putObject("payload")
                    .put("content", Canary.DEFAULT.mark(text, Canary.DEFAULT.next(RANDOM)))
                    .put("thread_id", "t-" + user + "-" + prompts.incrementAndGet())
                    .put("repeat", repeat);
            connector.send(user, message.toString());
        }
    }

    int completions(String user) {
        AtomicInteger count = completions.get(user);
        return count == null ? 0 : count.get();
    }

    /** Polls (ticking the analyzer on the capture clock) until the condition holds; fails after {@code limit}. */
    void await(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("gave up waiting for " + what + "; findings so far: " + keys() + ", open runs: " + analyzer.openRuns());
            }
            analyzer.tick(session.clock().next());
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    /** Closes every socket as the inspector and finishes the analysis. */
    void stop() {
        connector.disconnectAll();
        analyzer.finish(session.clock().next(), false);
    }

    /** The run ids seen on the lane's own threads, in order. */
    List<String> runsOf(String lane) {
        return runsSeenBy(lane, lane);
    }

    /** The run ids of {@code owner}'s threads that lane {@code seenBy} received, in order. */
    List<String> runsSeenBy(String seenBy, String owner) {
        return session.lane(seenBy).frames().stream()
                .flatMap(f -> analyzer.decoder().decode(seenBy, f).stream())
                .map(AgentEvent::runId)
                .filter(run -> run != null && run.startsWith("run_t-" + IdText.threadPiece(owner) + "-"))
                .distinct().toList();
    }

    /** "rule lane run" of every finding. */
    Set<String> keys() {
        return keys(analyzer.findings());
    }

    static Set<String> keys(List<Finding> findings) {
        return findings.stream().map(Capture::key).collect(Collectors.toSet());
    }

    @Override
    public void close() {
        try {
            connector.close();
        } finally {
            backend.close();
        }
    }
}
