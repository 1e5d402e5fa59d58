package dev.aei.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.analysis.Finding;
import dev.aei.analysis.Severity;
import dev.aei.server.BackendConfig;
import dev.aei.ui.findings.SeverityStyle;
import dev.aei.ui.presenter.UserCard;
import dev.aei.ui.timeline.TimelinePicture;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The window at 1024×700 (a small laptop, a projector) against the real embedded backend: nothing that
 * carries meaning is cut with an ellipsis, the side panels fold to icons, the timeline keeps most of
 * the width, the legend explains the marks, the presenter tells a leak in red, the dark theme and the
 * PNG export. Screenshots go to target/screenshots. The steps build on each other, so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SmallScreenTest {
    @TempDir
    static Path dir;
    private static AppDriver driver;

    @BeforeAll
    static void startApp() throws Exception {
        driver = new AppDriver(dir, List.of(), BackendConfig.defaults().withEventDelayMs(10), true);
        driver.waitFor("alice and bob are connected", () -> driver.models().signIn.connectedIds().size() == 2);
        driver.onFx(() -> {
            driver.stage.setWidth(1024);
            driver.stage.setHeight(700);
        });
        driver.waitFor("the window is 1024×700", () -> driver.stage.getScene().getWidth() <= 1024
                && driver.stage.getScene().getHeight() <= 700);
    }

    @AfterAll
    static void stopApp() throws Exception {
        driver.close();
        driver = null;
    }

    @Test
    @Order(1)
    void atTenTwentyFourByCSevenHundredNothingIsCutAndTheTimelineKeepsMostOfTheWidth() throws Exception {
        driver.robot.clickOn("#prompt").write("Compare Q3 cloud costs");
        driver.robot.clickOn("#send");
        driver.waitFor("both runs completed", () -> runsDone("alice", 1) && runsDone("bob", 1));
        leak();
        driver.waitFor("every frame is drawn", () -> driver.window.pump().framesDrained() == driver.session().frameCount());
        driver.onFx(() -> driver.window.timeline().zoomToFit());

        assertThat(driver.fx(() -> driver.<FoldingSide>lookup("#side-panel").foldedProperty().get()))
                .as("the side tabs fold to icons").isTrue();
        assertThat(driver.fx(() -> driver.window.timeline().getWidth())).as("timeline width")
                .isGreaterThan(0.6 * 1024);
        List<String> cut = driver.fx(() -> {
            List<String> elided = new ArrayList<>();
            for (Severity s : Severity.values()) {
                Labeled chip = driver.lookup("#chip-" + s.label());
                if (!drawnWhole(chip)) {
                    elided.add(chip.getText() + " drawn as " + drawn(chip));
                }
                assertThat(chip.getText()).contains(SeverityStyle.title(s)).matches(".*\\d+");
            }
            for (Node node : driver.robot.lookup(".findings-panel .panel-title").queryAll()) {
                if (!drawnWhole((Labeled) node)) {
                    elided.add("title " + ((Labeled) node).getText());
                }
            }
            for (Node node : driver.robot.lookup("#findings-table .column-header .label").queryAll()) {
                if (!drawnWhole((Labeled) node)) {
                    elided.add("header " + ((Labeled) node).getText() + " drawn as " + drawn((Labeled) node));
                }
            }
            for (Node node : driver.robot.lookup("#findings-table .severity-cell").queryAll()) {
                Labeled cell = (Labeled) node;
                if (cell.getText() != null && cell.isVisible() && !drawnWhole(cell)) {
                    elided.add("severity " + cell.getText() + " drawn as " + drawn(cell));
                }
            }
            return elided;
        });
        assertThat(cut).as("texts cut with an ellipsis").isEmpty();
        assertThat(driver.fx(SmallScreenTest::findingRowsShown)).as("findings rows in view").isGreaterThanOrEqualTo(3.5);
        assertThat(driver.screenshot("layout-1024x700")).exists();
    }

    @Test
    @Order(2)
    void theLegendShowsUnderTheTimelineAndHidingItIsRemembered() throws Exception {
        assertThat(driver.fx(() -> driver.lookup("#timeline-legend").isVisible())).isTrue();
        assertThat(driver.fx(() -> driver.window.legendProperty().get())).as("on for the first run").isTrue();
        Node legend = driver.lookup("#timeline-legend");
        saveNode(legend, "legend");

        driver.robot.clickOn("#legend-hide");
        driver.waitFor("the legend is hidden", () -> !driver.lookup("#timeline-legend").getParent().isVisible());
        driver.waitFor("the choice is saved", () -> Files.readString(dir.resolve("settings.json"))
                .contains("\"legendHidden\" : true"));
        driver.onFx(() -> driver.window.legendProperty().set(true));
        driver.waitFor("the legend shows again", () -> driver.lookup("#timeline-legend").getParent().isVisible());
    }

    @Test
    @Order(3)
    void helpListsTheMouseGesturesAndTheLegend() throws Exception {
        driver.robot.press(KeyCode.F1).release(KeyCode.F1);
        driver.waitFor("the help dialog shows", () -> driver.robot.lookup("#help-dialog").tryQuery().isPresent());
        assertThat(driver.robot.lookup("Mouse on the timeline").tryQuery()).isPresent();
        assertThat(driver.robot.lookup("Shift + wheel").tryQuery()).isPresent();
        assertThat(driver.robot.lookup("Timeline legend").tryQuery()).isPresent();
        assertThat(driver.robot.lookup("prompt sent").tryQuery()).isPresent();
        saveNode(driver.lookup("#help-dialog"), "help");
        driver.robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        driver.waitFor("the help dialog closes", () -> driver.robot.lookup("#help-dialog").tryQuery().isEmpty());
    }

    @Test
    @Order(4)
    void thePresenterShowsTheLeakInRedWithNamesWholeAndFinishedCounts() throws Exception {
        driver.robot.press(KeyCode.F11).release(KeyCode.F11);
        driver.waitFor("the presenter view shows", () -> driver.showing("#presenter"));
        driver.waitFor("alice's card is red for the leak", () -> card("alice").alarmProperty().get()
                && driver.lookup("#card-alice").getStyleClass().contains("card-alarm"));
        assertThat(driver.fx(() -> card("alice").findingsProperty().get())).contains("1 leak caught");
        assertThat(driver.fx(() -> driver.<Labeled>lookup("#card-steps-alice").getText()))
                .as("a finished run's count is final").doesNotContain("so far");
        assertThat(driver.fx(() -> card("alice").detail())).doesNotContain("cnry-").doesNotContain("{\"");
        assertThat(driver.fx(() -> {
            Text name = (Text) driver.lookup("#card-alice").lookup(".card-user .text");
            return name.getText();
        })).isEqualTo("alice");
        assertThat(driver.screenshot("presenter-leak")).exists();
        driver.robot.press(KeyCode.F11).release(KeyCode.F11);
        driver.waitFor("the presenter view closes", () -> !driver.window.presenterProperty().get());
    }

    @Test
    @Order(5)
    void theFaultPanelSaysWhatTheScenarioDoesAndListsTheFiredLeak() throws Exception {
        driver.robot.clickOn("#side-panel-unfold");
        driver.waitFor("the side tabs unfold", () -> !driver.<FoldingSide>lookup("#side-panel").foldedProperty().get());
        driver.robot.clickOn("Faults");
        assertThat(driver.fx(() -> driver.<Labeled>lookup("#leak-demo").getText()))
                .isEqualTo("Leak bob → alice (sends a prompt as bob)");
        driver.waitFor("the fired leak is listed as fired", () -> driver.models().faults.fired().size() == 1
                && driver.models().faults.active().isEmpty());
        assertThat(driver.fx(() -> driver.models().faults.userProperty().get())).isEqualTo("bob");
        assertThat(driver.fx(() -> driver.models().faults.runProperty().get())).as("bob's next run")
                .isEqualTo(driver.fx(() -> driver.models().runs.runs("bob")) + 1);
        assertThat(driver.screenshot("faults-1024x700")).exists();
        driver.robot.clickOn("#side-panel-fold");
    }

    @Test
    @Order(6)
    void theDarkThemeAndAPictureOfTheWholeSession() throws Exception {
        driver.onFx(() -> driver.window.darkThemeProperty().set(true));
        assertThat(driver.screenshot("dark-1024x700")).exists();
        Path png = dir.resolve("timeline.png");
        driver.onFx(() -> driver.window.files().exportTimeline(png, TimelinePicture.Range.WHOLE_SESSION));
        driver.waitFor("the picture is written", () -> Files.exists(png));
        BufferedImage picture = ImageIO.read(png.toFile());
        assertThat(picture.getWidth()).isGreaterThanOrEqualTo(1400);
        assertThat(picture.getHeight()).isGreaterThan(200);
        Files.createDirectories(AppDriver.SCREENSHOTS);
        Files.copy(png, AppDriver.SCREENSHOTS.resolve("png-export-dark.png"), StandardCopyOption.REPLACE_EXISTING);
        driver.onFx(() -> driver.window.darkThemeProperty().set(false));
        Path light = dir.resolve("timeline-light.png");
        driver.onFx(() -> driver.window.files().exportTimeline(light, TimelinePicture.Range.VISIBLE));
        driver.waitFor("the picture is written", () -> Files.exists(light));
        Files.copy(light, AppDriver.SCREENSHOTS.resolve("png-export-visible.png"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(ImageIO.read(light.toFile()).getWidth()).isGreaterThanOrEqualTo(900);
    }

    @Test
    @Order(7)
    void severitiesHaveTheirOwnIconsAndTheTableCellsTheirWholeText() {
        Set<String> icons = Set.of(Severity.values()).stream().map(SeverityStyle::iconName).collect(Collectors.toSet());
        assertThat(icons).hasSize(Severity.values().length);
        List<String> statusIcons = driver.fx(() -> {
            List<String> names = new ArrayList<>();
            for (Severity s : Severity.values()) {
                Labeled count = driver.lookup("#status-" + s.label());
                names.add(((FontIcon) count.getGraphic()).getIconCode().getDescription());
            }
            return names;
        });
        assertThat(Set.copyOf(statusIcons)).hasSize(Severity.values().length);
        TableView<Finding> table = driver.lookup("#findings-table");
        List<String> tips = driver.fx(() -> driver.robot.lookup("#findings-table .table-cell").queryAll().stream()
                .map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                .filter(c -> c.getText() != null && !c.getText().isEmpty() && !c.getStyleClass().contains("severity-cell"))
                .map(c -> c.getTooltip() == null ? "none for " + c.getText() : c.getTooltip().getText().equals(c.getText())
                        ? "whole" : "other for " + c.getText())
                .distinct().toList());
        assertThat(table.getItems()).isNotEmpty();
        assertThat(tips).containsExactly("whole");
    }

    /** Arms the one-click leak and waits for the critical finding it causes. */
    private static void leak() {
        driver.robot.clickOn("#side-panel-unfold");
        driver.robot.clickOn("Faults");
        driver.robot.clickOn("#leak-demo");
        driver.waitFor("a critical finding appears",
                () -> driver.models().findings.countProperty(Severity.CRITICAL).get() > 0);
        driver.waitFor("bob's leaking run completed", () -> runsDone("bob", 2));
        driver.robot.clickOn("#side-panel-fold");
    }

    private static boolean runsDone(String user, int runs) {
        return driver.models().presenter.card(user).map(c -> c.runs() >= runs && c.runOver()).orElse(false);
    }

    private static UserCard card(String user) {
        return driver.models().presenter.card(user).orElseThrow();
    }

    /** How many rows of the findings table fit in its viewport. */
    private static double findingRowsShown() {
        TableView<?> table = driver.lookup("#findings-table");
        Node header = table.lookup(".column-header-background");
        Node row = table.lookup(".table-row-cell");
        return (table.getHeight() - header.getBoundsInLocal().getHeight()) / row.getBoundsInLocal().getHeight();
    }

    /** True when a label-like control draws its whole text (no ellipsis). */
    private static boolean drawnWhole(Labeled labeled) {
        return labeled.getText() == null || labeled.getText().equals(drawn(labeled));
    }

    /** The text the control's skin actually drew. */
    private static String drawn(Labeled labeled) {
        for (Node child : ((Parent) labeled).getChildrenUnmodifiable()) {
            if (child instanceof Text text && !(child instanceof FontIcon)) {
                return text.getText();
            }
        }
        return "";
    }

    private static void saveNode(Node node, String name) throws Exception {
        javafx.scene.image.WritableImage image = driver.fx(() -> node.snapshot(null, null));
        Files.createDirectories(AppDriver.SCREENSHOTS);
        ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png",
                AppDriver.SCREENSHOTS.resolve(name + ".png").toFile());
    }
}
