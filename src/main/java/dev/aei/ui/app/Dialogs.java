package dev.aei.ui.app;

import java.nio.file.Path;
import java.util.Optional;

/** The questions the window asks its user: where to save, and whether unsaved work may be dropped. */
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
}
