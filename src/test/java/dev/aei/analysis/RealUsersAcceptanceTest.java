package dev.aei.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.auth.TestUser;
import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import dev.aei.fixture.Fixture;
import dev.aei.fixture.Progress;
import dev.aei.fixture.SessionFiles;
import dev.aei.protocol.Profile;
import dev.aei.server.BackendConfig;
import dev.aei.server.FaultRule;
import dev.aei.server.FaultType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Test users as a real team has them, against the reference backend over real sockets: names in
 * any script, with spaces and URL characters, ids the server cuts to the same 8 characters, and one
 * user on two connections. An injected leak is reported exactly, and nothing else is (live and from
 * the saved fixture).
 */
class RealUsersAcceptanceTest {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final List<String> USERS = List.of("爱丽丝", "عمر", "bob🙂", "a b", "x/y?z", "qa-user-1", "qa-user-2");
    private static final String PROMPT = "比较第三季度成本 🙂 مقارنة";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} leaks to {1}")
    @CsvSource({"爱丽丝, عمر", "qa-user-2, qa-user-1", "x/y?z, a b", "bob🙂, 爱丽丝"})
    void exactlyTheInjectedLeakIsReportedAmongUsersOfEveryKind(String from, String to) throws Exception {
        FaultRule leak = new FaultRule(from, 1, "agent_thinking", FaultType.LEAK, to, 0);
        Set<String> live;
        String leakedRun;
        Session session;
        // strict netra: connection_established reports qa-user-1 and qa-user-2 both as qa-user-...
        try (LiveRecording rec = LiveRecording.start(backend(true, leak), RuleConfig.defaults(),
                USERS.stream().map(TestUser::named).toList())) {
            assertThat(rec.promptAll(PROMPT)).hasSize(USERS.size());
            rec.await("every run and the leak", WAIT, () -> USERS.stream().allMatch(u -> rec.completions(u) == 1)
                    && rec.analyzer.openRuns().isEmpty() && rec.analyzer.waitingPrompts() == 0
                    && !rec.runsSeenBy(to, from).isEmpty() && rec.keys().stream().anyMatch(k -> k.startsWith("leak-")));
            rec.stop();
            leakedRun = rec.runsOf(from).get(0);
            assertThat(rec.runsSeenBy(to, from)).containsExactly(leakedRun);
            live = rec.keys();
            session = rec.session;
        }
        assertThat(serious(live)).as("live findings at warning or above")
                .containsExactly("leak-owner " + to + " " + leakedRun);
        assertThat(live).as("live findings").hasSize(2)
                .containsAnyOf("identity-lookalike qa-user-1 null", "identity-lookalike qa-user-2 null");

        Path file = dir.resolve("real-users.aei.json");
        dev.aei.testing.Fixtures.saveAnalysed(session, file);
        Fixture saved = SessionFiles.defaults().open(file, Progress.NONE);
        assertThat(saved.session().lanes()).extracting(Lane::id).containsExactlyInAnyOrderElementsOf(USERS);
        List<Finding> offline = SessionReplay.analyze(saved.session(),
                Analyzer.create(Profile.load("netra"), RuleConfig.defaults(), null));
        assertThat(LiveRecording.keys(offline)).as("findings from the saved fixture").isEqualTo(live);
    }

    @Test
    void runsReachingBothOfAlicesTabsAreNoLeakButALeakToBobStillIs() throws Exception {
        FaultRule leak = new FaultRule("alice", 1, "agent_thinking", FaultType.LEAK, "bob", 0);
        List<TestUser> users = TestUser.connections(List.of(TestUser.named("alice"), TestUser.named("alice"),
                TestUser.named("bob")));
        assertThat(users).extracting(TestUser::lane).containsExactly("alice", "alice #2", "bob");
        Set<String> live;
        Set<String> expected;
        Session session;
        try (LiveRecording rec = LiveRecording.start(backend(false, leak), RuleConfig.defaults(), users)) {
            rec.promptAll("compare Q3 costs");
            rec.await("both tabs' runs on both tabs and the leak", WAIT, () -> rec.completions("alice") == 2
                    && rec.completions("alice #2") == 2 && rec.completions("bob") == 1
                    && rec.analyzer.openRuns().isEmpty() && rec.analyzer.waitingPrompts() == 0
                    && rec.keys().stream().anyMatch(k -> k.startsWith("leak-owner bob ")));
            rec.stop();
            String first = rec.runsOf("alice").get(0);
            String second = rec.runsOf("alice #2").get(0);
            assertThat(rec.runsSeenBy("alice #2", "alice")).as("alice's run on her other tab").containsExactly(first);
            assertThat(rec.runsSeenBy("alice", "alice #2")).as("the other tab's run on alice").containsExactly(second);
            List<String> leaked = rec.runsSeenBy("bob", "alice").isEmpty() ? rec.runsSeenBy("bob", "alice #2")
                    : rec.runsSeenBy("bob", "alice");
            assertThat(leaked).hasSize(1);
            expected = Set.of("other-tab alice #2 " + first, "other-tab alice " + second, "leak-owner bob " + leaked.get(0));
            live = rec.keys();
            session = rec.session;
        }
        assertThat(live).isEqualTo(expected);

        Path file = dir.resolve("tabs.aei.json");
        dev.aei.testing.Fixtures.saveAnalysed(session, file);
        Session saved = SessionFiles.defaults().open(file, Progress.NONE).session();
        assertThat(saved.lane("alice #2").userId()).isEqualTo("alice");
        assertThat(saved.lane("alice").userId()).isEqualTo("alice");
        List<Finding> offline = SessionReplay.analyze(saved, Analyzer.create(Profile.load("netra"), RuleConfig.defaults(), null));
        assertThat(LiveRecording.keys(offline)).as("findings from the saved fixture").isEqualTo(expected);
    }

    /** The keys of findings at warning or above. */
    private static Set<String> serious(Set<String> keys) {
        return keys.stream().filter(k -> !k.startsWith("identity-lookalike ") && !k.startsWith("other-tab "))
                .collect(Collectors.toSet());
    }

    /**
     * The backend with the leak armed, its events shaped where the web client reads them: what is
     * judged here is who receives what, so the bridge's contract gaps are left out of the picture.
     */
    private static BackendConfig backend(boolean strict, FaultRule leak) {
        return BackendConfig.defaults().withEventDelayMs(5).withStrictNetra(strict).withFaults(List.of(leak))
                .withShape(dev.aei.server.EventShape.WEB_CLIENT);
    }
}
