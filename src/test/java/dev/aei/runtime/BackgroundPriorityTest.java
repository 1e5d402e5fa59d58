package dev.aei.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aei.testing.NicenessOf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {
    @Test
    void theCallingThreadAloneGetsTheLowestPriority() throws Exception {
        int before = NicenessOf.currentThread();
        CompletableFuture<int[]> lowered = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            boolean told = BackgroundPriority.lowerCurrentThread();
            lowered.complete(new int[] {told ? 1 : 0, NicenessOf.currentThread(), Thread.currentThread().getPriority()});
        }, "background");
        worker.start();
        int[] seen = lowered.get(30, TimeUnit.SECONDS);

        assertThat(seen[2]).as("Java's priority").isEqualTo(Thread.MIN_PRIORITY);
        assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")), "the nice value is Linux's");
        assertThat(seen[0]).as("renice succeeded").isEqualTo(1);
        assertThat(seen[1]).isEqualTo(BackgroundPriority.NICENESS);
        assertThat(NicenessOf.currentThread()).as("the caller's own, unchanged").isEqualTo(before);
    }
}
