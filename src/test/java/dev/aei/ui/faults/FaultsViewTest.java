package dev.aei.ui.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.server.FaultRule;
import dev.aei.server.FaultType;
import dev.aei.ui.FormScenes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The fault form as laid out in FXML: what is picked and typed reaches the view model and the backend's plan. */
@ExtendWith(ApplicationExtension.class)
class FaultsViewTest {
    private final List<List<FaultRule>> installed = new CopyOnWriteArrayList<>();
    private final AtomicInteger demos = new AtomicInteger();
    private FaultsViewModel vm;
    private Scene scene;

    @Start
    void start(Stage stage) {
        vm = new FaultsViewModel(user -> user.equals("bob") ? 2 : 0, installed::add, Runnable::run);
        vm.setUsers(List.of("alice", "bob"));
        scene = FormScenes.show(stage, FaultsView.load(vm, demos::incrementAndGet).root(), 340, 720);
    }

    @Test
    void aDelayPickedAndTypedInTheFormIsArmedOnTheBackend(FxRobot robot) throws Exception {
        FormScenes.pick(robot, "#fault-user", "bob");
        assertThat(vm.userProperty().get()).isEqualTo("bob");
        assertThat(vm.runProperty().get()).isEqualTo(3);
        assertThat(robot.lookup("#fault-run .text-field").queryTextInputControl().getText()).isEqualTo("3");

        assertThat(visible(robot, "#fault-to")).isTrue();
        assertThat(visible(robot, "#fault-delay")).isFalse();
        FormScenes.pick(robot, "#fault-type", FaultType.DELAY.label());
        assertThat(vm.faultProperty().get()).isEqualTo(FaultType.DELAY);
        assertThat(robot.lookup("#fault-explained").queryAs(Label.class).getText()).isEqualTo(FaultsViewModel.explain(FaultType.DELAY));
        assertThat(visible(robot, "#fault-to")).isFalse();
        assertThat(visible(robot, "#fault-delay")).isTrue();
        robot.doubleClickOn("#fault-delay .text-field").eraseText(6).write("500").type(KeyCode.ENTER);
        assertThat(vm.msProperty().get()).isEqualTo(500);
        FormScenes.pick(robot, "#fault-event", "tool_executing");
        assertThat(vm.eventProperty().get()).isEqualTo("tool_executing");

        robot.clickOn("#fault-apply");
        FaultRule armed = new FaultRule("bob", 3, "tool_executing", FaultType.DELAY, null, 500);
        assertThat(vm.active()).containsExactly(armed);
        assertThat(installed.get(installed.size() - 1)).containsExactly(armed);
        assertThat(robot.lookup("#faults-active").queryAs(ListView.class).getItems()).hasSize(1);
        assertThat(robot.lookup(FaultsViewModel.describe(armed)).tryQuery()).isPresent();
        FormScenes.screenshot(scene, "form-faults");

        robot.clickOn("#fault-clear");
        assertThat(vm.active()).isEmpty();
        assertThat(installed.get(installed.size() - 1)).isEmpty();
        robot.clickOn("#leak-demo");
        assertThat(demos.get()).isEqualTo(1);
    }

    private static boolean visible(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node.isVisible() && node.isManaged();
    }
}
