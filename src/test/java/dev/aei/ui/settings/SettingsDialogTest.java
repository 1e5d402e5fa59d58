package dev.aei.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.ui.FormScenes;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The settings dialog as the window opens it: a problem with the markers shows without hiding its buttons. */
@ExtendWith(ApplicationExtension.class)
class SettingsDialogTest {
    private final SettingsViewModel vm = new SettingsViewModel(AppSettings.defaults());
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        FormScenes.show(stage, new StackPane(), 900, 800);
    }

    @Test
    void theDialogGrowsWithAMarkerProblemAndItsButtonsStayInView(FxRobot robot) {
        robot.interact(() -> SettingsView.show(owner, vm));
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        Node buttons = pane.lookup(".button-bar");
        assertThat(bottomOf(buttons)).isLessThanOrEqualTo(pane.getScene().getHeight());

        robot.clickOn("#canary-patterns").write("([a-");

        assertThat(robot.lookup("#canary-problems").queryLabeled().getText()).contains("not a valid regular expression");
        assertThat(bottomOf(buttons)).as("the dialog's buttons, below the problem").isLessThanOrEqualTo(pane.getScene().getHeight());
        robot.interact(() -> pane.getScene().getWindow().hide());
    }

    private static double bottomOf(Node node) {
        Bounds bounds = node.localToScene(node.getBoundsInLocal());
        return bounds.getMaxY();
    }
}
