package dev.aei.ui.app;

import dev.aei.fixture.Fixture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs a File &gt; Export job on what is shown (the live session or the opened file) off the FX
 * thread, and tells the user how it went.
 */
final class BackgroundExport {
    /** Writes the export; returns what to tell the user about it (e.g. where it went). */
    interface Job {
        String write(Fixture shown) throws Exception;
    }

    private final Executor background;
    private final Executor fx;
    private final Notices notices;

    BackgroundExport(Executor background, Executor fx, Notices notices) {
        this.background = background;
        this.fx = fx;
        this.notices = notices;
    }

    /**
     * Runs {@code job} on {@code shown}'s fixture in the background.
     *
     * @param done   the title of the notice after it succeeded
     * @param failed the title of the notice when it failed
     */
    void start(Supplier<Fixture> shown, String done, String failed, Job job) {
        background.execute(() -> {
            Fixture fixture = shown.get();
            if (fixture == null) {
                fx.execute(() -> notices.problem("Nothing to export yet",
                        "Connect and send a prompt, or open a fixture, then export it."));
                return;
            }
            try {
                String said = job.write(fixture);
                fx.execute(() -> notices.info(done, said));
            } catch (Exception e) { // every failure becomes a notice; the session on screen stays as it was
                fx.execute(() -> notices.problem(failed, e.getMessage()));
            }
        });
    }
}
