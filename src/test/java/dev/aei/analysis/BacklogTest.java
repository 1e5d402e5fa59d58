package dev.aei.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.Profile;
import dev.aei.testing.Await;
import dev.aei.testing.Scheduling;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Live analysis runs off the session's append lock, and a reader of it never misses a frame. */
class BacklogTest {
    private static final String STARTED = "{\"type\":\"agent_started\",\"run_id\":\"r1\",\"seq\":1}";

    @Test
    void socketsKeepAppendingWhileTheAnalysisOfAFrameIsStuck() throws Exception {
        Session session = Session.start("ws://localhost/ws", "header", "netra");
        Analyzer analyzer = Analyzer.create(Profile.load("netra"), RuleConfig.defaults(), null);
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger decoded = new AtomicInteger();
        analyzer.addDecodedListener((Lane lane, Frame frame, List<AgentEvent> events) -> {
            decoded.incrementAndGet();
            stuck.countDown();
            await(release); // a listener that blocks holds the analysis, not the capture
        });
        session.addListener(analyzer);
        Lane alice = session.addLane("alice", Map.of());
        session.appendText(alice, Direction.IN, STARTED);
        assertThat(stuck.await(30, TimeUnit.SECONDS)).as("the worker took the first frame").isTrue();

        ExecutorService socket = Executors.newSingleThreadExecutor();
        try {
            Future<?> appended = socket.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    session.appendText(alice, Direction.IN, "{\"type\":\"agent_thinking\",\"run_id\":\"r1\"}");
                }
            });
            appended.get(30, TimeUnit.SECONDS); // would time out if appending waited for the analysis
            assertThat(alice.frames()).hasSize(101);
            assertThat(decoded.get()).as("still stuck on the first frame").isEqualTo(1);
        } finally {
            release.countDown();
            socket.shutdownNow();
        }
        Await.until("every frame analysed", () -> decoded.get() == 101);
    }

    @Test
    void theWorkerYieldsTheProcessorToTheCapture() throws Exception {
        assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")), "Linux only");
        Scheduling capturing = Scheduling.currentThread();
        Session session = Session.start("ws://localhost/ws", "header", "netra");
        Analyzer analyzer = Analyzer.create(Profile.load("netra"), RuleConfig.defaults(), null);
        CompletableFuture<Scheduling> scheduling = new CompletableFuture<>();
        analyzer.addDecodedListener((Lane lane, Frame frame, List<AgentEvent> events) ->
                scheduling.complete(Scheduling.currentThread()));
        session.addListener(analyzer);
        session.appendText(session.addLane("alice", Map.of()), Direction.IN, STARTED);

        assertThat(scheduling.get(30, TimeUnit.SECONDS).background()).as("the analysis worker lowered").isTrue();
        assertThat(Scheduling.currentThread()).as("the capturing thread's, unchanged").isEqualTo(capturing);
    }

    @Test
    void theWorkerStepsAsideForAReaderWhoCatchesUpItself() throws Exception {
        Session session = Session.start("ws://localhost/ws", "header", "netra");
        Analyzer analyzer = Analyzer.create(Profile.load("netra"), RuleConfig.defaults(), null);
        Thread reader = Thread.currentThread();
        AtomicInteger byWorker = new AtomicInteger();
        AtomicInteger byReader = new AtomicInteger();
        analyzer.addDecodedListener((Lane lane, Frame frame, List<AgentEvent> events) -> {
            if (Thread.currentThread() == reader) {
                byReader.incrementAndGet();
            } else {
                byWorker.incrementAndGet();
                sleepQuietly(); // a worker starved of the processor, slowly through its backlog
            }
        });
        session.addListener(analyzer);
        Lane alice = session.addLane("alice", Map.of());
        for (int i = 0; i < 2_000; i++) {
            session.appendText(alice, Direction.IN, "{\"type\":\"agent_thinking\",\"run_id\":\"r1\"}");
        }
        Await.until("the worker has begun", () -> byWorker.get() > 0);

        analyzer.findings(); // waits for the worker's current run of frames at most, then reads itself

        assertThat(byReader.get()).as("frames the reader analysed itself").isPositive();
        assertThat(byWorker.get() + byReader.get()).isEqualTo(2_000);
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aReaderSeesEveryFrameAppendedBeforeItsCall() {
        Session session = Session.start("ws://localhost/ws", "header", "netra");
        Analyzer analyzer = Analyzer.create(Profile.load("netra"), RuleConfig.defaults(), null);
        session.addListener(analyzer);
        Lane alice = session.addLane("alice", Map.of());
        session.appendText(alice, Direction.IN, STARTED);
        session.appendText(alice, Direction.IN, STARTED);

        // no waiting: findings() catches the analysis up with what was handed over before it
        assertThat(analyzer.findings()).extracting(Finding::rule).containsExactly("seq-duplicate", "duplicate-event");
        assertThat(analyzer.openRuns()).extracting(Analyzer.OpenRun::runId).containsExactly("r1");
        assertThat(analyzer.decoder().decodedFrames()).as("each frame decoded once").isEqualTo(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
