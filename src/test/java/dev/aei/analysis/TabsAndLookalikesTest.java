package dev.aei.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aei.capture.CaptureClock;
import dev.aei.protocol.CanaryPattern;
import dev.aei.protocol.IdText;
import dev.aei.protocol.Profile;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Users as real teams have them: any script, one user on two connections, ids the server cuts alike. */
class TabsAndLookalikesTest {
    private static final String ALICE_MARK = "cnry-00000000a1";
    private static final String TAB_MARK = "cnry-00000000a2";
    private static final String BOB_MARK = "cnry-00000000b0";

    /** The run alice's first tab asked for reaches her second tab too, event by event. */
    private static void bothTabsGetAlicesRun(Capture c, String run) {
        c.tab("alice #2", "alice");
        c.connect("alice", "alice #2", "bob");
        c.prompt("alice", "t-alice-1", ALICE_MARK);
        for (String lane : List.of("alice", "alice #2")) {
            c.in(lane, Wire.event("agent_started", run).user("alice"));
        }
        for (String lane : List.of("alice", "alice #2")) {
            c.in(lane, Wire.event("agent_thinking", run).user("alice").data("reasoning", "[" + ALICE_MARK + "]"));
            c.in(lane, Wire.event("agent_completed", run).user("alice"));
        }
    }

    @Test
    void aUsersRunOnHerOtherTabIsNoLeakAndExpectedUnderNetra() {
        Capture c = new Capture();
        String run = Wire.run("t-alice-1", 1);
        bothTabsGetAlicesRun(c, run);
        c.finish(true);
        assertThat(c.found()).containsExactly("other-tab alice #2 " + run);
        Finding delivered = c.only("other-tab");
        assertThat(delivered.severity()).isEqualTo(Severity.INFO);
        assertThat(delivered.message()).contains("alice #2 received agent_started of run " + run + " that alice asked for");
    }

    @Test
    void aBackendThatShouldAnswerOnlyTheAskingTabGetsACrossTabWarning() throws Exception {
        Capture c = new Capture(netraAnsweringOnlyTheAskingConnection(), RuleConfig.defaults(), new CaptureClock());
        String run = Wire.run("t-alice-1", 1);
        bothTabsGetAlicesRun(c, run);
        c.finish(true);
        assertThat(c.found()).containsExactly("cross-tab alice #2 " + run);
        assertThat(c.only("cross-tab").severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void aLeakToBobIsStillALeakWhileAliceHasTwoTabs() {
        Capture c = new Capture();
        String run = Wire.run("t-alice-1", 1);
        c.tab("alice #2", "alice");
        c.prompt("bob", "t-bob-1", BOB_MARK);
        c.prompt("alice #2", "t-alice%20%232-1", TAB_MARK); // alice's second tab sends its own prompt too
        bothTabsGetAlicesRun(c, run);
        c.in("bob", Wire.event("agent_thinking", run).user("alice").data("reasoning", "[" + ALICE_MARK + "]"));
        c.cleanRun("bob", Wire.run("t-bob-1", 2), BOB_MARK);
        c.finish(false);
        assertThat(c.found()).containsExactlyInAnyOrder("other-tab alice #2 " + run, "leak-owner bob " + run);
        assertThat(c.only("leak-owner").message()).startsWith("bob received alice's agent_thinking")
                .contains("the run was started by alice");
    }

    @Test
    void usersOfAnyScriptHaveThreadsOfTheirOwn() {
        Capture c = new Capture();
        List<String> users = List.of("爱丽丝", "عمر", "bob🙂", "a b", "x/y?z");
        c.connect(users.toArray(String[]::new));
        for (int i = 0; i < users.size(); i++) {
            c.prompt(users.get(i), IdText.threadId(users.get(i), 1), String.format("cnry-00000000%02x", i));
        }
        for (int i = 0; i < users.size(); i++) {
            c.cleanRun(users.get(i), Wire.run(IdText.threadId(users.get(i), 1), i + 1), String.format("cnry-00000000%02x", i));
        }
        c.finish(true);
        assertThat(c.found()).isEmpty();
    }

    @Test
    void idsCutAlikeAtSignInAreSaidOnceAndJudgedByTheirFullIds() {
        Capture c = new Capture();
        c.connect("qa-user-1", "qa-user-2");
        c.prompt("qa-user-1", "t-qa-user-1-1", ALICE_MARK);
        c.prompt("qa-user-2", "t-qa-user-2-1", BOB_MARK);
        c.in("qa-user-1", Wire.event("connection_established").data("user_id", "qa-user-..."));
        c.in("qa-user-2", Wire.event("connection_established").data("user_id", "qa-user-..."));
        String run2 = Wire.run("t-qa-user-2-1", 2);
        c.cleanRun("qa-user-1", Wire.run("t-qa-user-1-1", 1), ALICE_MARK);
        c.cleanRun("qa-user-2", run2, BOB_MARK);
        c.in("qa-user-1", Wire.event("agent_thinking", run2).user("qa-user-2"));
        c.finish(true);
        assertThat(c.found()).containsExactly("identity-lookalike qa-user-1 null", "leak-owner qa-user-1 " + run2);
        assertThat(c.only("identity-lookalike").message()).contains("qa-user-... fits qa-user-1 and qa-user-2");
    }

    @Test
    void aServerFoldingLookalikeUsersTogetherIsNotMissedBehindTheCutId() {
        Capture c = new Capture();
        c.connect("qa-user-1", "qa-user-2");
        c.prompt("qa-user-2", "t-qa-user-2-1", BOB_MARK);
        c.in("qa-user-1", Wire.event("connection_established").data("user_id", "qa-user-..."));
        c.in("qa-user-2", Wire.event("connection_established").data("user_id", "qa-user-..."));
        c.cleanRun("qa-user-2", Wire.run("t-qa-user-2-1", 1), BOB_MARK); // stamped with its own full id: fine
        c.in("qa-user-1", Wire.event("agent_started", "r-elsewhere").user("qa-user-2")); // its own run, wrong user
        assertThat(c.found()).containsExactly("identity-lookalike qa-user-1 null", "identity-mismatch qa-user-1 r-elsewhere");
    }

    @Test
    void aLaneAddedLaterMakesACutIdAmbiguousAfterAll() {
        Capture c = new Capture();
        c.connect("qa-user-1");
        c.in("qa-user-1", Wire.event("connection_established").data("user_id", "qa-user-..."));
        c.connect("qa-user-2");
        c.in("qa-user-1", Wire.event("agent_started", "r-1").user("qa-user-2"));
        assertThat(c.found()).containsExactly("identity-lookalike qa-user-1 null", "identity-mismatch qa-user-1 r-1");
    }

    @Test
    void markersOfAnotherToolNameTheirUserAndBetrayALeakWithoutAnySentPrompt() {
        CanaryPattern theirs = new CanaryPattern("\\[\\[canary:(?<user>[^:\\]]+):[0-9a-f]{8}]]");
        String leaked = "{\"type\":\"stream_chunk\",\"content\":\"as asked [[canary:alice:d72cb0c7]]\"}";
        String own = "{\"type\":\"stream_chunk\",\"content\":\"as asked [[canary:bob:0000beef]]\"}";

        Capture plain = new Capture();
        plain.connect("alice", "bob");
        plain.in("bob", leaked);
        assertThat(plain.found()).as("our own format knows nothing of theirs").doesNotContain("leak-canary bob null");

        Capture configured = new Capture("netra", RuleConfig.defaults().withCanaries(List.of(theirs)));
        configured.tab("bob #2", "bob");
        configured.connect("alice", "bob", "bob #2");
        configured.in("bob", own);
        configured.in("bob #2", own);
        configured.in("bob", leaked);
        assertThat(configured.found()).contains("leak-canary bob null").doesNotContain("leak-canary bob #2 null");
        assertThat(configured.only("leak-canary").message())
                .isEqualTo("bob received alice's stream_chunk: it carries alice's prompt marker [[canary:alice:d72cb0c7]]");
    }

    private static Profile netraAnsweringOnlyTheAskingConnection() throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = Profile.class.getResourceAsStream("netra.json")) {
            ObjectNode netra = (ObjectNode) json.readTree(in);
            netra.put("name", "netra-one-tab").put("user_events", Profile.ASKING_CONNECTION);
            return Profile.parse(netra.toString(), "netra-one-tab");
        }
    }
}
