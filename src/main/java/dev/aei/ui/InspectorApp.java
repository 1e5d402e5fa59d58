package dev.aei.ui;

import dev.aei.ui.app.AppOptions;
import dev.aei.ui.app.MainWindow;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: opens the main window. */
public final class InspectorApp extends Application {
    private AppOptions options;
    private MainWindow window;

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
        window = new MainWindow(stage, options);
        window.show();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }

    /** The main window once started. */
    public MainWindow window() {
        return window;
    }
}
