package dev.aei.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application: the main window. */
public final class InspectorApp extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("Agent Event Inspector");
        stage.setScene(new Scene(new Label("Agent Event Inspector"), 1280, 800));
        stage.show();
    }
}
