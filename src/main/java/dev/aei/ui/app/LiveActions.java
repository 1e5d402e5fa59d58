package dev.aei.ui.app;

import dev.aei.ui.faults.FaultsViewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Two actions on the live session that span several panels: recording to a journal (from the
 * record toggle) and the Faults tab's leak demo. Slow work runs in the background; what the
 * panels show changes on the FX thread.
 */
final class LiveActions {
    private final SessionControl control;
    private final AppModels models;
    private final Notices notices;
    private final Path sessionsDir;
    private final Executor fx;

    LiveActions(SessionControl control, AppModels models, Notices notices, Path sessionsDir, Executor fx) {
        this.control = control;
        this.models = models;
        this.notices = notices;
        this.sessionsDir = sessionsDir;
        this.fx = fx;
    }

    /** Starts or stops the journal; a journal that cannot be opened turns the toggle back off. */
    void record(boolean on) {
        if (on) {
            startJournal(file -> { });
        } else {
            control.runInBackground(() -> {
                try {
                    control.inspection().stopJournal();
                } catch (IOException e) {
                    fx.execute(() -> notices.problem("The journal could not be closed cleanly", e.getMessage()));
                }
            });
        }
    }

    /**
     * A fresh live session replaced the one being recorded (another server, profile or rules), which
     * closed its journal: while the toggle is on, the new session gets a journal of its own.
     */
    void recordFreshSession() {
        if (!models.status.recordingProperty().get()) {
            return;
        }
        String before = models.status.journalProperty().get();
        String held = before.isBlank() ? "" : " (" + Path.of(before).getFileName() + " holds the session before)";
        startJournal(file -> notices.info("Recording the new session", file.getFileName() + held));
    }

    /** Opens a journal in the background, then shows it and runs {@code then} on the FX thread. */
    private void startJournal(Consumer<Path> then) {
        control.runInBackground(() -> {
            try {
                Path file = control.startRecording(sessionsDir);
                fx.execute(() -> {
                    models.status.journalProperty().set(file.toString());
                    then.accept(file);
                });
            } catch (IOException e) {
                fx.execute(() -> {
                    models.status.recordingProperty().set(false);
                    notices.problem("Recording failed", e.getMessage());
                });
            }
        });
    }

    /** Arms bob → alice, then (once the backend has it) sends a prompt as bob only, as its button says. */
    void leakDemo() {
        String from = FaultsViewModel.DEMO_FROM;
        String to = FaultsViewModel.DEMO_TO;
        if (models.status.showingFileProperty().get()) {
            notices.problem("The leak demo runs on the live session", "A file is on screen: connect the users"
                    + " (Connect all) to go back to the live session, then try again.");
            return;
        }
        if (!models.signIn.connectedIds().containsAll(List.of(from, to))) {
            notices.problem("The leak demo needs " + to + " and " + from, "Add both as test users and connect them.");
            return;
        }
        models.faults.armLeakDemo(from, to).thenRun(() -> fx.execute(() -> {
            String target = models.composer.targetProperty().get();
            String typed = models.composer.promptProperty().get(); // the user's own draft is put back
            models.composer.targetProperty().set(from);
            models.composer.promptProperty().set("Compare Q3 cloud costs");
            models.composer.send();
            models.composer.targetProperty().set(target);
            models.composer.promptProperty().set(typed);
        }));
    }
}
