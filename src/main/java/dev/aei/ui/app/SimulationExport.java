package dev.aei.ui.app;

import dev.aei.fixture.Fixture;
import dev.aei.loadtest.GatlingExport;
import dev.aei.loadtest.GatlingExportException;
import dev.aei.loadtest.GatlingSettings;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * File &gt; Export &gt; Gatling simulation: writes what is shown (the live session or the opened file)
 * as a load-test project in a new folder, off the FX thread, and says where it went.
 */
final class SimulationExport {
    private final Executor background;
    private final Executor fx;
    private final Notices notices;

    SimulationExport(Executor background, Executor fx, Notices notices) {
        this.background = background;
        this.fx = fx;
        this.notices = notices;
    }

    /** Writes the project for {@code recording} (named {@code name}) into a new folder under {@code parent}. */
    void start(Supplier<Fixture> recording, String name, Path parent) {
        background.execute(() -> {
            Fixture fixture = recording.get();
            if (fixture == null) {
                fx.execute(() -> notices.problem("Nothing to export yet",
                        "Connect and send a prompt, or open a fixture, then export it."));
                return;
            }
            Path dir = GatlingExport.freshFolder(parent, name);
            try {
                GatlingExport.Written written = new GatlingExport().write(fixture, name, dir, GatlingSettings.defaults(),
                        false);
                String notes = written.notes().isEmpty() ? "" : " (" + written.notes().size() + " notes in its README)";
                fx.execute(() -> notices.info("Gatling simulation written", dir + notes
                        + ". Run it there with AEI_SECRET set: mvn gatling:test"));
            } catch (GatlingExportException | RuntimeException e) {
                fx.execute(() -> notices.problem("The Gatling simulation could not be written", e.getMessage()));
            }
        });
    }
}
