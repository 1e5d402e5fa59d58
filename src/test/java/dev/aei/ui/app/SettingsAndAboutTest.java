package dev.aei.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.capture.LaneEvent;
import dev.aei.server.FaultRule;
import dev.aei.server.FaultType;
import dev.aei.ui.FormScenes;
import dev.aei.runtime.AppVersion;
import dev.aei.ui.about.AboutView;
import dev.aei.ui.settings.NetworkPrefs;
import dev.aei.ui.settings.SettingsStore;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The settings and about dialogs in the running app: opened from the keyboard and the menu, and put to use. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SettingsAndAboutTest {
    /** Another tool's prompt marker format, which names the user whose prompt carried it. */
    private static final String THEIRS = "\\[\\[canary:(?<user>[^:\\]]+):[0-9a-f]{8}]]";

    @TempDir
    static Path dir;
    private static AppDriver driver;

    @BeforeAll
    static void startApp() throws Exception {
        driver = AppDriver.quiet(dir);
    }

    @AfterAll
    static void stopApp() throws Exception {
        driver.close();
        driver = null;
    }

    @Test
    @Order(1)
    void reconnectsTickedInTheSettingsDialogAreSavedAndBringADroppedUserBack() throws Exception {
        driver.robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        driver.waitFor("the settings dialog shows", () -> driver.robot.lookup("#settings-dialog").tryQuery().isPresent());
        driver.robot.clickOn("#reconnect");
        driver.robot.clickOn("#canary-patterns").write(THEIRS);
        driver.robot.clickOn("#theme-dark");
        assertThat(driver.fx(() -> driver.window.darkThemeProperty().get())).as("the theme follows at once").isTrue();
        Node dialog = driver.lookup("#settings-dialog");
        FormScenes.screenshot(dialog.getScene(), "dialog-settings");
        driver.robot.clickOn("#theme-light");
        driver.robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        driver.waitFor("the settings dialog closes", () -> driver.robot.lookup("#settings-dialog").tryQuery().isEmpty());

        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        driver.waitFor("the settings file holds the reconnects", () -> store.load().network().reconnect());
        assertThat(store.load().network()).isEqualTo(new NetworkPrefs(NetworkPrefs.DEFAULT_PING_SECONDS,
                NetworkPrefs.DEFAULT_FRAME_MIB, true));
        assertThat(store.load().darkTheme()).isFalse();
        assertThat(store.load().canaryPatterns()).containsExactly("cnry-[0-9a-f]{10}", THEIRS);

        driver.robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        driver.waitFor("alice and bob are connected", () -> driver.models().signIn.connectedIds().size() == 2);
        int run = driver.fx(() -> driver.models().runs.runs("alice")) + 1;
        driver.window.control().setFaults(List.of(
                new FaultRule("alice", run, "agent_thinking", FaultType.CLOSE_ABRUPT, null, 0)));
        driver.onFx(() -> {
            driver.models().composer.promptProperty().set("Summarise open incidents");
            driver.models().composer.send();
        });
        driver.waitFor("alice's dropped socket reconnects by itself", () -> reconnected(driver.session().lane("alice").events()));
        driver.waitFor("alice shows as connected again", () -> driver.models().signIn.connectedIds().contains("alice"));
    }

    @Test
    @Order(2)
    void theAboutDialogFromTheHelpMenuTellsTheVersionAndTheRuntime() throws Exception {
        driver.robot.clickOn("Help");
        driver.robot.clickOn("About Agent Event Inspector");
        driver.waitFor("the about dialog shows", () -> driver.robot.lookup("#about-dialog").tryQuery().isPresent());
        AppVersion info = AppVersion.current();
        assertThat(driver.<Label>lookup("#about-version").getText()).isEqualTo(info.version())
                .isNotEqualTo(AboutView.DEVELOPMENT).matches("\\d+\\.\\d+.*");
        assertThat(driver.<Label>lookup("#about-commit").getText()).isEqualTo(info.commit());
        assertThat(driver.<Label>lookup("#about-java").getText()).contains(System.getProperty("java.version"));
        assertThat(driver.<Label>lookup("#about-javafx").getText()).startsWith("21");
        FormScenes.screenshot(driver.lookup("#about-dialog").getScene(), "dialog-about");
        driver.robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        driver.waitFor("the about dialog closes", () -> driver.robot.lookup("#about-dialog").tryQuery().isEmpty());
    }

    @Test
    @Order(3)
    void theHelpListsTheSettingsShortcutAndTheKeysOfTheTimelineAndTheFindingsTable() {
        driver.robot.press(KeyCode.F1).release(KeyCode.F1);
        driver.waitFor("the help dialog shows", () -> driver.robot.lookup("#help-dialog").tryQuery().isPresent());
        assertThat(driver.robot.lookup("Settings (theme, connections, prompt markers)").tryQuery()).isPresent();
        assertThat(driver.robot.lookup("Copy the selected findings, one line each").tryQuery()).isPresent();
        assertThat(driver.robot.lookup("Shift+Right / Shift+Left").tryQuery()).isPresent();
        driver.robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        driver.waitFor("the help dialog closes", () -> driver.robot.lookup("#help-dialog").tryQuery().isEmpty());
    }

    /** A drop the inspector did not ask for, then a retry, then connected again. */
    private static boolean reconnected(List<LaneEvent> events) {
        List<LaneEvent.Kind> kinds = List.copyOf(events).stream().map(LaneEvent::kind).toList();
        int retry = kinds.indexOf(LaneEvent.Kind.RECONNECTING);
        return retry > 0 && kinds.subList(retry, kinds.size()).contains(LaneEvent.Kind.CONNECTED);
    }
}
