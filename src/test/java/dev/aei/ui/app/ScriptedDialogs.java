package dev.aei.ui.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Answers the window's questions as a test says (no modal dialog blocks a test) and notes each question. */
final class ScriptedDialogs implements Dialogs {
    final List<String> asked = new CopyOnWriteArrayList<>();
    volatile Unsaved unsaved = Unsaved.DISCARD;
    volatile Path saveTarget;

    @Override
    public Unsaved askUnsaved(String action) {
        asked.add("unsaved: " + action);
        return unsaved;
    }

    @Override
    public Optional<Path> askSaveTarget(Path near) {
        asked.add(near == null ? "save target" : "save target near " + near.getFileName());
        return Optional.ofNullable(saveTarget);
    }

    @Override
    public Optional<Path> askFileToOpen() {
        asked.add("file to open");
        return Optional.empty();
    }

    @Override
    public Optional<Path> askPngTarget(Path near) {
        asked.add("png target");
        return Optional.empty();
    }

    @Override
    public Optional<Path> askFindingsTarget(Path near) {
        asked.add("findings target");
        return Optional.empty();
    }

    @Override
    public Optional<Path> askFolder(String title) {
        asked.add("folder: " + title);
        return Optional.empty();
    }
}
