package dev.aei.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.analysis.Severity;
import dev.aei.server.BackendConfig;
import dev.aei.server.FaultRule;
import dev.aei.server.FaultType;
import dev.aei.ui.presenter.AgentPhase;
import dev.aei.ui.signin.UserRow;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Screenshots of the window with users as real teams have them: names in Chinese, Arabic, with an
 * emoji, a space and URL characters, two ids the server cuts alike, and a second tab of one user,
 * in the lanes, the users and findings tables and the presenter cards.
 */
class RealUsersScreenshotTest {
    private static final List<String> USERS = List.of("爱丽丝", "عمر", "bob🙂", "a b", "x/y?z", "qa-user-1", "qa-user-2");

    @TempDir
    Path dir;

    @Test
    void namesInAnyScriptReadWellInLanesTablesAndThePresenter() throws Exception {
        // strict netra: connection_established cuts qa-user-1 and qa-user-2 to the same qa-user-...
        try (AppDriver driver = new AppDriver(dir, USERS, BackendConfig.defaults().withEventDelayMs(10)
                .withStrictNetra(true).withShape(dev.aei.server.EventShape.WEB_CLIENT))) {
            driver.waitFor("everyone is connected", () -> driver.models().signIn.connectedIds().size() == USERS.size());
            driver.onFx(() -> {
                UserRow alice = driver.models().signIn.row("爱丽丝").orElseThrow();
                driver.models().signIn.openAnotherTab(alice);
            });
            driver.waitFor("爱丽丝's second tab is connected",
                    () -> driver.models().signIn.connectedIds().contains("爱丽丝 #2"));
            driver.window.control().setFaults(List.of(new FaultRule("爱丽丝", 1, "agent_thinking", FaultType.LEAK,
                    "عمر", 0)));
            driver.onFx(() -> {
                driver.models().composer.promptProperty().set("比较第三季度成本 🙂 مقارنة");
                driver.models().composer.send();
            });
            driver.waitFor("every lane's run is done and the leak is caught", () -> driver.models().presenter.cards()
                    .stream().filter(c -> !c.user().contains(" #")).allMatch(c -> c.runs() >= 1 && c.runOver())
                    && driver.models().findings.countProperty(Severity.CRITICAL).get() == 1);
            driver.waitFor("the UI drained every captured frame",
                    () -> driver.window.pump().framesDrained() == driver.session().frameCount());

            assertThat(driver.fx(() -> driver.window.timeline().laneIds())).containsAll(USERS).contains("爱丽丝 #2");
            assertThat(driver.fx(() -> driver.models().findings.all().stream()
                    .filter(f -> f.severity().atLeast(Severity.WARNING))
                    .map(f -> f.rule() + " " + f.lane()).toList())).containsExactly("leak-owner عمر");
            assertThat(driver.fx(() -> driver.models().findings.all().stream().map(f -> f.rule()).distinct().toList()))
                    .contains("identity-lookalike", "other-tab");

            driver.onFx(() -> {
                driver.<TabPane>lookup("#side-tabs").getSelectionModel().select(0);
                driver.showTheRuns();
            });
            hoverLaneName(driver, "爱丽丝 #2");
            assertThat(driver.screenshot("real-users-main")).exists();
            List<String> names = driver.fx(() -> driver.robot.lookup("#users-table .table-cell").queryAllAs(Labeled.class)
                    .stream().map(Labeled::getText).filter(t -> t != null).toList());
            assertThat(names).contains("爱丽丝", "爱丽丝 #2", "bob🙂", "a b", "x/y?z", "\u200Eعمر\u200E");

            driver.robot.press(KeyCode.F11).release(KeyCode.F11);
            driver.waitFor("the presenter view shows", () -> driver.showing("#presenter"));
            driver.waitFor("the cards, hidden until now, tell the runs are done", () -> driver.models().presenter
                    .cards().stream().filter(c -> !c.user().contains(" #")).allMatch(c -> c.phase() == AgentPhase.DONE));
            driver.onFx(driver::showTheRuns);
            assertThat(driver.screenshot("real-users-presenter")).exists();
            driver.robot.press(KeyCode.F11).release(KeyCode.F11);
        }
    }

    /** Points at a lane's name in the header column, so the screenshot shows its hover card. */
    private static void hoverLaneName(AppDriver driver, String lane) {
        Point2D at = driver.fx(() -> {
            var timeline = driver.window.timeline();
            int index = timeline.laneIds().indexOf(lane);
            // as the timeline lays lanes out at scale 1: 44 px each, growing into free height up to 1.6 times
            double laneHeight = Math.max(44, Math.min((timeline.getHeight() - 30) / timeline.laneIds().size(), 44 * 1.6));
            return timeline.localToScreen(40, 30 + laneHeight * (index + 0.4));
        });
        driver.robot.moveTo(at);
    }
}
