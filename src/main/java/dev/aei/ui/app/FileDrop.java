package dev.aei.ui.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/**
 * Drag and drop onto the window: a fixture, HAR file or capture journal opens; other files are
 * refused (no drop cursor) with a message saying what can be dropped.
 */
final class FileDrop {
    /** The names the app opens, by ending. */
    static final List<String> KNOWN = List.of(".aei.json", ".aei.json.gz", ".har", ".jsonl");

    private final Consumer<Path> open;
    private final Notices notices;

    FileDrop(Consumer<Path> open, Notices notices) {
        this.open = open;
        this.notices = notices;
    }

    /** Makes the scene take drops; the handlers only read the dragboard and call the methods below. */
    void install(Scene scene) {
        scene.setOnDragEntered(e -> {
            files(e).filter(files -> !files.isEmpty() && !accepts(files)).ifPresent(this::refuse);
            e.consume();
        });
        scene.setOnDragOver(e -> {
            if (files(e).filter(this::accepts).isPresent()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            e.setDropCompleted(drop(files(e).orElse(List.of())));
            e.consume();
        });
    }

    /** True when one of the files is of a kind the app opens. */
    boolean accepts(List<Path> files) {
        return files.stream().anyMatch(FileDrop::known);
    }

    /** Opens the first file of a known kind; false (and a message) when there is none. */
    boolean drop(List<Path> files) {
        Optional<Path> first = files.stream().filter(FileDrop::known).findFirst();
        if (first.isEmpty()) {
            refuse(files);
            return false;
        }
        open.accept(first.get());
        return true;
    }

    /** Why the files cannot be dropped, in words for the user. */
    static String refusal(List<Path> files) {
        String names = files.stream().map(f -> String.valueOf(f.getFileName())).limit(3)
                .reduce((a, b) -> a + ", " + b).orElse("nothing");
        return names + (files.size() > 3 ? " …" : "") + ": only fixtures (.aei.json, .aei.json.gz), HAR files (.har) and"
                + " capture journals (.jsonl) can be opened.";
    }

    private void refuse(List<Path> files) {
        notices.problem("This file cannot be opened", refusal(files));
    }

    static boolean known(Path file) {
        Path name = file.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return KNOWN.stream().anyMatch(lower::endsWith);
    }

    private static Optional<List<Path>> files(DragEvent e) {
        Dragboard board = e.getDragboard();
        return board.hasFiles() ? Optional.of(board.getFiles().stream().map(File::toPath).toList()) : Optional.empty();
    }
}
