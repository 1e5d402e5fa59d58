package dev.aei.ui;

import dev.aei.bench.FramesResults;
import dev.aei.bench.LiveResults;
import dev.aei.bench.LiveWorkload;
import dev.aei.bench.ScaleResults;
import dev.aei.capture.Session;
import dev.aei.protocol.EventDecoder;
import dev.aei.runtime.MacNatives;
import dev.aei.ui.bench.UiBench;
import java.nio.file.Path;
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

    private AppLauncher() {
    }

    /** Opens the main window and returns when it is closed. */
    public static void launch(String... args) {
        MacNatives.install();
        Application.launch(InspectorApp.class, args);
    }

    /**
     * Measures the smoothness figure of the {@code bench} command in the app's main window (headless
     * when there is no display); {@code dir} holds the window's settings and journals while it runs.
     */
    public static LiveResults benchLive(LiveWorkload workload, Path dir) throws InterruptedException {
        MacNatives.install();
        return UiBench.live(workload, dir);
    }

    /** Measures the timeline scale figure of the {@code bench} command on {@code session}. */
    public static ScaleResults benchScale(EventDecoder decoder, Session session, int redrawsPerZoom)
            throws InterruptedException {
        MacNatives.install();
        return UiBench.scale(decoder, session, redrawsPerZoom);
    }

    /**
     * Measures the frames table figure of the {@code bench} command: {@code session}'s last frame alone
     * holds {@code marker}; {@code rounds} measured rounds after a warm-up.
     */
    public static FramesResults benchFrames(EventDecoder decoder, Session session, String marker, int rounds)
            throws InterruptedException {
        MacNatives.install();
        return UiBench.frames(decoder, session, marker, rounds);
    }
}
