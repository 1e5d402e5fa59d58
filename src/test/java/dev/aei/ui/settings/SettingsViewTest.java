package dev.aei.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.ui.FormScenes;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The settings form as laid out in FXML: every field reaches the view model, and the view model's values show. */
@ExtendWith(ApplicationExtension.class)
class SettingsViewTest {
    private SettingsViewModel vm;
    private Scene scene;

    @Start
    void start(Stage stage) {
        vm = new SettingsViewModel(AppSettings.defaults());
        scene = FormScenes.show(stage, SettingsView.load(vm).root(), 560, 720);
    }

    @Test
    void theThemeRadiosFollowAndSetTheViewModel(FxRobot robot) {
        RadioButton light = robot.lookup("#theme-light").queryAs(RadioButton.class);
        RadioButton dark = robot.lookup("#theme-dark").queryAs(RadioButton.class);
        assertThat(light.isSelected()).isTrue();
        robot.clickOn(dark);
        assertThat(vm.darkThemeProperty().get()).isTrue();
        assertThat(light.isSelected()).isFalse();
        robot.clickOn(light);
        assertThat(vm.darkThemeProperty().get()).isFalse();
        robot.interact(() -> vm.darkThemeProperty().set(true));
        assertThat(dark.isSelected()).isTrue();
    }

    @Test
    void textThatIsNoWholeNumberPutsBackTheValueInForce(FxRobot robot) {
        robot.doubleClickOn("#max-frame .text-field").eraseText(4).write("abc").type(KeyCode.ENTER);
        robot.clickOn("#reconnect"); // leave the field
        assertThat(vm.maxFrameMiBProperty().get()).isEqualTo(AppSettings.defaults().network().maxFrameMiB());
        assertThat(robot.lookup("#max-frame .text-field").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo(String.valueOf(AppSettings.defaults().network().maxFrameMiB()));
    }

    @Test
    void typedAndTickedConnectionSettingsReachTheViewModelAndDefaultsComeBack(FxRobot robot) throws Exception {
        robot.doubleClickOn("#ping-seconds .text-field").eraseText(4).write("45").type(KeyCode.ENTER);
        assertThat(vm.pingSecondsProperty().get()).isEqualTo(45);
        assertThat(robot.lookup("#ping-hint").queryAs(Label.class).getText()).contains("every 45 s");
        robot.clickOn("#max-frame .decrement-arrow-button");
        assertThat(vm.maxFrameMiBProperty().get()).isEqualTo(15);
        robot.doubleClickOn("#max-frame .text-field").eraseText(4).write("99").type(KeyCode.ENTER);
        assertThat(vm.maxFrameMiBProperty().get()).as("kept within 1 to 64 MiB").isEqualTo(NetworkPrefs.MAX_FRAME_MIB);
        robot.doubleClickOn("#max-frame .text-field").eraseText(4).write("4").type(KeyCode.ENTER);
        assertThat(vm.maxFrameMiBProperty().get()).isEqualTo(4);
        robot.clickOn("#reconnect");
        assertThat(vm.network()).isEqualTo(new NetworkPrefs(45, 4, true));
        robot.clickOn("#canary-patterns").write("([a-");
        assertThat(robot.lookup("#canary-problems").queryAs(Label.class).getText()).contains("not a valid regular expression");
        robot.eraseText(4).write("\\[\\[canary:(?<user>[^:\\]]+):[0-9a-f]{8}]]");
        assertThat(vm.canaryPatterns()).endsWith("\\[\\[canary:(?<user>[^:\\]]+):[0-9a-f]{8}]]");
        assertThat(robot.lookup("#canary-problems").queryAs(Label.class).isManaged()).isFalse();
        assertThat(robot.lookup("#canary-patterns").queryAs(TextArea.class).getPromptText()).startsWith("\\[\\[canary:");
        FormScenes.screenshot(scene, "form-settings");

        robot.clickOn("#settings-defaults");
        assertThat(vm.network()).isEqualTo(NetworkPrefs.defaults());
        assertThat(robot.lookup("#ping-seconds .text-field").queryTextInputControl().getText()).isEqualTo("20");
        assertThat(robot.lookup("#max-frame .text-field").queryTextInputControl().getText()).isEqualTo("16");
    }
}
