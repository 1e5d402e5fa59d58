package dev.aei.ui;

import dev.aei.ui.app.AppOptions;
import dev.aei.ui.app.MainWindow;
import dev.aei.ui.app.StartingView;
import dev.aei.ui.settings.AppSettings;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The JavaFX application: paints the window in its starting state at once, then reads the settings
 * and the profile on a background thread and builds the main window into the same stage.
 */
public final class InspectorApp extends Application {
    private final CompletableFuture<MainWindow> ready = new CompletableFuture<>();
    private AppOptions options;
    private volatile MainWindow window;

    /** The app as launched from the command line (options from the parameters). */
    public InspectorApp() {
        this(null);
    }

    /** The app with explicit options (tests). */
    public InspectorApp(AppOptions options) {
        this.options = options;
    }

    @Override
    public void init() {
        if (options == null) {
            options = AppOptions.fromParameters(getParameters().getNamed());
        }
    }

    @Override
    public void start(Stage stage) {
        if (options == null) {
            init();
        }
        StartingView.show(stage);
        FirstPaint.armIfAsked();
        AppOptions chosen = options;
        CompletableFuture.supplyAsync(() -> MainWindow.readSettings(chosen))
                .thenAccept(settings -> Platform.runLater(() -> build(stage, chosen, settings)))
                .exceptionally(error -> {
                    ready.completeExceptionally(error);
                    return null;
                });
    }

    private void build(Stage stage, AppOptions chosen, AppSettings settings) {
        try {
            MainWindow built = new MainWindow(stage, chosen, settings);
            built.show();
            window = built;
            ready.complete(built);
        } catch (RuntimeException | Error e) {
            ready.completeExceptionally(e);
            throw e;
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }

    /** The main window, waiting until it is built (so never call this on the FX thread). */
    public MainWindow window() {
        try {
            return ready.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the main window was being built", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the main window could not be built: " + e.getCause(), e.getCause());
        }
    }
}
