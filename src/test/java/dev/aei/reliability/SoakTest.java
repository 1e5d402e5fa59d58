package dev.aei.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.analysis.Analyzer;
import dev.aei.analysis.Finding;
import dev.aei.analysis.RuleConfig;
import dev.aei.analysis.Severity;
import dev.aei.auth.MintingTokenSource;
import dev.aei.auth.TestUser;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.JournalWriter;
import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import dev.aei.net.AuthMode;
import dev.aei.net.ConnectionSettings;
import dev.aei.net.LaneState;
import dev.aei.net.SessionConnector;
import dev.aei.protocol.Profile;
import dev.aei.server.BackendConfig;
import dev.aei.server.ReferenceBackend;
import dev.aei.testing.HeapProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak ({@code mvn verify -Psoak}, not part of the normal build): 100 users recording back-to-back
 * runs from the reference backend for two minutes, with live analysis and a journal. Nothing may be
 * lost (every lane's seq runs 1..n without a hole), nothing at error or worse may be found (warnings
 * such as late events are counted: a loaded machine can delay reading), the heap
 * retained after GC may grow only with the captured frames, and it must fall back once the
 * session is let go. The figures are printed and written to {@code target/soak-figures.txt}.
 */
@Tag("soak")
class SoakTest {
    private static final int USERS = 100;
    private static final Duration LENGTH = Duration.ofMinutes(2);
    private static final long EVENT_DELAY_MS = 10;
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void hundredUsersForTwoMinutesLoseNothingAndLeakNothing() throws Exception {
        long heapAtStart = HeapProbe.retainedBytes();
        Figures figures = soak();
        long heapAfterRelease = HeapProbe.retainedBytes();
        String report = figures.report(heapAtStart, heapAfterRelease);
        System.out.println(report);
        Files.writeString(Path.of("target", "soak-figures.txt"), report);

        assertThat(figures.lost()).isZero();
        assertThat(figures.seriousFindings()).isEmpty();
        assertThat(figures.frames()).isGreaterThan(USERS * 100L);
        assertThat(heapAfterRelease - heapAtStart).as("heap left once the session is let go").isLessThan(64 * MIB);
        assertThat(figures.heapWithSession() - heapAtStart)
                .as("heap held with the session vs the frames' own size").isLessThan(4 * figures.payloadBytes() + 64 * MIB);
    }

    private Figures soak() throws Exception {
        List<TestUser> users = IntStream.rangeClosed(1, USERS).mapToObj(i -> TestUser.named("user" + i)).toList();
        Session session = Session.start("ws://soak", "header", "netra");
        Analyzer analyzer = Analyzer.create(Profile.load("netra"), RuleConfig.defaults(), null);
        session.addListener(analyzer);
        long started;
        long stopped;
        try (ReferenceBackend backend = ReferenceBackend.start(BackendConfig.defaults().withEventDelayMs(EVENT_DELAY_MS));
             JournalWriter journal = JournalWriter.open(dir.resolve("soak.jsonl"), session);
             SessionConnector connector = new SessionConnector(session,
                     ConnectionSettings.of(backend.webSocketUrl(), AuthMode.HEADER),
                     MintingTokenSource.hs256(backend.config().secret()))) {
            connector.connectAll(users).get(120, TimeUnit.SECONDS);
            for (TestUser user : users) {
                assertThat(connector.state(user.id()).status()).isEqualTo(LaneState.Status.CONNECTED);
            }
            started = System.nanoTime();
            for (TestUser user : users) {
                connector.send(user.id(), "{\"type\":\"user_message\",\"payload\":{\"content\":\"soak\","
                        + "\"thread_id\":\"t-" + user.id() + "-1\",\"repeat\":100000}}");
            }
            Thread.sleep(LENGTH.toMillis());
            stopped = System.nanoTime();
            connector.disconnectAll();
            journal.flush();
        }
        analyzer.finish(session.clock().next());
        long heapWithSession = HeapProbe.retainedBytes();
        return new Figures(USERS, Duration.ofNanos(stopped - started), session.frameCount(), payloadBytes(session),
                lost(session), analyzer.findings().stream().filter(f -> f.severity().atLeast(Severity.ERROR)).toList(),
                warningsByRule(analyzer.findings()), heapWithSession);
    }

    private static Map<String, Long> warningsByRule(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING)
                .collect(Collectors.groupingBy(Finding::rule, TreeMap::new, Collectors.counting()));
    }

    private static long payloadBytes(Session session) {
        return session.lanes().stream().flatMap(l -> l.frames().stream()).mapToLong(Frame::size).sum();
    }

    /** Frames missing between the seq numbers each lane received (the backend numbers every frame). */
    private static long lost(Session session) throws IOException {
        ObjectMapper json = new ObjectMapper();
        long lost = 0;
        for (Lane lane : session.lanes()) {
            long expected = 1;
            for (Frame frame : lane.frames()) {
                if (frame.direction() == Direction.IN) {
                    JsonNode seq = json.readTree(frame.text()).path("seq");
                    lost += Math.abs(seq.asLong() - expected);
                    expected = seq.asLong() + 1;
                }
            }
        }
        return lost;
    }

    /** What one soak measured. */
    private record Figures(int users, Duration duration, long frames, long payloadBytes, long lost,
                           List<Finding> seriousFindings, Map<String, Long> warnings, long heapWithSession) {

        String report(long heapAtStart, long heapAfterRelease) {
            long held = heapWithSession - heapAtStart;
            return String.join("\n",
                    "soak: users " + users + ", duration " + duration.toSeconds() + " s, frames " + frames
                            + " (" + frames / Math.max(1, duration.toSeconds()) + "/s), payload " + payloadBytes / MIB + " MiB",
                    "soak: heap after GC at start " + heapAtStart / MIB + " MiB, with the session " + heapWithSession / MIB
                            + " MiB (" + held / Math.max(1, frames) + " B per frame, payload "
                            + payloadBytes / Math.max(1, frames) + " B per frame), after letting it go "
                            + heapAfterRelease / MIB + " MiB",
                    "soak: lost frames " + lost + ", findings: error or worse " + seriousFindings.size() + ", warnings "
                            + warnings);
        }
    }
}
