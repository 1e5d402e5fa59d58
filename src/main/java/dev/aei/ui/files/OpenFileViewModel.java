package dev.aei.ui.files;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** State of opening files: the load in progress, the file being viewed and the recent files (newest first). */
public final class OpenFileViewModel {
    /** How many recent files the menu keeps. */
    public static final int MAX_RECENT = 8;

    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty viewing = new SimpleStringProperty("");

    public OpenFileViewModel(List<Path> recentFiles) {
        recent.setAll(recentFiles.stream().distinct().limit(MAX_RECENT).toList());
    }

    /** A load started. */
    public void started() {
        progress.set(0);
        loading.set(true);
    }

    /** A load finished well: the file is viewed and moves to the top of the recent files. */
    public void opened(Path file) {
        loading.set(false);
        viewing.set(file.getFileName().toString());
        toTop(file);
    }

    private void toTop(Path file) {
        Path absolute = file.toAbsolutePath();
        recent.remove(absolute);
        recent.add(0, absolute);
        if (recent.size() > MAX_RECENT) {
            recent.remove(MAX_RECENT, recent.size());
        }
    }

    /** A load failed; what is shown stays as it was. */
    public void failed() {
        loading.set(false);
    }

    /** A load failed because the file is gone: it leaves the recent files too. */
    public void gone(Path file) {
        failed();
        recent.remove(file.toAbsolutePath());
    }

    /** The file is no longer shown: the live session is. */
    public void closed() {
        viewing.set("");
    }

    /** A save failed; what is shown stays as it was. */
    public void saveFailed() {
        loading.set(false);
    }

    /** A save to {@code file} ended well: what is shown stays, and the file moves to the top of the recent files. */
    public void saved(Path file) {
        loading.set(false);
        toTop(file);
    }

    /** The status line while viewing a file, or empty when live. */
    public String statusText() {
        return viewing.get().isEmpty() ? "" : "Viewing " + viewing.get() + " (live connections disconnected)";
    }

    public ObservableList<Path> recent() {
        return recent;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    /** From 0 to 1. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** The name of the file being viewed, or empty. */
    public StringProperty viewingProperty() {
        return viewing;
    }
}
