package dev.aei.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.capture.Session;
import dev.aei.fixture.FileKind;
import dev.aei.fixture.Progress;
import dev.aei.fixture.SessionFiles;
import dev.aei.ui.files.ReplayViewModel;
import dev.aei.ui.signin.UserRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app never destroys a user's evidence and shows a file as the file is: it asks before dropping
 * an unsaved live session; a browser's HAR opened after a live session is drawn on its own time
 * range with its own lanes and counts; Ctrl+S on it asks where to save instead of rewriting it, and
 * Save as refuses it; Open Recent asks as Open does.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvidenceTest {
    @TempDir
    static Path dir;
    private static AppDriver driver;
    private static ScriptedDialogs dialogs;

    @BeforeAll
    static void startApp() throws Exception {
        driver = AppDriver.connected(dir);
        dialogs = driver.dialogs;
    }

    @AfterAll
    static void stopApp() throws Exception {
        driver.close();
        driver = null;
    }

    @Test
    @Order(1)
    void unsavedLiveWorkIsAskedAboutAndABrowserHarIsNeverRewritten() throws Exception {
        assertThat(driver.window.control().sendPrompt(List.of("alice"), "Compare Q3 costs", null)).hasSize(1);

        dialogs.unsaved = Dialogs.Unsaved.CANCEL;
        driver.onFx(() -> driver.window.commands().quit());
        assertThat(dialogs.asked).containsExactly("unsaved: quitting");
        assertThat(driver.fx(driver.stage::isShowing)).as("cancel keeps the window open").isTrue();

        Path har = Files.writeString(dir.resolve("from-chrome.har"), BrowserHar.threeSockets());
        byte[] evidence = Files.readAllBytes(har);
        dialogs.unsaved = Dialogs.Unsaved.DISCARD;
        driver.showAndWait("the HAR is shown", () -> driver.window.files().open(har));
        assertThat(driver.fx(() -> driver.window.timeline().frameCount())).isEqualTo(15);
        assertThat(dialogs.asked).containsExactly("unsaved: quitting", "unsaved: opening from-chrome.har");

        // everything on screen is the file's: its own time range, its three lanes, its counts
        Session file = driver.window.control().inspection().session();
        long first = file.lanes().stream().mapToLong(l -> Math.min(l.frames().get(0).nanos(), l.events().get(0).nanos()))
                .min().orElseThrow();
        long last = file.lanes().stream().mapToLong(l -> l.frames().get(l.frames().size() - 1).nanos()).max().orElseThrow();
        assertThat(driver.fx(() -> driver.window.timeline().getVisibleStart())).isBetween(first - 50_000_000L, first);
        assertThat(driver.fx(() -> driver.window.timeline().getVisibleEnd())).isBetween(last, last + 500_000_000L);
        assertThat(driver.fx(() -> driver.window.timeline().getVisibleEnd() - driver.window.timeline().getVisibleStart()))
                .as("a 0.3 s file is not drawn on a 10 s live axis").isLessThan(1_000_000_000L);
        assertThat(driver.fx(() -> driver.models().signIn.shownUsersProperty().get().stream().map(UserRow::id).toList()))
                .containsExactly("ws-1", "ws-2", "ws-3");
        assertThat(driver.fx(() -> driver.models().status.connectedText().get())).isEqualTo("3 lanes in the file");
        assertThat(driver.fx(() -> driver.models().status.rateText().get())).as("no live rate for a file").isEmpty();
        assertThat(driver.fx(() -> driver.window.timeline().getLiveLabel())).isEqualTo("END");
        ReplayViewModel replay = driver.window.replayControls();
        long items = file.lanes().stream().mapToLong(l -> l.frames().size() + l.events().size()).sum();
        assertThat(driver.fx(() -> replay.totalProperty().get())).isEqualTo(items);
        assertThat(driver.fx(() -> replay.positionProperty().get())).as("the whole file is on screen").isEqualTo(items);

        driver.onFx(() -> driver.window.commands().nextFrame()); // F8
        driver.waitFor("the replay shows its first frame", () -> driver.fx(() -> driver.window.timeline().frameCount()) == 1);
        long position = driver.fx(() -> replay.positionProperty().get());
        assertThat(position).isBetween(1L, items - 1);
        assertThat(driver.fx(() -> driver.window.timeline().getLiveLabel())).isEqualTo("REPLAY " + position + "/" + items);
        assertThat(driver.fx(() -> driver.models().signIn.shownUsersProperty().get().size())).isEqualTo(3);
        driver.onFx(replay::stop); // the Stop button: what was replayed stays shown, and the badge says so
        assertThat(driver.fx(() -> driver.window.timeline().getLiveLabel())).isEqualTo("REPLAY " + position + "/" + items);
        assertThat(driver.fx(() -> driver.window.timeline().frameCount())).isEqualTo(1);

        assertThat(driver.fx(driver.stage::getTitle)).isEqualTo("Agent Event Inspector — viewing from-chrome.har");
        Path copy = dir.resolve("copy.aei.json");
        dialogs.saveTarget = copy;
        driver.onFx(() -> driver.window.commands().saveSession()); // Ctrl+S
        driver.waitFor("the copy is saved", () -> Files.exists(copy) && !driver.window.openFiles().loadingProperty().get());
        assertThat(dialogs.asked).last().isEqualTo("save target near from-chrome.har");
        assertThat(Files.readAllBytes(har)).as("the browser's HAR, byte for byte").isEqualTo(evidence);
        assertThat(driver.fx(driver.stage::getTitle)).as("the title says where Ctrl+S now writes")
                .isEqualTo("Agent Event Inspector — viewing from-chrome.har, saved as copy.aei.json");
        int asked = dialogs.asked.size();
        Files.delete(copy);
        driver.onFx(() -> driver.window.commands().saveSession()); // Ctrl+S again: to the copy, without asking
        driver.waitFor("the copy is saved again", () -> Files.exists(copy) && !driver.window.openFiles().loadingProperty().get());
        assertThat(dialogs.asked).hasSize(asked);
        assertThat(Files.readAllBytes(har)).isEqualTo(evidence);
        assertThat(SessionFiles.defaults().detect(copy)).isEqualTo(FileKind.FIXTURE);
        assertThat(SessionFiles.defaults().open(copy, Progress.NONE).session().frameCount()).isPositive();
        assertThat(driver.fx(driver.window.control().inspection()::hasUnsavedWork)).as("a file on screen loses nothing").isFalse();

        dialogs.saveTarget = har; // Save as, and the chooser's "Replace?" answered yes: the capture stays
        driver.onFx(() -> driver.window.commands().saveSessionAs());
        assertThat(driver.fx(() -> driver.window.openFiles().loadingProperty().get())).as("no save started").isFalse();
        assertThat(Files.readAllBytes(har)).isEqualTo(evidence);
        assertThat(driver.fx(driver.stage::getTitle)).endsWith("saved as copy.aei.json");
    }

    @Test
    @Order(2)
    void openRecentAsksBeforeDroppingAnUnsavedLiveSession() throws Exception {
        Path recent = Files.writeString(dir.resolve("recent.har"), BrowserHar.threeSockets());
        driver.showAndWait("the HAR is shown", () -> driver.window.files().open(recent));
        driver.onFx(() -> driver.window.commands().connectAll());
        driver.waitFor("the live session is back", () -> !driver.fx(() -> driver.window.onScreen().showsFile()));
        driver.waitFor("alice is connected", () -> driver.models().signIn.connectedIds().contains("alice"));
        assertThat(driver.window.control().sendPrompt(List.of("alice"), "Compare Q3 costs", null)).hasSize(1);

        dialogs.unsaved = Dialogs.Unsaved.CANCEL;
        int asked = dialogs.asked.size();
        driver.onFx(() -> driver.window.openRecentMenu().getItems().stream()
                .filter(item -> item.getText().endsWith("recent.har")).findFirst().orElseThrow().fire());
        assertThat(dialogs.asked.subList(asked, dialogs.asked.size())).containsExactly("unsaved: opening recent.har");
        assertThat(driver.fx(() -> driver.window.onScreen().showsFile())).as("Cancel keeps the live session").isFalse();
    }
}
