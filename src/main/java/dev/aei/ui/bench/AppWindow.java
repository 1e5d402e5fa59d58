package dev.aei.ui.bench;

import dev.aei.server.BackendConfig;
import dev.aei.ui.app.AppOptions;
import dev.aei.ui.app.MainWindow;
import dev.aei.ui.settings.AppSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;

/**
 * The app's real main window for the live figure: started as the app starts (embedded backend,
 * settings in a temporary folder), signed in with nobody, so its session takes the bench stream.
 */
final class AppWindow {
    private static final long WAIT_MILLIS = 60_000;

    private final MainWindow window;
    private final Stage stage;

    private AppWindow(MainWindow window, Stage stage) {
        this.window = window;
        this.stage = stage;
    }

    /** Opens the window and waits until its session exists. */
    static AppWindow open(Path dir) throws InterruptedException {
        AppOptions options = new AppOptions(dir.resolve("settings.json"), BackendConfig.defaults(), null, null,
                List.of(), dir.resolve("sessions"), false);
        Stage stage = Fx.call(Stage::new);
        MainWindow window = Fx.call(() -> {
            MainWindow w = new MainWindow(stage, options);
            w.show();
            return w;
        });
        await(() -> window.control().backend() != null, "the embedded backend did not start");
        window.control().connect(AppSettings.defaults(), List.of());
        await(() -> window.control().inspection().session() != null, "the window's session did not start");
        return new AppWindow(window, stage);
    }

    LiveTarget target() {
        return new LiveTarget(window.control().inspection().session(), window.pump());
    }

    /** Closes the window, its backend and its session; FX thread only. */
    void close() {
        window.close();
        stage.close();
    }

    private static void await(BooleanSupplier condition, String failure) throws InterruptedException {
        long end = System.nanoTime() + WAIT_MILLIS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException(failure);
            }
            Thread.sleep(20);
        }
    }
}
