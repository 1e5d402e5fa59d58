package dev.aei.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.analysis.Finding;
import dev.aei.analysis.Severity;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.protocol.EventDecoder;
import dev.aei.protocol.Profile;
import java.time.ZoneOffset;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The client's column beside the JSON: what the netra web client takes from the event, missing fields marked. */
@ExtendWith(ApplicationExtension.class)
class DetailViewTest {
    private static final Profile NETRA = Profile.load("netra");

    private DetailViewModel vm;
    private DetailView view;
    private List<Finding> findings = List.of();

    @Start
    void start(Stage stage) {
        EventDecoder decoder = new EventDecoder(NETRA);
        vm = new DetailViewModel(decoder::decode, (lane, frame) -> findings, NETRA::contract, ZoneOffset.UTC);
        view = new DetailView(vm);
        stage.setScene(new Scene(view, 300, 640));
        stage.show();
    }

    @Test
    void aToolNameAtTheRootShowsAsMissingInTheClientsColumn(FxRobot robot) {
        robot.interact(() -> vm.show("alice", Frame.text(3, Direction.IN, 5, 1_000, "{\"type\":\"tool_executing\","
                + "\"run_id\":\"run_t-1_00001_abcdef01\",\"tool_name\":\"search_docs\","
                + "\"data\":{\"parameters\":{\"query\":\"Q3\"}}}")));
        WaitForAsyncUtils.waitForFxEvents();

        Node column = robot.lookup("#detail-client").query();
        assertThat(column.isVisible()).isTrue();
        assertThat(texts(robot, "#detail-client .label")).contains("As the netra web client sees it", "tool",
                "unknown_tool", "missing: reads data.tool_name or payload.tool_name; found tool_name at the root");
        Label shown = robot.lookup("#detail-client .client-missing").queryAs(Label.class);
        assertThat(shown.getText()).isEqualTo("unknown_tool");
        assertThat(shown.getGraphic()).as("a warning icon").isNotNull();
        assertThat(robot.lookup("#detail-client .client-missing").queryAll()).hasSize(1);
    }

    @Test
    void whereTheClientReadsItTheValueShowsAndNothingIsMarked(FxRobot robot) {
        robot.interact(() -> vm.show("alice", Frame.text(4, Direction.IN, 5, 1_000, "{\"type\":\"tool_executing\","
                + "\"payload\":{\"tool_name\":\"search_docs\",\"parameters\":{}}}")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(texts(robot, "#detail-client .label")).contains("search_docs", "payload.tool_name");
        assertThat(robot.lookup("#detail-client .client-missing").queryAll()).isEmpty();
    }

    @Test
    void aFrameThatIsNotJsonOpensOnRawAndTheNextJsonFrameOnJsonAgain(FxRobot robot) {
        robot.interact(() -> vm.show("alice", Frame.text(6, Direction.IN, 5, 1_000, "{\"type\":\"agent_thinking\", oops")));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TabPane tabs = robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Raw");
        assertThat(texts(robot, ".label")).contains("This frame is not JSON: the Raw tab shows it as it was received.");

        robot.interact(() -> vm.show("alice", Frame.text(7, Direction.IN, 5, 1_000, "{\"type\":\"heartbeat\"}")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("JSON");
        assertThat(robot.lookup("#detail-tree").tryQuery()).isPresent();
    }

    @Test
    void eventsTheClientReadsNothingFromShowOnlyTheTree(FxRobot robot) {
        robot.interact(() -> vm.show("alice", Frame.text(4, Direction.IN, 5, 1_000,
                "{\"type\":\"tool_executing\",\"tool_name\":\"a\"}")));
        robot.interact(() -> vm.show("alice", Frame.text(5, Direction.IN, 5, 1_000, "{\"type\":\"heartbeat\"}")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.detailProperty().get().client()).isNull();
        assertThat(robot.lookup("#detail-client").tryQuery()).as("the column left the window").isEmpty();
        assertThat(robot.lookup("#detail-tree").tryQuery()).isPresent();
    }

    @Test
    void aLongFindingWrapsInsideThePanelAndTheRawTabHoldsTheFrameAsReceived(FxRobot robot) {
        String message = "alice received bob's agent_thinking of run run_t-bob-2_00003_dba662d4: "
                + "a thought meant for another user crossed over, which the isolation rule never allows";
        findings = List.of(new Finding("leak-owner", Severity.CRITICAL, "alice", "run_t-bob-2_00003_dba662d4",
                message, List.of(4), 5));
        String text = "{\"type\":\"agent_thinking\",  \"data\":{\"message\":\"x\"}}";
        robot.interact(() -> vm.show("alice", Frame.text(4, Direction.IN, 5, 1_000, text)));
        WaitForAsyncUtils.waitForFxEvents();

        Label line = robot.lookup("#detail-finding-leak-owner").queryAs(Label.class);
        javafx.scene.text.Text drawn = (javafx.scene.text.Text) line.lookup(".text");
        assertThat(drawn.getText().replace("\n", " ")).as("not cut with an ellipsis")
                .isEqualTo(line.getText().replace("\n", " "));
        assertThat(line.getHeight()).as("wrapped onto several lines").isGreaterThan(3 * line.getFont().getSize());
        assertThat(line.localToScene(line.getLayoutBounds()).getMaxX()).isLessThanOrEqualTo(300);
        javafx.scene.control.TextArea raw = robot.lookup("#detail-raw").queryAs(javafx.scene.control.TextArea.class);
        assertThat(raw.getText()).isEqualTo(text);
        assertThat(raw.isWrapText()).isFalse();
    }

    private static List<String> texts(FxRobot robot, String query) {
        return robot.lookup(query).queryAllAs(Label.class).stream().map(Label::getText).toList();
    }
}
