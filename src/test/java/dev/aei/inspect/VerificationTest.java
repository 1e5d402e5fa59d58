package dev.aei.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.auth.TestUser;
import dev.aei.capture.Session;
import dev.aei.fixture.Progress;
import dev.aei.fixture.SessionFiles;
import dev.aei.fixture.VerifyOptions;
import dev.aei.net.AuthMode;
import dev.aei.server.BackendConfig;
import dev.aei.server.FaultRule;
import dev.aei.server.FaultType;
import dev.aei.server.ReferenceBackend;
import dev.aei.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify} on an inspection against the reference backend: a recording of two users made
 * and saved by an inspection, re-run on fresh backends; each recorded and each live frame is
 * decoded exactly once, and the comparison still finds what differs.
 */
class VerificationTest {
    private static final BackendConfig CONFIG = BackendConfig.defaults().withEventDelayMs(2);
    private static final List<String> USERS = List.of("alice", "bob");

    @TempDir
    static Path dir;

    private static Session recorded;

    @BeforeAll
    static void record() throws Exception {
        Path fixture = dir.resolve("recording.aei.json");
        try (ReferenceBackend backend = ReferenceBackend.start(CONFIG);
             Inspection recording = new Inspection(new Decoders(), "netra")) {
            recording.connect(settings(backend), USERS.stream().map(TestUser::named).toList()).get(30, TimeUnit.SECONDS);
            assertThat(recording.sendPrompt(USERS, "Compare Q3 costs", null)).hasSize(2);
            Await.until("every run ended", () -> recording.analyzer().waitingPrompts() == 0
                    && recording.analyzer().openRuns().isEmpty());
            recording.disconnectAll();
            recording.finishLive(false);
            recording.save(fixture, Progress.NONE);
        }
        recorded = SessionFiles.defaults().open(fixture, Progress.NONE).session();
    }

    @Test
    void eachRecordedAndEachLiveFrameIsDecodedOnce() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        Decoders decoders = new Decoders();
        Verification.Run run;
        try (ReferenceBackend backend = ReferenceBackend.start(CONFIG)) {
            run = verification(decoders, log).run(recorded, settings(backend), null);
        }

        assertThat(run.report().differences()).isEmpty();
        assertThat(run.report().checks()).hasSize(4); // runs and findings of each user
        assertThat(log).contains("re-sent 2 client message(s)");
        assertThat(run.live().lanes()).extracting(l -> l.frames().size()).allMatch(n -> n > 2);
        assertThat(run.recordedDecoder()).isNotSameAs(run.liveDecoder());
        assertThat(run.recordedDecoder().decodedFrames()).as("recorded: by its one offline analysis")
                .isEqualTo(recorded.frameCount());
        assertThat(run.liveDecoder().decodedFrames()).as("live: by the live analysis; answers and runs reuse it")
                .isEqualTo(run.live().frameCount());
        assertThat(decoders.decodedFrames()).as("no other decoder read anything")
                .isEqualTo(recorded.frameCount() + run.live().frameCount());
    }

    @Test
    void aDroppedEventIsFoundFromTheEventsDecodedOnce() throws Exception {
        FaultRule drop = new FaultRule("bob", 1, "tool_completed", FaultType.DROP, null, 0);
        Verification.Run run;
        try (ReferenceBackend backend = ReferenceBackend.start(CONFIG.withFaults(List.of(drop)))) {
            run = verification(new Decoders(), new CopyOnWriteArrayList<>()).run(recorded, settings(backend), null);
        }

        assertThat(run.report().passed()).isFalse();
        assertThat(run.report().differences()).anyMatch(d -> d.startsWith("bob run 1: expected tool_completed("))
                .noneMatch(d -> d.startsWith("alice"));
        assertThat(run.recordedDecoder().decodedFrames()).isEqualTo(recorded.frameCount());
        assertThat(run.liveDecoder().decodedFrames()).isEqualTo(run.live().frameCount());
    }

    private static Verification verification(Decoders decoders, List<String> log) {
        VerifyOptions options = VerifyOptions.defaults().withQuiet(Duration.ofMillis(400))
                .withTimeout(Duration.ofSeconds(20));
        return new Verification(decoders, options, log::add);
    }

    private static LiveSettings settings(ReferenceBackend backend) {
        return LiveSettings.of(backend.webSocketUrl(), AuthMode.HEADER, "netra",
                TokenSettings.secret(backend.config().secret()));
    }
}
