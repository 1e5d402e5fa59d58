package dev.aei.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.analysis.Finding;
import dev.aei.analysis.Severity;
import dev.aei.capture.LaneEvent;
import dev.aei.capture.Session;
import dev.aei.protocol.EventRole;
import dev.aei.server.BackendConfig;
import dev.aei.ui.presenter.AgentPhase;
import dev.aei.ui.presenter.UserCard;
import dev.aei.ui.timeline.FrameRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop app end to end, headless: the real window against the real embedded backend.
 * The steps build on each other (sign in, send, leak, navigate, present), so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DesktopAppTest {
    private static final Set<EventRole> FIVE = EnumSet.of(EventRole.STARTED, EventRole.THINKING,
            EventRole.TOOL_START, EventRole.TOOL_END, EventRole.COMPLETED);

    @TempDir
    static Path dir;
    private static AppDriver driver;

    @BeforeAll
    static void startApp() throws Exception {
        driver = new AppDriver(dir, List.of(), BackendConfig.defaults().withEventDelayMs(10));
    }

    @AfterAll
    static void stopApp() throws Exception {
        driver.close();
        driver = null;
    }

    @Test
    @Order(1)
    void signsInAliceAndBobAndBothLanesFillWithTheFiveEventTypes() {
        driver.waitFor("alice and bob are connected", () -> driver.models().signIn.connectedIds().size() == 2);
        assertThat(driver.fx(() -> driver.models().status.connectedText().get())).isEqualTo("2/2 connected");
        driver.robot.clickOn("#prompt").write("Compare Q3 cloud costs");
        driver.robot.clickOn("#send");
        driver.waitFor("both lanes hold the five event types",
                () -> driver.roles("alice").containsAll(FIVE) && driver.roles("bob").containsAll(FIVE));
        driver.waitFor("the UI drained every captured frame",
                () -> driver.window.pump().framesDrained() == driver.session().frameCount());
        assertThat(driver.fx(() -> driver.window.timeline().laneIds())).contains("alice", "bob");
        assertThat(driver.fx(() -> driver.models().composer.canariesProperty().get())).contains("cnry-");
    }

    @Test
    @Order(2)
    void aLeakInjectedFromTheFaultPanelBecomesACriticalFindingThatSelectsItsEvent() {
        driver.robot.clickOn("Faults");
        driver.robot.clickOn("#leak-demo");
        driver.waitFor("a critical finding appears",
                () -> driver.models().findings.countProperty(Severity.CRITICAL).get() > 0);
        TableView<Finding> table = driver.lookup("#findings-table");
        int row = driver.fx(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).severity() == Severity.CRITICAL) {
                    return i;
                }
            }
            return -1;
        });
        assertThat(row).isNotNegative();
        Finding leak = driver.fx(() -> table.getItems().get(row));
        driver.onFx(() -> table.scrollTo(row));
        // The table reuses its row cells as it scrolls: click the one showing the leak, not the nth.
        driver.waitFor("the leak's row is on screen", () -> leakRow(row) != null);
        driver.robot.clickOn(driver.fx(() -> leakRow(row)), MouseButton.PRIMARY);
        FrameRef expected = new FrameRef(leak.lane(), leak.frames().get(0));
        driver.waitFor("the timeline selects the leaked event",
                () -> expected.equals(driver.window.timeline().getSelectedFrame()));
        assertThat(driver.fx(() -> driver.models().detail.detailProperty().get().lane())).isEqualTo(leak.lane());
    }

    /** The visible row cell of the findings table showing item {@code index}, or null. */
    private javafx.scene.control.TableRow<?> leakRow(int index) {
        return driver.robot.lookup("#findings-table .table-row-cell").queryAllAs(javafx.scene.control.TableRow.class)
                .stream().filter(r -> r.getIndex() == index && r.isVisible()).findFirst().orElse(null);
    }

    @Test
    @Order(3)
    void zoomAndPanChangeTheVisibleRange() {
        long[] before = range();
        driver.robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        driver.waitFor("zooming in shortens the visible range", () -> span(range()) < span(before));
        long[] zoomed = range();
        driver.robot.drag(driver.window.timeline(), MouseButton.PRIMARY).dropBy(250, 0);
        driver.waitFor("dragging pans the visible range", () -> range()[0] != zoomed[0]);
        assertThat(span(range())).isEqualTo(span(zoomed));
        driver.robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        driver.waitFor("fit changes the range again", () -> span(range()) != span(zoomed));
    }

    @Test
    @Order(4)
    void screenshotsOfTheMainWindowInLightAndDark() throws Exception {
        driver.onFx(() -> {
            driver.<javafx.scene.control.TabPane>lookup("#side-tabs").getSelectionModel().select(0);
            driver.showTheRuns();
            driver.window.darkThemeProperty().set(false);
        });
        assertThat(driver.screenshot("main-light")).exists();
        driver.robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        driver.waitFor("the dark theme is on", () -> driver.window.darkThemeProperty().get());
        assertThat(driver.screenshot("main-dark")).exists();
        driver.onFx(() -> driver.window.darkThemeProperty().set(false));
    }

    @Test
    @Order(5)
    void thePresenterViewTellsWhatEachAgentIsDoing() throws Exception {
        driver.robot.press(KeyCode.F11).release(KeyCode.F11);
        driver.waitFor("the presenter view shows", () -> driver.showing("#presenter"));
        int aliceRuns = driver.fx(() -> card("alice").runs());
        int bobRuns = driver.fx(() -> card("bob").runs());
        driver.robot.clickOn("#prompt").write("Summarise open incidents");
        driver.robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        driver.waitFor("alice's and bob's cards say their new runs are done",
                () -> done("alice", aliceRuns) && done("bob", bobRuns));
        assertThat(driver.fx(() -> card("alice").headline())).startsWith("Done in ");
        assertThat(driver.robot.lookup("#card-alice").tryQuery()).isPresent();
        assertThat(driver.robot.lookup("#card-bob").tryQuery()).isPresent();
        driver.onFx(driver::showTheRuns);
        assertThat(driver.screenshot("presenter")).exists();
        driver.robot.press(KeyCode.F11).release(KeyCode.F11);
        driver.waitFor("the presenter view closes", () -> !driver.window.presenterProperty().get());
    }

    @Test
    @Order(6)
    void recordsAJournalSavesAFixtureExportsThePngAndShowsHelp() throws Exception {
        driver.robot.clickOn("#record");
        driver.waitFor("a journal is being written", () -> !driver.models().status.journalProperty().get().isEmpty());
        Path journal = Path.of(driver.fx(() -> driver.models().status.journalProperty().get()));
        driver.robot.clickOn("#record");
        driver.waitFor("the journal holds the session", () -> Files.isRegularFile(journal)
                && Files.readAllLines(journal).size() > driver.session().frameCount());
        assertThat(journal.getParent()).isEqualTo(dir.resolve("sessions"));

        Path fixture = dir.resolve("bug.aei.json");
        driver.onFx(() -> driver.window.files().save(fixture));
        driver.waitFor("the fixture is saved", () -> Files.isRegularFile(fixture)
                && Files.readString(fixture).contains("leak-owner"));
        assertThat(Files.readString(fixture)).doesNotContain("eyJ").doesNotContain(BackendConfig.DEMO_SECRET);
        driver.waitFor("the title names where Ctrl+S writes",
                () -> driver.fx(driver.stage::getTitle).equals("Agent Event Inspector — live session, saved as bug.aei.json"));

        Path png = dir.resolve("timeline.png");
        driver.onFx(() -> driver.window.files().exportTimeline(png));
        driver.waitFor("the picture is written", () -> Files.exists(png));
        assertThat(ImageIO.read(png.toFile()).getWidth()).isGreaterThan(100);

        driver.robot.press(KeyCode.F1).release(KeyCode.F1);
        driver.waitFor("the help dialog shows", () -> driver.robot.lookup("#help-dialog").tryQuery().isPresent());
        assertThat(driver.robot.lookup("Connect all enabled users").tryQuery()).isPresent();
        driver.robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        driver.waitFor("the help dialog closes", () -> driver.robot.lookup("#help-dialog").tryQuery().isEmpty());
    }

    @Test
    @Order(7)
    void anotherEventProfileStartsAFreshSessionWithoutARestart() {
        Session netra = driver.session();
        driver.onFx(() -> driver.models().signIn.profileProperty().set("/nowhere/profile.json"));
        driver.robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        driver.waitFor("a profile that cannot be loaded is explained on the users",
                () -> driver.models().signIn.users().stream().anyMatch(u -> u.state() != null
                        && String.valueOf(u.state().detail()).contains("could not be loaded")));

        driver.onFx(() -> driver.models().signIn.profileProperty().set("ag-ui"));
        driver.robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        driver.waitFor("alice and bob are connected on a fresh ag-ui session", () -> driver.session() != netra
                && driver.session().info().profile().equals("ag-ui")
                && driver.models().signIn.connectedIds().containsAll(List.of("alice", "bob")));
        assertThat(driver.window.control().inspection().decoder().profile().name()).isEqualTo("ag-ui");
        driver.waitFor("the panels show only the new session",
                () -> driver.window.timeline().frameCount() == driver.session().frameCount()
                        && driver.models().findings.all().isEmpty());
        driver.onFx(() -> driver.models().signIn.profileProperty().set("netra"));
    }

    @Test
    @Order(8)
    void connectAllAfterAddingAUserConnectsOnlyTheNewOne() {
        driver.robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        driver.waitFor("alice and bob are connected on a netra session", () -> driver.session().info().profile()
                .equals("netra") && driver.models().signIn.connectedIds().size() == 2);
        driver.onFx(() -> driver.models().signIn.addUser("carol"));
        driver.robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        driver.waitFor("carol is connected too", () -> driver.models().signIn.connectedIds().size() == 3);
        for (String kept : List.of("alice", "bob")) {
            assertThat(driver.session().lane(kept).events()).extracting(LaneEvent::kind).as("%s's socket", kept)
                    .containsExactly(LaneEvent.Kind.CONNECTING, LaneEvent.Kind.CONNECTED);
        }
    }

    private static boolean done(String user, int runsBefore) {
        UserCard card = card(user);
        return card.runs() > runsBefore && card.phase() == AgentPhase.DONE;
    }

    private static UserCard card(String user) {
        return driver.models().presenter.card(user).orElseThrow();
    }

    private static long[] range() {
        return driver.fx(() -> new long[] {driver.window.timeline().getVisibleStart(),
                driver.window.timeline().getVisibleEnd()});
    }

    private static long span(long[] range) {
        return range[1] - range[0];
    }

}
