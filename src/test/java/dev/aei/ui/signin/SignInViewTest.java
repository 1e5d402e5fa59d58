package dev.aei.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.PasswordTextField;
import dev.aei.auth.TestUser;
import dev.aei.ui.FormScenes;
import dev.aei.ui.settings.AppSettings;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The sign-in form as laid out in FXML: what is typed and clicked reaches the view model, and back. */
@ExtendWith(ApplicationExtension.class)
class SignInViewTest {
    private final SignInViewModelTest.RecordingConnections connections = new SignInViewModelTest.RecordingConnections();
    private SignInViewModel vm;
    private SignInView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        vm = new SignInViewModel(AppSettings.defaults(), connections);
        view = SignInView.load(vm);
        scene = FormScenes.show(stage, view.root(), 340, 760);
    }

    @Test
    void typedConnectionSettingsReachTheViewModel(FxRobot robot) throws Exception {
        TitledPane connection = robot.lookup("#connection-settings").queryAs(TitledPane.class);
        assertThat(connection.isExpanded()).as("collapsed for the embedded backend").isFalse();
        robot.interact(() -> connection.setAnimated(false));
        robot.clickOn("Connection settings");
        assertThat(connection.isExpanded()).isTrue();
        robot.clickOn("#server-url").write("ws://127.0.0.1:9/ws");
        robot.clickOn("#secret").write("s3cret");
        robot.clickOn("#remember-secret");
        assertThat(vm.serverUrlProperty().get()).isEqualTo("ws://127.0.0.1:9/ws");
        assertThat(vm.secretProperty().get()).isEqualTo("s3cret");
        assertThat(vm.rememberSecretProperty().get()).isTrue();

        assertThat(visible(robot, "#ticket-url")).isFalse();
        FormScenes.pick(robot, "#auth-mode", "ticket");
        assertThat(vm.authModeProperty().get()).isEqualTo("ticket");
        assertThat(visible(robot, "#ticket-url")).isTrue();
        robot.clickOn("#ticket-url").write("https://h.test/ticket");
        assertThat(vm.ticketUrlProperty().get()).isEqualTo("https://h.test/ticket");

        FormScenes.pick(robot, "#token-mode", AppSettings.TOKEN_LOGIN);
        assertThat(vm.tokenModeProperty().get()).isEqualTo(AppSettings.TOKEN_LOGIN);
        assertThat(visible(robot, "#login-url")).isTrue();
        assertThat(visible(robot, "#algorithm")).isFalse();
        assertThat(robot.lookup("Password").tryQuery()).isPresent();
        robot.clickOn("#login-url").write("https://h.test/login");
        assertThat(vm.loginUrlProperty().get()).isEqualTo("https://h.test/login");
        FormScenes.screenshot(scene, "form-signin");

        robot.interact(() -> vm.tokenModeProperty().set(AppSettings.TOKEN_KEY_FILE));
        assertThat(visible(robot, "#key-file")).isTrue();
        assertThat(visible(robot, "#secret")).isFalse();
        robot.clickOn("#key-file").write("/keys/test.pem");
        assertThat(vm.keyFileProperty().get()).isEqualTo("/keys/test.pem");

        robot.clickOn("#profile").eraseText(5).write("ag-ui").type(KeyCode.ENTER);
        assertThat(vm.profileProperty().get()).isEqualTo("ag-ui");
    }

    @Test
    void theUserButtonsAddRemoveAndConnectThroughTheViewModel(FxRobot robot) {
        robot.clickOn("#new-user").write("carol").type(KeyCode.ENTER);
        assertThat(vm.users()).extracting(UserRow::id).containsExactly("alice", "bob", "carol");
        robot.clickOn("#new-user").write("dave");
        robot.clickOn("#add-user");
        assertThat(vm.users()).extracting(UserRow::id).endsWith("dave");

        robot.clickOn("#new-user").write("   ");
        robot.clickOn("#add-user");
        Label message = robot.lookup("#signin-message").queryAs(Label.class);
        assertThat(message.getText()).startsWith("A user id needs");
        robot.clickOn("#new-user").eraseText(3);
        assertThat(message.isManaged()).isTrue();

        TableView<UserRow> table = robot.lookup("#users-table").queryAs(TableView.class);
        assertThat(robot.lookup("#remove-users").query().isDisabled()).isTrue();
        robot.clickOn("carol");
        assertThat(view.selectedUserIds()).containsExactly("carol");
        robot.clickOn("#remove-users");
        assertThat(vm.users()).extracting(UserRow::id).containsExactly("alice", "bob", "dave");
        assertThat(table.getItems()).hasSize(3);

        robot.interact(() -> vm.row("dave").orElseThrow().enabledProperty().set(false));
        robot.clickOn("#connect-all");
        assertThat(connections.connected).extracting(TestUser::id).containsExactly("alice", "bob");
        robot.clickOn("#disconnect-all");
        assertThat(connections.calls).endsWith("disconnect all");
    }

    @Test
    void aRememberedSecretStaysTheSecretAndIsShownMasked(FxRobot robot) throws Exception {
        AppSettings saved = new AppSettings("ws://h.test/ws", "header", AppSettings.TOKEN_SECRET, "HS256", "kept", true,
                "", "", "", "netra", AppSettings.defaults().users(), false, List.of());
        SignInViewModel remembered = new SignInViewModel(saved, connections);
        PasswordTextField field = WaitForAsyncUtils.asyncFx(() -> {
            Parent form = SignInView.load(remembered).root();
            new Scene(form).getRoot().applyCss(); // skins, and with them the titled pane's content, come with a scene
            return (PasswordTextField) form.lookup("#secret");
        }).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(remembered.secretProperty().get()).isEqualTo("kept");
        assertThat(field.getPassword()).isEqualTo("kept");
        assertThat(field.getText()).isNotEqualTo("kept").hasSize(4);
        robot.interact(() -> remembered.secretProperty().set("changed"));
        assertThat(field.getPassword()).isEqualTo("changed");
    }

    private static boolean visible(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node.isVisible() && node.isManaged();
    }
}
