package dev.aei.reliability;

import dev.aei.analysis.Analyzer;
import dev.aei.analysis.Finding;
import dev.aei.analysis.RuleConfig;
import dev.aei.analysis.Severity;
import dev.aei.auth.MintingTokenSource;
import dev.aei.auth.TestUser;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.JournalLoad;
import dev.aei.capture.JournalReader;
import dev.aei.capture.JournalWriter;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import dev.aei.capture.Opcode;
import dev.aei.capture.Session;
import dev.aei.net.AuthMode;
import dev.aei.net.ConnectionSettings;
import dev.aei.net.SessionConnector;
import dev.aei.protocol.Profile;
import dev.aei.testing.Await;
import dev.aei.testing.HeapProbe;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;


/**
 * Throws thousands of generated hostile frames at one lane through a real socket while two
 * other lanes of the same session receive a clean netra stream, with live analysis and a journal.
 */
@Tag("own-jvm")
class FuzzedFramesTest {
    private static final String SECRET = "reliability-fuzz-secret-0123456789abcdef";
    private static final String HOSTILE = "mallory";
    private static final List<String> CLEAN = List.of("alice", "bob");
    private static final int CLEAN_EVERY = 20;

    @TempDir
    Path dir;

    private HostileServer server;
    private SessionConnector connector;

    @AfterEach
    void stop() throws Exception {
        if (connector != null) {
            connector.close();
        }
        if (server != null) {
            server.shutdown();
        }
    }

    @Test
    void tenThousandHostileFramesAreCapturedAndFlaggedWhileOtherLanesLoseNothing() throws Exception {
        List<HostileFrame> hostile = new HostileFrames(20261125L).generate(10_000);
        long heapBefore = HeapProbe.retainedBytes();
        Session session;
        Analyzer analyzer;
        Path journalFile = dir.resolve("fuzz.jsonl");
        Map<String, List<String>> cleanSent = new LinkedHashMap<>();
        try (ErrorWatch errors = ErrorWatch.install()) {
            session = Session.start("ws://fuzz", "header", "netra");
            analyzer = Analyzer.create(Profile.load("netra"), RuleConfig.defaults(), null);
            session.addListener(analyzer);
            try (JournalWriter journal = JournalWriter.open(journalFile, session)) {
                connect(session, ConnectionSettings.of(startServer(), AuthMode.HEADER), HOSTILE, "alice", "bob");
                CleanStream clean = new CleanStream();
                for (int i = 0; i < hostile.size(); i++) {
                    send(HOSTILE, hostile.get(i));
                    if (i % CLEAN_EVERY == 0 || i == hostile.size() - 1) {
                        sendClean(clean, cleanSent, !(i == hostile.size() - 1));
                    }
                }
                Lane mallory = session.lane(HOSTILE);
                Await.until("every hostile frame captured", () -> inFrames(mallory).size() == 1 + hostile.size());
                for (String user : CLEAN) {
                    Await.until(user + "'s clean frames", () -> inFrames(session.lane(user)).size()
                            == 1 + cleanSent.get(user).size());
                }
                journal.flush();
                assertThat(errors.uncaught()).isEmpty();
                assertThat(errors.errText()).doesNotContain("Exception", "onWebsocket");
            }
        }

        Lane mallory = session.lane(HOSTILE);
        List<Frame> received = inFrames(mallory).subList(1, inFrames(mallory).size());
        assertCapturedExactly(hostile, received);
        assertThat(mallory.events()).extracting(LaneEvent::kind)
                .containsExactly(LaneEvent.Kind.CONNECTING, LaneEvent.Kind.CONNECTED);
        assertFlagged(hostile, received, analyzer.findings());
        for (String user : CLEAN) {
            assertThat(inFrames(session.lane(user)).stream().skip(1).map(Frame::text).toList())
                    .as("what %s received", user).isEqualTo(cleanSent.get(user));
            assertThat(analyzer.findings()).filteredOn(f -> f.lane().equals(user))
                    .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        }

        long captured = capturedBytes(session);
        long retained = HeapProbe.retainedBytes() - heapBefore;
        assertThat(retained).as("heap retained after GC vs %d captured bytes", captured)
                .isLessThan(2 * captured + 64L * HostileFrames.MIB);

        JournalLoad load = new JournalReader().load(journalFile);
        assertThat(load.problems()).isEmpty();
        for (Lane lane : session.lanes()) {
            assertSameFrames(lane.frames(), load.session().lane(lane.id()).frames());
        }
    }

    @Test
    void aConfiguredFrameSizeLimitGivesAFindingAndTheLaneStaysOpen() throws Exception {
        int limit = 4096;
        Session session = Session.start("ws://fuzz", "header", "netra");
        Analyzer analyzer = Analyzer.create(Profile.load("netra"), RuleConfig.defaults().withMaxFrameBytes(limit), null);
        session.addListener(analyzer);
        URI url = startServer();
        connect(session, new ConnectionSettings(url, AuthMode.HEADER, null, Duration.ofSeconds(20), limit), HOSTILE);
        String big = "{\"type\":\"stream_chunk\",\"data\":\"" + "\u00e9".repeat(50_000) + "\"}";
        byte[] blob = new byte[300_000];

        try (ErrorWatch errors = ErrorWatch.install()) {
            server.sendText(HOSTILE, big);
            server.sendBinary(HOSTILE, blob);
            server.sendText(HOSTILE, "{\"type\":\"heartbeat\"}");
            Lane lane = session.lane(HOSTILE);
            Await.until("the frame after the big ones", () -> inFrames(lane).size() == 4);
            assertThat(errors.uncaught()).isEmpty();
        }

        List<Frame> in = inFrames(session.lane(HOSTILE));
        assertThat(in.get(1).size()).isLessThanOrEqualTo(limit);
        assertThat(in.get(2).bytes()).hasSize(limit);
        assertThat(connector.state(HOSTILE).status()).isEqualTo(dev.aei.net.LaneState.Status.CONNECTED);
        assertThat(analyzer.findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("malformed-frame");
            assertThat(f.frames()).containsExactly(in.get(1).index());
        }).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("unknown-event");
            assertThat(f.frames()).containsExactly(in.get(2).index());
        });
    }

    private URI startServer() throws InterruptedException {
        server = HostileServer.start(SECRET);
        return server.url();
    }

    private void connect(Session session, ConnectionSettings settings, String... users) throws Exception {
        connector = new SessionConnector(session, settings, MintingTokenSource.hs256(SECRET));
        connector.connectAll(Arrays.stream(users).map(TestUser::named).toList()).get(30, TimeUnit.SECONDS);
        for (String user : users) {
            Await.until(user + "'s greeting", () -> server.isConnected(user) && !session.lane(user).frames().isEmpty());
        }
    }

    private void send(String user, HostileFrame frame) {
        switch (frame.opcode()) {
            case TEXT -> server.sendText(user, frame.text());
            case RAW_TEXT -> server.sendRawText(user, frame.payload());
            case BINARY -> server.sendBinary(user, frame.payload());
        }
    }

    /** One clean event to each clean lane; at the end, the rest of the run so every run completes. */
    private void sendClean(CleanStream clean, Map<String, List<String>> sent, boolean justOne) {
        do {
            for (String user : CLEAN) {
                String event = clean.next(user);
                sent.computeIfAbsent(user, u -> new ArrayList<>()).add(event);
                server.sendText(user, event);
            }
        } while (!justOne && !clean.atRunStart(CLEAN.get(0)));
    }

    private static List<Frame> inFrames(Lane lane) {
        return lane.frames().stream().filter(f -> f.direction() == Direction.IN).toList();
    }

    private static void assertCapturedExactly(List<HostileFrame> sent, List<Frame> received) {
        assertThat(received).hasSameSizeAs(sent);
        for (int i = 0; i < sent.size(); i++) {
            HostileFrame frame = sent.get(i);
            Frame got = received.get(i);
            byte[] payload = frame.payload();
            byte[] kept = payload.length > ConnectionSettings.DEFAULT_MAX_FRAME_BYTES
                    ? Arrays.copyOf(payload, ConnectionSettings.DEFAULT_MAX_FRAME_BYTES) : payload;
            byte[] gotBytes = got.text() != null ? got.text().getBytes(StandardCharsets.UTF_8) : got.bytes();
            assertThat(gotBytes).as("payload of hostile frame %d (%s)", i, frame.expect()).isEqualTo(kept);
            assertThat(got.opcode()).as("opcode of hostile frame %d", i)
                    .isEqualTo(frame.opcode() == HostileFrame.Wire.BINARY ? Opcode.BINARY : Opcode.TEXT);
        }
    }

    private static void assertFlagged(List<HostileFrame> sent, List<Frame> received, List<Finding> findings) {
        Map<Integer, Set<String>> rulesByFrame = new LinkedHashMap<>();
        Set<String> unknownTypesReported = new HashSet<>();
        for (Finding f : findings) {
            if (f.lane().equals(HOSTILE)) {
                f.frames().forEach(i -> rulesByFrame.computeIfAbsent(i, k -> new HashSet<>()).add(f.rule()));
                if (f.rule().equals("unknown-event")) {
                    unknownTypesReported.add(f.message());
                }
            }
        }
        for (int i = 0; i < sent.size(); i++) {
            HostileFrame frame = sent.get(i);
            Set<String> rules = rulesByFrame.getOrDefault(received.get(i).index(), Set.of());
            switch (frame.expect()) {
                case MALFORMED -> assertThat(rules).as("findings of hostile frame %d", i).contains("malformed-frame");
                case BINARY -> assertThat(rules).as("findings of hostile frame %d", i).contains("unknown-event");
                case UNKNOWN_TYPE -> assertThat(unknownTypesReported.stream()
                        .anyMatch(message -> message.contains("'" + frame.unknownType() + "'")))
                        .as("an unknown-event finding for type %s", frame.unknownType()).isTrue();
                case ANY -> { }
            }
        }
    }

    private static long capturedBytes(Session session) {
        long total = 0;
        for (Lane lane : session.lanes()) {
            for (Frame frame : lane.frames()) {
                total += frame.size();
            }
        }
        return total;
    }

    private static void assertSameFrames(List<Frame> live, List<Frame> loaded) {
        assertThat(loaded).hasSameSizeAs(live);
        for (int i = 0; i < live.size(); i++) {
            Frame a = live.get(i);
            Frame b = loaded.get(i);
            assertThat(b.direction()).isEqualTo(a.direction());
            assertThat(b.opcode()).isEqualTo(a.opcode());
            assertThat(b.nanos()).isEqualTo(a.nanos());
            assertThat(b.text()).isEqualTo(a.text());
            assertThat(b.bytes()).isEqualTo(a.bytes());
        }
    }
}
