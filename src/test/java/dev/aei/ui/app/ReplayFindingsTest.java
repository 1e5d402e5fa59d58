package dev.aei.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.analysis.Analyzer;
import dev.aei.analysis.Finding;
import dev.aei.analysis.RuleConfig;
import dev.aei.analysis.SessionReplay;
import dev.aei.analysis.Severity;
import dev.aei.capture.Session;
import dev.aei.fixture.Fixture;
import dev.aei.fixture.Progress;
import dev.aei.fixture.SessionFiles;
import dev.aei.protocol.EventRole;
import dev.aei.server.FaultRule;
import dev.aei.server.FaultType;
import dev.aei.ui.presenter.UserCard;
import dev.aei.ui.timeline.FrameRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replaying a recorded fixture in the app ends with the fixture's findings, time-driven ones
 * included, step by step and fast; connecting afterwards goes back to a clean live view.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplayFindingsTest {
    /** The live analysis ticks on after the recording; a minute later alice's stalled run has timed out. */
    private static final Duration KEPT_RUNNING = RuleConfig.defaults().runTimeout().plusSeconds(1);

    @TempDir
    static Path dir;
    private static AppDriver driver;
    private static Path fixture;
    private static Fixture expected;

    /** Records alice's run without its agent_completed and a leak of bob's run to alice, and saves it. */
    @BeforeAll
    static void record() throws Exception {
        driver = AppDriver.connected(dir);
        driver.window.control().setFaults(List.of(
                new FaultRule("alice", 1, "agent_completed", FaultType.DROP, null, 0),
                new FaultRule("bob", 1, "agent_thinking", FaultType.LEAK, "alice", 0)));
        driver.onFx(() -> {
            driver.models().composer.promptProperty().set("Compare Q3 cloud costs");
            driver.models().composer.send();
        });
        driver.waitFor("bob's run completes and alice's has its tools", () -> driver.roles("bob")
                .contains(EventRole.COMPLETED) && driver.roles("alice").contains(EventRole.TOOL_END));
        driver.onFx(() -> driver.window.commands().disconnectAll());
        driver.waitFor("everyone is disconnected", () -> driver.models().signIn.connectedIds().isEmpty());
        Session session = driver.session();
        Analyzer live = new Analyzer(driver.window.control().inspection().decoder(), RuleConfig.defaults(), null);
        long last = SessionReplay.replay(session, live);
        live.tick(last + KEPT_RUNNING.toNanos());
        expected = Fixture.of(session, live.findings());
        fixture = dir.resolve("stalled.aei.json");
        SessionFiles.defaults().save(expected, fixture, Progress.NONE);
        assertThat(keys(expected.findings())).anyMatch(k -> k.startsWith("run-incomplete alice "))
                .anyMatch(k -> k.startsWith("leak-"));
    }

    @AfterAll
    static void stopApp() throws Exception {
        driver.close();
        driver = null;
    }

    @Test
    @Order(1)
    void steppingThroughTheFixtureEndsWithItsFindings() {
        open();
        driver.waitFor("the file's findings are shown", () -> driver.models().findings.all().size()
                == expected.findings().size());
        assertThat(driver.fx(() -> driver.window.replayControls().positionProperty().get())).as("all shown")
                .isEqualTo(driver.fx(() -> driver.window.replayControls().totalProperty().get()));
        driver.onFx(() -> {
            driver.window.commands().nextFrame(); // the first step starts the replay from the beginning
            while (driver.window.replayControls().positionProperty().get()
                    < driver.window.replayControls().totalProperty().get()) {
                driver.window.commands().nextFrame();
            }
        });
        driver.waitFor("the replay shows the file's findings, run-incomplete included",
                () -> keys(driver.models().findings.all()).equals(keys(expected.findings())));
        driver.onFx(() -> driver.window.replayControls().stop());
    }

    @Test
    @Order(2)
    void playingFastEndsWithTheFindingsOfTheFile() {
        driver.onFx(() -> driver.window.replayControls().speedProperty().set(16));
        driver.onFx(() -> driver.window.commands().replay());
        driver.waitFor("every frame is replayed", () -> driver.window.timeline().frameCount()
                == expected.session().frameCount());
        driver.waitFor("the replay reaches the recording's end",
                () -> !driver.window.replayControls().playingProperty().get());
        driver.waitFor("the findings are the file's", () -> keys(driver.models().findings.all())
                .equals(keys(expected.findings())));
        assertThat(keys(driver.fx(() -> List.copyOf(driver.models().findings.all()))))
                .anyMatch(k -> k.startsWith("run-incomplete alice "));
        assertThat(driver.fx(() -> driver.models().findings.countProperty(Severity.CRITICAL).get())).isPositive();
        assertThat(driver.fx(() -> driver.window.replayControls().secondsProperty().get()))
                .as("the replay played on to the recording's end, past the run timeout")
                .isEqualTo(driver.fx(() -> driver.window.replayControls().endSecondsProperty().get()))
                .isGreaterThan((double) KEPT_RUNNING.toSeconds());
        Label position = driver.lookup("#replay-position");
        assertThat(driver.fx(position::getText)).contains(" s / ");
        ChoiceBox<Double> speed = driver.lookup("#replay-speed");
        assertThat(driver.fx(speed::getValue)).as("the speed shown").isEqualTo(16.0);
    }

    @Test
    @Order(3)
    void connectingAfterViewingAFileShowsOnlyTheLiveSession() {
        open();
        driver.waitFor("the file is shown", () -> driver.window.timeline().frameCount()
                == expected.session().frameCount());
        driver.onFx(() -> driver.window.timeline().select(new FrameRef("alice", 1)));
        driver.waitFor("a frame's detail is shown", () -> driver.models().detail.detailProperty().get() != null);
        goLiveAndCheck();
    }

    @Test
    @Order(4)
    void connectingDuringAReplayStopsItAndShowsOnlyTheLiveSession() {
        driver.onFx(() -> driver.window.commands().disconnectAll());
        driver.waitFor("everyone is disconnected", () -> driver.models().signIn.connectedIds().isEmpty());
        open();
        driver.onFx(() -> driver.window.replayControls().speedProperty().set(1));
        driver.onFx(() -> driver.window.commands().replay());
        driver.waitFor("the replay shows frames", () -> driver.window.timeline().frameCount() > 0);
        goLiveAndCheck();
        assertThat(driver.fx(() -> driver.window.replayControls().activeProperty().get())).isFalse();
    }

    private static void open() {
        driver.waitFor("no file job runs", () -> !driver.window.openFiles().loadingProperty().get());
        driver.showAndWait("the fixture is open", () -> driver.window.files().open(fixture));
    }

    /** Connects everyone from the sign-in panel and checks that nothing of the file is left. */
    private static void goLiveAndCheck() {
        Session file = driver.session();
        driver.onFx(() -> driver.window.commands().connectAll());
        driver.waitFor("alice and bob are live again", () -> driver.models().signIn.connectedIds().size() == 2);
        driver.waitFor("the timeline shows the live session only", () -> driver.session() != file
                && driver.window.timeline().frameCount() == driver.session().frameCount()
                && driver.window.pump().backlog() == 0);
        assertThat(driver.fx(() -> driver.models().findings.all().size())).isZero();
        assertThat(driver.fx(() -> driver.models().detail.detailProperty().get())).isNull();
        assertThat(driver.fx(() -> driver.models().presenter.cards().stream().mapToInt(UserCard::steps)
                .sum())).isZero();
        assertThat(driver.fx(() -> driver.models().presenter.cards().stream().map(UserCard::user).toList()))
                .containsExactlyInAnyOrder("alice", "bob");
        assertThat(driver.fx(() -> driver.window.openFiles().viewingProperty().get())).isEmpty();
        assertThat(driver.fx(() -> driver.models().runs.runs("alice"))).as("runs the backend started for alice")
                .isEqualTo(1);
        assertThat(driver.fx(() -> driver.models().status.backendProperty().get())).startsWith("Embedded backend ws://");
        assertThat(driver.fx(() -> driver.stage.getTitle())).isEqualTo("Agent Event Inspector");
        assertThat(driver.fx(() -> driver.window.timeline().getLiveLabel())).isEqualTo("LIVE");
    }

    /** What makes findings the same: rule, lane and run. */
    private static Set<String> keys(List<Finding> findings) {
        return findings.stream().map(f -> f.rule() + " " + f.lane() + " " + f.runId()).collect(Collectors.toSet());
    }
}
