package dev.aei.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.capture.Session;
import dev.aei.protocol.Profile;
import dev.aei.server.FaultRule;
import dev.aei.server.FaultType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault of the reference backend, injected into bob's first run on the
 * reference backend, gives exactly the expected findings (rule, lane, run) — nothing missing,
 * nothing extra — live and offline, with and without strict netra shapes.
 */
class FaultAcceptanceTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Short enough to keep the timeout cases quick, long enough for a 10-event run on a busy machine. */
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(2);

    /**
     * One fault and what it must produce; {@code B} stands for bob's run in expectations.
     *
     * @param bobCompletes  whether bob's run still ends with agent_completed
     * @param seqOnly       expected findings that need seq (absent in strict mode)
     */
    record Case(String name, FaultRule fault, RuleConfig config, boolean bobCompletes, List<String> expected,
                List<String> seqOnly) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static FaultRule bob(String event, FaultType fault) {
        return new FaultRule("bob", 1, event, fault, null, 0);
    }

    static Stream<Arguments> cases() {
        // The bridge's shape breaks the web client's contract on every run, fault or not: that has its
        // own acceptance test, so here only the faults' own findings count.
        RuleConfig config = RuleConfig.defaults().withRunTimeout(RUN_TIMEOUT)
                .without(Rule.CONTRACT_FIELD, Rule.CONTRACT_END);
        List<Case> cases = List.of(
                new Case("drop", bob("tool_completed", FaultType.DROP), config, true,
                        List.of("tool-unfinished bob B"), List.of("seq-gap bob B")),
                new Case("duplicate", bob("agent_thinking", FaultType.DUPLICATE), config, true,
                        List.of("duplicate-event bob B"), List.of("seq-duplicate bob B")),
                new Case("reorder", bob("agent_started", FaultType.REORDER), config, true,
                        List.of("first-event bob B", "timestamp-regression bob B"), List.of("seq-regression bob B")),
                new Case("seq-skip", bob("agent_thinking", FaultType.SEQ_SKIP), config, true,
                        List.of(), List.of("seq-gap bob B")),
                new Case("leak", new FaultRule("bob", 1, "agent_thinking", FaultType.LEAK, "alice", 0), config, true,
                        List.of("leak-owner alice B"), List.of()),
                new Case("leak-relabel", new FaultRule("bob", 1, "agent_thinking", FaultType.LEAK_RELABEL, "alice", 0),
                        config, true, List.of("leak-foreign-run alice B"), List.of()),
                new Case("leak-canary-only", new FaultRule("bob", 1, "agent_thinking", FaultType.LEAK_RELABEL, "alice", 0),
                        config.without(Rule.LEAK_OWNER, Rule.LEAK_FOREIGN_RUN), true,
                        List.of("leak-canary alice B"), List.of()),
                new Case("after-complete", bob("agent_completed", FaultType.AFTER_COMPLETE), config, true,
                        List.of("after-completion bob B"), List.of()),
                new Case("malformed", bob("agent_thinking", FaultType.MALFORMED), config, true,
                        List.of("malformed-frame bob null"), List.of()),
                new Case("binary", bob("agent_thinking", FaultType.BINARY), config, true,
                        List.of("unknown-event bob null"), List.of()),
                new Case("delay", new FaultRule("bob", 1, "tool_executing", FaultType.DELAY, null,
                        RUN_TIMEOUT.toMillis() + 1000), config, true, List.of("run-incomplete bob B"), List.of()),
                new Case("close-abrupt", bob("agent_thinking", FaultType.CLOSE_ABRUPT), config, false,
                        List.of("disconnect bob null", "run-incomplete bob B"), List.of()),
                new Case("no-complete", bob("agent_completed", FaultType.NO_COMPLETE), config, false,
                        List.of("run-incomplete bob B"), List.of()),
                new Case("retry-duplicate", bob("tool_executing", FaultType.RETRY_DUPLICATE), config, true,
                        List.of("duplicate-event bob B"), List.of()),
                new Case("demo-identity", bob(null, FaultType.DEMO_IDENTITY), config, true,
                        List.of("identity-mismatch bob null"), List.of()));
        List<Arguments> arguments = new ArrayList<>();
        for (Case c : cases) {
            arguments.add(Arguments.of(c, false));
            arguments.add(Arguments.of(c, true));
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}, strict netra {1}")
    @MethodSource("cases")
    void everyFaultGivesExactlyItsFindings(Case c, boolean strict) throws Exception {
        Set<String> live;
        Set<String> expected;
        Session session;
        try (LiveRecording rec = LiveRecording.start(strict, List.of(c.fault()), c.config(), 5, "alice", "bob")) {
            rec.prompt("compare Q3 costs", 1, "alice", "bob");
            List<String> wanted = new ArrayList<>(c.expected());
            if (!strict) {
                wanted.addAll(c.seqOnly());
            }
            rec.await(c.name() + " findings", WAIT, () -> rec.completions("alice") == 1
                    && (!c.bobCompletes() || rec.completions("bob") == 1)
                    && rec.analyzer.openRuns().isEmpty()
                    && !rec.runsOf("bob").isEmpty()
                    && rec.keys().containsAll(resolve(wanted, rec.runsOf("bob").get(0))));
            rec.stop();
            expected = resolve(wanted, rec.runsOf("bob").get(0));
            live = rec.keys();
            session = rec.session;
        }
        assertThat(live).as("live findings").containsExactlyInAnyOrderElementsOf(expected);
        List<Finding> offline = SessionReplay.analyze(session, Analyzer.create(Profile.load("netra"), c.config(), null));
        assertThat(LiveRecording.keys(offline)).as("offline findings").containsExactlyInAnyOrderElementsOf(expected);
    }

    private static Set<String> resolve(List<String> expected, String bobRun) {
        Set<String> keys = new HashSet<>();
        expected.forEach(e -> keys.add(e.endsWith(" B") ? e.substring(0, e.length() - 1) + bobRun : e));
        return keys;
    }
}
