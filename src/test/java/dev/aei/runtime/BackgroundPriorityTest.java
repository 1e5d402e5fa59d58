package dev.aei.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aei.testing.Scheduling;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {
    @Test
    void theCallingThreadAloneGetsTheLowestPriority() throws Exception {
        Scheduling before = Scheduling.currentThread();
        CompletableFuture<Lowered> lowered = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            boolean told = BackgroundPriority.lowerCurrentThread();
            lowered.complete(new Lowered(told, Scheduling.currentThread(), Thread.currentThread().getPriority()));
        }, "background");
        worker.start();
        Lowered seen = lowered.get(30, TimeUnit.SECONDS);

        assertThat(seen.javaPriority()).as("Java's priority").isEqualTo(Thread.MIN_PRIORITY);
        assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")), "the policy and nice value are Linux's");
        assertThat(seen.told()).as("the system was told").isTrue();
        if (onPath("chrt")) {
            assertThat(seen.scheduling().policy()).as("the idle policy").isEqualTo(Scheduling.SCHED_IDLE);
        } else {
            assertThat(seen.scheduling().nice()).as("the fallback's nice value").isEqualTo(BackgroundPriority.NICENESS);
        }
        assertThat(Scheduling.currentThread()).as("the caller's own, unchanged").isEqualTo(before);
    }

    /** What the lowered thread saw of itself. */
    private record Lowered(boolean told, Scheduling scheduling, int javaPriority) {
    }

    private static boolean onPath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
