package dev.aei.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.EventRole;
import dev.aei.server.BackendConfig;
import dev.aei.ui.InspectorApp;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real app against a real embedded backend for GUI tests, and helps them look at it. */
final class AppDriver implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final long WAIT_SECONDS = 60;

    final FxRobot robot = new FxRobot();
    final InspectorApp app;
    final MainWindow window;
    final Stage stage;
    /** Answers the window's questions in place of modal dialogs. */
    final ScriptedDialogs dialogs = new ScriptedDialogs();

    /** True when the app has a window of its own instead of the shared primary stage. */
    private final boolean ownWindow;

    /** Starts the app with settings in {@code dir}, the given users and backend. */
    AppDriver(Path dir, List<String> users, BackendConfig backend) throws Exception {
        this(dir, users, backend, false);
    }

    /**
     * Starts the app; with {@code ownWindow} in a window of its own, which a test may resize without
     * the size sticking to the primary stage that later test classes share.
     */
    AppDriver(Path dir, List<String> users, BackendConfig backend, boolean ownWindow) throws Exception {
        this.ownWindow = ownWindow;
        Stage primary = FxToolkit.registerPrimaryStage();
        AppOptions options = new AppOptions(dir.resolve("settings.json"), backend, null, null, users,
                dir.resolve("sessions"), true);
        if (ownWindow) {
            stage = WaitForAsyncUtils.asyncFx((Callable<Stage>) Stage::new).get(WAIT_SECONDS, TimeUnit.SECONDS);
            app = new InspectorApp(options);
            onFx(() -> app.start(stage));
        } else {
            stage = primary;
            app = (InspectorApp) FxToolkit.setupApplication(() -> new InspectorApp(options));
        }
        window = app.window();
        onFx(() -> window.useDialogs(dialogs));
    }

    /** Starts the app with alice and bob against a fast embedded backend and waits until they are connected. */
    static AppDriver connected(Path dir) throws Exception {
        AppDriver driver = new AppDriver(dir, List.of(), BackendConfig.defaults().withEventDelayMs(5));
        driver.waitFor("alice and bob are connected", () -> driver.models().signIn.connectedIds().size() == 2);
        return driver;
    }

    /**
     * Starts the app with alice and bob against a fast embedded backend, waits until they are
     * connected and disconnects them again, so nothing live arrives while a test opens files.
     */
    static AppDriver quiet(Path dir) throws Exception {
        AppDriver driver = connected(dir);
        driver.onFx(() -> driver.window.commands().disconnectAll());
        driver.waitFor("everyone is disconnected", () -> driver.models().signIn.connectedIds().isEmpty());
        return driver;
    }

    /** Polls (bounded) until the condition, read on the FX thread, holds. */
    void waitFor(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition).get(WAIT_SECONDS, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new AssertionError("Timed out waiting until " + what, e);
        }
    }

    /** Runs on the FX thread and returns the result. */
    <T> T fx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Runs on the FX thread and waits for it. */
    void onFx(Runnable work) {
        fx(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code action} (on the FX thread), which makes the inspection show something else, and waits
     * until the window shows it with everything of it drained: what was on screen before cannot pass.
     */
    void showAndWait(String what, Runnable action) {
        dev.aei.inspect.Shown before = fx(() -> window.control().inspection().shown());
        onFx(action);
        waitFor(what, () -> {
            dev.aei.inspect.Shown now = window.control().inspection().shown();
            return now != before && fx(window::onScreen) == now && !window.openFiles().loadingProperty().get()
                    && window.pump().backlog() == 0;
        });
    }

    AppModels models() {
        return window.models();
    }

    Session session() {
        return window.control().inspection().session();
    }

    /** Frames screenshots on the agent runs (from the first prompt to the newest frame), not the idle time before them; FX thread. */
    void showTheRuns() {
        long from = Long.MAX_VALUE;
        long to = 0;
        for (Lane lane : session().lanes()) {
            for (Frame frame : lane.frames()) {
                if (frame.direction() == Direction.OUT) {
                    from = Math.min(from, frame.nanos());
                }
                to = Math.max(to, frame.nanos());
            }
        }
        long pad = Math.max((to - from) / 12, 1_000_000);
        window.timeline().showRange(from - pad, to + 3 * pad);
    }

    /** The roles the profile reads from a lane's frames so far. */
    Set<EventRole> roles(String lane) {
        Session session = session();
        Lane l = session == null ? null : session.lane(lane);
        Set<EventRole> roles = EnumSet.noneOf(EventRole.class);
        if (l != null) {
            for (var frame : List.copyOf(l.frames())) {
                window.control().inspection().decoder().decode(lane, frame).stream().map(AgentEvent::role).forEach(roles::add);
            }
        }
        return roles;
    }

    <T extends Node> T lookup(String query) {
        return robot.lookup(query).query();
    }

    /** True when a node matching {@code query} is in the window and visible; false, not an error, when there is none yet. */
    boolean showing(String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    /** Saves a PNG of the whole window under target/screenshots. */
    Path screenshot(String name) throws Exception {
        Scene scene = stage.getScene();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(WAIT_SECONDS, TimeUnit.SECONDS);
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        BufferedImage png = SwingFXUtils.fromFXImage(image, null);
        ImageIO.write(png, "png", file.toFile());
        assertThat(png.getWidth()).isGreaterThan(800);
        return file;
    }

    /**
     * Stops the app and lets go of its window. The primary stage outlives every test class, so it drops
     * the closed window's scene and handlers; a test class holding its driver in a static field clears it
     * too, or the closed app's session stays on the heap for the rest of the run.
     */
    @Override
    public void close() throws Exception {
        if (ownWindow) {
            onFx(() -> {
                app.stop();
                stage.close();
            });
            return;
        }
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        onFx(() -> {
            stage.setOnCloseRequest(null);
            stage.setScene(null);
            // the main window's minimum size would stick to the primary stage later test classes share
            stage.setMinWidth(0);
            stage.setMinHeight(0);
        });
    }
}
