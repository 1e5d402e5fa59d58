package dev.aei.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.analysis.Finding;
import dev.aei.analysis.Severity;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.ui.frames.DirectionChoice;
import dev.aei.ui.frames.FrameRow;
import dev.aei.ui.frames.FramesViewModel;
import dev.aei.ui.settings.FramesPlacement;
import dev.aei.ui.timeline.FrameRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The frames table in the real window against the real embedded backend: rows, search with its
 * highlight and next/previous, filters, selection shared with the timeline and findings, copy, and
 * sending a frame again. The steps build on each other, so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FramesTableTest {
    @TempDir
    static Path dir;
    private static AppDriver driver;
    private static String aliceCanary;

    @BeforeAll
    static void startApp() throws Exception {
        driver = AppDriver.connected(dir);
        driver.onFx(() -> {
            driver.models().composer.promptProperty().set("Compare Q3 cloud costs");
            driver.models().composer.send();
        });
        driver.waitFor("the prompt went out", () -> driver.models().composer.canariesProperty().get().contains("cnry-"));
        driver.waitFor("both runs completed and everything is drained", () -> completed("alice") && completed("bob")
                && driver.window.pump().framesDrained() == driver.session().frameCount());
        Matcher canary = Pattern.compile("alice (cnry-\\S+)").matcher(driver.fx(() ->
                driver.models().composer.canariesProperty().get()));
        assertThat(canary.find()).isTrue();
        aliceCanary = canary.group(1);
    }

    @AfterAll
    static void stopApp() throws Exception {
        driver.close();
        driver = null;
    }

    private static boolean completed(String lane) {
        return driver.roles(lane).contains(dev.aei.protocol.EventRole.COMPLETED);
    }

    private static FramesViewModel vm() {
        return driver.window.frames().model();
    }

    private static TableView<Integer> table() {
        return driver.window.frames().table();
    }

    @Test
    @Order(1)
    void theFramesTabListsEveryFrameInArrivalOrder() {
        driver.robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
        driver.waitFor("Ctrl+Shift+F shows the frames tab", () -> driver.window.framesDock().framesShowing()
                && driver.lookup("#frames-search").isFocused());
        driver.robot.clickOn("#frames-table");
        long frames = driver.session().frameCount();
        assertThat(driver.fx(() -> vm().items().size())).isEqualTo((int) frames);
        List<FrameRow> rows = driver.fx(() -> java.util.stream.IntStream.range(0, vm().items().size())
                .mapToObj(i -> vm().row(i)).toList());
        assertThat(rows).extracting(FrameRow::lane).contains("alice", "bob");
        assertThat(rows).filteredOn(FrameRow::sent).extracting(FrameRow::type).contains("start_agent");
        assertThat(rows).as("%s", rows).filteredOn(r -> r.type().equals("agent_completed")).hasSize(2)
                .allMatch(r -> r.run().startsWith("run") && !r.seq().isEmpty() && r.sinceRun().startsWith("+"));
        assertThat(driver.<Label>lookup("#frames-count").getText()).isEqualTo(frames + " frames");
    }

    @Test
    @Order(2)
    void searchMarksTheMatchAndStepsThroughTheMatchesWithTheKeyboard() throws Exception {
        driver.onFx(() -> vm().select(null)); // a new search goes to the first match after the selection
        driver.robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        driver.waitFor("Ctrl+F puts the caret in the frames search", () -> driver.lookup("#frames-search").isFocused());
        driver.robot.write(aliceCanary);
        driver.waitFor("the search found alice's prompt", () -> vm().search().matchCountProperty().get() > 0
                && !vm().search().searchingProperty().get());
        int matches = driver.fx(() -> vm().search().matchCountProperty().get());
        FrameRef first = driver.fx(() -> vm().selectedProperty().get());
        assertThat(first).isEqualTo(new FrameRef("alice", firstSentIndex("alice")));
        assertThat(driver.fx(() -> vm().search().matchTextProperty().get())).isEqualTo("1 of " + matches
                + (matches == 1 ? " frame" : " frames"));
        driver.waitFor("the match is marked in the payload cell", () -> hitLabels().contains(aliceCanary));
        driver.waitFor("the timeline selects the matching frame",
                () -> first.equals(driver.window.timeline().getSelectedFrame()));

        assertThat(driver.screenshot("frames-table-search")).exists();
        driver.robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        driver.waitFor("the table sits under the timeline", () -> driver.window.framesDock().placementProperty().get()
                == FramesPlacement.SPLIT && driver.window.timeline().isVisible() && table().isVisible());
        driver.waitFor("the placement is remembered", () -> FramesPlacement.load(dir.resolve("settings.json"))
                == FramesPlacement.SPLIT);
        driver.waitFor("the match is still marked", () -> hitLabels().contains(aliceCanary));
        assertThat(driver.screenshot("frames-table-split")).exists();

        if (matches > 1) {
            driver.robot.clickOn("#frames-search").type(KeyCode.ENTER);
            driver.waitFor("Enter goes to the next match", () -> !first.equals(vm().selectedProperty().get()));
            driver.robot.press(KeyCode.SHIFT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHIFT);
            driver.waitFor("Shift+Enter goes back", () -> first.equals(vm().selectedProperty().get()));
            driver.robot.type(KeyCode.F3);
            driver.waitFor("F3 goes to the next match", () -> !first.equals(vm().selectedProperty().get()));
            driver.robot.press(KeyCode.SHIFT, KeyCode.F3).release(KeyCode.F3, KeyCode.SHIFT);
            driver.waitFor("Shift+F3 goes back", () -> first.equals(vm().selectedProperty().get()));
        }
        driver.robot.clickOn("#frames-search").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .type(KeyCode.BACK_SPACE);
        driver.waitFor("clearing the search clears the matches", () -> vm().search().matchTextProperty().get().isEmpty()
                && hitLabels().isEmpty());
    }

    @Test
    @Order(3)
    void filtersByLaneDirectionAndType() {
        driver.robot.clickOn("#frames-lane").clickOn(popupCell("bob"));
        driver.waitFor("only bob's frames show", () -> vm().items().size() > 0
                && visibleRows().stream().allMatch(r -> r.lane().equals("bob")));
        driver.robot.clickOn("#frames-direction").clickOn(popupCell("↑ sent"));
        driver.waitFor("only what bob sent shows", () -> visibleRows().size() == 1 && visibleRows().get(0).sent());
        driver.onFx(() -> {
            vm().directionProperty().set(DirectionChoice.BOTH);
            vm().laneProperty().set(FramesViewModel.ALL_LANES);
            vm().chosenTypes().setAll("agent_completed");
        });
        assertThat(driver.fx(FramesTableTest::visibleRows)).hasSize(2).allMatch(r -> r.type().equals("agent_completed"));
        driver.onFx(() -> vm().chosenTypes().clear());
        assertThat(driver.fx(() -> vm().items().size())).isEqualTo((int) driver.session().frameCount());
    }

    @Test
    @Order(4)
    void selectionIsSharedWithTheTimelineTheDetailAndTheFindings() {
        driver.robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        driver.waitFor("the table is a tab again", () -> driver.window.framesDock().placementProperty().get()
                == FramesPlacement.TAB && driver.window.framesDock().framesShowing());
        int row = driver.fx(() -> vm().items().size() - 1);
        driver.onFx(() -> driver.window.frames().reveal(row));
        driver.waitFor("the last row is on screen", () -> rowCell(row) != null);
        driver.robot.clickOn(driver.fx(() -> rowCell(row)), MouseButton.PRIMARY);
        FrameRow clicked = driver.fx(() -> vm().row(row));
        FrameRef ref = new FrameRef(clicked.lane(), clicked.frame());
        driver.waitFor("the timeline selects the clicked frame", () -> ref.equals(driver.window.timeline().getSelectedFrame()));
        assertThat(driver.fx(() -> driver.models().detail.detailProperty().get().frame())).isEqualTo(clicked.frame());

        FrameRef alicesFirst = new FrameRef("alice", 1);
        driver.onFx(() -> driver.window.timeline().select(alicesFirst));
        driver.waitFor("the table follows the timeline", () -> alicesFirst.equals(vm().selectedProperty().get())
                && table().getSelectionModel().getSelectedIndex() == vm().selectedIndexProperty().get());

        Finding finding = new Finding("seq-gap", Severity.ERROR, "bob", null, "a finding naming bob's third frame",
                List.of(2), 0);
        driver.onFx(() -> driver.models().findings.open(finding));
        driver.waitFor("opening a finding selects its frame in the table",
                () -> new FrameRef("bob", 2).equals(vm().selectedProperty().get())
                        && table().getSelectionModel().getSelectedItem() != null
                        && vm().row(table().getSelectionModel().getSelectedIndex()).lane().equals("bob"));

        Finding real = driver.fx(() -> driver.models().findings.all().get(0)); // the backend's contract warnings
        FrameRef itsLast = new FrameRef(real.lane(), real.frames().get(real.frames().size() - 1));
        driver.onFx(() -> vm().select(itsLast));
        TableView<?> findings = driver.lookup("#findings-table");
        driver.waitFor("choosing a frame in the table selects the finding that names it",
                () -> real.equals(driver.models().findings.currentProperty().get())
                        && real.equals(findings.getSelectionModel().getSelectedItem()));
        assertThat(driver.fx(() -> driver.window.timeline().getSelectedFrame())).isEqualTo(itsLast); // not moved to its first
        driver.onFx(() -> driver.window.timeline().select(alicesFirst));
        driver.waitFor("a frame no finding names leaves no finding selected",
                () -> findings.getSelectionModel().getSelectedItem() == null);
    }

    @Test
    @Order(5)
    void copiesTheSelectedFrameAsReceived() {
        int sent = driver.fx(() -> indexOf(new FrameRef("alice", firstSentIndex("alice"))));
        driver.onFx(() -> {
            vm().selectIndex(sent);
            table().requestFocus();
        });
        driver.waitFor("the table has the focus", () -> table().isFocused());
        driver.robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        Frame frame = driver.session().lane("alice").frames().get(firstSentIndex("alice"));
        driver.waitFor("the clipboard holds the frame", () -> frame.text().equals(Clipboard.getSystemClipboard().getString()));
        assertThat(driver.fx(() -> driver.<Label>lookup("#frames-outcome").getText())).startsWith("Copied");
    }

    @Test
    @Order(6)
    void sendsAFrameAgainAsTheSameUserThroughTheLiveSession() {
        Lane alice = driver.session().lane("alice");
        int before = alice.frames().size();
        Frame prompt = alice.frames().get(firstSentIndex("alice"));
        driver.onFx(() -> vm().selectIndex(indexOf(new FrameRef("alice", firstSentIndex("alice")))));
        driver.onFx(() -> table().requestFocus());
        driver.robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHIFT, KeyCode.CONTROL);
        driver.waitFor("alice sent the frame again and her second run completed", () -> alice.frames().stream()
                .skip(before).anyMatch(f -> f.direction() == Direction.OUT && f.text().equals(prompt.text()))
                && driver.roles("alice").contains(dev.aei.protocol.EventRole.COMPLETED)
                && alice.frames().stream().skip(before).anyMatch(f -> f.text().contains("agent_completed")));
        driver.waitFor("the outcome says so", () -> driver.<Label>lookup("#frames-outcome").getText()
                .equals("Sent again to alice"));
        driver.waitFor("the new frames reach the table",
                () -> vm().items().size() == driver.session().frameCount());
    }

    private static int firstSentIndex(String lane) {
        List<Frame> frames = driver.session().lane(lane).frames();
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).direction() == Direction.OUT && frames.get(i).text().contains("cnry-")) {
                return i;
            }
        }
        throw new AssertionError("no prompt on " + lane);
    }

    private static int indexOf(FrameRef ref) {
        for (int i = 0; i < vm().items().size(); i++) {
            FrameRow r = vm().row(i);
            if (r.lane().equals(ref.lane()) && r.frame() == ref.frame()) {
                return i;
            }
        }
        return -1;
    }

    /** The cell of an open combo box's list that shows {@code text}. */
    private static javafx.scene.Node popupCell(String text) {
        driver.waitFor("the choices show", () -> cellShowing(text) != null);
        return driver.fx(() -> cellShowing(text));
    }

    private static javafx.scene.control.ListCell<?> cellShowing(String text) {
        return driver.robot.lookup(".combo-box-popup .list-cell").queryAllAs(javafx.scene.control.ListCell.class)
                .stream().filter(c -> text.equals(c.getText()) && c.isVisible()).findFirst().orElse(null);
    }

    private static List<String> hitLabels() {
        return driver.robot.lookup("#frames-table .search-hit").queryAllAs(Label.class).stream()
                .filter(l -> l.isVisible() && l.getScene() != null).map(Label::getText).toList();
    }

    private static List<FrameRow> visibleRows() {
        return java.util.stream.IntStream.range(0, vm().items().size()).mapToObj(i -> vm().row(i)).toList();
    }

    private static TableRow<?> rowCell(int index) {
        return driver.robot.lookup("#frames-table .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getIndex() == index && r.isVisible() && !r.isEmpty()).findFirst().orElse(null);
    }
}
