package dev.aei.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aei.analysis.Finding;
import dev.aei.auth.TestUser;
import dev.aei.capture.Frame;
import dev.aei.capture.JournalWriter;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import dev.aei.capture.Session;
import dev.aei.fixture.FileKind;
import dev.aei.fixture.Fixture;
import dev.aei.fixture.Progress;
import dev.aei.fixture.Replayer;
import dev.aei.fixture.SessionFiles;
import dev.aei.net.AuthMode;
import dev.aei.net.LaneState;
import dev.aei.protocol.AgentEvent;
import dev.aei.server.BackendConfig;
import dev.aei.server.FaultRule;
import dev.aei.server.FaultType;
import dev.aei.server.ReferenceBackend;
import dev.aei.testing.Await;
import dev.aei.testing.DeadPort;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session life of an inspection without a window: live against the reference backend, a file
 * opened, replayed step by step and live again; what is shown, its range, lanes, counts and
 * findings at each step, and one decode per frame on every path.
 */
class InspectionTest {
    @TempDir
    Path dir;
    private ReferenceBackend backend;
    private Inspection inspection;
    private final Heard heard = new Heard();

    @BeforeEach
    void start() throws Exception {
        backend = ReferenceBackend.start(BackendConfig.defaults().withEventDelayMs(2));
        inspection = new Inspection(new Decoders(), "netra");
        inspection.addListener(heard);
    }

    @AfterEach
    void stop() {
        inspection.close();
        backend.close();
    }

    private LiveSettings settings() {
        return LiveSettings.of(backend.webSocketUrl(), AuthMode.HEADER, "netra",
                TokenSettings.secret(backend.config().secret()));
    }

    /** Connects the users, has each run once to its end, and closes the sockets. */
    private Session runLive(String... users) throws Exception {
        List<TestUser> testUsers = java.util.Arrays.stream(users).map(TestUser::named).toList();
        inspection.connect(settings(), testUsers).get(30, TimeUnit.SECONDS);
        assertThat(inspection.state(users[0]).status()).isEqualTo(LaneState.Status.CONNECTED);
        assertThat(inspection.sendPrompt(List.of(users), "Compare Q3 costs", null)).hasSize(users.length);
        Await.until("every run ended", () -> inspection.analyzer().waitingPrompts() == 0
                && inspection.analyzer().openRuns().isEmpty());
        inspection.disconnectAll();
        return inspection.session();
    }

    @Test
    void liveThenFileThenReplayStepByStepThenLiveAgain() throws Exception {
        Session live = runLive("alice", "bob");
        assertThat(inspection.shown().mode()).isEqualTo(Mode.LIVE);
        assertThat(live.lanes()).extracting(Lane::id).containsExactly("alice", "bob");
        assertThat(inspection.decoder().decodedFrames()).as("live: each frame decoded once, by the analysis")
                .isEqualTo(live.frameCount());
        assertThat(heard.frames).as("every live frame published once").isEqualTo(live.frameCount());
        assertThat(inspection.hasUnsavedWork()).isTrue();
        Path saved = dir.resolve("live.aei.json");
        inspection.save(saved, Progress.NONE);
        assertThat(inspection.hasUnsavedWork()).isFalse();

        // open the saved file: shown whole, on its own range, decoded once
        heard.reset();
        Fixture loaded = SessionFiles.defaults().open(saved, Progress.NONE);
        inspection.view(saved, loaded);
        Shown file = inspection.shown();
        assertThat(file.mode()).isEqualTo(Mode.FILE);
        assertThat(file.file()).isEqualTo(saved);
        assertThat(file.kind()).isEqualTo(FileKind.FIXTURE);
        assertThat(file.firstNanos()).isEqualTo(firstStamp(loaded.session()));
        assertThat(file.lastNanos()).isEqualTo(lastStamp(loaded.session()));
        assertThat(file.items()).isEqualTo(items(loaded.session()));
        assertThat(heard.changes).extracting(Shown::mode).containsExactly(Mode.FILE);
        assertThat(heard.lanes).containsExactly("alice", "bob");
        assertThat(heard.frames).isEqualTo(loaded.session().frameCount());
        assertThat(inspection.decoder().decodedFrames()).as("a fixture: one decode per frame")
                .isEqualTo(loaded.session().frameCount());
        assertThat(heard.findings).isEqualTo(loaded.findings());
        assertThat(inspection.state("alice")).as("the live sockets are gone").isEqualTo(LaneState.IDLE);

        // replay it step by step into a fresh session
        heard.reset();
        Replayer replayer = inspection.replay();
        Shown replay = inspection.shown();
        assertThat(replay.mode()).isEqualTo(Mode.REPLAY);
        assertThat(replay.session()).isSameAs(replayer.target()).isNotSameAs(loaded.session());
        assertThat(replay.firstNanos()).isEqualTo(file.firstNanos());
        assertThat(replay.lastNanos()).isEqualTo(file.lastNanos());
        for (int i = 0; i < 5; i++) {
            replayer.step();
        }
        assertThat(replayer.position()).isEqualTo(5);
        assertThat(heard.frames + heard.laneEvents).as("what was stepped, and nothing else").isEqualTo(5);
        while (replayer.step()) {
            // to the end
        }
        replayer.close();
        assertThat(heard.frames).isEqualTo(loaded.session().frameCount());
        assertThat(heard.findings).as("the replay finds what the recording found")
                .extracting(Finding::rule).containsExactlyElementsOf(loaded.findings().stream().map(Finding::rule).toList());
        assertThat(inspection.fixture().session()).as("saving mid-replay saves the file whole").isSameAs(loaded.session());

        // live again: a fresh session, and nothing of the file after the change
        heard.reset();
        Session again = runLive("alice");
        assertThat(again).isNotSameAs(live);
        assertThat(inspection.shown().mode()).isEqualTo(Mode.LIVE);
        assertThat(heard.changes).extracting(Shown::mode).containsExactly(Mode.LIVE);
        assertThat(heard.lanes).containsExactly("alice");
        assertThat(heard.frames).isEqualTo(again.frameCount());
        assertThat(inspection.decoder().decodedFrames()).isEqualTo(again.frameCount());
    }

    @Test
    void aBrowserHarOrJournalIsAnalysedWithOneDecodePerFrame() throws Exception {
        backend.setFaults(List.of(new FaultRule("alice", 1, "tool_completed", FaultType.DROP, null, 0)));
        Session live = runLive("alice", "bob");
        List<String> liveRules = inspection.analyzer().findings().stream().map(Finding::rule).toList();
        Path har = dir.resolve("capture.har");
        inspection.save(har, Progress.NONE);

        heard.reset();
        Fixture loaded = SessionFiles.defaults().open(har, Progress.NONE);
        inspection.view(har, loaded);
        assertThat(inspection.shown().kind()).isEqualTo(FileKind.HAR);
        assertThat(inspection.decoder().decodedFrames()).as("analysed and published from one decode")
                .isEqualTo(live.frameCount());
        assertThat(heard.frames).isEqualTo(live.frameCount());
        assertThat(heard.findings).extracting(Finding::rule).containsAll(liveRules);
        assertThat(inspection.fixture().findings()).isEqualTo(heard.findings);
    }

    @Test
    void anotherWayOfConnectingClosesTheOldSocketsFirstAndAnotherServerStartsAFreshSession() throws Exception {
        List<TestUser> users = List.of(TestUser.named("alice"), TestUser.named("bob"));
        inspection.connect(settings(), users).get(30, TimeUnit.SECONDS);
        Session first = inspection.session();
        Map<String, LaneState> states = new ConcurrentHashMap<>();
        inspection.addStateListener(states::put);

        LiveSettings query = LiveSettings.of(backend.webSocketUrl(), AuthMode.QUERY, "netra",
                TokenSettings.secret(backend.config().secret()));
        assertThat(inspection.startsNewSession(query)).as("the same server: the session goes on").isFalse();
        inspection.connect(query, users).get(30, TimeUnit.SECONDS);
        assertThat(inspection.session()).isSameAs(first);
        for (TestUser user : users) {
            List<LaneEvent.Kind> kinds = first.lane(user.lane()).events().stream().map(LaneEvent::kind).toList();
            assertThat(kinds.subList(kinds.size() - 3, kinds.size())).as(user.lane() + ": the old socket closed before the new try")
                    .containsExactly(LaneEvent.Kind.CLOSED, LaneEvent.Kind.CONNECTING, LaneEvent.Kind.CONNECTED);
        }

        LiveSettings elsewhere = LiveSettings.of(URI.create(DeadPort.webSocketUrl()), AuthMode.HEADER, "netra",
                TokenSettings.secret(backend.config().secret()));
        assertThat(inspection.startsNewSession(elsewhere)).as("a session records one server").isTrue();
        inspection.connect(elsewhere, users).get(30, TimeUnit.SECONDS);

        assertThat(inspection.session()).isNotSameAs(first);
        assertThat(inspection.session().info().serverUrl()).isEqualTo(elsewhere.server().toString());
        for (TestUser user : users) {
            String lane = user.lane();
            assertThat(states.get(lane).status()).as(lane + "'s last state: the new attempt's, not the old close")
                    .isEqualTo(LaneState.Status.FAILED);
            assertThat(first.lane(lane).events().get(first.lane(lane).events().size() - 1).kind())
                    .as("the old session ends with its sockets closed").isEqualTo(LaneEvent.Kind.CLOSED);
            assertThat(inspection.session().lane(lane).events()).extracting(LaneEvent::kind)
                    .containsExactly(LaneEvent.Kind.CONNECTING, LaneEvent.Kind.FAILED);
        }
        Await.until("both failed attempts reported", () -> heard.disconnects().size() == 2);
        assertThat(heard.disconnects()).extracting(Finding::lane).containsExactlyInAnyOrder("alice", "bob");
        assertThat(heard.disconnects()).extracting(Finding::message).allMatch(m -> m.startsWith("could not connect"));
    }

    @Test
    void aJournalNeverWritesOverAFileAndClockNamesGetAFreeSuffix() throws Exception {
        inspection.connect(settings(), List.of(TestUser.named("alice"))).get(30, TimeUnit.SECONDS);
        Path taken = Files.writeString(dir.resolve("session-20261205-101010.jsonl"), "evidence");

        assertThatThrownBy(() -> inspection.startJournal(taken)).isInstanceOf(IOException.class)
                .hasMessageContaining("exists; a journal never writes over another file");
        assertThat(Files.readString(taken)).isEqualTo("evidence");
        Path free = JournalWriter.unusedName(taken);
        assertThat(free.getFileName()).hasToString("session-20261205-101010-2.jsonl");
        assertThat(inspection.startJournal(free)).isEqualTo(free);
        inspection.stopJournal();
        assertThat(JournalWriter.unusedName(taken).getFileName()).hasToString("session-20261205-101010-3.jsonl");
        assertThat(Files.readString(taken)).isEqualTo("evidence");
    }

    private static long firstStamp(Session session) {
        return session.lanes().stream().flatMap(l -> java.util.stream.Stream.concat(
                l.frames().stream().map(Frame::nanos), l.events().stream().map(LaneEvent::nanos)))
                .mapToLong(Long::longValue).min().orElse(0);
    }

    private static long lastStamp(Session session) {
        return session.lanes().stream().flatMap(l -> java.util.stream.Stream.concat(
                l.frames().stream().map(Frame::nanos), l.events().stream().map(LaneEvent::nanos)))
                .mapToLong(Long::longValue).max().orElse(0);
    }

    private static long items(Session session) {
        return session.lanes().stream().mapToLong(l -> l.frames().size() + l.events().size()).sum();
    }

    /** What the inspection published, counted. */
    private static final class Heard implements InspectionListener {
        final List<Shown> changes = new ArrayList<>();
        final List<String> lanes = new ArrayList<>();
        final List<Finding> findings = new ArrayList<>();
        long frames;
        long laneEvents;

        synchronized List<Finding> disconnects() {
            return findings.stream().filter(f -> f.rule().equals("disconnect")).toList();
        }

        synchronized void reset() {
            changes.clear();
            lanes.clear();
            findings.clear();
            frames = 0;
            laneEvents = 0;
        }

        @Override
        public synchronized void shown(Shown shown) {
            changes.add(shown);
        }

        @Override
        public synchronized void laneAdded(Lane lane) {
            lanes.add(lane.id());
        }

        @Override
        public synchronized void frameDecoded(Lane lane, Frame frame, List<AgentEvent> events) {
            frames++;
        }

        @Override
        public synchronized void laneEventAppended(Lane lane, LaneEvent event) {
            laneEvents++;
        }

        @Override
        public synchronized void finding(Finding finding) {
            findings.add(finding);
        }
    }
}
