package dev.aei.ui.app;

import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import dev.aei.fixture.FileKind;
import dev.aei.fixture.Fixture;
import dev.aei.fixture.Replayer;
import dev.aei.ui.feed.CaptureFeed;
import dev.aei.ui.files.OpenFileViewModel;
import dev.aei.ui.files.ReplayViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The window's file side, on the FX thread: shows an opened file instead of the live session,
 * replays it, saves what is shown with progress, and leaves the file when the user goes live.
 */
final class OpenedFile {
    /** Items dropped per drain when leaving a file. */
    private static final int DISCARD_BATCH = 10_000;

    /** The window's panels, status line and title, which follow what is shown. */
    interface Panels {
        /** A file is shown now. */
        void showingFile(Path file, String status);

        /** The live session is shown again (nothing of the file is left to drain). */
        void showingLive();

        /** Empties the timeline, findings, presenter and detail. */
        void clear();

        /** Fits the timeline to a file's own time span (session-clock nanos). */
        void fit(long firstNanos, long lastNanos);
    }

    private final Workbench workbench;
    private final CaptureFeed feed;
    private final OpenFileViewModel files;
    private final Notices notices;
    private final Panels panels;
    private final Executor fx;
    private final ReplayViewModel replay = new ReplayViewModel(this::newReplay);
    private Fixture viewed;
    /** The file on screen, or null while live. */
    private Path viewedFile;
    /**
     * Where Save writes without asking: the shown fixture, or where the session was last saved. Never a
     * HAR or journal that was opened: those are evidence from elsewhere, which Save must not rewrite.
     */
    private Path savedAs;
    /** Done once the workbench has handed the shown file to the feed. */
    private CompletableFuture<Void> handedOver = CompletableFuture.completedFuture(null);
    /** Connects waiting for the panels to be cleared, or null when not leaving a file. */
    private List<Runnable> waitingForLive;

    OpenedFile(Workbench workbench, CaptureFeed feed, OpenFileViewModel files, Notices notices, Panels panels,
               Executor fx) {
        this.workbench = workbench;
        this.feed = feed;
        this.files = files;
        this.notices = notices;
        this.panels = panels;
        this.fx = fx;
    }

    /** Shows a loaded file: the panels start empty and fill from the file through the feed, in batches. */
    void view(Path file, Fixture loaded) {
        replay.stop();
        viewed = loaded;
        viewedFile = file;
        savedAs = loaded.kind() == FileKind.FIXTURE ? file : null;
        panels.clear();
        long lastNanos = fitToFile();
        replay.showWhole(loaded.session().frameCount() + loaded.session().lanes().stream()
                .mapToLong(lane -> lane.events().size()).sum(), lastNanos / 1e9);
        panels.showingFile(file, files.statusText());
        handedOver = CompletableFuture.runAsync(() -> workbench.view(loaded), workbench::runInBackground);
    }

    /** True while a file (or its replay) is shown instead of the live session. */
    boolean showing() {
        return viewed != null;
    }

    /** Replays the shown file from the start at the chosen speed. */
    void replay() {
        if (viewed == null) {
            notices.problem("Nothing to replay", "Open a fixture, journal or HAR file first (Ctrl+O).");
            return;
        }
        replay.stop();
        replay.play();
    }

    /** Replays the next frame of the shown file. */
    void nextFrame() {
        if (viewed != null) {
            replay.nextFrame();
        }
    }

    /**
     * Runs {@code connect} on the live session. When a file is shown, first leaves it: the replay
     * stops, what the file still had queued for the panels is dropped and the panels are cleared,
     * all before the first live frame can arrive; connects asked for meanwhile wait their turn.
     */
    void goLive(Runnable connect) {
        if (waitingForLive != null) {
            waitingForLive.add(connect);
            return;
        }
        if (viewed == null) {
            connect.run();
            return;
        }
        replay.stop();
        viewed = null;
        viewedFile = null;
        savedAs = null; // a new live session
        files.closed();
        waitingForLive = new ArrayList<>(List.of(connect));
        handedOver.whenComplete((done, error) -> fx.execute(this::live));
    }

    /**
     * Runs {@code connect} on a fresh live session (the event profile changed): the current one is
     * ended, what it still had queued for the panels is dropped and the panels are cleared first.
     */
    void restartLive(Runnable connect) {
        if (viewed != null || waitingForLive != null) {
            goLive(connect); // leaving a file already ends the live session
            return;
        }
        waitingForLive = new ArrayList<>(List.of(connect));
        CompletableFuture.runAsync(workbench::endLive, workbench::runInBackground)
                .whenComplete((done, error) -> fx.execute(this::live));
    }

    private void live() {
        while (feed.backlog() > 0) {
            feed.drain(DISCARD_BATCH);
        }
        panels.clear();
        panels.showingLive();
        List<Runnable> connects = waitingForLive;
        waitingForLive = null;
        connects.forEach(Runnable::run);
    }

    /** A fresh replay of the opened file: the panels start empty and fill as the replay appends. */
    private Replayer newReplay() {
        panels.clear();
        fitToFile();
        return workbench.replay(viewed);
    }

    /**
     * The timeline shows the shown file's own first to last item, never the live session's clock;
     * returns the last item's stamp (0 for an empty file).
     */
    private long fitToFile() {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Lane lane : viewed.session().lanes()) {
            for (Frame frame : lane.frames()) {
                first = Math.min(first, frame.nanos());
                last = Math.max(last, frame.nanos());
            }
            for (LaneEvent event : lane.events()) {
                first = Math.min(first, event.nanos());
                last = Math.max(last, event.nanos());
            }
        }
        if (first > last) {
            return 0;
        }
        panels.fit(first, last);
        return last;
    }

    /**
     * Saves the live session or the opened file (redacted, with its findings) in the background,
     * with the same progress bar as loading, and says when it is done. One file job at a time.
     */
    void save(Path file) {
        save(file, () -> { });
    }

    /** Saves as {@link #save(Path)} does, then runs {@code then} on the FX thread if the save succeeded. */
    void save(Path file, Runnable then) {
        if (files.loadingProperty().get()) {
            notices.problem("The session was not saved", "Another file is still being loaded or saved.");
            return;
        }
        new FileJob<Void>(progress -> {
            workbench.saveFixture(file, progress);
            return null;
        }).start(files, workbench::runInBackground, done -> {
            files.saved();
            savedAs = file;
            notices.info("Session saved", file.toString());
            then.run();
        }, error -> {
            files.saved();
            notices.problem("The session could not be saved", error.getMessage());
        });
    }

    /** The file on screen, if one is shown. */
    Optional<Path> viewedFile() {
        return Optional.ofNullable(viewedFile);
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
}
