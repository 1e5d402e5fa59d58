package dev.aei.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.capture.Lane;
import dev.aei.server.BackendConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Twenty users and a backend sending as fast as it can: the FX thread keeps answering, memory
 * stays bounded and the UI drains exactly what was captured. The issue asks for 30 s of load;
 * here a fixed amount of work (runs per user) stands in for the time so the test stays short,
 * and everything is checked by counts.
 */
class FeedLoadTest {
    private static final int USERS = 20;
    private static final int RUNS_PER_USER = 60;
    private static final long HEAP_GROWTH_LIMIT = 384L * 1024 * 1024;

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
    }

    @Test
    void twentyUsersAtFullSpeedLoseNothingAndNeverBlockTheFxThread() throws Exception {
        driver.waitFor("all users are connected", () -> driver.models().signIn.connectedIds().size() == USERS);
        long heapBefore = usedHeapAfterGc();
        List<String> users = driver.fx(() -> driver.models().signIn.connectedIds());
        for (String user : users) {
            driver.window.workbench().sendRaw(user, "{\"type\":\"user_message\",\"payload\":{\"content\":\"load\","
                    + "\"thread_id\":\"t-" + user + "-load\",\"repeat\":" + RUNS_PER_USER + "}}");
        }
        int probes = 0;
        while (!allRunsCompleted(users)) {
            // the FX thread must keep answering while the frames pour in
            assertThat(WaitForAsyncUtils.asyncFx(() -> true).get(30, TimeUnit.SECONDS)).isTrue();
            probes++;
            assertThat(probes).as("load finished within the bounded number of probes").isLessThan(3_000);
            Thread.sleep(100); // polling pace, not a timing assertion
        }
        driver.waitFor("the UI drained every captured frame",
                () -> driver.window.pump().framesDrained() == driver.session().frameCount());
        assertThat(driver.window.pump().backlog()).isZero();
        assertThat(driver.session().frameCount()).isGreaterThan((long) USERS * RUNS_PER_USER * 5);
        assertThat(usedHeapAfterGc() - heapBefore).isLessThan(HEAP_GROWTH_LIMIT);
    }

    private static boolean allRunsCompleted(List<String> users) {
        for (String user : users) {
            Lane lane = driver.session().lane(user);
            long completed = lane.frames().stream().filter(f -> f.hasText() && f.text().contains("\"agent_completed\""))
                    .count();
            if (completed < RUNS_PER_USER) {
                return false;
            }
        }
        return true;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
