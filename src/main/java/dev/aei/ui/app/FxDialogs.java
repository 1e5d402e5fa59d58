package dev.aei.ui.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import dev.aei.ui.timeline.TimelinePicture;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link Dialogs} as JavaFX dialogs; Save as remembers the folder and gives the file the chosen type's ending. */
final class FxDialogs implements Dialogs {
    private static final FileChooser.ExtensionFilter FIXTURE =
            new FileChooser.ExtensionFilter("Fixture (*.aei.json)", "*.aei.json");
    private static final FileChooser.ExtensionFilter COMPRESSED_FIXTURE =
            new FileChooser.ExtensionFilter("Compressed fixture (*.aei.json.gz)", "*.aei.json.gz");
    private static final FileChooser.ExtensionFilter HAR =
            new FileChooser.ExtensionFilter("HAR for browser DevTools (*.har)", "*.har");

    private static final FileChooser.ExtensionFilter FINDINGS_JSON =
            new FileChooser.ExtensionFilter("Findings JSON (*.json)", "*.json");
    private static final FileChooser.ExtensionFilter JUNIT =
            new FileChooser.ExtensionFilter("JUnit XML for CI (*.xml)", "*.xml");

    private final Window owner;
    private File lastFolder;

    FxDialogs(Window owner) {
        this.owner = owner;
    }

    @Override
    public Unsaved askUnsaved(String action) {
        ButtonType save = new ButtonType("Save…", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", save, discard, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Unsaved session");
        alert.setHeaderText("Save the live session before " + action + "?");
        alert.setContentText("Its frames and findings are not saved yet and will be gone otherwise.");
        alert.getDialogPane().setId("unsaved-session");
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        return answer == save ? Unsaved.SAVE : answer == discard ? Unsaved.DISCARD : Unsaved.CANCEL;
    }

    @Override
    public Optional<Path> askSaveTarget(Path near) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save session as");
        chooser.getExtensionFilters().addAll(FIXTURE, COMPRESSED_FIXTURE, HAR);
        chooser.setInitialFileName(near == null ? "session" : baseName(near));
        File file = showSaveDialog(chooser, near);
        if (file == null) {
            return Optional.empty();
        }
        Path target = withEnding(file.toPath(), endingOf(chooser.getSelectedExtensionFilter()));
        // the chooser asked about the name as typed; a different file under the new ending is asked about here
        if (!target.equals(file.toPath()) && Files.exists(target) && !confirmReplace(target)) {
            return Optional.empty();
        }
        return Optional.of(target);
    }

    /** Shows a save dialog in the folder of {@code near} (or the last one used) and remembers the folder chosen. */
    private File showSaveDialog(FileChooser chooser, Path near) {
        File folder = near != null && near.toAbsolutePath().getParent() != null
                ? near.toAbsolutePath().getParent().toFile() : lastFolder;
        if (folder != null && folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        File file = chooser.showSaveDialog(owner);
        if (file != null) {
            lastFolder = file.getParentFile();
        }
        return file;
    }

    private static String endingOf(FileChooser.ExtensionFilter filter) {
        return filter == HAR ? ".har" : filter == COMPRESSED_FIXTURE ? ".aei.json.gz" : ".aei.json";
    }

    private boolean confirmReplace(Path target) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", ButtonType.OK, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Replace file");
        alert.setHeaderText(target.getFileName() + " already exists. Replace it?");
        alert.setContentText(target.toString());
        return alert.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK;
    }

    /** The file's name without a capture ending (a copy of {@code bug.har} is offered as {@code bug}). */
    private static String baseName(Path file) {
        return withEnding(file, "").getFileName().toString();
    }

    /** The path with the chosen type's ending, replacing the other type's ending if the user typed it. */
    static Path withEnding(Path file, String ending) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!ending.isEmpty() && lower.endsWith(ending)) {
            return file;
        }
        for (String other : new String[] {".aei.json.gz", ".aei.json", ".har", ".json"}) {
            if (lower.endsWith(other)) {
                name = name.substring(0, name.length() - other.length());
                break;
            }
        }
        Path named = file.resolveSibling(name + ending);
        return Files.isDirectory(named) ? file : named;
    }

    @Override
    public Optional<Path> askFileToOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a fixture, journal or HAR file");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Captures", "*.aei.json", "*.aei.json.gz", "*.jsonl", "*.har"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<TimelinePicture.Range> askPictureRange() {
        String whole = "The whole session";
        String visible = "The visible range only";
        ChoiceDialog<String> ask = new ChoiceDialog<>(whole, whole, visible);
        ask.initOwner(owner);
        ask.setTitle("Export timeline as PNG");
        ask.setHeaderText("What should the picture show?");
        ask.setContentText("Time range:");
        return ask.showAndWait().map(choice -> choice.equals(visible) ? TimelinePicture.Range.VISIBLE
                : TimelinePicture.Range.WHOLE_SESSION);
    }

    @Override
    public Optional<Path> askPngTarget(Path near) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export timeline as PNG");
        chooser.setInitialFileName((near == null ? "" : baseName(near) + "-") + "timeline.png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File file = showSaveDialog(chooser, near);
        return file == null ? Optional.empty() : endingAdded(file, ".png", ".png");
    }

    @Override
    public Optional<Path> askFindingsTarget(Path near) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export findings");
        chooser.getExtensionFilters().addAll(FINDINGS_JSON, JUNIT);
        chooser.setInitialFileName((near == null ? "session" : baseName(near)) + "-findings");
        File file = showSaveDialog(chooser, near);
        if (file == null) {
            return Optional.empty();
        }
        return endingAdded(file, chooser.getSelectedExtensionFilter() == JUNIT ? ".xml" : ".json", ".json", ".xml");
    }

    /**
     * The chosen file, with {@code ending} added when its name has none of {@code known} (the
     * user's own ending wins); a different file that exists under the new name is asked about here,
     * since the chooser asked only about the name as typed.
     */
    private Optional<Path> endingAdded(File file, String ending, String... known) {
        String typed = file.getName().toLowerCase(Locale.ROOT);
        for (String k : known) {
            if (typed.endsWith(k)) {
                return Optional.of(file.toPath());
            }
        }
        Path target = file.toPath().resolveSibling(file.getName() + ending);
        return Files.exists(target) && !confirmReplace(target) ? Optional.empty() : Optional.of(target);
    }

    @Override
    public Optional<Path> askFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
    }
}
