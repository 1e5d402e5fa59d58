package dev.aei.ui.app;

import dev.aei.fixture.FileKind;
import dev.aei.fixture.Fixture;
import dev.aei.fixture.SessionFiles;
import dev.aei.inspect.Inspection;
import dev.aei.inspect.Mode;
import dev.aei.inspect.Shown;
import dev.aei.ui.files.OpenFileViewModel;
import dev.aei.ui.files.ReplayViewModel;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The window's file side, on the FX thread: hands an opened file to the inspection, replays it,
 * saves what is shown with progress, and makes the panels follow what the inspection shows (a
 * change arrives through the feed, after everything of what was shown before).
 */
final class OpenedFile {

    /** The window's panels, status line and title, which follow what is shown. */
    interface Panels {
        /** Empties the timeline, findings, presenter and detail: what is shown changed. */
        void clear();

        /** A file (or its replay) is shown now, on its own time range (session-clock nanos). */
        void showingFile(Shown shown, String status);

        /** The live session is shown. */
        void showingLive();

        /** Save now writes to {@code file} without asking; null when it asks where. */
        void saveTarget(Path file);
    }

    private final SessionControl control;
    private final OpenFileViewModel files;
    private final Notices notices;
    private final Panels panels;
    private final ReplayViewModel replay;
    /** What the panels show: the last change drained from the feed. */
    private Shown onScreen = Shown.NOTHING;
    /**
     * Where Save writes without asking: the shown fixture, or where the session was last saved. Never a
     * HAR or journal that was opened: those are evidence from elsewhere, which Save must not rewrite.
     */
    private Path savedAs;

    /** @param replay the replay controls, replaying through the control's inspection */
    OpenedFile(SessionControl control, OpenFileViewModel files, Notices notices, Panels panels, ReplayViewModel replay) {
        this.control = control;
        this.files = files;
        this.notices = notices;
        this.panels = panels;
        this.replay = replay;
    }

    /** Shows a loaded file: the inspection reads it in the background; the panels follow through the feed. */
    void view(Path file, Fixture loaded) {
        replay.stop();
        savedAs = loaded.kind() == FileKind.FIXTURE ? file : null; // the panels hear of it with the file
        Inspection inspection = control.inspection();
        control.runInBackground(() -> inspection.view(file, loaded));
    }

    /** What is shown changed (drained from the feed, before anything of the new session). */
    void shownChanged(Shown shown) {
        Shown before = onScreen;
        onScreen = shown;
        panels.clear();
        switch (shown.mode()) {
            case FILE, REPLAY -> {
                if (shown.mode() == Mode.FILE) {
                    replay.showWhole(shown.items(), shown.lastNanos() / 1e9);
                }
                panels.showingFile(shown, files.statusText());
                panels.saveTarget(savedAs);
            }
            case LIVE -> {
                replay.stop();
                if (before.showsFile()) {
                    files.closed();
                    saveTo(null); // a new live session
                }
                panels.showingLive();
            }
            case NONE -> { }
        }
    }

    /** True while a file (or its replay) is on screen instead of the live session. */
    boolean showing() {
        return onScreen.showsFile();
    }

    /** What is on screen. */
    Shown onScreen() {
        return onScreen;
    }

    /** Replays the shown file from the start at the chosen speed. */
    void replay() {
        if (!showing()) {
            notices.problem("Nothing to replay", "Open a fixture, journal or HAR file first (Ctrl+O).");
            return;
        }
        replay.stop();
        replay.play();
    }

    /** Replays the next frame of the shown file. */
    void nextFrame() {
        if (showing()) {
            replay.nextFrame();
        }
    }

    /**
     * Saves the live session or the opened file (redacted, with its findings) in the background,
     * with the same progress bar as loading, and says when it is done. One file job at a time.
     */
    void save(Path file) {
        save(file, () -> { }, () -> { });
    }

    /**
     * Saves as {@link #save(Path)} does, then runs {@code then} on the FX thread if the save succeeded,
     * {@code otherwise} if it did not happen.
     */
    void save(Path file, Runnable then, Runnable otherwise) {
        if (files.loadingProperty().get()) {
            notices.problem("The session was not saved", "Another file is still being loaded or saved.");
            otherwise.run();
            return;
        }
        if (isEvidenceOnScreen(file)) {
            notices.problem(file.getFileName() + " was not replaced", "It is the capture on screen, which a save"
                    + " never writes over: a save keeps only what the app reads of it, redacted. Choose another name.");
            otherwise.run();
            return;
        }
        new FileJob<Void>(progress -> {
            control.inspection().save(file, progress);
            return null;
        }).start(files, control::runInBackground, done -> {
            files.saved(file);
            saveTo(file);
            notices.info("Session saved", file.toString());
            then.run();
        }, error -> {
            files.saveFailed();
            notices.problem("The session could not be saved", error.getMessage());
            otherwise.run();
        });
    }

    /**
     * True when {@code file} is the HAR or journal on screen: a browser's capture or the raw journal,
     * evidence that a redacted save must not replace (a fixture on screen is Save's own target).
     */
    private boolean isEvidenceOnScreen(Path file) {
        Path viewed = onScreen.file();
        return viewed != null && SessionFiles.sameFile(viewed, file)
                && (savedAs == null || !SessionFiles.sameFile(savedAs, viewed));
    }

    /** The file on screen, if one is shown. */
    Optional<Path> viewedFile() {
        return Optional.ofNullable(onScreen.file());
    }

    private void saveTo(Path file) {
        savedAs = file;
        panels.saveTarget(file);
    }

    /** The file Save writes to without asking, if there is one. */
    Optional<Path> savedAs() {
        return Optional.ofNullable(savedAs);
    }

    /** Ends a replay (closing the window). */
    void stop() {
        replay.stop();
    }

    /** The replay controls' state. */
    ReplayViewModel replayControls() {
        return replay;
    }

    /** True while a replay is shown. */
    boolean replaying() {
        return onScreen.mode() == Mode.REPLAY;
    }
}
