package dev.aei.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.capture.Session;
import dev.aei.cli.bench.SyntheticCapture;
import dev.aei.fixture.Fixture;
import dev.aei.fixture.Progress;
import dev.aei.fixture.SessionFiles;
import dev.aei.testing.HeapProbe;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.ProgressBar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100,000-event fixture through the app's own open and save paths: the progress bar shows and
 * moves from 0 to 1, every event reaches the timeline, and the heap stays near the file's size.
 */
@Tag("own-jvm")
class LargeFileTest {
    private static final int EVENTS = 100_000;
    /**
     * Loaded frames, the timeline's columns and the viewed fixture together, per byte of file: measured at
     * 2.9-3.1 (the timeline's large arrays sit in whole heap regions), so the bound leaves room above that.
     */
    private static final long HEAP_PER_FILE_BYTE = 4;

    @TempDir
    static Path dir;
    private static AppDriver driver;

    @BeforeAll
    static void startQuietApp() throws Exception {
        driver = AppDriver.quiet(dir);
    }

    @AfterAll
    static void stopApp() throws Exception {
        driver.close();
        driver = null;
    }

    @Test
    void aHundredThousandEventFixtureOpensAndSavesWithProgressUnderBoundedMemory() throws Exception {
        Path file = dir.resolve("large.aei.json");
        SessionFiles.defaults().save(Fixture.of(SyntheticCapture.build(EVENTS, 10), List.of()), file, Progress.NONE);
        long fileBytes = Files.size(file);
        long baseline = retained();

        BarWatch shown = watchProgress();
        driver.onFx(() -> driver.window.files().open(file));
        driver.waitFor("all events reach the timeline", () -> driver.window.timeline().frameCount() == EVENTS
                && driver.window.pump().backlog() == 0 && !driver.window.openFiles().loadingProperty().get());
        shown.assertMovedFromZeroToOne();
        assertThat(driver.fx(() -> driver.window.timeline().laneIds())).hasSize(10);

        Path saved = dir.resolve("saved.aei.json");
        shown = watchProgress();
        driver.onFx(() -> driver.window.files().save(saved));
        driver.waitFor("the save ends", () -> !driver.window.openFiles().loadingProperty().get());
        shown.assertMovedFromZeroToOne();
        // What the save published for the panels is in flight until the pump takes it: measured then,
        // it read 150-220 MB more in one run of four.
        driver.waitFor("the panels took everything", () -> driver.window.pump().backlog() == 0);
        long kept = retained() - baseline;
        WeakReference<Session> large = new WeakReference<>(driver.session());

        Path small = dir.resolve("small.aei.json");
        SessionFiles.defaults().save(Fixture.of(SyntheticCapture.build(10, 1), List.of()), small, Progress.NONE);
        driver.onFx(() -> driver.window.files().open(small));
        driver.waitFor("a small file replaces it", () -> driver.window.timeline().frameCount() == 10
                && driver.window.pump().backlog() == 0 && !driver.window.openFiles().loadingProperty().get());
        HeapProbe.awaitCollected("the large file's session", large);
        long keptAfter = retained() - baseline;

        assertThat(SessionFiles.defaults().open(saved, Progress.NONE).session().frameCount()).isEqualTo(EVENTS);
        assertThat(kept).as(() -> "heap kept while the file is shown (file: " + fileBytes + " bytes); what holds the heap:\n"
                        + HeapProbe.histogram(30))
                .isLessThan(HEAP_PER_FILE_BYTE * fileBytes);
        assertThat(keptAfter).as("heap still kept once a small file replaced it (file: %d bytes)", fileBytes)
                .isLessThan(fileBytes / 2);
    }

    /**
     * The heap retained, read on the FX thread: no pulse can draw meanwhile, so what a redraw of a
     * 100,000-event timeline allocates for a moment is not counted as kept.
     */
    private static long retained() {
        return driver.fx(HeapProbe::retainedBytes);
    }

    /** Records, from now on, whether the progress bar showed and which values it took. */
    private static BarWatch watchProgress() {
        BarWatch progress = new BarWatch();
        ProgressBar bar = driver.lookup("#load-progress");
        driver.onFx(() -> {
            bar.visibleProperty().addListener(progress.visible);
            bar.progressProperty().addListener(progress.values);
        });
        return progress;
    }

    /** What a progress bar showed during one file job. */
    private static final class BarWatch {
        final List<Boolean> shown = new CopyOnWriteArrayList<>();
        final List<Double> seen = new CopyOnWriteArrayList<>();
        final ChangeListener<Boolean> visible = (o, was, now) -> shown.add(now);
        final ChangeListener<Number> values = (o, was, now) -> seen.add(now.doubleValue());

        void assertMovedFromZeroToOne() {
            ProgressBar bar = driver.lookup("#load-progress");
            driver.onFx(() -> {
                bar.visibleProperty().removeListener(visible);
                bar.progressProperty().removeListener(values);
            });
            assertThat(shown).as("the bar showed, then hid").containsSubsequence(true, false);
            assertThat(seen).as("progress values").isNotEmpty().allMatch(v -> v >= 0 && v <= 1)
                    .anyMatch(v -> v > 0 && v < 1);
        }
    }
}
