package dev.aei.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A healthy backend raises nothing above info: 10 users, 20 runs each, all at once. */
class CleanSoakTest {
    private static final int USERS = 10;
    private static final int RUNS = 20;

    @ParameterizedTest(name = "strict netra {0}")
    @ValueSource(booleans = {false, true})
    void tenUsersTwentyRunsEachRaiseNothingAboveInfo(boolean strict) throws Exception {
        String[] users = IntStream.rangeClosed(1, USERS).mapToObj(i -> "user" + i).toArray(String[]::new);
        try (LiveRecording rec = LiveRecording.start(strict, List.of(), RuleConfig.defaults(), 1, users)) {
            rec.prompt("soak", RUNS, users);
            rec.await("every run of every user", Duration.ofSeconds(60),
                    () -> IntStream.rangeClosed(1, USERS).allMatch(i -> rec.completions("user" + i) == RUNS));
            rec.stop();
            assertThat(rec.analyzer.findings()).filteredOn(f -> f.severity().atLeast(Severity.WARNING)).isEmpty();
            assertThat(rec.analyzer.openRuns()).isEmpty();
            assertThat(rec.session.frameCount()).isGreaterThanOrEqualTo(USERS * RUNS * 9L);
        }
    }
}
