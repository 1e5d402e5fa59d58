package dev.aei.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.fixture.FileKind;
import dev.aei.fixture.Progress;
import dev.aei.fixture.SessionFiles;
import dev.aei.server.BackendConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app never destroys a user's evidence: it asks before dropping an unsaved live session, and
 * Ctrl+S on a browser's HAR asks where to save instead of rewriting the browser's file.
 */
class EvidenceTest {
    @TempDir
    static Path dir;
    private static AppDriver driver;
    private static ScriptedDialogs dialogs;

    @BeforeAll
    static void startApp() throws Exception {
        driver = new AppDriver(dir, List.of(), BackendConfig.defaults().withEventDelayMs(5));
        dialogs = driver.dialogs;
        driver.waitFor("alice and bob are connected", () -> driver.models().signIn.connectedIds().size() == 2);
    }

    @AfterAll
    static void stopApp() throws Exception {
        driver.close();
    }

    @Test
    void unsavedLiveWorkIsAskedAboutAndABrowserHarIsNeverRewritten() throws Exception {
        assertThat(driver.window.workbench().sendPrompt(List.of("alice"), "Compare Q3 costs", null)).hasSize(1);

        dialogs.unsaved = Dialogs.Unsaved.CANCEL;
        driver.onFx(() -> driver.window.quit());
        assertThat(dialogs.asked).containsExactly("unsaved: quitting");
        assertThat(driver.fx(driver.stage::isShowing)).as("cancel keeps the window open").isTrue();

        Path har = Files.writeString(dir.resolve("from-chrome.har"), BrowserHar.twoSockets());
        byte[] evidence = Files.readAllBytes(har);
        dialogs.unsaved = Dialogs.Unsaved.DISCARD;
        driver.onFx(() -> driver.window.openFile(har));
        driver.waitFor("the HAR is shown", () -> "from-chrome.har".equals(
                driver.window.openFiles().viewingProperty().get()) && !driver.window.openFiles().loadingProperty().get()
                && driver.window.pump().backlog() == 0);
        assertThat(dialogs.asked).containsExactly("unsaved: quitting", "unsaved: opening from-chrome.har");

        Path copy = dir.resolve("copy.aei.json");
        dialogs.saveTarget = copy;
        driver.onFx(() -> driver.window.saveSession()); // Ctrl+S
        driver.waitFor("the copy is saved", () -> Files.exists(copy) && !driver.window.openFiles().loadingProperty().get());
        assertThat(dialogs.asked).last().isEqualTo("save target near from-chrome.har");
        assertThat(Files.readAllBytes(har)).as("the browser's HAR, byte for byte").isEqualTo(evidence);
        assertThat(SessionFiles.defaults().detect(copy)).isEqualTo(FileKind.FIXTURE);
        assertThat(SessionFiles.defaults().open(copy, Progress.NONE).session().frameCount()).isPositive();
        assertThat(driver.fx(driver.window.workbench()::hasUnsavedWork)).as("a file on screen loses nothing").isFalse();
    }
}
