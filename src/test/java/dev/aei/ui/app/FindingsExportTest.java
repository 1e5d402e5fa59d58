package dev.aei.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.analysis.Finding;
import dev.aei.analysis.FindingsJson;
import dev.aei.analysis.JUnitReport;
import dev.aei.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.input.ContextMenuEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The findings leave the window as a QA engineer needs them: copied as text lines (Ctrl+C or the
 * table's menu) for a bug report, exported as findings JSON or as JUnit XML.
 */
class FindingsExportTest {
    @TempDir
    Path dir;

    @Test
    void findingsAreCopiedAsTextAndExportedAsJsonOrJUnitXml() throws Exception {
        try (AppDriver driver = AppDriver.quiet(dir)) {
            Path har = Files.copy(Samples.chromiumOneUserHar(), dir.resolve("capture.har"));
            driver.showAndWait("the HAR is shown", () -> driver.window.files().open(har));
            List<Finding> shown = driver.fx(() -> List.copyOf(driver.models().findings.visible()));
            assertThat(shown).hasSize(3);

            @SuppressWarnings("unchecked")
            TableView<Finding> table = (TableView<Finding>) driver.robot.lookup("#findings-table").query();
            driver.onFx(() -> table.getSelectionModel().selectRange(0, 2));
            driver.onFx(() -> { // as a right click asks (headless Monocle makes no such request of its own)
                Bounds b = table.localToScreen(table.getBoundsInLocal());
                Event.fireEvent(table, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 40, 40,
                        b.getMinX() + 40, b.getMinY() + 40, false, null));
            });
            driver.robot.clickOn("Export all findings…");
            assertThat(driver.dialogs.asked).as("the table's menu asks where to export").contains("findings target");
            driver.onFx(() -> {
                table.requestFocus();
                table.getSelectionModel().selectRange(0, 2);
            });
            driver.robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
            driver.waitFor("two findings are on the clipboard", () -> String.valueOf(Clipboard.getSystemClipboard()
                    .getString()).lines().filter(l -> l.startsWith("WARNING contract-")).count() == 2);
            assertThat(driver.fx(() -> Clipboard.getSystemClipboard().getString())).contains("alice", "[frames ");

            driver.onFx(() -> driver.window.files().exportFindings(har)); // checked below, once the others are written
            Path json = dir.resolve("capture-findings.json");
            Path junit = dir.resolve("capture-findings.xml");
            driver.onFx(() -> driver.window.files().exportFindings(json));
            driver.onFx(() -> driver.window.files().exportFindings(junit));
            driver.waitFor("both files are written", () -> Files.exists(json) && JUnitReport.writtenByAei(junit));
            driver.waitFor("the JSON is whole", () -> new FindingsJson().holdsFindings(json));
            assertThat(new FindingsJson().read(json)).extracting(Finding::rule)
                    .containsExactlyInAnyOrderElementsOf(shown.stream().map(Finding::rule).toList());
            assertThat(Files.readString(junit)).contains("<testsuite name=\"alice\"", "name=\"contract-field\"");
            assertThat(Files.readAllBytes(har)).as("an export never replaces the file on screen")
                    .isEqualTo(Files.readAllBytes(Samples.chromiumOneUserHar()));

            assertThat(driver.fx(() -> exportItems(driver.robot.lookup(".menu-bar").queryAs(MenuBar.class))))
                    .contains("Findings (JSON or JUnit XML)…");
        }
    }

    private static List<String> exportItems(MenuBar bar) {
        return bar.getMenus().stream().filter(m -> m.getText().equals("File"))
                .flatMap(file -> file.getItems().stream())
                .filter(item -> item instanceof Menu menu && menu.getText().equals("Export"))
                .flatMap(export -> ((Menu) export).getItems().stream()).map(i -> i.getText()).toList();
    }
}
