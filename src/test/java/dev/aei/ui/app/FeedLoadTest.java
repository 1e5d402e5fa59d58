package dev.aei.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.EventDecoder;
import dev.aei.server.BackendConfig;
import dev.aei.testing.HeapProbe;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Twenty users and a backend sending as fast as it can for 30 s: the FX thread keeps answering,
 * memory stays bounded and nothing is lost, from the server's numbering to the capture to the
 * screen. Everything is checked by counts; the 30 s is the length of the load, not a measurement.
 */
@Tag("own-jvm")
class FeedLoadTest {
    private static final int USERS = 20;
    private static final long LOAD_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** Far more runs than 30 s can play, so the backend is still sending when the load ends. */
    private static final int RUNS_PER_USER = 100_000;
    /** An FX thread silent this long is what a desktop calls "not responding". */
    private static final long NOT_RESPONDING_SECONDS = 10;
    /** Where a much faster machine stops early, so the capture fits the test JVM's heap (-Xmx2g). */
    private static final long MAX_FRAMES = 2_500_000;
    /** Heap a captured frame may keep beyond its text: session, rules and timeline, with room to spare. */
    private static final long HEAP_PER_FRAME_LIMIT = 1_024;

    @TempDir
    static Path dir;
    private static AppDriver driver;

    @BeforeAll
    static void startApp() throws Exception {
        List<String> users = IntStream.rangeClosed(1, USERS).mapToObj(i -> String.format("user%02d", i)).toList();
        driver = new AppDriver(dir, users, BackendConfig.defaults().withEventDelayMs(0));
    }

    @AfterAll
    static void stopApp() throws Exception {
        driver.close();
        driver = null;
    }

    @Test
    void thirtySecondsAtFullSpeedLoseNothingAndNeverBlockTheFxThread() throws Exception {
        driver.waitFor("all users are connected", () -> driver.models().signIn.connectedIds().size() == USERS);
        long heapBefore = HeapProbe.retainedBytes();
        List<String> users = driver.fx(() -> driver.models().signIn.connectedIds());
        for (String user : users) {
            driver.window.control().inspection().sendRaw(user, "{\"type\":\"user_message\",\"payload\":{\"content\":\"load\","
                    + "\"thread_id\":\"t-" + user + "-load\",\"repeat\":" + RUNS_PER_USER + "}}");
        }
        long maxBacklog = 0;
        long start = System.nanoTime();
        long end = start + LOAD_NANOS;
        while (System.nanoTime() < end && driver.session().frameCount() < MAX_FRAMES) {
            assertThat(WaitForAsyncUtils.asyncFx(() -> true).get(NOT_RESPONDING_SECONDS, TimeUnit.SECONDS))
                    .as("the FX thread answers while the frames pour in").isTrue();
            maxBacklog = Math.max(maxBacklog, driver.window.pump().backlog());
            Thread.sleep(200); // probing pace, not a timing assertion
        }
        long loadSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        driver.onFx(() -> driver.window.control().inspection().disconnectAll());
        driver.waitFor("every user is disconnected", () -> driver.models().signIn.connectedIds().isEmpty());
        // Lane events and findings travel with the frames: wait for the whole queue, not just the frame count.
        driver.waitFor("the UI drained everything captured",
                () -> driver.window.pump().backlog() == 0 && driver.window.pump().framesDrained() == driver.session().frameCount());

        long frames = driver.session().frameCount();
        System.out.printf("load test: %,d frames in %d s over %d users, largest backlog %,d items%n",
                frames, loadSeconds, USERS, maxBacklog);
        assertThat(driver.window.pump().framesDrained()).as("frames on screen").isEqualTo(frames);
        assertThat(frames).as("the backend kept sending for the whole load").isGreaterThan(USERS * 1_000L);
        EventDecoder decoder = driver.window.control().inspection().decoder();
        for (String user : users) {
            assertGapless(driver.session().lane(user), decoder);
        }
        assertThat(HeapProbe.retainedBytes() - heapBefore).as("heap kept by the capture")
                .isLessThan(textBytes() + frames * HEAP_PER_FRAME_LIMIT);
    }

    /** The backend numbers every frame of a connection: a lane that saw 1..n with none missing lost nothing. */
    private static void assertGapless(Lane lane, EventDecoder decoder) {
        assertThat(lane.events()).extracting(LaneEvent::kind).as("one connection, never re-opened")
                .containsOnlyOnce(LaneEvent.Kind.CONNECTED);
        long expected = 1;
        for (Frame frame : lane.frames()) {
            if (frame.direction() != Direction.IN) {
                continue;
            }
            for (AgentEvent event : decoder.decode(lane.id(), frame)) {
                assertThat(event.seq()).as("seq of frame %d of %s", frame.index(), lane.id()).isEqualTo(expected++);
            }
        }
        assertThat(expected).as("frames %s received", lane.id()).isGreaterThan(100);
    }

    private static long textBytes() {
        long total = 0;
        for (Lane lane : driver.session().lanes()) {
            for (Frame frame : lane.frames()) {
                total += frame.size();
            }
        }
        return total;
    }
}
