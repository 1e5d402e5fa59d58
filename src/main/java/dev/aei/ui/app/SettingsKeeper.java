package dev.aei.ui.app;

import dev.aei.ui.settings.AppSettings;
import dev.aei.ui.settings.FramesPlacement;
import dev.aei.ui.settings.SettingsStore;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the settings file in step with the window: what the panels hold now, laid over what was
 * read at start, written off the FX thread whenever something changes and once more on close.
 * A file that cannot be written is logged, never shown: the window goes on with what it has.
 */
final class SettingsKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsKeeper.class);

    private final SettingsStore store;
    private final AppSettings saved;
    private final Consumer<Runnable> background;
    private UnaryOperator<AppSettings> panels = UnaryOperator.identity();

    SettingsKeeper(SettingsStore store, AppSettings saved, Consumer<Runnable> background) {
        this.store = store;
        this.saved = saved;
        this.background = background;
    }

    /** Tells the keeper how to read the panels' settings over the saved ones, once the panels exist. */
    void readFrom(UnaryOperator<AppSettings> panels) {
        this.panels = panels;
    }

    /** The settings as read at start (the command line's over the file's). */
    AppSettings saved() {
        return saved;
    }

    /** The settings as the panels hold them now. */
    AppSettings current() {
        return panels.apply(saved);
    }

    /** Writes the current settings in the background (read now, on the calling thread). */
    void saveLater() {
        AppSettings snapshot = current();
        background.accept(() -> write(snapshot));
    }

    /** Writes the current settings before returning (on close). */
    void saveNow() {
        write(current());
    }

    /** Writes where the frames table sits, in the background. */
    void savePlacement(FramesPlacement placement) {
        background.accept(() -> {
            try {
                placement.save(store.file());
            } catch (IOException e) {
                LOG.warn("The frames table's placement could not be saved beside {}: {}", store.file(), e.getMessage());
            }
        });
    }

    private void write(AppSettings settings) {
        try {
            store.save(settings);
        } catch (IOException e) {
            LOG.warn("Settings could not be saved to {}: {}", store.file(), e.getMessage());
        }
    }
}
