package dev.aei.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.JournalWriter;
import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import dev.aei.cli.bench.SyntheticCapture;
import dev.aei.fixture.FileKind;
import dev.aei.fixture.Fixture;
import dev.aei.fixture.Progress;
import dev.aei.fixture.SessionFiles;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Dropping files on the window with a real drag gesture (the robot drags from a small window onto
 * the main one): fixtures, HAR files and journals open; other files are refused; hostile files
 * give a clear error and leave what is shown as it was.
 */
class FileDropTest {
    private static final int EVENTS = 200;

    @TempDir
    static Path dir;
    private static AppDriver driver;
    private static Session recorded;

    @BeforeAll
    static void startQuietApp() throws Exception {
        driver = AppDriver.quiet(dir);
        recorded = SyntheticCapture.build(EVENTS, 2);
    }

    @AfterAll
    static void stopApp() throws Exception {
        driver.close();
        driver = null;
    }

    @Test
    void fixturesHarFilesAndJournalsOpenWhenDropped() throws Exception {
        Path fixture = dir.resolve("drop.aei.json");
        SessionFiles.defaults().save(Fixture.of(recorded, List.of()), fixture, Progress.NONE);
        Path har = dir.resolve("drop.har");
        SessionFiles.defaults().save(Fixture.of(recorded, List.of()), har, Progress.NONE);
        Path journal = dir.resolve("drop.jsonl");
        JournalWriter.open(journal, recorded).close();

        for (Path file : List.of(fixture, har, journal)) {
            assertThat(driver.fx(() -> driver.window.fileDrop().accepts(List.of(file)))).as(file.toString()).isTrue();
            drop(file);
            driver.waitFor(file.getFileName() + " is shown", () -> shows(file.getFileName().toString(), EVENTS));
        }
    }

    @Test
    void harFilesAndJournalsShowTheFindingsACheckWouldReport() throws Exception {
        Session broken = SyntheticCapture.build(EVENTS, 2);
        Lane lane = broken.lanes().get(0);
        long nanos = lane.frames().get(lane.frames().size() - 1).nanos() + 1;
        broken.restore(lane, Frame.text(0, Direction.IN, nanos, broken.clock().wallMillis(nanos), "not json"));
        Path har = dir.resolve("broken.har");
        SessionFiles.defaults().save(Fixture.of(broken, List.of()), har, Progress.NONE);
        Path journal = dir.resolve("broken.jsonl");
        JournalWriter.open(journal, broken).close();

        for (Path file : List.of(har, journal)) {
            drop(file);
            driver.waitFor(file.getFileName() + " is shown", () -> shows(file.getFileName().toString(), EVENTS + 1));
            driver.waitFor("its malformed frame is a finding", () -> driver.models().findings.all().stream()
                    .anyMatch(f -> f.rule().equals("malformed-frame") && f.lane().equals(lane.id())));
        }
    }

    @Test
    void saveWritesTheOpenedFixtureBackWholeEvenMidReplay() throws Exception {
        Path fixture = dir.resolve("resave.aei.json");
        SessionFiles.defaults().save(Fixture.of(recorded, List.of()), fixture, Progress.NONE);
        drop(fixture);
        driver.waitFor("the fixture is shown", () -> shows("resave.aei.json", EVENTS));
        driver.onFx(() -> {
            for (int i = 0; i < 3; i++) {
                driver.window.commands().nextFrame();
            }
        });
        driver.waitFor("three frames are replayed", () -> driver.window.timeline().frameCount() == 3);
        long before = Files.getLastModifiedTime(fixture).toMillis();
        Files.setLastModifiedTime(fixture, FileTime.fromMillis(before - 60_000));

        driver.onFx(() -> driver.window.commands().saveSession()); // Ctrl+S: no dialog, the fixture it came from
        driver.waitFor("the save ends", () -> !driver.window.openFiles().loadingProperty().get()
                && Files.getLastModifiedTime(fixture).toMillis() > before - 60_000);

        assertThat(SessionFiles.defaults().detect(fixture)).isEqualTo(FileKind.FIXTURE);
        assertThat(SessionFiles.defaults().open(fixture, Progress.NONE).session().frameCount()).isEqualTo(EVENTS);
        driver.onFx(() -> driver.window.replayControls().stop());
    }

    @Test
    void otherFilesAreRefusedAndWhatIsShownStays() throws Exception {
        Path fixture = dir.resolve("kept.aei.json");
        SessionFiles.defaults().save(Fixture.of(recorded, List.of()), fixture, Progress.NONE);
        drop(fixture);
        driver.waitFor("the fixture is shown", () -> shows("kept.aei.json", EVENTS));

        Path notes = Files.writeString(dir.resolve("notes.txt"), "{\"format\":\"aei-fixture\"}");
        Path picture = Files.write(dir.resolve("capture.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(driver.fx(() -> driver.window.fileDrop().accepts(List.of(notes, picture)))).isFalse();
        assertThat(driver.fx(() -> driver.window.fileDrop().accepts(List.of(notes, fixture)))).isTrue();
        drop(notes);
        driver.waitFor("the refusal says what can be dropped", () -> driver.robot
                .lookup((Label label) -> label.getText() != null && label.getText().contains("notes.txt: only fixtures"))
                .tryQuery().isPresent());
        assertThat(FileDrop.refusal(List.of(notes))).contains("notes.txt", ".aei.json", ".har", ".jsonl");
        assertThat(driver.fx(() -> shows("kept.aei.json", EVENTS))).isTrue();
    }

    @Test
    void hostileFilesGiveAClearErrorAndWhatIsShownStays() throws Exception {
        Path fixture = dir.resolve("good.aei.json");
        SessionFiles.defaults().save(Fixture.of(recorded, List.of()), fixture, Progress.NONE);
        byte[] whole = Files.readAllBytes(fixture);
        String deep = "[".repeat(200) + "]".repeat(200);
        List<Path> hostile = List.of(
                Files.write(dir.resolve("cut.aei.json"), Arrays.copyOf(whole, whole.length / 2)),
                Files.writeString(dir.resolve("types.aei.json"), "{\"format\":\"aei-fixture\",\"version\":1,"
                        + "\"lanes\":{\"user\":\"a\"}}"),
                Files.writeString(dir.resolve("deep.har"), "{\"log\":{\"entries\":[{\"request\":{\"x\":" + deep
                        + "}}]}}"),
                Files.writeString(dir.resolve("claims.aei.json"), "{\"format\":\"aei-fixture\",\"version\":1,"
                        + "\"frame_count\":1073741824,\"lanes\":[{\"user\":\"a\",\"frames\":"
                        + "[{\"dir\":\"in\",\"nanos\":\"1073741824\"}]}]}"));
        drop(fixture);
        driver.waitFor("the good file is shown", () -> shows("good.aei.json", EVENTS));

        for (Path bad : hostile) {
            drop(bad);
            driver.waitFor("an error dialog for " + bad.getFileName(),
                    () -> driver.robot.lookup("#open-error").tryQuery().isPresent());
            DialogPane error = driver.lookup("#open-error");
            assertThat(driver.fx(error::getHeaderText)).contains(bad.getFileName().toString());
            assertThat(driver.fx(error::getContentText)).isNotBlank().doesNotContain("Exception");
            driver.onFx(() -> error.getScene().getWindow().hide());
            driver.waitFor("the error is closed", () -> driver.robot.lookup("#open-error").tryQuery().isEmpty());
            assertThat(driver.fx(() -> shows("good.aei.json", EVENTS))).as(bad.toString()).isTrue();
        }
    }

    /**
     * Drags a file with the robot from a label put in the window's bottom bar for the drag (as
     * from a file manager) onto the timeline, so the window's own drag-and-drop handlers run.
     */
    private static void drop(Path file) {
        driver.waitFor("no file job runs", () -> !driver.window.openFiles().loadingProperty().get());
        CountDownLatch done = new CountDownLatch(1);
        VBox bottom = (VBox) ((BorderPane) driver.stage.getScene().getRoot()).getBottom();
        Label source = new Label("drag " + file.getFileName());
        source.setId("drag-source");
        source.setOnDragDetected(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putFiles(List.of(file.toFile()));
            source.startDragAndDrop(TransferMode.COPY).setContent(content);
            e.consume();
        });
        source.setOnDragDone(e -> done.countDown());
        driver.onFx(() -> bottom.getChildren().add(source));
        // the robot reads the label's bounds on this thread: let a pulse lay it out first, or the text
        // layout may run on both threads at once
        driver.waitFor("the drag source is laid out", () -> driver.fx(() -> source.getWidth() > 0));
        WaitForAsyncUtils.waitForFxEvents();
        forgetPlainDrags();
        try {
            driver.robot.drag("#drag-source").dropTo("#timeline");
            driver.waitFor("the drag ends", () -> done.getCount() == 0);
        } finally {
            driver.onFx(() -> bottom.getChildren().remove(source));
        }
    }

    /**
     * Headless Monocle keeps the window of the last plain mouse drag (an earlier test's pan, say) as its
     * drag window after the button is released; the next drag-and-drop then sends "drag leave" to that
     * window, which never saw "drag enter", and fails without a drop. Forgetting it, on the thread that
     * delivers mouse events, makes the drop independent of what earlier test classes dragged.
     */
    private static void forgetPlainDrags() {
        driver.onFx(() -> {
            try {
                Class<?> input = Class.forName("com.sun.glass.ui.monocle.MouseInput");
                Method instance = input.getDeclaredMethod("getInstance");
                instance.setAccessible(true);
                Field view = input.getDeclaredField("dragView");
                view.setAccessible(true);
                view.set(instance.invoke(null), null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Monocle's mouse input changed; see forgetPlainDrags", e);
            }
        });
    }

    /** True when the named file is shown, loaded, with all its frames on the timeline. */
    private static boolean shows(String name, int frames) {
        return name.equals(driver.window.openFiles().viewingProperty().get())
                && !driver.window.openFiles().loadingProperty().get()
                && driver.window.timeline().frameCount() == frames && driver.window.pump().backlog() == 0;
    }
}
