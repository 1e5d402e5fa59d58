package dev.aei.ui.app;

import dev.aei.capture.Lane;
import dev.aei.inspect.Mode;
import dev.aei.inspect.Shown;
import dev.aei.ui.files.ReplayViewModel;
import dev.aei.ui.timeline.TimelineView;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * How the window around the panels follows what is shown: the title (what is shown, and where Save
 * writes when that is another file), the status line, the users table, the run counts, the
 * timeline's range and its badge (LIVE, a file at its END, or how far a replay came). FX thread only.
 */
final class ShownPanels implements OpenedFile.Panels {
    private static final String TITLE = "Agent Event Inspector";

    private final TimelineView timeline;
    private final AppModels models;
    private final Stage stage;
    private final ReplayViewModel replay;
    private final Supplier<String> liveStatus;
    private final Runnable liveReplaced;
    private Mode mode = Mode.NONE;
    /** Moves a live timeline on with its clock, four times a second (a quiet session still moves). */
    private final Timeline liveClock = new Timeline(new KeyFrame(Duration.millis(250), e -> tickLive()));
    /** The file shown, or null for the live session. */
    private Path viewing;
    private Path saveTarget;

    /**
     * @param liveStatus   the status line of the live session (the backend or server), shown when it is
     * @param liveReplaced told when a fresh live session replaces the live one shown
     */
    ShownPanels(TimelineView timeline, AppModels models, Stage stage, ReplayViewModel replay,
                Supplier<String> liveStatus, Runnable liveReplaced) {
        this.timeline = timeline;
        this.models = models;
        this.stage = stage;
        this.replay = replay;
        this.liveStatus = liveStatus;
        this.liveReplaced = liveReplaced;
        replay.activeProperty().addListener(o -> showBadge());
        replay.positionProperty().addListener(o -> showBadge());
        liveClock.setCycleCount(Animation.INDEFINITE);
        liveClock.play();
    }

    private void tickLive() {
        if (mode == Mode.LIVE) {
            timeline.showLiveNow(models.liveClockNow());
        }
    }

    /** Stops moving the timeline on (the window closes). */
    void stop() {
        liveClock.stop();
    }

    @Override
    public void showingFile(Shown file, String status) {
        mode = file.mode();
        models.status.recordingProperty().set(false);
        models.status.showingFileProperty().set(true);
        models.runs.fileShown();
        models.signIn.showFileLanes(file.session().lanes().stream().map(Lane::id).toList());
        models.status.backendProperty().set(status);
        models.composer.canariesProperty().set(""); // what was last sent live is not what is shown
        showBadge();
        viewing = file.file();
        showTitle();
        timeline.setFollowLive(false); // a file's frames fill its own range, which stays put
        if (file.hasRange()) {
            timeline.fitTo(file.firstNanos(), file.lastNanos());
        }
    }

    @Override
    public void showingLive() {
        boolean replaced = mode == Mode.LIVE;
        mode = Mode.LIVE;
        models.runs.liveShown();
        models.liveShown();
        models.signIn.showTestUsers();
        models.status.showingFileProperty().set(false);
        models.status.backendProperty().set(liveStatus.get());
        showBadge();
        timeline.setFollowLive(true);
        viewing = null;
        showTitle();
        if (replaced) {
            models.composer.canariesProperty().set(""); // the prompts sent were the old session's
            liveReplaced.run();
        }
    }

    @Override
    public void saveTarget(Path file) {
        saveTarget = file;
        showTitle();
    }

    /**
     * The window title names what is shown and, when Save would write elsewhere (a browser's HAR saved
     * as a fixture, a live session saved before), that file: the user always sees where Ctrl+S goes.
     */
    private void showTitle() {
        String shown = viewing == null ? (saveTarget == null ? "" : " — live session")
                : " — viewing " + viewing.getFileName();
        boolean elsewhere = saveTarget != null && !saveTarget.equals(viewing);
        stage.setTitle(TITLE + shown + (elsewhere ? ", saved as " + saveTarget.getFileName() : ""));
    }

    @Override
    public void clear() {
        timeline.clear();
        models.findings.clear();
        models.presenter.clear();
        models.detail.show(null, null);
    }

    /**
     * LIVE, END (a file shown whole) or REPLAY n/N: also once a replay was stopped part way, since
     * only those n items are on screen then.
     */
    private void showBadge() {
        timeline.liveLabelProperty().set(mode == Mode.LIVE || mode == Mode.NONE ? TimelineView.LIVE
                : mode == Mode.REPLAY
                ? String.format("REPLAY %d/%d", replay.positionProperty().get(), replay.totalProperty().get()) : "END");
    }
}
