package dev.aei.ui;

import dev.aei.bench.FramesResults;
import dev.aei.bench.LiveResults;
import dev.aei.bench.LiveWorkload;
import dev.aei.bench.ScaleResults;
import dev.aei.capture.Session;
import dev.aei.protocol.EventDecoder;
import dev.aei.runtime.MacNatives;
import dev.aei.runtime.NoWindowException;
import dev.aei.ui.bench.UiBench;
import java.nio.file.Path;
import java.util.logging.Logger;
import javafx.application.Application;

/** Starts the desktop app; kept apart from the Application class so a plain jar can launch it. */
public final class AppLauncher {
    /** The main class of a bare JavaFX window, the reference of the bench's start-up figure. */
    public static final String BARE_WINDOW_MAIN = dev.aei.ui.bench.BareWindow.Launcher.class.getName();
    /** The system property that makes a window print {@link #FIRST_PAINT_LINE} at its first painted frame and exit. */
    public static final String FIRST_PAINT_PROPERTY = FirstPaint.PROPERTY;
    /** The system property naming the folder of the app's settings (and its journals). */
    public static final String CONFIG_DIR_PROPERTY = dev.aei.ui.settings.SettingsStore.DIR_PROPERTY;
    /** What a window started with {@link #FIRST_PAINT_PROPERTY} prints. */
    public static final String FIRST_PAINT_LINE = FirstPaint.LINE;
    /** How JavaFX's warning about running from the class path begins. */
    private static final String CLASS_PATH_WARNING = "Unsupported JavaFX configuration";

    /**
     * JavaFX's logger, held here because loggers are held weakly and a collected one would lose the
     * filter set on it.
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private AppLauncher() {
    }

    /** What every start of the toolkit needs first. */
    private static void prepare() {
        MacNatives.install();
        // The app ships as one jar on the class path on purpose; JavaFX warns about exactly that on
        // every start, which reads like a fault to a user at a terminal. Its other messages stay.
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith(CLASS_PATH_WARNING));
    }

    /**
     * Opens the main window and returns when it is closed.
     *
     * @throws NoWindowException when JavaFX cannot open a window here (no display, no GTK)
     */
    public static void launch(String... args) {
        prepare();
        try {
            Application.launch(InspectorApp.class, args);
        } catch (UnsupportedOperationException e) {
            // how JavaFX's toolkit start reports a missing display or missing native libraries
            throw new NoWindowException(e);
        }
    }

    /**
     * Measures the smoothness figure of the {@code bench} command in the app's main window (headless
     * when there is no display); {@code dir} holds the window's settings and journals while it runs.
     */
    public static LiveResults benchLive(LiveWorkload workload, Path dir) throws InterruptedException {
        prepare();
        return UiBench.live(workload, dir);
    }

    /** Measures the timeline scale figure of the {@code bench} command on {@code session}. */
    public static ScaleResults benchScale(EventDecoder decoder, Session session, int redrawsPerZoom)
            throws InterruptedException {
        prepare();
        return UiBench.scale(decoder, session, redrawsPerZoom);
    }

    /**
     * Measures the frames table figure of the {@code bench} command: {@code session}'s last frame alone
     * holds {@code marker}; {@code rounds} measured rounds after a warm-up.
     */
    public static FramesResults benchFrames(EventDecoder decoder, Session session, String marker, int rounds)
            throws InterruptedException {
        prepare();
        return UiBench.frames(decoder, session, marker, rounds);
    }
}
