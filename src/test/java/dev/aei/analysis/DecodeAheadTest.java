package dev.aei.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aei.protocol.Profile;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The threaded replay ends, and takes its threads with it, when its merge fails. */
class DecodeAheadTest {
    private static final String THREAD_NAME = "aei-decode-ahead";

    @Test
    @Timeout(60) // a replay that waits for a run nobody decodes would otherwise hang the build
    void aFailingMergeEndsTheReplayAndItsThreads() throws InterruptedException {
        Set<Thread> before = decodingThreads();
        Analyzer analyzer = Analyzer.create(Profile.load("netra"), RuleConfig.defaults(), null);

        assertThatThrownBy(() -> new DecodeAhead(analyzer).run(DecodeAhead.THREADED_FROM, items -> {
            throw new IllegalArgumentException("the merge broke");
        })).isInstanceOf(IllegalStateException.class).hasRootCauseMessage("the merge broke");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Set<Thread> left = newDecodingThreads(before);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            left = newDecodingThreads(before);
        }
        assertThat(left).as("decoding threads still alive after the replay failed").isEmpty();
    }

    private static Set<Thread> newDecodingThreads(Set<Thread> before) {
        Set<Thread> now = decodingThreads();
        now.removeAll(before);
        return now;
    }

    private static Set<Thread> decodingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(THREAD_NAME) && t.isAlive())
                .collect(Collectors.toSet());
    }
}
