package dev.aei.ui.app;

import dev.aei.auth.Redactor;
import dev.aei.loadtest.GatlingExport;
import dev.aei.loadtest.GatlingSettings;
import dev.aei.ui.timeline.TimelinePicture;
import dev.aei.ui.timeline.TimelineView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;

/**
 * What the File menu does: open a fixture, journal or HAR file (asking first when that would drop
 * an unsaved live session), save, save as, and export a picture of the timeline, the findings or a
 * Gatling project. The questions go through {@link Dialogs}, which tests answer in their place.
 */
public final class FileCommands {
    private final SessionControl control;
    private final FileOpener opener;
    private final OpenedFile shown;
    private final Notices notices;
    private final TimelineView timeline;
    /** The live session's status line (its backend or server), for a picture's title. */
    private final Supplier<String> liveStatus;
    private Dialogs dialogs;

    FileCommands(SessionControl control, FileOpener opener, OpenedFile shown, Notices notices, TimelineView timeline,
                 Supplier<String> liveStatus, Dialogs dialogs) {
        this.control = control;
        this.opener = opener;
        this.shown = shown;
        this.notices = notices;
        this.timeline = timeline;
        this.liveStatus = liveStatus;
        this.dialogs = dialogs;
    }

    /** Answers the questions in place of dialogs. */
    void useDialogs(Dialogs answers) {
        dialogs = answers;
    }

    /** Asks for a file and opens it. */
    void open() {
        dialogs.askFileToOpen().ifPresent(this::open);
    }

    /** Loads a fixture, journal or HAR file in the background and then shows it instead of the live session. */
    public void open(Path file) {
        whenLiveWorkIsSafe("opening " + file.getFileName(), () -> opener.open(file));
    }

    /** Saves to the file what is shown came from or was last saved to; else asks where, as {@link #saveAs}. */
    void save() {
        shown.savedAs().ifPresentOrElse(this::save, this::saveAs);
    }

    /** Asks where and saves there. */
    void saveAs() {
        dialogs.askSaveTarget(shown.viewedFile().orElse(null)).ifPresent(this::save);
    }

    /**
     * Saves the live session, or the opened file whole (also mid-replay), redacted and with its
     * findings, in the background with the same progress bar as loading. One file job at a time.
     */
    public void save(Path target) {
        shown.save(target);
    }

    /**
     * Asks what range and where, then exports the picture. The file chooser opens on the next pulse,
     * once the range question's window is gone: a native chooser opened while that window was still
     * closing left the menu bar unable to open a menu again.
     */
    void exportTimeline() {
        dialogs.askPictureRange().ifPresent(range -> Platform.runLater(() -> dialogs
                .askPngTarget(shown.viewedFile().orElse(null)).ifPresent(file -> exportTimeline(file, range))));
    }

    /** Saves a picture of the whole session to a PNG file. */
    public void exportTimeline(Path file) {
        exportTimeline(file, TimelinePicture.Range.WHOLE_SESSION);
    }

    /**
     * Saves a picture of the timeline (title, users, time range, every lane, legend) to a PNG file:
     * drawn here, encoded and written in the background.
     */
    public void exportTimeline(Path file, TimelinePicture.Range range) {
        WritableImage picture;
        try {
            picture = TimelinePicture.render(timeline, range, pictureTitle());
        } catch (RuntimeException e) {
            notices.problem("The timeline could not be exported", e.getMessage());
            return;
        }
        control.runInBackground(() -> {
            try {
                TimelinePicture.savePng(picture, file);
                Platform.runLater(() -> notices.info("Timeline exported", file.toString()));
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> notices.problem("The timeline could not be exported", e.getMessage()));
            }
        });
    }

    /** What the picture is of: the file shown or the live session (secrets in its address removed). */
    private String pictureTitle() {
        String live = liveStatus.get();
        return "Agent Event Inspector — " + shown.viewedFile().map(f -> String.valueOf(f.getFileName()))
                .orElseGet(() -> "live session" + (live.isBlank() ? "" : ", " + Redactor.message(live)));
    }

    /** Asks for a folder, then exports there. */
    void exportGatling() {
        dialogs.askFolder("Export a Gatling simulation into a new folder in…").ifPresent(this::exportGatling);
    }

    /** Writes what is shown as a Gatling project in a new folder under {@code parent}, in the background. */
    public void exportGatling(Path parent) {
        String name = shown.viewedFile().map(file -> file.getFileName().toString()).orElse("live-session");
        exports().start(control.inspection()::fixture, "Gatling simulation written",
                "The Gatling simulation could not be written", fixture -> {
                    Path dir = GatlingExport.freshFolder(parent, name);
                    GatlingExport.Written written = new GatlingExport().write(fixture, name, dir,
                            GatlingSettings.defaults(), false);
                    String notes = written.notes().isEmpty() ? ""
                            : " (" + written.notes().size() + " notes in its README)";
                    return dir + notes + ". Run it there with AEI_SECRET set: mvn gatling:test";
                });
    }

    /** Asks where, then exports the findings. */
    void exportFindings() {
        dialogs.askFindingsTarget(shown.viewedFile().orElse(null)).ifPresent(this::exportFindings);
    }

    /** Writes the findings of what is shown to {@code file} (JUnit XML for .xml, else JSON), in the background. */
    public void exportFindings(Path file) {
        if (holdsTheSession(file)) {
            notices.problem("The findings were not exported", file.getFileName()
                    + " holds the session itself; choose another name for the findings.");
            return;
        }
        exports().start(control.inspection()::fixture, "Findings exported", "The findings could not be exported",
                fixture -> FindingsFile.write(fixture, file));
    }

    /** True for the file on screen and the file Save writes to: an export must never replace them. */
    private boolean holdsTheSession(Path file) {
        Path target = file.toAbsolutePath().normalize();
        return Stream.of(shown.viewedFile(), shown.savedAs()).flatMap(Optional::stream)
                .anyMatch(f -> f.toAbsolutePath().normalize().equals(target));
    }

    private BackgroundExport exports() {
        return new BackgroundExport(control::runInBackground, Platform::runLater, notices);
    }

    /**
     * Runs {@code then} at once, or, when it would drop an unsaved live session, after asking: save
     * first (it follows a successful save), drop it, or cancel.
     */
    void whenLiveWorkIsSafe(String action, Runnable then) {
        whenLiveWorkIsSafe(action, then, () -> { });
    }

    /**
     * As {@link #whenLiveWorkIsSafe(String, Runnable)}; {@code otherwise} runs when {@code then} will
     * not: the user cancelled (the question or the choice of a file) or the save failed.
     */
    void whenLiveWorkIsSafe(String action, Runnable then, Runnable otherwise) {
        if (shown.showing() || !control.inspection().hasUnsavedWork()) {
            then.run();
            return;
        }
        switch (dialogs.askUnsaved(action)) {
            case SAVE -> shown.savedAs().or(() -> dialogs.askSaveTarget(null))
                    .ifPresentOrElse(file -> shown.save(file, then, otherwise), otherwise);
            case DISCARD -> then.run();
            case CANCEL -> otherwise.run();
        }
    }
}
