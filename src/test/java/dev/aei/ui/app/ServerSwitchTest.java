package dev.aei.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.analysis.Finding;
import dev.aei.capture.JournalReader;
import dev.aei.capture.Session;
import dev.aei.net.LaneState;
import dev.aei.testing.DeadPort;
import dev.aei.ui.signin.SignInViewModel;
import dev.aei.ui.signin.UserRow;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connecting the signed-in users with other settings from the sign-in panel: another server starts a
 * fresh session, is named in the status line, every user ends in the new attempt's state and each
 * failed attempt is a finding; another event profile, which starts a fresh session too, asks before
 * unsaved work is dropped.
 */
class ServerSwitchTest {
    @TempDir
    static Path dir;
    private static AppDriver driver;

    @BeforeAll
    static void startApp() throws Exception {
        driver = AppDriver.connected(dir);
    }

    @AfterAll
    static void stopApp() throws Exception {
        driver.close();
        driver = null;
    }

    /** The tests share one window: a test that stopped half-way must not leave its answer to the next. */
    @BeforeEach
    void discardUnsavedWorkUnlessATestSaysOtherwise() {
        driver.dialogs.unsaved = Dialogs.Unsaved.DISCARD;
    }

    @Test
    void anotherServerIsNamedAndEveryFailedAttemptIsAFinding() throws Exception {
        assertThat(driver.fx(() -> driver.models().status.backendProperty().get())).startsWith("Embedded backend ws://");
        String nobody = DeadPort.webSocketUrl();
        Session embedded = driver.session();
        driver.onFx(() -> {
            SignInViewModel signIn = driver.models().signIn;
            signIn.serverUrlProperty().set(nobody);
            signIn.secretProperty().set("a-secret-nobody-checks-0123456789abcdef");
            driver.window.commands().connectAll();
        });

        driver.waitFor("alice and bob failed on the new server", () -> driver.models().signIn.users().stream()
                .map(UserRow::state).allMatch(s -> s.status() == LaneState.Status.FAILED));
        assertThat(driver.fx(() -> driver.models().status.backendProperty().get())).isEqualTo("Server " + nobody);
        assertThat(driver.session()).as("a session records one server: another one starts a fresh session")
                .isNotSameAs(embedded);
        assertThat(driver.session().info().serverUrl()).isEqualTo(nobody);
        driver.waitFor("both failed attempts are findings", () -> disconnects().size() == 2);
        assertThat(driver.fx(ServerSwitchTest::disconnects)).extracting(Finding::lane)
                .containsExactlyInAnyOrder("alice", "bob");
        assertThat(driver.fx(() -> driver.models().signIn.users().stream().map(UserRow::state).toList()))
                .as("no late close of the old sockets overwrites the new attempts' state")
                .allMatch(s -> s.status() == LaneState.Status.FAILED);
    }

    @Test
    void anotherProfileAsksBeforeAnUnsavedSessionIsDropped() {
        driver.onFx(() -> {
            driver.models().signIn.serverUrlProperty().set(""); // the embedded backend
            driver.models().signIn.profileProperty().set("netra");
            driver.window.commands().connectAll();
        });
        // Another test may have left an ag-ui session with alice and bob connected: wait for the netra one.
        driver.waitFor("alice and bob are connected in a netra session", () -> driver.session().info().profile()
                .equals("netra") && driver.models().signIn.connectedIds().size() == 2);
        assertThat(driver.window.control().sendPrompt(List.of("alice"), "Compare Q3 costs", null)).hasSize(1);
        Session netra = driver.session();
        ScriptedDialogs dialogs = driver.dialogs;
        dialogs.asked.clear();

        dialogs.unsaved = Dialogs.Unsaved.CANCEL;
        driver.onFx(() -> {
            driver.models().signIn.profileProperty().set("ag-ui");
            driver.window.commands().connectAll();
        });
        assertThat(dialogs.asked).containsExactly(
                "unsaved: starting a new one (the server, event profile, frame size limit or rules changed)");
        assertThat(driver.session()).as("cancel keeps the session").isSameAs(netra);
        assertThat(driver.fx(() -> driver.models().signIn.connectedIds())).as("cancel leaves alice and bob shown "
                + "connected, as they are, never \"connecting…\"").containsExactlyInAnyOrder("alice", "bob");
        assertThat(driver.fx(() -> List.copyOf(driver.models().composer.sendAsChoices())))
                .as("the live netra session's templates, not those of a profile no session uses yet")
                .contains("start_agent").doesNotContain("run_agent_input");

        dialogs.unsaved = Dialogs.Unsaved.DISCARD;
        driver.onFx(() -> driver.window.commands().connectAll());
        driver.waitFor("a fresh ag-ui session", () -> driver.session() != netra
                && driver.session().info().profile().equals("ag-ui"));
        driver.waitFor("the composer offers the ag-ui session's templates",
                () -> driver.models().composer.sendAsChoices().contains("run_agent_input"));
        driver.waitFor("the status line no longer names the old session's prompts",
                () -> driver.models().composer.canariesProperty().get().isEmpty());
        assertThat(dialogs.asked).hasSize(2);
        driver.onFx(() -> driver.models().signIn.profileProperty().set("netra"));
    }

    @Test
    void aRecordedSessionReplacedByAFreshOneIsRecordedInAJournalOfItsOwn() throws Exception {
        driver.onFx(() -> {
            driver.models().signIn.serverUrlProperty().set(""); // the embedded backend
            driver.models().signIn.profileProperty().set("netra");
            driver.window.commands().connectAll();
        });
        driver.waitFor("alice and bob are connected", () -> driver.models().signIn.connectedIds().size() == 2);
        driver.onFx(() -> driver.window.commands().toggleRecording());
        driver.waitFor("a journal is being written", () -> !driver.models().status.journalProperty().get().isEmpty());
        Path first = Path.of(driver.fx(() -> driver.models().status.journalProperty().get()));

        driver.onFx(() -> {
            driver.models().signIn.profileProperty().set("ag-ui");
            driver.window.commands().connectAll();
        });

        driver.waitFor("the fresh session has a journal of its own",
                () -> !driver.models().status.journalProperty().get().equals(first.toString()));
        Path second = Path.of(driver.fx(() -> driver.models().status.journalProperty().get()));
        assertThat(driver.fx(() -> driver.models().status.recordingProperty().get())).isTrue();
        assertThat(new JournalReader().load(first).session().info().profile()).isEqualTo("netra");
        driver.waitFor("the new journal holds the new session's users", () -> lanesIn(second) == 2);
        assertThat(new JournalReader().load(second).session().info().profile()).isEqualTo("ag-ui");
        driver.onFx(() -> {
            driver.window.commands().toggleRecording();
            driver.models().signIn.profileProperty().set("netra");
        });
    }

    /** The lanes a journal holds so far. */
    private static int lanesIn(Path journal) {
        try {
            return new JournalReader().load(journal).session().lanes().size();
        } catch (Exception e) {
            return -1; // still being written
        }
    }

    private static List<Finding> disconnects() {
        return driver.models().findings.all().stream().filter(f -> f.rule().equals("disconnect")).toList();
    }
}
