package dev.aei.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.server.BackendConfig;
import dev.aei.server.EventShape;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A healthy backend raises nothing above info: 10 users, 20 runs each, all at once. In the web
 * client's shape that holds for every rule. In the bridge's shape (the real backend's, the reference
 * backend's default) the web client's contract is broken on every run by design: those warnings
 * come once per lane and field, never once per run, and nothing else is found.
 */
class CleanSoakTest {
    private static final int USERS = 10;
    private static final int RUNS = 20;
    /** netra's needed contract fields plus its end: the most contract findings one lane can have. */
    private static final int MOST_CONTRACT_FINDINGS = 6;

    @ParameterizedTest(name = "strict netra {0}, {1} shape")
    @CsvSource({"false, bridge", "true, bridge", "false, web-client", "true, web-client"})
    void tenUsersTwentyRunsEachRaiseNothingAboveInfo(boolean strict, String shape) throws Exception {
        String[] users = IntStream.rangeClosed(1, USERS).mapToObj(i -> "user" + i).toArray(String[]::new);
        BackendConfig backend = BackendConfig.defaults().withEventDelayMs(1).withStrictNetra(strict)
                .withShape(EventShape.parse(shape));
        try (LiveRecording rec = LiveRecording.start(backend, RuleConfig.defaults(), users)) {
            rec.prompt("soak", RUNS, users);
            rec.await("every run of every user", Duration.ofSeconds(60),
                    () -> IntStream.rangeClosed(1, USERS).allMatch(i -> rec.completions("user" + i) == RUNS));
            rec.stop();
            List<Finding> warnings = rec.analyzer.findings().stream()
                    .filter(f -> f.severity().atLeast(Severity.WARNING)).toList();
            assertThat(warnings).filteredOn(f -> !f.rule().startsWith("contract-")).isEmpty();
            Map<String, Long> contractPerLane = warnings.stream().filter(f -> f.rule().startsWith("contract-"))
                    .collect(Collectors.groupingBy(Finding::lane, Collectors.counting()));
            if (shape.equals("web-client")) {
                assertThat(contractPerLane).isEmpty();
            } else {
                assertThat(contractPerLane).hasSize(USERS)
                        .allSatisfy((lane, count) -> assertThat(count).isBetween(3L, (long) MOST_CONTRACT_FINDINGS));
                assertThat(warnings).filteredOn(f -> f.rule().equals("contract-end")).hasSize(USERS);
            }
            assertThat(rec.analyzer.openRuns()).isEmpty();
            assertThat(rec.session.frameCount()).isGreaterThanOrEqualTo(USERS * RUNS * 9L);
        }
    }
}
