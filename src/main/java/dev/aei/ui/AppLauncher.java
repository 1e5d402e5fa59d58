package dev.aei.ui;

import javafx.application.Application;

/** Starts the desktop app; kept apart from the Application class so a plain jar can launch it. */
public final class AppLauncher {

    private AppLauncher() {
    }

    /** Opens the main window and returns when it is closed. */
    public static void launch(String... args) {
        Application.launch(InspectorApp.class, args);
    }
}
