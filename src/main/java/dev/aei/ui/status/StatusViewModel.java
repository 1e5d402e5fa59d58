package dev.aei.ui.status;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;

/** The status bar's state: who is connected, how fast events arrive, where the journal goes. */
public final class StatusViewModel {
    private final IntegerProperty connected = new SimpleIntegerProperty();
    private final IntegerProperty users = new SimpleIntegerProperty();
    private final DoubleProperty eventsPerSecond = new SimpleDoubleProperty();
    private final IntegerProperty backlog = new SimpleIntegerProperty();
    private final BooleanProperty recording = new SimpleBooleanProperty();
    private final StringProperty journal = new SimpleStringProperty("");
    private final StringProperty backend = new SimpleStringProperty("");
    private final StringProperty lastSend = new SimpleStringProperty("");
    private final BooleanProperty showingFile = new SimpleBooleanProperty();
    private final StringBinding connectedText = Bindings.createStringBinding(
            () -> showingFile.get() ? users.get() + (users.get() == 1 ? " lane" : " lanes") + " in the file"
                    : connected.get() + "/" + users.get() + " connected", connected, users, showingFile);
    private final StringBinding rateText = Bindings.createStringBinding(
            () -> showingFile.get() ? "" : Math.round(eventsPerSecond.get()) + " events/s", eventsPerSecond, showingFile);
    private final StringBinding journalText = Bindings.createStringBinding(
            () -> recording.get() ? "journal: " + fileName(journal.get()) : "not recording", recording, journal);
    private final StringBinding journalPath = Bindings.createStringBinding(
            () -> recording.get() ? "Recording to " + journal.get() : "Not recording (Ctrl+R records a journal)",
            recording, journal);

    /** True while an opened file is shown: counts are the file's, no live rate applies. */
    public BooleanProperty showingFileProperty() {
        return showingFile;
    }

    public IntegerProperty connectedProperty() {
        return connected;
    }

    public IntegerProperty usersProperty() {
        return users;
    }

    public DoubleProperty eventsPerSecondProperty() {
        return eventsPerSecond;
    }

    /** Frames captured but not yet drawn. */
    public IntegerProperty backlogProperty() {
        return backlog;
    }

    public BooleanProperty recordingProperty() {
        return recording;
    }

    /** The journal file being written. */
    public StringProperty journalProperty() {
        return journal;
    }

    /** Where the app is connected: "embedded backend ws://…" or the server URL. */
    public StringProperty backendProperty() {
        return backend;
    }

    /** What the last send did: the canary per user, or why nothing went out. */
    public StringProperty lastSendProperty() {
        return lastSend;
    }

    /** "2/3 connected". */
    public StringBinding connectedText() {
        return connectedText;
    }

    /** "143 events/s", or empty while a file is shown. */
    public StringBinding rateText() {
        return rateText;
    }

    /** "journal: session-…jsonl" (the file's name) or "not recording". */
    public StringBinding journalText() {
        return journalText;
    }

    /** The journal's whole path, for a tooltip. */
    public StringBinding journalPath() {
        return journalPath;
    }

    private static String fileName(String path) {
        Path name = path.isEmpty() ? null : Path.of(path).getFileName();
        return name == null ? path : name.toString();
    }
}
