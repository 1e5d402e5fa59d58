package dev.aei.ui.app;

import dev.aei.ui.timeline.TimelinePicture;
import java.nio.file.Path;
import java.util.Optional;

/** The questions the window asks its user: which file or folder, and whether unsaved work may be dropped. */
interface Dialogs {

    /** The answers to "the live session is not saved". */
    enum Unsaved { SAVE, DISCARD, CANCEL }

    /** Asks what to do with the unsaved live session before {@code action} (e.g. "quitting"). */
    Unsaved askUnsaved(String action);

    /**
     * Asks where to save the session (a fixture or a HAR file), starting beside {@code near} (the file on
     * screen) when there is one; empty when the user cancels.
     */
    Optional<Path> askSaveTarget(Path near);

    /** Asks which fixture, journal or HAR file to open; empty when the user cancels. */
    Optional<Path> askFileToOpen();

    /**
     * Asks what a picture of the timeline covers (the whole session or the visible range); empty when
     * the user cancels. Without a way to ask, the whole session.
     */
    default Optional<TimelinePicture.Range> askPictureRange() {
        return Optional.of(TimelinePicture.Range.WHOLE_SESSION);
    }

    /**
     * Asks where to save a PNG picture of the timeline, beside {@code near} (the file on screen) when
     * there is one; empty when the user cancels.
     */
    Optional<Path> askPngTarget(Path near);

    /**
     * Asks where to export the findings (JSON, or JUnit XML for a name ending in .xml), offering a name
     * after {@code near} (the file on screen) when there is one; empty when the user cancels.
     */
    Optional<Path> askFindingsTarget(Path near);

    /** Asks for a folder (for what {@code title} says); empty when the user cancels. */
    Optional<Path> askFolder(String title);
}
