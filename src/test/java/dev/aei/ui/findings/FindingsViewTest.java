package dev.aei.ui.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.analysis.Finding;
import dev.aei.analysis.Severity;
import dev.aei.ui.FormScenes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The findings table: several rows can be selected for copying, and a frame chosen elsewhere selects its finding alone. */
@ExtendWith(ApplicationExtension.class)
class FindingsViewTest {
    private final List<Finding> opened = new CopyOnWriteArrayList<>();
    private final Finding leak = new Finding("leak-owner", Severity.CRITICAL, "alice", "run_t-1", "bob's event", List.of(3), 10);
    private final Finding gap = new Finding("seq-gap", Severity.ERROR, "bob", "run_t-2", "2 events missing", List.of(7), 20);
    private final Finding late = new Finding("late-event", Severity.WARNING, "bob", "run_t-2", "3 s late", List.of(9), 30);
    private FindingsViewModel vm;
    private TableView<Finding> table;

    @Start
    void start(Stage stage) {
        vm = new FindingsViewModel(opened::add);
        vm.addAll(List.of(leak, gap, late));
        FindingsView view = new FindingsView(vm, nanos -> String.valueOf(nanos));
        table = view.table();
        FormScenes.show(stage, view, 900, 400);
    }

    @Test
    void ctrlCCopiesSelectedFindingsInTheTableOnlyAndTextElsewhere(FxRobot robot) {
        robot.interact(() -> {
            table.getSelectionModel().selectRange(0, 2);
            Bounds b = table.localToScreen(table.getBoundsInLocal());
            Event.fireEvent(table, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 40, 40,
                    b.getMinX() + 40, b.getMinY() + 40, false, null)); // the menu and its Ctrl+C shown once
        });
        robot.type(KeyCode.ESCAPE);
        robot.interact(table::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clipboard(robot)).isEqualTo(FindingsViewModel.asText(List.of(leak, gap)));

        robot.clickOn(".custom-text-field").write("late");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clipboard(robot)).as("the filter field copies its own text").isEqualTo("late");
    }

    private static String clipboard(FxRobot robot) {
        String[] text = new String[1];
        robot.interact(() -> text[0] = Clipboard.getSystemClipboard().getString());
        return text[0];
    }

    @Test
    void aFrameChosenElsewhereSelectsItsFindingAloneAfterSeveralWereSelected(FxRobot robot) {
        robot.interact(() -> table.getSelectionModel().selectAll());
        assertThat(table.getSelectionModel().getSelectedItems()).hasSize(3);

        robot.interact(() -> vm.frameSelected("bob", 7));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table.getSelectionModel().getSelectedItems()).containsExactly(gap);
        assertThat(FindingsViewModel.asText(table.getSelectionModel().getSelectedItems()))
                .isEqualTo("ERROR seq-gap bob run_t-2: 2 events missing [frames 7]\n");
    }
}
