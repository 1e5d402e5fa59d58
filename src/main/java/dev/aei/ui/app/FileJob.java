package dev.aei.ui.app;

import dev.aei.fixture.FixtureException;
import dev.aei.fixture.Progress;
import dev.aei.ui.files.OpenFileViewModel;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * One file load or save in the background, driving the window's progress bar from 0 to 1 (the
 * task coalesces the updates onto the FX thread). Build and start it on the FX thread.
 */
final class FileJob<T> extends Task<T> {
    /** The blocking file work, told how far it came. */
    @FunctionalInterface
    interface Work<T> {
        T run(Progress progress) throws FixtureException;
    }

    private final Work<T> work;

    FileJob(Work<T> work) {
        this.work = work;
        updateProgress(0, 1); // a determinate bar from the start, not an indeterminate one
    }

    @Override
    protected T call() throws FixtureException {
        return work.run((fraction, message) -> {
            updateProgress(fraction, 1.0);
            updateMessage(message);
        });
    }

    /** Runs it with the progress bar of {@code files}; the outcome is handed over on the FX thread. */
    void start(OpenFileViewModel files, Executor background, Consumer<T> succeeded, Consumer<Throwable> failed) {
        files.started();
        files.progressProperty().bind(progressProperty());
        setOnSucceeded(e -> {
            files.progressProperty().unbind();
            succeeded.accept(getValue());
        });
        setOnFailed(e -> {
            files.progressProperty().unbind();
            failed.accept(getException());
        });
        background.execute(this);
    }
}
