package dev.aei.ui.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.analysis.Finding;
import dev.aei.analysis.Severity;
import dev.aei.ui.FormScenes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.TableView;
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
